"""Scenario TOML text -> :class:`Scenario`, with every problem reported clearly.

The parser never raises anything but :class:`ScenarioError`, whose problems
each name a key path, what is wrong and what was expected. It reads text, not
files: finding and reading files is :mod:`tabletop.scenarios.library`'s job.
"""

from __future__ import annotations

from typing import Any

import attrs

from tabletop.engine import provenance
from tabletop.engine.limits import limit_problems
from tabletop.engine.model import (
    SIDES,
    TIMER_MAX,
    TIMER_MIN,
    Meters,
    Rules,
    Scenario,
    Side,
    SideBrief,
    timer_problem,
)
from tabletop.engine.scenario_briefs import _irritants, _objectives, _side
from tabletop.engine.scenario_events import _audiences, _injects, _outcomes
from tabletop.engine.toml_reader import (  # noqa: F401 (Problem, ScenarioError: part of this interface)
    MISSING,
    Problem,
    ScenarioError,
    _kind,
    _Reader,
)

MAX_SCENARIO_BYTES = 1_000_000


TOP_KEYS = ("scenario", "rules", "meters", "objectives", "debrief", "sides", "irritants",
            "audiences", "injects", "outcomes", "sources")
SCENARIO_KEYS = ("id", "title", "date", "setting", "deadline", "rounds", "public_brief",
                 "hypothetical", "aftermath", "first_initiative", "sources", "aftermath_sources")
RULES_KEYS = ("exchange_limit", "tone_min", "tone_max", "tone_drift", "collapse_penalty",
              "standing_per_cost", "standing_per_gain", "round_timer", "walkout_penalty", "ratification",
              "lapse_after")


def parse_scenario(text: str, source: str = "<scenario>") -> Scenario:
    """Read a scenario from TOML text; raise :class:`ScenarioError` listing every problem."""
    import tomli  # only when a scenario is read: keeps the engine's import light

    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise ScenarioError(source, [_syntax_problem(error)]) from None
    except (RecursionError, ValueError) as error:
        raise ScenarioError(source, [Problem("", f"cannot be read as TOML ({error}), expected a TOML scenario")]) from None
    return attrs.evolve(build_scenario(data, source), text=text)


def _syntax_problem(error: Exception) -> Problem:
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    message = getattr(error, "msg", str(error))
    where = f"line {line}, column {column}" if line is not None else ""
    return Problem(where, f"TOML syntax error: {message}, expected valid TOML")


