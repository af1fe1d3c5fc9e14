"""The wire format: JSON objects in web-socket text frames, one message each (see docs/CLASSROOM.md).

Incoming frames are parsed here and nowhere else: JSON only, an object with a
known ``type``, under :data:`MAX_MESSAGE_BYTES`; anything else is answered with
a one-line error and changes nothing. Nothing a client sends is executed or
rendered: actions are rebuilt with ``action_from_dict`` and judged by the engine.
"""

from __future__ import annotations

import json
import re
from typing import Any

PROTOCOL = 1
MAX_MESSAGE_BYTES = 64 * 1024
"""Larger frames are refused: the web socket is closed with code 1009 (message too big). The largest legal move
a seat can send is a set of three packages each moving all ``MAX_IRRITANTS`` irritants with every pair linked,
irritant ids at ``MAX_ID`` characters: about 55 KB as JSON (tests/net/test_net_largest_move.py builds it)."""
PATH = "/ws"

SEAT_MESSAGES = frozenset({"act", "preview", "refresh", "ping"})
FACILITATOR_MESSAGES = frozenset({"control", "seat", "open", "close_view", "overview", "end_class", "ping"})
ANYONE = frozenset({"join", "ping"})
KNOWN = SEAT_MESSAGES | FACILITATOR_MESSAGES | ANYONE

_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


class ProtocolError(ValueError):
    """A message that cannot be read or used; the text is the one-line error sent back."""


def parse(text: str) -> dict[str, Any]:
    """A client's frame as a message object; raise :class:`ProtocolError` with a one-line reason."""
    if len(text.encode("utf-8")) > MAX_MESSAGE_BYTES:
        raise ProtocolError(f"the message is larger than {MAX_MESSAGE_BYTES} bytes")
    try:
        data = json.loads(text)
    except RecursionError:
        raise ProtocolError("the message is nested too deeply") from None
    except ValueError as error:
        raise ProtocolError(f"the message is not valid JSON ({' '.join(str(error).split())})") from None
    if not isinstance(data, dict):
        raise ProtocolError("a message must be a JSON object with a \"type\"")
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in KNOWN:
        shown = repr(kind)[:40] if isinstance(kind, str) else "missing"
        raise ProtocolError(f"unknown message type {shown}, expected one of: {', '.join(sorted(KNOWN))}")
    return data


def action_id(message: dict[str, Any], required: bool = True) -> str | None:
    """The client-chosen action id: 1 to 64 letters, digits or ``_.:-``."""
    value = message.get("id")
    if value is None and not required:
        return None
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ProtocolError("an action needs an \"id\": 1 to 64 letters, digits or _.:- chosen by the client")
    return value


def text_field(message: dict[str, Any], name: str, limit: int = 200) -> str:
    value = message.get(name)
    if not isinstance(value, str) or not value or len(value) > limit:
        raise ProtocolError(f"\"{name}\" must be text of 1 to {limit} characters")
    return value


def one_line(text: object, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


def error(message: str, request_id: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"type": "error", "message": one_line(message)}
    if request_id is not None:
        data["id"] = request_id
    return data


def encode(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))
