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
    REACTION_EVENTS,
    SIDES,
    TIMER_MAX,
    TIMER_MIN,
    Audience,
    Condition,
    Effects,
    EndReason,
    Inject,
    InjectKind,
    InjectTarget,
    Irritant,
    Meters,
    Mover,
    Objective,
    OutcomeTier,
    Posture,
    Reaction,
    RedLine,
    Response,
    Rules,
    Scenario,
    Side,
    SideBrief,
    Valuation,
    timer_problem,
)
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
SIDE_KEYS = ("name", "delegation", "public", "confidential", "walk_away", "standing",
             "goals", "valuations", "sources", "hypothetical")
IRRITANT_KEYS = ("id", "name", "description", "mover", "rungs", "start", "sources", "hypothetical")
VALUATION_KEYS = ("gain", "cost", "red_line")
RED_LINE_KEYS = ("rung", "price", "absolute")
INJECT_KEYS = ("id", "title", "text", "kind", "target", "expected_action", "objective",
               "effects", "round", "when", "probability", "from_round", "to_round",
               "follows", "after_rounds", "check", "respond", "absorb", "respond_label", "absorb_label",
               "notes", "sources", "hypothetical")
EFFECT_KEYS = ("trust", "tension", "standing", "rungs", "alternative", "tone")
CONDITION_KEYS = ("trust_at_least", "trust_below", "tension_at_least", "tension_below",
                  "round_at_least", "standing_below", "rungs_at_least", "rungs_below",
                  "ended_by", "response")
AUDIENCE_KEYS = ("id", "name", "stance", "reactions", "readings")
REACTION_KEYS = ("on", "text", "irritant", "side", "posture", "effects", "inject")
OUTCOME_KEYS = ("id", "name", "description", "when")
OBJECTIVE_KEYS = ("id", "text", "expected")


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


def _irritants(r: _Reader, data: dict) -> list[Irritant]:
    out: list[Irritant] = []
    seen: set[str] = set()
    for n, item in enumerate(r.items(data, "", "irritants")):
        key = f"irritants[{n}]"
        t = r.table(item, key, IRRITANT_KEYS, ("id", "name", "mover", "rungs", "start"))
        if not t:
            continue
        irritant_id = r.text(t, key, "id")
        if irritant_id:
            key = f"irritants.{irritant_id}"
            if irritant_id in seen:
                r.fail(key, "is defined twice, expected each irritant id once")
            seen.add(irritant_id)
        rungs = r.get(t, key, "rungs", list) or []
        if rungs and (len(rungs) < 2 or not all(isinstance(x, str) and x.strip() for x in rungs)):
            r.fail(f"{key}.rungs", "expected an array of at least two rung names (text), most restrictive first")
            rungs = [str(x) for x in rungs] if len(rungs) >= 2 else ["rung 0", "rung 1"]
        if not rungs:
            rungs = ["rung 0", "rung 1"]
        start = r.get(t, key, "start", int)
        if start is not None and not 0 <= start < len(rungs):
            r.fail(f"{key}.start", f"is {start}, off the ladder: expected a rung from 0 to {len(rungs) - 1}")
            start = 0
        mover = r.choice(t, key, "mover", Mover)
        if start is not None and start == len(rungs) - 1:
            r.fail(f"{key}.start", f"is the top rung ({start}), expected a rung below the top so there is something to negotiate")
        out.append(Irritant(
            id=irritant_id, name=r.text(t, key, "name"), rungs=tuple(rungs),
            mover=mover or Mover.BOTH, start=start or 0,
            description=r.text(t, key, "description", ""),
        ))
    if not out and "irritants" in data:
        r.fail("irritants", "is empty, expected at least one [[irritants]] table")
    return out


