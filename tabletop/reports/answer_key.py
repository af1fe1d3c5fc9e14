"""The answer key of a scenario, computed from its numbers: for the instructor's eyes only.

Both sides' valuations, the starting scores against the walk-aways, the zone of
possible agreement on the efficient frontier, the Nash point, the trades that
make both sides better off, and the traps (moves that cost more than they earn).
Everything is computed with :mod:`tabletop.engine.analysis` and
:mod:`tabletop.engine.scoring`, never typed in, so it stays true when the
numbers are retuned. None of it may appear in a player's handout.
"""

from __future__ import annotations

from itertools import combinations

import attrs

from tabletop.engine.analysis import FrontierPoint, nash_point, pareto_frontier, reachable_rungs
from tabletop.engine.gestures import cheap_gestures
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.scoring import score
from tabletop.reports.document import Block, Heading, Inline, b, bullets, inline, para, table

W, M = Side.WASHINGTON, Side.MOSCOW


@attrs.frozen
class Trade:
    """A package that leaves both sides above where they started, with what each gains."""

    moves: tuple[tuple[int, int], ...]  # (irritant position, rung)
    gains: tuple[float, float]

    @property
    def joint(self) -> float:
        return self.gains[0] + self.gains[1]


@attrs.frozen
class AnswerKey:
    start: dict[Side, float]
    walk_away: dict[Side, float]
    frontier: list[FrontierPoint]
    zone: list[FrontierPoint]
    nash: FrontierPoint | None
    shared: list[Trade]
    trades: list[Trade]
    traps: list[int]


