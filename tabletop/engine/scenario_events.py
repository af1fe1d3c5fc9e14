"""Reading what a scenario makes happen during play from TOML: effects and conditions, injects,
audiences and their reactions, the outcome tiers.

Part of the scenario reader (:mod:`tabletop.engine.scenario`, which assembles the
whole): each function reads one part with the shared :class:`_Reader`, records
every problem under its key path and returns what it could read.
"""

from __future__ import annotations

from typing import Any

from tabletop.engine.model import (
    REACTION_EVENTS,
    Audience,
    Condition,
    Effects,
    EndReason,
    Inject,
    InjectKind,
    InjectTarget,
    Irritant,
    OutcomeTier,
    Posture,
    Reaction,
    Response,
    Side,
)
from tabletop.engine.scenario_briefs import _top
from tabletop.engine.toml_reader import _kind, _Reader

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
