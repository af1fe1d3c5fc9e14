"""A computer opponent's style in a save's header, out of sight while its players may read the header.

The players of a game against the computer are not told its style until the debrief
(unless a trainer shows it). The style is still part of the game (resuming needs it to
keep playing the same way), so the save must hold it; the header's ``seats`` then says
``"computer"`` for that seat, and ``hidden_seats`` holds the real seats masked: their JSON,
padded to a fixed length and XORed with a SHA-256 stream of the save's own scenario id,
seed and start time (so two saves against the same style hold different text, and the
length does not tell a long name from a short one).

This is not encryption and does not pretend to be: anyone who reads ``saves/README.md``
and the header can undo it. It keeps the style from being read at a glance, in the file
or by comparing it with another save; what the game *shows* is kept back by the screens.
Nothing here needs the engine (the list of saves reads headers without it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

HUMAN = "human"
COMPUTER = "computer"
KEY = "hidden_seats"
_LENGTH = 64  # bytes of padded JSON: longer than any pair of seats ("washington" and "moscow", 11-letter styles)


def hides(seats: Mapping[Any, str], show_opponent: bool) -> bool:
    """Whether a header hides a computer's style: a person plays against it and the trainer did not show it."""
    values = list(seats.values())
    return not show_opponent and HUMAN in values and any(seat != HUMAN for seat in values)


def style_shown(header: Mapping[str, Any], show_opponent: bool = False) -> bool:
    """Whether a save's game names its computer opponent's style from the opening: the trainer showed it (the
    header's ``show_opponent``, from ``play``/``resume --show-opponent``, or ``show_opponent`` here: a command's
    ``--show-opponent``), or no person plays against a computer (two computers, or two people)."""
    return show_opponent or header.get("show_opponent") is True or not hides(header_seats(header), False)


def seals(shown: bool, over: bool, seat: str) -> bool:
    """Whether the confidential brief of the side in ``seat`` is sealed (with everything scored from it): a
    computer's whose style is not ``shown`` (:func:`style_shown`) in a game not yet ``over``. Its walk-away and
    valuations are what its opponent negotiates to find out; the debrief opens them at the end. The one rule of
    the replay viewer, ``tabletop report`` and ``tabletop compare``."""
    return not shown and not over and seat != HUMAN


def _stream(header: Mapping[str, Any]) -> bytes:
    salt = f"tabletop hidden seats\n{header.get('scenario_id')}\n{header.get('seed')}\n{header.get('created')}"
    out = b""
    for counter in range(_LENGTH // 32):
        out += hashlib.sha256(f"{salt}\n{counter}".encode()).digest()
    return out


def mask(seats: Mapping[str, str], header: Mapping[str, Any]) -> str:
    """``hidden_seats`` for ``seats`` (side name to seat) in a header whose scenario id, seed and start are set."""
    text = json.dumps(dict(seats), separators=(",", ":")).encode("utf-8")
    if len(text) > _LENGTH:
        raise ValueError(f"seats too long to hide ({len(text)} bytes)")
    padded = text.ljust(_LENGTH, b" ")
    return bytes(a ^ b for a, b in zip(padded, _stream(header))).hex()


def shown_seats(seats: Mapping[str, str]) -> dict[str, str]:
    """The seats as the header says them in words: a person, or ``computer``."""
    return {side: seat if seat == HUMAN else COMPUTER for side, seat in seats.items()}


def unmask(header: Mapping[str, Any]) -> dict[str, str]:
    """The real seats of a header that hides them; ValueError (a short reason) if ``hidden_seats`` is not right.

    The hidden seats must agree with the ones in words: the same people, a computer where it says ``computer``.
    """
    sealed, seats = header.get(KEY), header.get("seats")
    if not isinstance(sealed, str) or len(sealed) != 2 * _LENGTH:
        raise ValueError(f"{KEY} must be {2 * _LENGTH} hexadecimal digits")
    try:
        data = bytes.fromhex(sealed)
    except ValueError:
        raise ValueError(f"{KEY} must be {2 * _LENGTH} hexadecimal digits") from None
    plain = bytes(a ^ b for a, b in zip(data, _stream(header))).rstrip(b" ")
    try:
        real = json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ValueError(f"{KEY} cannot be read (the scenario id, seed or start time changed?)") from None
    if not isinstance(real, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in real.items()):
        raise ValueError(f"{KEY} does not hold a seat for each side")
    if not isinstance(seats, dict) or shown_seats(real) != seats:
        raise ValueError(f"{KEY} does not agree with the seats")
    return real


def header_seats(header: Mapping[str, Any]) -> dict[str, str]:
    """The real seats of a header, hidden or not (the hidden ones if they can be read, else the ones in words)."""
    seats = header.get("seats")
    if not isinstance(seats, dict):
        return {}
    if KEY in header:
        try:
            return unmask(header)
        except ValueError:
            pass
    return {str(k): str(v) for k, v in seats.items()}


__all__ = ["COMPUTER", "HUMAN", "KEY", "header_seats", "hides", "mask", "seals", "shown_seats", "style_shown", "unmask"]
