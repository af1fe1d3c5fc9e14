"""Private utilities and scores on the 0-100 scale, and the conditions tiers and injects use.

A side's utility of a board adds up over irritants: each irritant contributes
its net value (gain minus home cost) times how far it climbed from its
starting rung towards the top. Rungs below the start earn nothing. The score
rescales utility so that the worst reachable board is 0 and the best is 100.
"""

from __future__ import annotations

from collections.abc import Sequence

from tabletop.engine.model import Condition, EndReason, Response, Scenario, Side
from tabletop.engine.red_lines import board_ceilings
from tabletop.engine.state import GameState, Offer


def progress(start: int, top: int, rung: int) -> float:
    """How far an irritant climbed from its start towards its top (0 to 1)."""
    if rung <= start or top == start:
        return 0.0
    return (rung - start) / (top - start)


def utility(scenario: Scenario, side: Side, rungs: Sequence[int]) -> float:
    """The side's raw private utility of a board (gains minus home costs)."""
    total = 0.0
    valuations = scenario.sides[side].valuations
    for irritant, rung in zip(scenario.irritants, rungs):
        value = valuations.get(irritant.id)
        if value is None or rung <= irritant.start:
            continue
        total += (value.gain - value.cost) * (rung - irritant.start) / (irritant.top - irritant.start)
    return total


def ceilings(scenario: Scenario) -> tuple[int, ...]:
    """Per irritant, the highest rung reachable: its top, or a mover's absolute red line (cached per scenario)."""
    cached = _CEILINGS.get(id(scenario))
    if cached is not None and cached[0] is scenario:
        return cached[1]
    result = board_ceilings(scenario)
    _CEILINGS[id(scenario)] = (scenario, result)
    return result


_CEILINGS: dict[int, tuple[Scenario, tuple[int, ...]]] = {}


def board_after(scenario: Scenario, rungs: Sequence[int], offer: Offer) -> tuple[int, ...]:
    """The board if ``offer`` were implemented on ``rungs`` now (a concession never moves a rung down)."""
    out = list(rungs)
    position = scenario.position
    for concession in offer.concessions:
        n = position[concession.irritant]
        if concession.to > out[n]:
            out[n] = concession.to
    return tuple(out)


def utility_range(scenario: Scenario, side: Side) -> tuple[float, float]:
    """The lowest and highest raw utility over the boards from the start up to every top rung.

    Red lines do not change the scale: a side's score must not depend on the
    other side's confidential red lines, and an inject may push a rung past one.
    So 100 is every irritant at its best for the side, reachable or not.
    """
    low = high = 0.0
    valuations = scenario.sides[side].valuations
    for irritant in scenario.irritants:
        value = valuations.get(irritant.id)
        if value is None or irritant.top == irritant.start:
            continue
        net = value.gain - value.cost
        if net < 0:
            low += net
        else:
            high += net
    return low, high


def score(scenario: Scenario, side: Side, rungs: Sequence[int]) -> float:
    """The side's private score of a board, 0-100, rounded to one decimal."""
    low, high = utility_range(scenario, side)
    if high == low:
        return 0.0
    raw = utility(scenario, side, rungs)
    return round(100.0 * (raw - low) / (high - low), 1)


def final_scores(scenario: Scenario, state: GameState) -> dict[Side, float]:
    """Scores at the end. With an agreement standing, the board's value; with none, exactly each side's
    outside option (its walk-away value as play left it); after a collapse, the outside option minus the
    collapse penalty, or minus the (smaller) walk-out penalty when a side walked out."""
    out: dict[Side, float] = {}
    rules = scenario.rules
    for side in scenario.sides:
        alternative = state.alternative_of(side)
        if state.ended is EndReason.COLLAPSE:
            penalty = rules.walkout_cost if state.walked_out is not None else rules.collapse_penalty
            out[side] = round(max(0.0, alternative - penalty), 1)
        elif state.agreement_stands:
            out[side] = score(scenario, side, state.rungs)
        else:
            out[side] = round(alternative, 1)
    return out


def holds(condition: Condition, scenario: Scenario, state: GameState,
          response: Response | None = None) -> bool:
    """Whether every part of ``condition`` is true of ``state``."""
    c = condition
    if c.trust_at_least is not None and state.trust < c.trust_at_least:
        return False
    if c.trust_below is not None and state.trust >= c.trust_below:
        return False
    if c.tension_at_least is not None and state.tension < c.tension_at_least:
        return False
    if c.tension_below is not None and state.tension >= c.tension_below:
        return False
    if c.round_at_least is not None and state.round < c.round_at_least:
        return False
    for side, level in c.standing_below.items():
        if state.standing_of(Side(side)) >= level:
            return False
    for irritant, rung in c.rungs_at_least.items():
        if state.rungs[scenario.position[irritant]] < rung:
            return False
    for irritant, rung in c.rungs_below.items():
        if state.rungs[scenario.position[irritant]] >= rung:
            return False
    if c.ended_by and state.ended not in c.ended_by:
        return False
    if c.response is not None and response is not c.response:
        return False
    return True


def grade(scenario: Scenario, state: GameState) -> str:
    """The id of the first outcome tier whose condition holds (the last catches all)."""
    for tier in scenario.outcomes:
        if holds(tier.when, scenario, state):
            return tier.id
    return scenario.outcomes[-1].id
