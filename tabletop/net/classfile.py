"""The class file: a small TOML file naming the class, its scenario(s), its tables and each seat.

::

    [class]
    name = "Negotiation 101, Tuesday"
    scenario = "istanbul-2025-02"    # every table's, unless a table names its own
    timer = 120                      # optional round timer in seconds (10-7200, 0 for none)
    seed = 7                         # optional: table N plays seed + N - 1 (random otherwise)

    [[tables]]
    name = "Table 1"                 # optional ("Table N")
    washington = { team = "Eagles" }                  # a human team (the default)
    moscow = { team = "Bears", player = "grit" }      # a computer strategy

Problems are reported like scenario problems, one line each naming the file
and the key: ``class.toml: tables[2].moscow.player: is 'grity', expected 'human' or one of: ...``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs

from tabletop.engine.limits import UNSEEN
from tabletop.engine.model import SIDES, TIMER_MAX, TIMER_MIN, Scenario, Side, timer_problem
from tabletop.engine.opponents import STRATEGIES
from tabletop.engine.scenario import ScenarioError
from tabletop.errors import UserError

HUMAN = "human"
MAX_TABLES = 200
MAX_CLASS_BYTES = 256_000
_NAME_LIMIT = 80
_UNSEEN = re.compile(f"[{UNSEEN}]")
"""What no name may hold: the characters every seat refuses from the host (tab and newline fold to spaces)."""


class ClassFileError(UserError):
    """A class file that cannot be used; ``lines`` holds every problem, the message is the first."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        more = f" (and {len(lines) - 1} more problem{'s' if len(lines) > 2 else ''})" if len(lines) > 1 else ""
        super().__init__(lines[0] + more)


@attrs.frozen
class SeatPlan:
    """A seat at a table: the team's name, and who plays it (``human`` or a computer strategy)."""

    team: str
    player: str = HUMAN


@attrs.frozen
class TablePlan:
    """One table of the class: its id in the protocol (``t1``...), name, scenario, seed and seats."""

    id: str
    name: str
    scenario_spec: str
    scenario: Scenario = attrs.field(eq=False, repr=False)
    seed: int | None
    seats: dict[Side, SeatPlan]


@attrs.frozen
class ClassPlan:
    """A whole class as planned in its class file (or by ``--tables N --scenario ID``)."""

    name: str
    source: str
    tables: tuple[TablePlan, ...]
    timer: int | None = None


def default_seats() -> dict[Side, SeatPlan]:
    return {side: SeatPlan(f"{side.title} team") for side in SIDES}


def plan_for(tables: int, scenario: Scenario, spec: str, timer: int | None = None) -> ClassPlan:
    """A class of ``tables`` tables of one scenario, every seat human (``--tables N --scenario ID``)."""
    plans = tuple(TablePlan(f"t{n}", f"Table {n}", spec, scenario, None, default_seats())
                  for n in range(1, tables + 1))
    return ClassPlan(f"{scenario.id}-{tables}-tables", f"--tables {tables} --scenario {spec}", plans, timer)


class _Problems:
    def __init__(self, source: str) -> None:
        self.source = source
        self.lines: list[str] = []

    def add(self, key: str, message: str) -> None:
        self.lines.append(f"{self.source}: {key}: {message}" if key else f"{self.source}: {message}")


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    return "an array" if isinstance(value, list) else "a table" if isinstance(value, dict) else type(value).__name__


def _keys(data: dict, key: str, allowed: tuple[str, ...], problems: _Problems) -> None:
    for name in data:
        if name not in allowed:
            problems.add(f"{key}.{name}" if key else name, f"unknown key, expected one of: {', '.join(allowed)}")


def _name(data: dict, key: str, name: str, default: str, problems: _Problems) -> str:
    value = data.get(name, default)
    where = f"{key}.{name}"
    if not isinstance(value, str):
        problems.add(where, f"is {_kind(value)}, expected text")
        return default
    bad = _UNSEEN.search(value)
    if bad:
        problems.add(where, f"holds an invisible or control character (U+{ord(bad.group()):04X}) at character "
                            f"{bad.start() + 1}, expected a name that shows as typed")
        return default
    value = " ".join(value.split())
    if not value or len(value) > _NAME_LIMIT:
        problems.add(where, f"is {value[:20]!r}, expected a name of 1 to {_NAME_LIMIT} printable characters")
        return default
    return value


def _whole(data: dict, key: str, name: str, low: int, high: int, problems: _Problems) -> int | None:
    if name not in data:
        return None
    value = data[name]
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        shown = value if isinstance(value, int) and not isinstance(value, bool) else _kind(value)
        problems.add(f"{key}.{name}", f"is {shown}, expected a whole number from {low} to {high}")
        return None
    return value


