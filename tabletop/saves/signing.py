"""Signed saves: an HMAC over each line's hash-chain value, with a key only the class's facilitator holds.

The key comes from the facilitator's passphrase through scrypt (a random salt and
the cost stored in the save's header; the passphrase itself is never stored) or
from a class key file kept outside the saves folder. Every line of a signed save
carries ``sig``, the HMAC of its chain value, so the signature covers every byte
up to that line: a student who edits a save and recomputes the chain cannot
recompute the signatures. See ``saves/README.md``.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import Any, Literal

import attrs

from tabletop.saves.folder import PassphraseNeeded, SaveError, WrongPassphrase
from tabletop.text import InputError, is_inside, message, read_limited, shown_path

ENV_PASSPHRASE = "TABLETOP_PASSPHRASE"
ENV_KEY_FILE = "TABLETOP_KEY_FILE"
SCRYPT = "scrypt"
KEY_FILE = "key-file"
# scrypt's cost: 2^15 x 8 x 128 bytes = 32 MiB and about 0.1 s per derivation; a header may ask for
# 2^14 to 2^17 (never more: a hostile header must not make a reader spend gigabytes).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_N_RANGE, _R_RANGE, _P_RANGE = (2**14, 2**17), (1, 16), (1, 4)
KEY_FILE_LIMIT = 4096
_HEX16 = frozenset("0123456789abcdef")


def _hex(text: object, length: int) -> bool:
    return isinstance(text, str) and len(text) == length and set(text) <= _HEX16


@functools.lru_cache(maxsize=64)
def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32,
                          maxmem=256 * n * r + (1 << 20))


def _key_id(key: bytes) -> str:
    return hmac.new(key, b"tabletop-save key id", hashlib.sha256).hexdigest()[:16]


@attrs.frozen
class SaveKey:
    """A class's signing key and the header entry (``signing``) that says how to find it again."""

    secret: bytes = attrs.field(repr=False)
    signing: dict[str, Any]
    source: str | None = None
    """The key file it was read from, if any (a save must not be written in the same folder)."""

    @property
    def key_id(self) -> str:
        """A short public id of the key (in the header): tells a wrong passphrase from a changed save."""
        return _key_id(self.secret)

    @property
    def method(self) -> str:
        return str(self.signing["method"])

    def sign(self, chain: str) -> str:
        """The ``sig`` of a line whose chain value is ``chain``."""
        return hmac.new(self.secret, b"tabletop-save line " + chain.encode("ascii"), hashlib.sha256).hexdigest()

    def signs(self, chain: str, sig: str | None) -> bool:
        return sig is not None and hmac.compare_digest(self.sign(chain), sig)

    @classmethod
    def from_passphrase(cls, passphrase: str) -> SaveKey:
        """A new key for a new save: the passphrase through scrypt with a fresh random salt."""
        if not passphrase:
            raise SaveError("a signed save needs a passphrase that is not empty")
        salt = secrets.token_bytes(16)
        secret = _scrypt(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        return cls(secret, {"method": SCRYPT, "salt": salt.hex(), "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                            "key_id": _key_id(secret)})

    @classmethod
    def from_key_file(cls, path: str | os.PathLike[str]) -> SaveKey:
        """The key kept in a class key file (any secret text of 16 to 4096 bytes; see :func:`create_key_file`)."""
        try:
            content = read_limited(path, KEY_FILE_LIMIT, "a class key file").strip()
        except InputError as error:
            raise SaveError(str(error)) from None
        if len(content) < 16:
            raise SaveError(message(path, "is too short to be a class key file (at least 16 characters)"))
        secret = hmac.new(b"tabletop class key file", content, hashlib.sha256).digest()
        return cls(secret, {"method": KEY_FILE, "key_id": _key_id(secret)}, os.fspath(path))


def facilitator_key(passphrase: str | None = None, key_file: str | None = None) -> SaveKey | None:
    """The key a new facilitated game is signed with, or None (the game is saved unsigned).

    The facilitator's passphrase if there is one (a new salt each game), else the class key file given
    or named by ``$TABLETOP_KEY_FILE``. Derive it once, when the game starts (about 0.1 s).
    """
    if passphrase:
        return SaveKey.from_passphrase(passphrase)
    chosen = key_file or os.environ.get(ENV_KEY_FILE)
    return SaveKey.from_key_file(chosen) if chosen else None


def create_key_file(path: str | os.PathLike[str]) -> Path:
    """Write a new class key file (64 random hex digits, readable by its owner only); never overwrites."""
    target = Path(path)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise SaveError(message(target, "already exists; a class key file is never overwritten")) from None
    except OSError as error:
        raise SaveError(message(target, f"cannot create the key file ({error.strerror or error})")) from None
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secrets.token_hex(32) + "\n")
    return target


def check_key_outside(key: SaveKey | None, folder: Path) -> None:
    """Refuse a key file kept inside the saves folder (whoever can read the saves could then sign them)."""
    if key is not None and key.source is not None and is_inside(key.source, folder):
        raise SaveError(message(key.source, f"the class key file must be kept outside the saves folder "
                                            f"{shown_path(folder)}"))


def signing_problem(signing: object) -> str | None:
    """What is wrong with a header's ``signing`` entry, or None."""
    if not isinstance(signing, dict):
        return "signing must be an object"
    method = signing.get("method")
    if not _hex(signing.get("key_id"), 16):
        return "signing.key_id must be 16 hexadecimal digits"
    if method == KEY_FILE:
        return None
    if method != SCRYPT:
        return f"signing.method must be {SCRYPT!r} or {KEY_FILE!r}"
    if not _hex(signing.get("salt"), 32):
        return "signing.salt must be 32 hexadecimal digits"
    for name, (low, high) in (("n", _N_RANGE), ("r", _R_RANGE), ("p", _P_RANGE)):
        value = signing.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            return f"signing.{name} must be a whole number from {low} to {high}"
    n = signing["n"]
    if n & (n - 1):
        return "signing.n must be a power of two"
    return None


@attrs.frozen
class ClassSecret:
    """What a reader was given to check signatures: the class passphrase and/or the class key file."""

    passphrase: str | None = attrs.field(default=None, repr=False)
    key_file: str | None = None

    @classmethod
    def from_environment(cls, passphrase: str | None = None, key_file: str | None = None) -> ClassSecret:
        """The values given, else ``$TABLETOP_PASSPHRASE`` and ``$TABLETOP_KEY_FILE``."""
        return cls(passphrase or os.environ.get(ENV_PASSPHRASE) or None,
                   key_file or os.environ.get(ENV_KEY_FILE) or None)

    def __bool__(self) -> bool:
        return bool(self.passphrase or self.key_file)

    def key_for(self, signing: dict[str, Any]) -> SaveKey | None:
        """The key for a save signed as ``signing`` says, or None if this secret is of the other kind."""
        if signing.get("method") == SCRYPT and self.passphrase:
            return unlock(signing, self.passphrase, check=False)
        if signing.get("method") == KEY_FILE and self.key_file:
            return SaveKey.from_key_file(self.key_file)
        return None


def unlock(signing: dict[str, Any], passphrase: str, check: bool = True) -> SaveKey:
    """The key of a save signed with a passphrase (salt and cost from its header).

    With ``check``, a passphrase that is not the one the save was signed with raises :class:`WrongPassphrase`.
    """
    salt = bytes.fromhex(signing["salt"])
    secret = _scrypt(passphrase, salt, signing["n"], signing["r"], signing["p"])
    if check and not hmac.compare_digest(_key_id(secret), signing["key_id"]):
        raise WrongPassphrase("that is not the passphrase this game was signed with")
    return SaveKey(secret, dict(signing))


Status = Literal["unchained", "unsigned", "unchecked", "signed", "mismatch"]


@attrs.frozen
class SignatureCheck:
    """What a reader can say of a save's signature: ``text`` is what the command line prints."""

    status: Status
    text: str
    line: int | None = None

    @property
    def trusted(self) -> bool:
        return self.status == "signed"

    @property
    def failed(self) -> bool:
        return self.status == "mismatch"


@attrs.frozen
class Seal:
    """One line's place in the chain: its number, its chain value and its signature (if any)."""

    line: int
    chain: str
    sig: str | None = None


def check_signature(version: int, signing: dict[str, Any] | None, seals: list[Seal],
                    secret: ClassSecret | None = None) -> SignatureCheck:
    """Whether a save's lines are signed by the class whose ``secret`` is given."""
    if version < 2:
        return SignatureCheck("unchained", "unchained (version 1)")
    if signing is None:
        stray = next((seal.line for seal in seals if seal.sig is not None), None)
        if stray is not None:  # signatures without a signed header: the header was changed
            return SignatureCheck("mismatch", "signature does not match (line 1: the header's signing was removed)", 1)
        return SignatureCheck("unsigned", "unsigned")
    what = "the class passphrase" if signing.get("method") == SCRYPT else "the class key file"
    key = secret.key_for(signing) if secret else None
    if key is None:
        return SignatureCheck("unchecked", f"signed (not checked: give {what})")
    if not hmac.compare_digest(key.key_id, str(signing.get("key_id"))):
        return SignatureCheck("mismatch", "signature does not match (line 1: not signed with this passphrase or "
                                          "key file)", 1)
    for seal in seals:
        if not key.signs(seal.chain, seal.sig):
            return SignatureCheck("mismatch", f"signature does not match (line {seal.line})", seal.line)
    return SignatureCheck("signed", "signed by this class")


def key_for_resume(signing: dict[str, Any] | None, name: str, passphrase: str | None = None,
                   key_file: str | None = None) -> SaveKey | None:
    """The key to go on signing a save when it is resumed; None for an unsigned save.

    Raises :class:`PassphraseNeeded` when the save is signed and nothing was given, and
    :class:`WrongPassphrase` when what was given is not the save's key.
    """
    if signing is None:
        return None
    shown = shown_path(name)
    if signing.get("method") == SCRYPT:
        if not passphrase:
            raise PassphraseNeeded(f"{shown}: is a signed classroom game: its facilitator's passphrase is needed "
                                   "to go on")
        try:
            return unlock(signing, passphrase)
        except WrongPassphrase:
            raise WrongPassphrase(f"{shown}: that is not the passphrase this game was signed with") from None
    if not key_file:
        raise PassphraseNeeded(f"{shown}: is signed with a class key file: give it to go on "
                               f"(--key-file or ${ENV_KEY_FILE})")
    key = SaveKey.from_key_file(key_file)
    if not hmac.compare_digest(key.key_id, str(signing.get("key_id"))):
        raise WrongPassphrase(f"{shown}: that is not the key file this game was signed with")
    return key


__all__ = ["ClassSecret", "SaveKey", "Seal", "SignatureCheck", "check_signature", "create_key_file", "facilitator_key",
           "key_for_resume", "signing_problem", "unlock"]
