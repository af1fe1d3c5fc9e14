"""Debrief analytics: the efficient frontier, the Nash point, value left on the table, turning points.

Utilities add up over irritants, so the Pareto frontier of every reachable
board is built irritant by irritant: combine the frontier so far with each
rung the next irritant may take, and prune the dominated points at once
(merge-and-prune). The frontier stays small, so this takes milliseconds even
for scenarios whose boards number in the millions.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, Any

import attrs

from tabletop.engine.conduct import Conduct, conduct
from tabletop.engine.effects import EventKind
from tabletop.engine.model import SIDES, OutcomeTier, Scenario, Side
from tabletop.engine.scoring import ceilings, utility_range
from tabletop.engine.state import MeterPoint
from tabletop.engine.views import is_timeline_event

if TYPE_CHECKING:
    from tabletop.engine.game import Game


@attrs.frozen
class FrontierPoint:
    """An efficient board and both sides' scores of it."""

    washington: float
    moscow: float
    rungs: tuple[int, ...]

    @property
    def scores(self) -> tuple[float, float]:
        return (self.washington, self.moscow)


@attrs.frozen
class TurningPoint:
    """One of the largest single moves of trust: which action, in which round, by how much."""

    index: int
    round: int
    delta: int
    text: str


@attrs.frozen
class Debrief:
    """Everything the debrief shows about a finished (or stopped) game."""

    tier: OutcomeTier
    cause: str
    scores: dict[Side, float]
    walk_away: dict[Side, float]
    start_scores: dict[Side, float]
    joint_gain: float
    surplus: float
    frontier: list[tuple[float, float]]
    frontier_boards: list[FrontierPoint]
    deal: tuple[float, float]
    value_left: float
    nash: tuple[float, float] | None
    nash_board: tuple[int, ...] | None
    turning_points: list[TurningPoint]
    curve: list[MeterPoint]
    audience_readings: list[tuple[str, str]]
    conduct: Conduct
    """How the talks were conducted: ZOPA, split, concession curves, anchoring, reciprocity, priorities."""


def reachable_rungs(scenario: Scenario) -> list[range]:
    """Per irritant, the rungs reachable from its start (up to any absolute red line of a mover)."""
    return [range(irritant.start, ceiling + 1) for irritant, ceiling in zip(scenario.irritants, ceilings(scenario))]


def _scale(scenario: Scenario, side: Side) -> tuple[float, float]:
    low, high = utility_range(scenario, side)
    span = (high - low) or 1.0
    return low, span


def pareto_frontier(scenario: Scenario) -> list[FrontierPoint]:
    """The efficient boards (no other reachable board is at least as good for both and better for one).

    Sorted by Washington's score, highest first (so Moscow's rises along the list).
    """
    valuations = [scenario.sides[side].valuations for side in SIDES]
    # points: (u_washington, u_moscow, rungs) in raw utility
    points: list[tuple[float, float, tuple[int, ...]]] = [(0.0, 0.0, ())]
    for irritant, rungs in zip(scenario.irritants, reachable_rungs(scenario)):
        span = irritant.top - irritant.start
        nets = [v.get(irritant.id) for v in valuations]
        w_net = nets[0].net if nets[0] else 0.0
        m_net = nets[1].net if nets[1] else 0.0
        options = [(w_net * (r - irritant.start) / span, m_net * (r - irritant.start) / span, r) for r in rungs]
        points = _prune([(pw + ow, pm + om, (board, r)) for pw, pm, board in points for ow, om, r in options])
    lw, sw = _scale(scenario, Side.WASHINGTON)
    lm, sm = _scale(scenario, Side.MOSCOW)
    return [FrontierPoint(round(100 * (uw - lw) / sw, 2), round(100 * (um - lm) / sm, 2), _board(chain))
            for uw, um, chain in points]


def _board(chain: Any) -> tuple[int, ...]:
    """The rungs of a chain ``((((), r1), r2), r3)`` built while merging, as a flat tuple."""
    rungs: list[int] = []
    while chain:
        chain, rung = chain
        rungs.append(rung)
    return tuple(reversed(rungs))


