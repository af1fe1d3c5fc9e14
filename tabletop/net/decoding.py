"""Plain JSON data read back as the engine's values: the reverse of :func:`tabletop.net.views.plain`.

:func:`structure` follows the engine's own annotations (attrs classes, enums,
tuples, unions), so a field added to the engine is read without a change here.
Whatever cannot be read raises :class:`MirrorError` with a one-line reason, and so does
every text past the limits the engine holds its own texts to (:func:`checked_text`): a host,
broken or hostile, never puts a megabyte or a terminal's control sequence on a team's screen.
"""

from __future__ import annotations

import enum
import types
import typing
from typing import Any

import attrs

from tabletop.engine.limits import MAX_TEXT
from tabletop.text import MESSAGE_LIMIT, inert, inert_line

TEXT_LIMIT = MAX_TEXT
"""The longest text a seat takes from the host in any one field, in characters: the engine's own limit on any one
text of a scenario (a brief, an inject's text, a name). A log line's text, which joins a headline and a text,
has its own (``net.longest.LOG_TEXT_LIMIT``, derived from the engine's limits)."""


class MirrorError(ValueError):
    """A message from the host that does not describe what it should (a one-line reason).

    The reason is made one inert line of at most ``MESSAGE_LIMIT`` characters whatever it quotes of the host's
    message, so that showing it is always safe."""

    def __init__(self, reason: str) -> None:
        reason = inert_line(reason)
        super().__init__(reason if len(reason) <= MESSAGE_LIMIT else reason[:MESSAGE_LIMIT - 1] + "…")


def checked_text(value: str, where: str, limit: int = TEXT_LIMIT) -> str:
    """``value`` if it is at most ``limit`` characters with no control character but newline and tab (nothing a
    terminal would act on, nothing that hides or reorders text); :class:`MirrorError` naming ``where`` otherwise."""
    if len(value) > limit:
        raise MirrorError(f"{where}: is {len(value)} characters long, expected at most {limit}")
    if inert(value) != value:
        bad = next(char for char in value if inert(char) != char)
        raise MirrorError(f"{where}: holds a control character ({inert(bad)})")
    return value


MESSAGE_TEXT_LIMIT = 256 * 1024
"""The longest text a client takes in any message from the host, in characters (the class summary's Markdown, a
table per scenario, is the longest a host sends); the mirror holds the table's texts to far less."""


def text_problem(message: Any) -> str:
    """The first text in a message from the host (a value or a key, at any depth) that no client takes: one with a
    control character but newline and tab, or longer than :data:`MESSAGE_TEXT_LIMIT`; "" when there is none."""
    stack: list[tuple[str, Any]] = [("", message)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            for key, item in reversed(value.items()):
                name = f"{where}.{key}" if where else str(key)
                stack.append((name, item))
                stack.append((f"{name} (its name)", key))
        elif isinstance(value, list):
            stack.extend((f"{where}[{n}]", item) for n, item in reversed(list(enumerate(value))))
        elif isinstance(value, str):
            try:
                checked_text(value, where, MESSAGE_TEXT_LIMIT)
            except MirrorError as problem:
                return str(problem)
    return ""


def _hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except (NameError, TypeError) as error:  # pragma: no cover - the engine's own annotations resolve
        raise MirrorError(f"cannot read {cls.__name__} ({error})") from None


def structure(kind: Any, value: Any, where: str = "value") -> Any:
    """``value`` (plain JSON data) as an instance of ``kind`` (an annotation of the engine's attrs classes).

    The reverse of :func:`tabletop.net.views.plain`: enums from their values, tuples from lists, attrs
    classes from objects (fields not given keep their defaults). Raises :class:`MirrorError`.
    """
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if kind is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        problems = []
        for option in (a for a in args if a is not type(None)):
            try:
                return structure(option, value, where)
            except MirrorError as error:
                problems.append(str(error))
        raise MirrorError(problems[0] if problems else f"{where}: unexpected {type(value).__name__}")
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            return kind(value)
        except ValueError:
            raise MirrorError(f"{where}: {str(value)[:40]!r} is not a {kind.__name__}") from None
    if kind is bool:
        if not isinstance(value, bool):
            raise MirrorError(f"{where}: expected true or false")
        return value
    if kind in (int, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and not isinstance(value, int)):
            raise MirrorError(f"{where}: expected a number")
        return kind(value)
    if kind is str:
        if not isinstance(value, str):
            raise MirrorError(f"{where}: expected text")
        return checked_text(value, where)
    if origin in (tuple, frozenset, list):
        if not isinstance(value, list):
            raise MirrorError(f"{where}: expected a list")
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            if len(args) != len(value):
                raise MirrorError(f"{where}: expected {len(args)} items")
            return tuple(structure(a, v, f"{where}[{n}]") for n, (a, v) in enumerate(zip(args, value)))
        items = [structure(args[0] if args else Any, v, f"{where}[{n}]") for n, v in enumerate(value)]
        return frozenset(items) if origin is frozenset else tuple(items) if origin is tuple else items
    if origin is dict:
        if not isinstance(value, dict):
            raise MirrorError(f"{where}: expected an object")
        key_kind, value_kind = args or (Any, Any)
        return {structure(key_kind, k, where): structure(value_kind, v, f"{where}.{str(k)[:40]}")
                for k, v in value.items()}
    if isinstance(kind, type) and attrs.has(kind):
        if not isinstance(value, dict):
            raise MirrorError(f"{where}: expected an object")
        hints = _hints(kind)
        given = {}
        for field in attrs.fields(kind):
            if field.init and field.name in value:
                given[field.name] = structure(hints.get(field.name, Any), value[field.name], f"{where}.{field.name}")
        try:
            return kind(**given)
        except (TypeError, ValueError) as error:
            raise MirrorError(f"{where}: {' '.join(str(error).split())[:120]}") from None
    raise MirrorError(f"{where}: cannot read a {getattr(kind, '__name__', kind)}")


def as_object(value: Any) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an empty one (for reading what may be missing or odd)."""
    return value if isinstance(value, dict) else {}


def object_at(data: Any, where: str) -> dict[str, Any]:
    """``data`` if it is a JSON object; :class:`MirrorError` naming ``where`` otherwise."""
    if not isinstance(data, dict):
        raise MirrorError(f"{where}: expected an object")
    return data


__all__ = ["MESSAGE_TEXT_LIMIT", "TEXT_LIMIT", "MirrorError", "as_object", "checked_text", "object_at", "structure",
           "text_problem"]