def _side(r: _Reader, side: Side, data: Any, irritants: dict[str, Irritant]) -> SideBrief | None:
    key = f"sides.{side.value}"
    t = r.table(data, key, SIDE_KEYS, ("name", "public", "confidential", "walk_away", "valuations"))
    if not t:
        return None
    goals = r.get(t, key, "goals", list, [])
    if not irritants:
        values_data = {}  # the irritants themselves are broken: that problem is reported already
    else:
        values_data = r.table(t.get("valuations", {}), f"{key}.valuations", tuple(irritants))
    valuations: dict[str, Valuation] = {}
    for irritant_id, irritant in irritants.items():
        vkey = f"{key}.valuations.{irritant_id}"
        if irritant_id not in values_data:
            if "valuations" in t:
                r.fail(vkey, "is missing, expected { gain = N, cost = N } for every irritant (0 if it does not matter)")
            continue
        v = r.table(values_data[irritant_id], vkey, VALUATION_KEYS)
        red = None
        if "red_line" in v:
            rl = r.table(v["red_line"], f"{vkey}.red_line", RED_LINE_KEYS, ("rung",))
            rung = r.integer(rl, f"{vkey}.red_line", "rung", 0, _top(r, irritant), 0)
            absolute = bool(r.get(rl, f"{vkey}.red_line", "absolute", bool, False))
            price = r.integer(rl, f"{vkey}.red_line", "price", 0, 100, 0)
            if not absolute and price == 0 and "price" not in rl:
                r.fail(f"{vkey}.red_line", "has no price, expected price = N or absolute = true")
            if not irritant.mover.includes(side):
                r.fail(f"{vkey}.red_line", f"is on an irritant moved by {irritant.mover.value}, expected red lines only on irritants {side.value} moves")
            red = RedLine(rung=rung, price=price, absolute=absolute)
        valuations[irritant_id] = Valuation(
            gain=r.number(v, vkey, "gain", 0.0, 100.0, 0.0),
            cost=r.number(v, vkey, "cost", 0.0, 100.0, 0.0),
            red_line=red,
        )
    return SideBrief(
        side=side,
        name=r.text(t, key, "name"),
        delegation=r.text(t, key, "delegation", ""),
        public=r.text(t, key, "public"),
        confidential=r.text(t, key, "confidential"),
        walk_away=r.number(t, key, "walk_away", 0.0, 100.0),
        standing=r.integer(t, key, "standing", 1, 100, 60),
        valuations=valuations,
        goals=tuple(g for g in goals or [] if isinstance(g, str)),
    )


def _objectives(r: _Reader, data: dict) -> list[Objective]:
    out = []
    for n, item in enumerate(r.items(data, "", "objectives", required=False)):
        key = f"objectives[{n}]"
        t = r.table(item, key, OBJECTIVE_KEYS, ("id", "text", "expected"))
        if t:
            out.append(Objective(r.text(t, key, "id"), r.text(t, key, "text"), r.text(t, key, "expected")))
    return out


def _effects(r: _Reader, data: Any, key: str, irritants: dict[str, Irritant]) -> Effects:
    t = r.table(data, key, EFFECT_KEYS)
    standing = r.table(t.get("standing", {}), f"{key}.standing", ("washington", "moscow"))
    rungs = r.table(t.get("rungs", {}), f"{key}.rungs", tuple(irritants))
    alternative = r.table(t.get("alternative", {}), f"{key}.alternative", ("washington", "moscow"))
    tone = r.table(t.get("tone", {}), f"{key}.tone", ("washington", "moscow"))
    return Effects(
        trust=r.integer(t, key, "trust", -100, 100, 0),
        tension=r.integer(t, key, "tension", -4, 4, 0),
        standing={s: r.integer(standing, f"{key}.standing", s, -100, 100) for s in standing
                  if s in ("washington", "moscow")},
        rungs={i: r.integer(rungs, f"{key}.rungs", i, -20, 20) for i in rungs if i in irritants},
        alternative={s: r.integer(alternative, f"{key}.alternative", s, -100, 100) for s in alternative
                     if s in ("washington", "moscow")},
        tone={s: r.number(tone, f"{key}.tone", s, -2.0, 2.0) for s in tone if s in ("washington", "moscow")},
    )


def _condition(r: _Reader, data: Any, key: str, irritants: dict[str, Irritant],
               outcome: bool = False) -> Condition:
    t = r.table(data, key, CONDITION_KEYS)
    standing = r.table(t.get("standing_below", {}), f"{key}.standing_below", ("washington", "moscow"))

    def rung_map(name: str) -> dict[str, int]:
        m = r.table(t.get(name, {}), f"{key}.{name}", tuple(irritants))
        return {i: r.integer(m, f"{key}.{name}", i, 0, _top(r, irritants[i]) + (name == "rungs_below"))
                for i in m if i in irritants}

    ended = r.get(t, key, "ended_by", list, [])
    reasons = []
    for n, reason in enumerate(ended or []):
        try:
            reasons.append(EndReason(reason))
        except (ValueError, TypeError):
            r.fail(f"{key}.ended_by[{n}]", f"is {reason!r}, expected 'conclusion', 'deadline' or 'collapse'")
    if ended and not outcome:
        r.fail(f"{key}.ended_by", "only applies to outcome tiers, expected it under [[outcomes]] when")
    return Condition(
        trust_at_least=r.get(t, key, "trust_at_least", int, None),
        trust_below=r.get(t, key, "trust_below", int, None),
        tension_at_least=r.get(t, key, "tension_at_least", int, None),
        tension_below=r.get(t, key, "tension_below", int, None),
        round_at_least=r.get(t, key, "round_at_least", int, None),
        standing_below={s: r.integer(standing, f"{key}.standing_below", s, 0, 101) for s in standing
                        if s in ("washington", "moscow")},
        rungs_at_least=rung_map("rungs_at_least"),
        rungs_below=rung_map("rungs_below"),
        ended_by=tuple(reasons),
        response=r.choice(t, key, "response", Response, None),
    )