def _scenario(spec: Any, key: str, base: Path, problems: _Problems, cache: dict[str, Scenario]) -> tuple[str, Scenario | None]:
    from tabletop.scenarios.library import UnknownScenario, looks_like_path, resolve, shipped_ids

    if not isinstance(spec, str) or not spec.strip():
        problems.add(key, f"is {_kind(spec)}, expected a shipped scenario id or a path to a .toml file")
        return "", None
    if spec not in shipped_ids() and looks_like_path(spec) and not Path(spec).is_absolute():
        spec = str((base / spec).resolve())
    if spec not in cache:
        try:
            cache[spec] = resolve(spec)
        except UnknownScenario:
            problems.add(key, f"is {spec!r}, expected a shipped scenario id ({', '.join(shipped_ids())}) "
                              "or a path to a .toml file")
            return spec, None
        except ScenarioError as error:
            problems.add(key, f"the scenario cannot be played: {error.lines()[0]}")
            return spec, None
    return spec, cache[spec]


def _seat(data: Any, key: str, side: Side, problems: _Problems) -> SeatPlan:
    if data is None:
        return SeatPlan(f"{side.title} team")
    if not isinstance(data, dict):
        problems.add(key, f"is {_kind(data)}, expected a table such as {{ team = \"...\", player = \"human\" }}")
        return SeatPlan(f"{side.title} team")
    _keys(data, key, ("team", "player"), problems)
    team = _name(data, key, "team", f"{side.title} team", problems)
    player = data.get("player", HUMAN)
    if player != HUMAN and player not in STRATEGIES:
        problems.add(f"{key}.player", f"is {player!r}, expected 'human' or one of: {', '.join(STRATEGIES)}"
                     if isinstance(player, str) else f"is {_kind(player)}, expected text")
        player = HUMAN
    return SeatPlan(team, player)


def parse_class(text: str, source: str, base: Path | None = None) -> ClassPlan:
    """Read a class file's text; raise :class:`ClassFileError` listing every problem."""
    import tomli

    problems = _Problems(source)
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise ClassFileError([f"{source}: is not valid TOML ({' '.join(str(error).split())})"]) from None
    base = base or Path(".")
    _keys(data, "", ("class", "tables"), problems)
    head = data.get("class")
    if not isinstance(head, dict):
        problems.add("class", "is missing, expected a [class] table with a name and a scenario"
                     if head is None else f"is {_kind(head)}, expected a table")
        head = {}
    _keys(head, "class", ("name", "scenario", "timer", "seed"), problems)
    name = _name(head, "class", "name", "", problems) if "name" in head else ""
    if "name" not in head:
        problems.add("class.name", "is missing, expected the class's name")
    timer = _whole(head, "class", "timer", 0, TIMER_MAX, problems)
    if timer is not None and timer_problem(timer):
        problems.add("class.timer", f"is {timer}, expected {TIMER_MIN} to {TIMER_MAX} seconds (or 0 for none)")
    seed = _whole(head, "class", "seed", 0, 2**62, problems)
    cache: dict[str, Scenario] = {}
    default_spec, default_scenario = ("", None)
    if "scenario" in head:
        default_spec, default_scenario = _scenario(head["scenario"], "class.scenario", base, problems, cache)
    rows = data.get("tables")
    if not isinstance(rows, list) or not rows or not all(isinstance(row, dict) for row in rows):
        problems.add("tables", "is missing, expected one [[tables]] entry per table" if rows is None
                     else f"is {_kind(rows)}, expected [[tables]] entries (tables)")
        rows = []
    if len(rows) > MAX_TABLES:
        problems.add("tables", f"has {len(rows)} tables, expected at most {MAX_TABLES} on one host")
    tables: list[TablePlan] = []
    for n, row in enumerate(rows[:MAX_TABLES], 1):
        key = f"tables[{n}]"
        _keys(row, key, ("name", "scenario", "seed", "washington", "moscow"), problems)
        if "scenario" in row:
            spec, scenario = _scenario(row["scenario"], f"{key}.scenario", base, problems, cache)
        elif "scenario" in head:
            spec, scenario = default_spec, default_scenario
        else:
            problems.add(f"{key}.scenario", "is missing, expected a scenario here or in [class]")
            spec, scenario = "", None
        table_seed = _whole(row, key, "seed", 0, 2**63 - 1, problems)
        if table_seed is None and seed is not None:
            table_seed = seed + n - 1
        seats = {side: _seat(row.get(side.value), f"{key}.{side.value}", side, problems) for side in SIDES}
        if scenario is not None:
            tables.append(TablePlan(f"t{n}", _name(row, key, "name", f"Table {n}", problems), spec, scenario,
                                    table_seed, seats))
    if problems.lines:
        raise ClassFileError(problems.lines)
    return ClassPlan(name, source, tuple(tables), timer)


def read_class(path: Path | str) -> ClassPlan:
    """Read and check a class file; raise :class:`ClassFileError` (one line per problem, naming the file)."""
    from tabletop.scenarios.library import read_text

    source = str(path)
    try:
        text = read_text(path, MAX_CLASS_BYTES, what="class")
    except ScenarioError as error:
        raise ClassFileError(error.lines()) from None
    return parse_class(text, source, Path(path).resolve().parent)