def build_scenario(data: dict, source: str = "<scenario>") -> Scenario:
    """Build a scenario from already-parsed TOML data (a dict)."""
    if not data:
        raise ScenarioError(source, [Problem("", "is empty, expected a scenario with a [scenario] table")])
    r = _Reader()
    r.table(data, "", TOP_KEYS, ("scenario", "sides", "irritants", "outcomes"))
    for key, message in limit_problems(data):
        r.fail(key, message)
    meta = r.table(data.get("scenario", {}), "scenario", SCENARIO_KEYS,
                   ("id", "title", "date", "setting", "rounds", "public_brief"))
    scenario_id = r.text(meta, "scenario", "id")
    if scenario_id and not _is_slug(scenario_id):
        r.fail("scenario.id", f"is {scenario_id!r}, expected lower-case letters, digits and dashes")
    rounds = r.integer(meta, "scenario", "rounds", 2, 40)
    if rounds % 2:
        r.fail("scenario.rounds", f"is {rounds}, expected an even number (both sides hold the initiative equally)")

    rules = _rules(r, data.get("rules", {}))
    irritants = _irritants(r, data)
    ids = {irritant.id: irritant for irritant in irritants}
    meters_data = r.table(data.get("meters", {}), "meters", ("trust", "tension"))
    standing = []
    sides: dict[Side, SideBrief] = {}
    sides_data = r.table(data.get("sides", {}), "sides", ("washington", "moscow"), ("washington", "moscow"))
    for side in SIDES:
        brief = _side(r, side, sides_data.get(side.value, {}), ids) if side.value in sides_data else None
        if brief is not None:
            sides[side] = brief
            standing.append(brief.standing)
    meters = Meters(
        trust=r.integer(meters_data, "meters", "trust", 1, 100, 50),
        tension=r.integer(meters_data, "meters", "tension", 1, 4, 2),
        standing=(standing[0], standing[1]) if len(standing) == 2 else (50, 50),
    )
    objectives = _objectives(r, data)
    objective_ids = {objective.id for objective in objectives}
    debrief = r.table(data.get("debrief", {}), "debrief", ("questions",))
    questions = r.get(debrief, "debrief", "questions", list, [])
    for n, question in enumerate(questions or []):
        if not isinstance(question, str):
            r.fail(f"debrief.questions[{n}]", f"is {_kind(question)}, expected text")
    outcomes = _outcomes(r, data, ids)
    # A failed rounds key is not used to judge the injects' rounds (its problem is already reported).
    injects = _injects(r, data, ids, objective_ids, None if r.failed("scenario.rounds") else rounds)
    audiences = _audiences(r, data, ids, {inject.id for inject in injects}, {o.id for o in outcomes})
    title = r.text(meta, "scenario", "title")
    date = r.text(meta, "scenario", "date")
    setting = r.text(meta, "scenario", "setting")
    deadline = r.text(meta, "scenario", "deadline", "the end of the talks")
    public_brief = r.text(meta, "scenario", "public_brief")
    hypothetical = bool(r.get(meta, "scenario", "hypothetical", bool, False))
    aftermath = r.text(meta, "scenario", "aftermath", "")
    first = r.choice(meta, "scenario", "first_initiative", Side, "washington")
    sources = provenance.read_sources(r, data)
    known = {item.id for item in sources}
    story_sources = provenance.read_ids(r, meta, "scenario", "sources", known)
    aftermath_sources = provenance.read_ids(r, meta, "scenario", "aftermath_sources", known)
    sides, irritants, injects = provenance.mark_parts(r, data, known, sides, irritants, injects)
    if r.problems:
        raise ScenarioError(source, _unique(r.problems))
    return Scenario(
        id=scenario_id,
        title=title,
        date=date,
        setting=setting,
        deadline=deadline,
        rounds=rounds,
        public_brief=public_brief,
        hypothetical=hypothetical,
        aftermath=aftermath,
        first_initiative=first,
        sources=tuple(sources),
        story_sources=story_sources,
        aftermath_sources=aftermath_sources,
        objectives=tuple(objectives),
        debrief_questions=tuple(q for q in questions if isinstance(q, str)),
        sides=sides,
        irritants=tuple(irritants),
        meters=meters,
        rules=rules,
        audiences=tuple(audiences),
        injects=tuple(injects),
        outcomes=tuple(outcomes),
        source=source,
    )


def _unique(problems: list[Problem]) -> list[Problem]:
    """One problem per key: the first message about a key is the clearest."""
    seen: set[str] = set()
    out = []
    for problem in problems:
        if problem.key and problem.key in seen:
            continue
        seen.add(problem.key)
        out.append(problem)
    return out


def _is_slug(value: str) -> bool:
    return bool(value) and all(c.islower() or c.isdigit() or c == "-" for c in value) and value[0] != "-"


def _rules(r: _Reader, data: Any) -> Rules:
    t = r.table(data, "rules", RULES_KEYS)
    tone_min = r.number(t, "rules", "tone_min", -1.0, 1.0, -1.0)
    tone_max = r.number(t, "rules", "tone_max", -1.0, 1.0, 1.0)
    if tone_min > tone_max:
        r.fail("rules.tone_min", f"is {tone_min:g}, above rules.tone_max ({tone_max:g}), expected min <= max")
    timer = r.get(t, "rules", "round_timer", int, None)
    if timer is not None and (timer == 0 or timer_problem(timer)):
        r.fail("rules.round_timer", f"is {timer}, expected seconds from {TIMER_MIN} to {TIMER_MAX}")
    return Rules(
        exchange_limit=r.integer(t, "rules", "exchange_limit", 1, 10, 3),
        tone_min=tone_min,
        tone_max=tone_max,
        tone_drift=r.number(t, "rules", "tone_drift", 0.0, 2.0, 0.4),
        collapse_penalty=r.number(t, "rules", "collapse_penalty", 0.0, 100.0, 10.0),
        standing_per_cost=r.number(t, "rules", "standing_per_cost", 0.0, 5.0, 0.5),
        standing_per_gain=r.number(t, "rules", "standing_per_gain", 0.0, 5.0, 0.25),
        round_timer=timer,
        walkout_penalty=r.number(t, "rules", "walkout_penalty", 0.0, 100.0, None) if "walkout_penalty" in t else None,
        ratification=r.integer(t, "rules", "ratification", 0, 100, 20),
        lapse_after=r.integer(t, "rules", "lapse_after", 1, 40, 3),
    )