def _top(r: _Reader, irritant: Irritant) -> int:
    """The irritant's top rung, for judging other keys; unbounded when its own rungs key failed."""
    return 10**6 if r.failed(f"irritants.{irritant.id}.rungs") else irritant.top


def _injects(r: _Reader, data: dict, irritants: dict[str, Irritant], objectives: set[str],
             rounds: int | None) -> list[Inject]:
    """The injects; ``rounds`` is None when the scenario's own rounds key failed (no range is judged then)."""
    last = rounds if rounds is not None else 40
    out: list[Inject] = []
    items = r.items(data, "", "injects", required=False)
    all_ids = [i.get("id") for i in items if isinstance(i, dict)]
    for n, item in enumerate(items):
        key = f"injects[{n}]"
        t = r.table(item, key, INJECT_KEYS, ("id", "title", "text", "kind", "target",
                                              "expected_action", "objective"))
        if not t:
            continue
        inject_id = r.text(t, key, "id")
        if inject_id:
            key = f"injects.{inject_id}"
            if all_ids.count(inject_id) > 1 and inject_id not in [i.id for i in out]:
                r.fail(key, "is defined twice, expected each inject id once")
        kind = r.choice(t, key, "kind", InjectKind)
        objective = r.text(t, key, "objective")
        if objective and objectives and objective not in objectives:
            r.fail(f"{key}.objective", f"names {objective!r}, expected one of the objectives: {', '.join(sorted(objectives))}")
        elif objective and not objectives:
            r.fail(f"{key}.objective", f"names {objective!r}, but the scenario has no [[objectives]]")
        round_ = r.get(t, key, "round", int, None)
        if kind is InjectKind.SCHEDULED:
            if round_ is None:
                r.fail(f"{key}.round", "is missing, expected the round a scheduled inject fires in")
            elif rounds is not None and not 1 <= round_ <= rounds:
                r.fail(f"{key}.round", f"is {round_}, expected a round from 1 to {rounds}")
        probability = r.number(t, key, "probability", 0.0, 1.0, 0.0)
        if kind is InjectKind.RANDOM and "probability" not in t:
            r.fail(f"{key}.probability", "is missing, expected a chance per round from 0 to 1")
        when = _condition(r, t.get("when", {}), f"{key}.when", irritants)
        if kind is InjectKind.CONDITIONAL and when.is_empty:
            r.fail(f"{key}.when", "is missing or empty, expected the condition that fires it")
        follows = r.get(t, key, "follows", str, None)
        if kind is InjectKind.CONTINGENCY:
            if follows is None:
                r.fail(f"{key}.follows", "is missing, expected the id of the inject whose expected action it checks")
            elif follows not in all_ids:
                r.fail(f"{key}.follows", f"names {follows!r}, expected the id of another inject")
        check = _condition(r, t["check"], f"{key}.check", irritants) if "check" in t else None
        respond = _effects(r, t["respond"], f"{key}.respond", irritants) if "respond" in t else None
        absorb = _effects(r, t["absorb"], f"{key}.absorb", irritants) if "absorb" in t else None
        if (respond is None) != (absorb is None):
            r.fail(key, "has only one of respond/absorb, expected both (a forced choice) or neither")
        labels = {name: r.text(t, key, name, "") for name in ("respond_label", "absorb_label")}
        for name, label in labels.items():
            if respond is not None and not label.strip():
                r.fail(f"{key}.{name}", "is missing, expected the words the target sees for this choice "
                       "(its own, e.g. \"Sign the data exchange\" / \"Let it lapse\")")
            elif respond is None and label:
                r.fail(f"{key}.{name}", "is set on an inject that forces no choice, expected it only with respond/absorb")
        target = r.choice(t, key, "target", InjectTarget)
        if respond is not None and target is InjectTarget.BOTH:
            r.fail(f"{key}.target", "is 'both', expected one side for an inject that forces a choice")
        out.append(Inject(
            id=inject_id, title=r.text(t, key, "title"), text=r.text(t, key, "text"),
            kind=kind or InjectKind.SCHEDULED, target=target or InjectTarget.BOTH,
            expected_action=r.text(t, key, "expected_action"), objective=objective,
            effects=_effects(r, t.get("effects", {}), f"{key}.effects", irritants),
            round=round_, when=when, probability=probability,
            from_round=r.integer(t, key, "from_round", 1, last, 1),
            to_round=r.get(t, key, "to_round", int, None),
            follows=follows, after_rounds=r.integer(t, key, "after_rounds", 1, last, 1),
            check=check, respond=respond, absorb=absorb, notes=r.text(t, key, "notes", ""),
            respond_label=labels["respond_label"], absorb_label=labels["absorb_label"],
        ))
    by_id = {inject.id: inject for inject in out}
    for inject in out:
        if inject.kind is InjectKind.CONTINGENCY and inject.follows in by_id:
            parent = by_id[inject.follows]
            if parent.check is None and not parent.forces_choice:
                r.fail(f"injects.{parent.id}.check", f"is missing, expected a condition that tells whether the expected action happened (contingency {inject.id!r} follows it)")
    return out


