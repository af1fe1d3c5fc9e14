"""Actions from plain data: rebuilding a saved or received action, every field checked.

A save file and the network carry actions as plain data (``Action.to_dict``);
:func:`action_from_dict` turns it back into an action of a known kind with
fields of the right types, or raises :class:`ActionError` with a clear message.
Nothing in the data is executed.
"""

from __future__ import annotations

from typing import Any

import attrs

from tabletop.engine.actions import ACTION_TYPES, Action
from tabletop.engine.model import Effects, Message, Posture, Response, Side
from tabletop.engine.state import Concession, Offer


class ActionError(ValueError):
    """Plain data that does not describe an action (a corrupt save line, say)."""


def action_from_dict(data: Any) -> Action:
    """Rebuild an action from plain data; raise :class:`ActionError` with a clear message."""
    if not isinstance(data, dict):
        raise ActionError(f"expected an action object, got {type(data).__name__}")
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in ACTION_TYPES:
        raise ActionError(f"unknown action type {kind!r}")
    cls = ACTION_TYPES[kind]
    values: dict[str, Any] = {}
    fields = {f.name: f for f in attrs.fields(cls)}
    for name in data:
        if name != "type" and name not in fields:
            raise ActionError(f"{kind}: unexpected field {name!r}")
    for name, field in fields.items():
        if name not in data:
            if field.default is attrs.NOTHING:
                raise ActionError(f"{kind}: missing field {name!r}")
            continue
        values[name] = _convert(kind, name, field.type, data[name])
    return cls(**values)


def _convert(kind: str, name: str, annotation: Any, value: Any) -> Any:
    where = f"{kind}.{name}"
    try:
        if annotation in ("Side", Side):
            return Side(value)
        if annotation in ("Posture", Posture):
            return Posture(value)
        if annotation in ("Response", Response):
            return Response(value)
        if annotation in ("Message", Message):
            return Message(value)
        if annotation == "tuple[str, ...]":
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise ActionError(f"{where}: expected a list of texts, got {value!r}")
            return tuple(value)
        if annotation == "tuple[Offer, ...]":
            if not isinstance(value, list):
                raise ActionError(f"{where}: expected a list of offers, got {value!r}")
            return tuple(offer_from_dict(item) for item in value)
        if annotation in ("Offer", Offer):
            return offer_from_dict(value)
        if annotation in ("Effects", Effects):
            return _effects(value)
        if annotation in ("int", int):
            if not isinstance(value, int) or isinstance(value, bool):
                raise ActionError(f"{where}: expected a whole number, got {value!r}")
            return value
        if annotation in ("str", str):
            if not isinstance(value, str):
                raise ActionError(f"{where}: expected text, got {value!r}")
            return value
    except (ValueError, TypeError, KeyError) as error:
        if isinstance(error, ActionError):
            raise
        raise ActionError(f"{where}: {value!r} is not valid") from None
    raise ActionError(f"{where}: cannot read {value!r}")


def offer_from_dict(value: Any) -> Offer:
    if not isinstance(value, dict):
        raise ActionError("offer: expected an object")
    concessions = []
    for item in value.get("concessions", []):
        if not isinstance(item, dict) or not isinstance(item.get("irritant"), str) \
                or not isinstance(item.get("to"), int) or isinstance(item.get("to"), bool):
            raise ActionError(f"offer: bad concession {item!r}")
        concessions.append(Concession(item["irritant"], item["to"]))
    links = []
    for pair in value.get("links", []):
        if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(x, str) for x in pair):
            raise ActionError(f"offer: bad link {pair!r}")
        links.append((pair[0], pair[1]))
    return Offer(tuple(concessions), tuple(links))


def _effects(value: Any) -> Effects:
    if not isinstance(value, dict):
        raise ActionError("effects: expected an object")
    standing = value.get("standing", {})
    rungs = value.get("rungs", {})
    numbers = [value.get("trust", 0), value.get("tension", 0), *standing.values(), *rungs.values()]
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers):
        raise ActionError("effects: expected whole numbers")
    return Effects(trust=value.get("trust", 0), tension=value.get("tension", 0),
                   standing=dict(standing), rungs=dict(rungs))