def _prune(points: list[tuple[float, float, Any]]) -> list[tuple[float, float, Any]]:
    """Keep only the points no other point dominates (ties: the first board in order wins).

    Each point's scores are rounded once (to 9 places, so that sums in a different order tie), and
    boards are nested pairs that share their prefix rather than copied tuples, flattened only to break
    a tie: on the largest board the limits allow this keeps the frontier to about a second.
    """
    keyed = sorted(((-round(w, 9), -round(m, 9)), w, m, chain) for w, m, chain in points)
    kept: list[tuple[float, float, Any]] = []
    best_m = float("-inf")
    for (_, neg_m), group in groupby(keyed, key=lambda p: p[0]):
        if -neg_m <= best_m:
            continue
        ties = list(group)
        _, w, m, chain = ties[0] if len(ties) == 1 else min(ties, key=lambda p: _board(p[3]))
        kept.append((w, m, chain))
        best_m = -neg_m
    return kept


def value_left(frontier: list[FrontierPoint], deal: tuple[float, float]) -> float:
    """The most joint score a board better for both than the deal would have added (0 on the frontier)."""
    best = 0.0
    for point in frontier:
        if point.washington >= deal[0] and point.moscow >= deal[1]:
            best = max(best, point.washington - deal[0] + point.moscow - deal[1])
    return round(best, 1)


def nash_point(frontier: list[FrontierPoint], walk_away: tuple[float, float]) -> FrontierPoint | None:
    """The efficient board that maximises the product of both sides' gains over walking away.

    None when no board beats both walk-away values (no zone of possible agreement).
    """
    best: tuple[float, FrontierPoint] | None = None
    for point in frontier:
        gw, gm = point.washington - walk_away[0], point.moscow - walk_away[1]
        if gw <= 0 or gm <= 0:
            continue
        product = gw * gm
        if best is None or product > best[0] + 1e-9:
            best = (product, point)
    return best[1] if best else None


TRUST_EVENTS = frozenset({EventKind.STATEMENTS, EventKind.GESTURE, EventKind.RETALIATION, EventKind.RENEGE,
                          EventKind.DEAL, EventKind.INJECT, EventKind.CHOICE, EventKind.AUDIENCE, EventKind.SETTLE,
                          EventKind.COLLAPSE, EventKind.ADDRESS})
"""The events that move trust: the turning points quote them."""


def turning_points(game: Game, count: int = 3) -> list[TurningPoint]:
    """The ``count`` largest single moves of trust, in the order they happened."""
    moves = []
    history = game.history
    for index in range(1, len(history)):
        delta = history[index].trust - history[index - 1].trust
        if delta:
            moves.append((abs(delta), index, delta))
    moves.sort(key=lambda m: (-m[0], m[1]))
    out = []
    for _, index, delta in sorted(moves[:count], key=lambda m: m[1]):
        events = [e for e in game.events_of(index) if e.kind in TRUST_EVENTS] or \
            [e for e in game.events_of(index) if is_timeline_event(e)]
        text = " ".join(e.text for e in events[:2]) or game.actions[index - 1].kind.replace("_", " ")
        round_ = events[0].round if events else history[index - 1].round
        out.append(TurningPoint(index, round_, delta, text))
    return out


def debrief(game: Game) -> Debrief:
    """The whole debrief of a game as it stands (normally at its end)."""
    scenario = game.scenario
    state = game.state
    from tabletop.engine.scoring import grade, score

    scores = game.final_scores()
    walk = {side: state.alternative_of(side) for side in SIDES}  # what no agreement pays, as play left it
    start = {side: score(scenario, side, scenario.start_rungs()) for side in SIDES}
    tier_id = state.outcome or grade(scenario, state)
    tier = next(t for t in scenario.outcomes if t.id == tier_id)
    frontier = pareto_frontier(scenario)
    deal = (scores[Side.WASHINGTON], scores[Side.MOSCOW])
    nash = nash_point(frontier, (walk[Side.WASHINGTON], walk[Side.MOSCOW]))
    readings = [(audience.name, audience.reading(tier_id)) for audience in scenario.audiences]
    return Debrief(
        tier=tier,
        cause=state.cause,
        scores=scores,
        walk_away=walk,
        start_scores=start,
        joint_gain=round(sum(scores.values()), 1),
        surplus=round(sum(scores[s] - walk[s] for s in SIDES), 1),
        frontier=[p.scores for p in frontier],
        frontier_boards=frontier,
        deal=deal,
        value_left=value_left(frontier, deal),
        nash=nash.scores if nash else None,
        nash_board=nash.rungs if nash else None,
        turning_points=turning_points(game),
        curve=list(state.curve),
        audience_readings=readings,
        conduct=conduct(game, frontier, scores),
    )