def _audiences(r: _Reader, data: dict, irritants: dict[str, Irritant], injects: set[str],
               tiers: set[str]) -> list[Audience]:
    out = []
    for n, item in enumerate(r.items(data, "", "audiences", required=False)):
        key = f"audiences[{n}]"
        t = r.table(item, key, AUDIENCE_KEYS, ("id", "name", "stance"))
        if not t:
            continue
        audience_id = r.text(t, key, "id")
        key = f"audiences.{audience_id}" if audience_id else key
        reactions = []
        for m, ritem in enumerate(r.items(t, key, "reactions", required=False)):
            rkey = f"{key}.reactions[{m}]"
            rt = r.table(ritem, rkey, REACTION_KEYS, ("on", "text"))
            on = r.text(rt, rkey, "on")
            if on and on not in REACTION_EVENTS:
                r.fail(f"{rkey}.on", f"is {on!r}, expected one of: {', '.join(REACTION_EVENTS)}")
            irritant = r.get(rt, rkey, "irritant", str, None)
            if irritant is not None and irritants and irritant not in irritants:
                r.fail(f"{rkey}.irritant", f"names {irritant!r}, expected one of the irritants: {', '.join(irritants)}")
            inject = r.get(rt, rkey, "inject", str, None)
            if inject is not None and inject not in injects:
                r.fail(f"{rkey}.inject", f"names {inject!r}, expected the id of an inject")
            reactions.append(Reaction(
                on=on, text=r.text(rt, rkey, "text"), irritant=irritant,
                side=r.choice(rt, rkey, "side", Side, None),
                posture=r.choice(rt, rkey, "posture", Posture, None),
                effects=_effects(r, rt.get("effects", {}), f"{rkey}.effects", irritants),
                inject=inject,
            ))
        readings = r.table(t.get("readings", {}), f"{key}.readings", tuple(sorted(tiers)) + ("default",))
        for tier, reading in readings.items():
            if not isinstance(reading, str):
                r.fail(f"{key}.readings.{tier}", f"is {_kind(reading)}, expected text")
        out.append(Audience(
            id=audience_id, name=r.text(t, key, "name"), stance=r.text(t, key, "stance"),
            reactions=tuple(reactions),
            readings={k: v for k, v in readings.items() if isinstance(v, str)},
        ))
    return out


def _outcomes(r: _Reader, data: dict, irritants: dict[str, Irritant]) -> list[OutcomeTier]:
    out = []
    for n, item in enumerate(r.items(data, "", "outcomes")):
        key = f"outcomes[{n}]"
        t = r.table(item, key, OUTCOME_KEYS, ("id", "name", "description"))
        if not t:
            continue
        tier_id = r.text(t, key, "id")
        key = f"outcomes.{tier_id}" if tier_id else key
        out.append(OutcomeTier(
            id=tier_id, name=r.text(t, key, "name"), description=r.text(t, key, "description"),
            when=_condition(r, t.get("when", {}), f"{key}.when", irritants, outcome=True),
        ))
    if not out and isinstance(data.get("outcomes"), list):
        r.fail("outcomes", "is empty, expected at least one [[outcomes]] tier (the last catches all)")
    return out


