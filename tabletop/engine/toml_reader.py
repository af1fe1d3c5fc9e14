"""Reading a parsed TOML document with clear problems instead of exceptions.

The reader walks the document, checks types and ranges, and collects a
:class:`Problem` (key path, what is wrong, what was expected) for each
mistake, so that one run reports everything wrong with a file.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import attrs


@attrs.frozen
class Problem:
    """One thing wrong with a scenario: where (a key path), what, and what was expected."""

    key: str
    message: str
    warning: bool = False

    def format(self, source: str) -> str:
        where = f"{self.key}: " if self.key else ""
        kind = "warning: " if self.warning else ""
        return f"{source}: {kind}{where}{self.message}"


class ScenarioError(Exception):
    """A scenario that cannot be played; ``problems`` says why, one line each."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self.lines()[0] if problems else f"{source}: invalid scenario")

    def lines(self) -> list[str]:
        return [problem.format(self.source) for problem in self.problems]


class _Missing:
    pass


MISSING = _Missing()


class _Reader:
    """Walks a TOML document, collecting problems instead of raising."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, key: str, message: str) -> None:
        self.problems.append(Problem(key, message))

    def failed(self, key: str) -> bool:
        """Whether a problem was found at ``key`` (or inside it): such a value is not used to judge others."""
        return any(p.key == key or p.key.startswith(key + ".") for p in self.problems)

    def table(self, data: Any, key: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict:
        if not isinstance(data, dict):
            self.fail(key, f"is {_kind(data)}, expected a table")
            return {}
        for name in data:
            # No allowed keys means the ids they name (irritants) failed to parse: already reported.
            if allowed and name not in allowed:
                path = f"{key}.{name}" if key else name
                self.fail(path, f"unknown key, expected one of: {', '.join(allowed)}")
        for name in required:
            if name not in data:
                path = f"{key}.{name}" if key else name
                self.fail(path, "is missing, expected a value")
        return data

    def get(self, data: dict, key: str, name: str, expect: type | tuple, default: Any = MISSING) -> Any:
        path = f"{key}.{name}" if key else name
        if name not in data:
            if default is MISSING:
                if not any(p.key == path for p in self.problems):
                    self.fail(path, f"is missing, expected {_expect(expect)}")
                return None
            return default
        value = data[name]
        if expect is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, bool) and expect is not bool:
            self.fail(path, f"is a boolean, expected {_expect(expect)}")
            return None if default is MISSING else default
        if not isinstance(value, expect):
            self.fail(path, f"is {_kind(value)}, expected {_expect(expect)}")
            return None if default is MISSING else default
        return value

    def text(self, data: dict, key: str, name: str, default: Any = MISSING, nonempty: bool = True) -> str:
        value = self.get(data, key, name, str, default)
        if value is None:
            return ""
        if nonempty and not value.strip() and default is MISSING:
            self.fail(f"{key}.{name}" if key else name, "is empty, expected some text")
        return value

    def integer(self, data: dict, key: str, name: str, low: int, high: int, default: Any = MISSING) -> int:
        value = self.get(data, key, name, int, default)
        if value is None:
            return low
        if not low <= value <= high:
            self.fail(f"{key}.{name}", f"is {value}, expected a whole number from {low} to {high}")
            return max(low, min(high, value))
        return value

    def number(self, data: dict, key: str, name: str, low: float, high: float, default: Any = MISSING) -> float:
        value = self.get(data, key, name, float, default)
        if value is None:
            return low
        if not low <= value <= high:
            self.fail(f"{key}.{name}", f"is {value}, expected a number from {low:g} to {high:g}")
            return max(low, min(high, value))
        return float(value)

    def choice(self, data: dict, key: str, name: str, enum: type[Enum], default: Any = MISSING) -> Any:
        value = self.get(data, key, name, str, default)
        if value is None or not isinstance(value, str):
            return value
        try:
            return enum(value)
        except ValueError:
            options = ", ".join(repr(member.value) for member in enum)
            self.fail(f"{key}.{name}", f"is {value!r}, expected one of {options}")
            return None

    def items(self, data: dict, key: str, name: str, required: bool = True) -> list:
        path = f"{key}.{name}" if key else name
        if name not in data:
            if required:
                self.fail(path, "is missing, expected an array of tables")
            return []
        value = data[name]
        if not isinstance(value, list):
            self.fail(path, f"is {_kind(value)}, expected an array of tables ([[{path}]])")
            return []
        return value


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value:g}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _expect(expect: type | tuple) -> str:
    names = {str: "text", int: "a whole number", float: "a number", bool: "true or false",
             list: "an array", dict: "a table"}
    if isinstance(expect, tuple):
        return " or ".join(names.get(e, e.__name__) for e in expect)
    return names.get(expect, expect.__name__)