def _board(scenario: Scenario, moves: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    rungs = list(scenario.start_rungs())
    for n, rung in moves:
        rungs[n] = rung
    return tuple(rungs)


def _gains(scenario: Scenario, moves: tuple[tuple[int, int], ...], start: dict[Side, float]) -> tuple[float, float]:
    board = _board(scenario, moves)
    return (round(score(scenario, W, board) - start[W], 1), round(score(scenario, M, board) - start[M], 1))


def answer_key(scenario: Scenario, count: int = 5) -> AnswerKey:
    """Compute the whole key (milliseconds even for the largest shipped scenario)."""
    s = scenario
    start = {side: round(score(s, side, s.start_rungs()), 1) for side in SIDES}
    walk = {side: s.sides[side].walk_away for side in SIDES}
    frontier = pareto_frontier(s)
    zone = [p for p in frontier if p.washington >= walk[W] and p.moscow >= walk[M]]
    nash = nash_point(frontier, (walk[W], walk[M]))
    single = [((n, rung),) for n, rungs in enumerate(reachable_rungs(s)) for rung in rungs if rung != s.irritants[n].start]
    shared = [Trade(m, g) for m in single if min(g := _gains(s, m, start)) > 0]
    trades = []
    for first, second in combinations(single, 2):
        if first[0][0] == second[0][0]:
            continue
        gains = _gains(s, first + second, start)
        alone = [_gains(s, first, start), _gains(s, second, start)]
        if min(gains) > 0 and all(min(g) <= 0 for g in alone):
            trades.append(Trade(first + second, gains))
    trades.sort(key=lambda t: (-t.joint, t.moves))
    shared.sort(key=lambda t: (-t.joint, t.moves))
    traps = [n for n, irritant in enumerate(s.irritants)
             if sum(_gains(s, ((n, max(reachable_rungs(s)[n])),), start)) < 0 and max(reachable_rungs(s)[n]) > irritant.start]
    return AnswerKey(start, walk, frontier, zone, nash, shared[:count], _distinct(trades, count), traps)


def _distinct(trades: list[Trade], count: int) -> list[Trade]:
    """The best trades, at most one per pair of irritants (the best rungs for that pair)."""
    seen: set[tuple[int, ...]] = set()
    out = []
    for trade in trades:
        pair = tuple(n for n, _ in trade.moves)
        if pair not in seen:
            seen.add(pair)
            out.append(trade)
        if len(out) == count:
            break
    return out


def describe_moves(scenario: Scenario, moves: tuple[tuple[int, int], ...]) -> str:
    return "; ".join(f"{scenario.irritants[n].name} to \u201c{scenario.irritants[n].rungs[rung]}\u201d ({rung})"
                     for n, rung in moves)


def describe_board(scenario: Scenario, rungs: tuple[int, ...]) -> str:
    moved = tuple((n, rung) for n, rung in enumerate(rungs) if rung != scenario.irritants[n].start)
    return describe_moves(scenario, moved) if moved else "nothing moves (the starting board)"


def _red_line(scenario: Scenario, side: Side, irritant_id: str) -> str:
    red = scenario.valuation(side, irritant_id).red_line
    if red is None:
        return "-"
    name = scenario.irritant(irritant_id).rungs[red.rung]
    return f"never above \u201c{name}\u201d" if red.absolute else f"above \u201c{name}\u201d costs {red.price} standing"


def answer_key_blocks(scenario: Scenario) -> list[Block]:
    """The answer key as document blocks, under one heading."""
    s = scenario
    key = answer_key(s)
    out: list[Block] = [Heading(2, "Answer key (instructor only: never in a handout)"),
                        para("Computed from the scenario's numbers with the engine's own analysis; reveal it in the "
                             "debrief, after the scores are in."),
                        Heading(3, "Both sides' valuations")]
    rows: list[list[Inline | str]] = []
    for irritant in s.irritants:
        row: list[Inline | str] = [inline(b(irritant.name))]
        for side in SIDES:
            v = s.valuation(side, irritant.id)
            row += [f"{v.gain:g} / {v.cost:g} ({v.net:+g})", _red_line(s, side, irritant.id)]
        rows.append(row)
    out.append(table(["Irritant", "Washington gain / cost (net)", "Washington red line",
                      "Moscow gain / cost (net)", "Moscow red line"], rows))
    out.append(Heading(3, "Walk-away zone"))
    lines = [inline(f"{s.sides[side].name}: starts at {key.start[side]:g}, walk-away {key.walk_away[side]:g}.")
             for side in SIDES]
    if key.zone:
        w = [p.washington for p in key.zone]
        m = [p.moscow for p in key.zone]
        lines.append(inline(f"Zone of possible agreement: {len(key.zone)} efficient board(s) beat both walk-aways; "
                            f"on them Washington scores {min(w):g} to {max(w):g} and Moscow {min(m):g} to {max(m):g}."))
    else:
        lines.append(inline("No efficient board beats both walk-aways: there is no zone of possible agreement, "
                            "and walking away is rational for at least one side."))
    if key.nash:
        lines.append(inline(b("Nash point"), f" (the fairest efficient split): Washington {key.nash.washington:g}, "
                            f"Moscow {key.nash.moscow:g}: {describe_board(s, key.nash.rungs)}."))
    out.append(bullets(lines))
    out.append(Heading(3, "Efficient frontier"))
    shown = key.zone or key.frontier
    step = max(1, len(shown) // 6)
    picks = sorted({0, len(shown) - 1, *range(0, len(shown), step)})
    out.append(table(["Washington", "Moscow", "Board"],
                     [[f"{shown[n].washington:g}", f"{shown[n].moscow:g}", describe_board(s, shown[n].rungs)]
                      for n in picks]))
    out.append(para(f"{len(key.frontier)} efficient boards in all"
                    + (f"; the table shows {len(picks)} of the {len(key.zone)} inside the walk-away zone." if key.zone
                       else f"; the table shows {len(picks)} of them.")))
    out.append(Heading(3, "Good trades (each side gives something, both end better off)"))
    if key.trades:
        out.append(bullets([inline(describe_moves(s, t.moves), f": Washington {t.gains[0]:+g}, Moscow {t.gains[1]:+g}.")
                            for t in key.trades]))
    else:
        out.append(para("No two-item trade leaves both sides better off than the start."))
    if key.shared:
        out.append(Heading(3, "Shared gains (one move that helps both)"))
        out.append(bullets([inline(describe_moves(s, t.moves), f": Washington {t.gains[0]:+g}, Moscow {t.gains[1]:+g}.")
                            for t in key.shared]))
    out.append(Heading(3, "Cheap gestures (GRIT: a small step taken alone, inviting an answer)"))
    gestures = []
    for side in SIDES:
        for gesture in cheap_gestures(s, side):
            irritant = gesture.irritant
            gestures.append(inline(f"{s.sides[side].name}: {irritant.name} to \u201c{irritant.rungs[irritant.start + 1]}\u201d "
                                   f"costs it {gesture.cost:g} points and is worth {gesture.worth:g} to "
                                   f"{s.sides[side.other].name}."))
    out.append(bullets(gestures) if gestures else
               para("Neither side has a cheap step of its own to take: a unilateral move here gives away the other "
                    "side's top priority, so GRIT costs the side that tries it its main chip."))
    if key.traps:
        out.append(Heading(3, "Traps (moving these loses more than it earns, counted for both sides together)"))
        lines = []
        for n in key.traps:
            top = max(reachable_rungs(s)[n])
            gains = _gains(s, ((n, top),), key.start)
            lines.append(inline(f"{s.irritants[n].name} to \u201c{s.irritants[n].rungs[top]}\u201d: Washington "
                                f"{gains[0]:+g}, Moscow {gains[1]:+g}, a joint loss of {-sum(gains):g}."))
        out.append(bullets(lines))
    return out


__all__ = ["AnswerKey", "Trade", "answer_key", "answer_key_blocks", "describe_board", "describe_moves"]
