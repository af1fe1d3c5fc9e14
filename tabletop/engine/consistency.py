"""Checks for scenarios that parse but do not make sense: reported as warnings, not errors."""

from __future__ import annotations

from tabletop.engine.gestures import CHEAP, cheap_gestures
from tabletop.engine.model import SIDES, Condition, Inject, InjectKind, Scenario
from tabletop.engine.scenario import Problem
from tabletop.engine.scoring import score


def check_consistency(scenario: Scenario) -> list[Problem]:
    """Everything inconsistent in a valid scenario, one warning each."""
    out: list[Problem] = []

    def warn(key: str, message: str) -> None:
        out.append(Problem(key, message, warning=True))

    for irritant in scenario.irritants:
        values = [scenario.valuation(side, irritant.id) for side in SIDES]
        if all(v.gain == 0 and v.cost == 0 for v in values):
            warn(f"irritants.{irritant.id}", "neither side values it (all gains and costs are 0), "
                 "expected at least one side to care")
        for side in SIDES:
            red = scenario.valuation(side, irritant.id).red_line
            if red is not None and red.rung < irritant.start:
                warn(f"sides.{side.value}.valuations.{irritant.id}.red_line",
                     f"is at rung {red.rung}, below the starting rung {irritant.start}, "
                     "expected a red line at or above the start")
    for side in SIDES:
        brief = scenario.sides[side]
        start = score(scenario, side, scenario.start_rungs())
        collapse = brief.walk_away - scenario.rules.collapse_penalty
        if collapse > start:
            warn(f"sides.{side.value}.walk_away",
                 f"minus the collapse penalty ({collapse:g}) is above the score of doing nothing ({start:g}), "
                 "expected collapse to score below the starting board (raise rules.collapse_penalty or lower walk_away)")
        if not cheap_gestures(scenario, side):
            warn(f"sides.{side.value}", "has no cheap unilateral gesture for GRIT, expected an irritant it moves alone "
                 f"whose first rung costs it at most {CHEAP:g} points, earns the other side more, and is not that "
                 "side's top priority")
    fired = {inject.id: inject for inject in scenario.injects}
    for inject in scenario.injects:
        reason = _never_fires(scenario, inject, fired)
        if reason:
            warn(f"injects.{inject.id}", f"can never fire: {reason}, expected a condition that can hold")
        if inject.kind is not InjectKind.CONDITIONAL and inject.kind is not InjectKind.RANDOM \
                and not inject.when.is_empty:
            warn(f"injects.{inject.id}.when", f"is ignored for a {inject.kind.value} inject, "
                 "expected when only on conditional or random injects")
    tiers = scenario.outcomes
    for later_index, later in enumerate(tiers):
        for earlier in tiers[:later_index]:
            if _implies(later.when, earlier.when):
                warn(f"outcomes.{later.id}", f"can never be reached: the earlier tier {earlier.id!r} "
                     "matches every board it matches, expected tiers from most to least specific")
                break
    if tiers and not tiers[-1].when.is_empty:
        warn(f"outcomes.{tiers[-1].id}.when", "is set on the last tier, expected a catch-all last tier (no when)")
    return out


def _impossible(condition: Condition, scenario: Scenario) -> str:
    c = condition
    if c.trust_at_least is not None and c.trust_at_least > 100:
        return f"trust_at_least {c.trust_at_least} is above 100"
    if c.trust_below is not None and c.trust_below <= 0:
        return f"trust_below {c.trust_below} is never true (trust is at least 0)"
    if c.tension_at_least is not None and c.tension_at_least > 5:
        return f"tension_at_least {c.tension_at_least} is above 5"
    if c.tension_below is not None and c.tension_below <= 1:
        return f"tension_below {c.tension_below} is never true (tension is at least 1)"
    if c.trust_at_least is not None and c.trust_below is not None and c.trust_at_least >= c.trust_below:
        return "trust_at_least is not below trust_below"
    if c.round_at_least is not None and c.round_at_least > scenario.rounds:
        return f"round_at_least {c.round_at_least} is after the last round ({scenario.rounds})"
    for irritant_id, rung in c.rungs_below.items():
        if rung <= 0:
            return f"rungs_below {irritant_id} = {rung} is never true"
        if c.rungs_at_least.get(irritant_id, 0) >= rung:
            return f"rungs_at_least and rungs_below on {irritant_id} contradict each other"
    if c.response is not None:
        return "response only applies to a check on a forced choice"
    return ""


def _never_fires(scenario: Scenario, inject: Inject, injects: dict[str, Inject], depth: int = 0) -> str:
    if inject.kind is InjectKind.RANDOM:
        if inject.probability <= 0:
            return "its probability is 0"
        if inject.to_round is not None and inject.to_round < inject.from_round:
            return f"to_round {inject.to_round} is before from_round {inject.from_round}"
    if inject.kind in (InjectKind.CONDITIONAL, InjectKind.RANDOM):
        reason = _impossible(inject.when, scenario)
        if reason:
            return reason
    if inject.kind is InjectKind.CONTINGENCY:
        parent = injects.get(inject.follows or "")
        if parent is None or depth > len(injects):
            return "the inject it follows does not exist"
        if parent.kind is InjectKind.SCHEDULED and parent.round is not None \
                and parent.round + inject.after_rounds > scenario.rounds:
            return f"it comes {inject.after_rounds} round(s) after round {parent.round}, past the last round"
        reason = _never_fires(scenario, parent, injects, depth + 1)
        if reason:
            return f"the inject it follows ({parent.id}) can never fire"
    return ""


def _implies(specific: Condition, general: Condition) -> bool:
    """Whether every board satisfying ``specific`` also satisfies ``general``."""
    g, s = general, specific
    if g.is_empty:
        return True

    def at_least(gv: int | None, sv: int | None) -> bool:
        return gv is None or (sv is not None and sv >= gv)

    def below(gv: int | None, sv: int | None) -> bool:
        return gv is None or (sv is not None and sv <= gv)

    if not (at_least(g.trust_at_least, s.trust_at_least) and below(g.trust_below, s.trust_below)
            and at_least(g.tension_at_least, s.tension_at_least) and below(g.tension_below, s.tension_below)
            and at_least(g.round_at_least, s.round_at_least)):
        return False
    for key, level in g.standing_below.items():
        if s.standing_below.get(key, 101) > level:
            return False
    for key, rung in g.rungs_at_least.items():
        if s.rungs_at_least.get(key, -1) < rung:
            return False
    for key, rung in g.rungs_below.items():
        if s.rungs_below.get(key, 10**6) > rung:
            return False
    if g.ended_by and (not s.ended_by or not set(s.ended_by) <= set(g.ended_by)):
        return False
    if g.response is not None and g.response is not s.response:
        return False
    return True
