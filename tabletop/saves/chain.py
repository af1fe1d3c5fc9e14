"""The hash chain of a save (format version 2): every byte of every line is covered.

A line is its JSON record with two (or three) last keys added by :func:`seal`::

    {"kind":"action",...,"chain":"<64 hex>"}                 unsigned
    {"kind":"action",...,"chain":"<64 hex>","sig":"<64 hex>"}  signed

``chain`` is the SHA-256 of the previous line's chain value, a newline, and the
exact bytes of this line up to (not including) ``,"chain":``; the first line
(the header) starts from :data:`GENESIS`. Changing, adding, removing or moving
any byte of any line therefore breaks the chain at the first line changed.
``sig`` is the class's HMAC of ``chain`` (:mod:`tabletop.saves.signing`).
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import attrs

from tabletop.saves.signing import SaveKey

GENESIS = "tabletop-save 2"
_TAIL = re.compile(rb',"chain":"([0-9a-f]{64})"(?:,"sig":"([0-9a-f]{64})")?\}\Z')
_TAIL_WINDOW = 200


def link(previous: str, prefix: bytes) -> str:
    """The chain value of a line whose bytes before ``,"chain":`` are ``prefix``."""
    return hashlib.sha256(previous.encode("ascii") + b"\n" + prefix).hexdigest()


def dump(record: dict[str, Any]) -> bytes:
    """A record as compact JSON (UTF-8, no spaces): the form every save line takes."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def seal(record: dict[str, Any], previous: str, key: SaveKey | None = None) -> tuple[bytes, str]:
    """The line (ending in a newline) of ``record`` chained to ``previous``, and its chain value."""
    body = dump(record)
    prefix = body[:-1]  # the record without its closing brace
    chain = link(previous, prefix)
    tail = f',"chain":"{chain}"' + (f',"sig":"{key.sign(chain)}"' if key is not None else "") + "}\n"
    return prefix + tail.encode("ascii"), chain


@attrs.frozen
class Sealed:
    """A line split into the bytes its chain covers and the chain and signature it carries."""

    prefix: bytes
    chain: str
    sig: str | None


def unseal(raw: bytes) -> Sealed | None:
    """The parts of a chained line, or None if it does not end the way :func:`seal` ends lines."""
    window = raw[-_TAIL_WINDOW:]
    found = _TAIL.search(window)
    if found is None or not raw.startswith(b"{"):
        return None
    prefix = raw[: len(raw) - len(window) + found.start()]
    sig = found.group(2)
    return Sealed(prefix, found.group(1).decode("ascii"), sig.decode("ascii") if sig else None)


def rechain(lines: list[bytes], key: SaveKey | None = None) -> list[bytes]:
    """Lines (each ending in a newline) sealed again from scratch, signed with ``key`` if given.

    This is what a writer does; it is also what someone who edits a save without the class
    key can do, which is why a class trusts only signed saves (used by the tests to check that).
    """
    out, previous = [], GENESIS
    for raw in lines:
        record = json.loads(raw)
        record.pop("chain", None)
        record.pop("sig", None)
        line, previous = seal(record, previous, key)
        out.append(line)
    return out


__all__ = ["GENESIS", "Sealed", "dump", "link", "rechain", "seal", "unseal"]
