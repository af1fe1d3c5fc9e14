"""Join codes: random, 50 bits, ten characters of Crockford base32 read aloud in two groups of five.

Crockford's alphabet leaves out I, L, O and U, so a code copied by hand is
forgiving: lower case, spaces and dashes are ignored, and I/L read as 1, O as 0.
Codes are checked in constant time against every code of the class, so the
time an answer takes says nothing about how close a guess was.
"""

from __future__ import annotations

import hmac
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
BITS = 5 * LENGTH
"""Entropy of a code: 50 bits (the issue asks for at least 40)."""

_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})
_VALID = frozenset(ALPHABET)


def new_code() -> str:
    """A fresh random code, normalised (no dash): ``7Q2MXK9D4T``."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str:
    """The code as stored, from what a person typed ("7q2mx-k9d4t" -> "7Q2MXK9D4T"); "" if it cannot be a code."""
    text = "".join(typed.split()).replace("-", "").upper().translate(_READ_AS)
    if len(text) != LENGTH or not set(text) <= _VALID:
        return ""
    return text


def shown(code: str) -> str:
    """The code as printed and read aloud: ``7Q2MX-K9D4T``."""
    half = LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def new_passphrase() -> str:
    """A facilitator passphrase when none is given: three groups of five (75 bits)."""
    return "-".join(new_code()[:5] for _ in range(3))


def find(typed: str, codes: dict[str, str]) -> str | None:
    """The key whose code is ``typed`` (``codes``: key -> normalised code), compared in constant time.

    Every code is compared, whatever matched, so the answer takes the same time.
    """
    attempt = normalise(typed).encode() or b"-" * LENGTH
    found: str | None = None
    for key, code in codes.items():
        if hmac.compare_digest(attempt, code.encode()):
            found = key
    return found


def same_secret(typed: str, secret: str) -> bool:
    """Whether ``typed`` is the passphrase ``secret``, compared in constant time."""
    return hmac.compare_digest(typed.encode("utf-8"), secret.encode("utf-8"))
