""""What went well, what did not": findings drawn from the play of one game, for the report.

Each finding is one sentence a facilitator can read out, naming the action
(``#12``) and round it comes from, so the class can jump to it in the replay.
"""

from __future__ import annotations

import attrs

from tabletop.engine import actions as act
from tabletop.engine.analysis import Debrief
from tabletop.engine.effects import EventKind
from tabletop.engine.game import Game
from tabletop.engine.model import SIDES, EndReason, InjectKind, Mover, Posture, Scenario, Side
from tabletop.engine.red_lines import crossings
from tabletop.engine.scoring import score
from tabletop.engine.state import Offer
from tabletop.engine.turning import why_rejected
from tabletop.reports.conduct_text import below_walk_away


@attrs.frozen
class Lessons:
    """Findings sorted into what went well and what did not."""

    well: list[str]
    not_well: list[str]


def name(scenario: Scenario, side: Side) -> str:
    return scenario.sides[side].name


def board_after(scenario: Scenario, rungs: tuple[int, ...], offer: Offer) -> tuple[int, ...]:
    """The board if ``offer`` were implemented on ``rungs``."""
    out = list(rungs)
    for concession in offer.concessions:
        n = scenario.position[concession.irritant]
        out[n] = max(out[n], concession.to)
    return tuple(out)


def concessions_by(game: Game) -> list[tuple[int, int, Side]]:
    """(action index, round, side) for every concession made: gestures and each side's part of a deal."""
    scenario = game.scenario
    out = []
    for index, action in enumerate(game.actions, 1):
        before, after = game.history[index - 1], game.history[index]
        if isinstance(action, act.Gesture):
            out.append((index, before.round, action.side))
        elif len(after.deals) > len(before.deals):
            deal = after.deals[-1]
            movers = {scenario.irritant(c.irritant).mover for c in deal.offer.concessions}
            for side in SIDES:
                if Mover.BOTH in movers or Mover(side.value) in movers:
                    out.append((index, before.round, side))
    return out


def unreciprocated(game: Game) -> list[str]:
    """Gestures the other side never answered with a concession of its own."""
    scenario = game.scenario
    made = concessions_by(game)
    out = []
    for index, rnd, side in made:
        action = game.actions[index - 1]
        if not isinstance(action, act.Gesture):
            continue
        if not any(later > index and other is side.other for later, _, other in made):
            irritant = scenario.irritant(action.irritant)
            out.append(f"#{index} (round {rnd}): {name(scenario, side)}'s gesture on {irritant.name} was never "
                       f"reciprocated by {name(scenario, side.other)}.")
    return out


def rejected_gains(game: Game) -> list[str]:
    """Packages rejected although both sides would have gained from them."""
    scenario = game.scenario
    out = []
    for index, action in enumerate(game.actions, 1):
        before = game.history[index - 1]
        if not isinstance(action, act.Reject) or before.offer is None or before.offer_by is None:
            continue
        board = board_after(scenario, before.rungs, before.offer)
        gains = {side: score(scenario, side, board) - score(scenario, side, before.rungs) for side in SIDES}
        if all(gain > 0 for gain in gains.values()):
            out.append(f"#{index} (round {before.round}): {name(scenario, action.side)} rejected "
                       f"{name(scenario, before.offer_by)}'s package although both would have gained "
                       f"({name(scenario, Side.WASHINGTON)} {gains[Side.WASHINGTON]:+.1f}, "
                       f"{name(scenario, Side.MOSCOW)} {gains[Side.MOSCOW]:+.1f}){why_rejected(game, index)}.")
    return out


def retaliations(game: Game) -> tuple[list[str], int]:
    """Retaliations, and how many answered a retaliation (a spiral)."""
    scenario = game.scenario
    out: list[str] = []
    spirals = 0
    last: Side | None = None
    for index, action in enumerate(game.actions, 1):
        if isinstance(action, act.Retaliate):
            rnd = game.history[index - 1].round
            answered = last is action.side.other
            spirals += answered
            irritant = scenario.irritant(action.irritant).name
            out.append(f"#{index} (round {rnd}): {name(scenario, action.side)} retaliated on {irritant}"
                       + (", answering a retaliation: a spiral." if answered else "."))
            last = action.side
        elif isinstance(action, (act.Gesture, act.Accept)):
            last = None
    return out, spirals


def reneged(game: Game) -> list[str]:
    scenario = game.scenario
    return [f"#{index} (round {game.history[index - 1].round}): {name(scenario, action.side)} reneged on "
            f"deal {action.deal} ({scenario.irritant(action.irritant).name})."
            for index, action in enumerate(game.actions, 1) if isinstance(action, act.Renege)]


def hardline_rounds(game: Game) -> dict[Side, int]:
    counts = dict.fromkeys(SIDES, 0)
    for action in game.actions:
        if isinstance(action, act.Statement) and action.posture is Posture.HARDLINE:
            counts[action.side] += 1
    return counts


def draw_lessons(game: Game, debrief: Debrief) -> Lessons:
    """The findings of one game (finished or not)."""
    scenario, state = game.scenario, game.state
    well: list[str] = []
    bad: list[str] = []
    for side in SIDES:
        got, walk = debrief.scores[side], debrief.walk_away[side]
        if got > walk:
            well.append(f"{name(scenario, side)} ended above its walk-away value ({got:.1f} against {walk:g}).")
        elif got < walk:
            bad.append(below_walk_away(name(scenario, side), walk - got, state.ended is EndReason.COLLAPSE))
    deals = state.deals
    trades = [d for d in deals if len({scenario.irritant(c.irritant).mover for c in d.offer.concessions}) > 1
              or any(scenario.irritant(c.irritant).mover is Mover.BOTH for c in d.offer.concessions)]
    if deals:
        well.append(f"{len(deals)} package{'s were' if len(deals) > 1 else ' was'} agreed"
                    + (f", {len(trades)} of them trading concessions by both sides (logrolling)." if trades else "."))
    else:
        bad.append("No package was ever agreed.")
    if debrief.value_left <= 0.05:
        well.append("The final board is on the efficient frontier: no board was better for both sides.")
    else:
        bad.append(f"{debrief.value_left:.1f} points of joint score were left on the table: a board better "
                   "for both sides was reachable.")
        if debrief.nash_board is not None:
            missed = [f"{irritant.name} to “{irritant.rungs[rung]}”" for irritant, rung, now in
                      zip(scenario.irritants, debrief.nash_board, state.rungs) if rung > now]
            if missed:
                bad.append("The balanced efficient deal (Nash point) would also have moved "
                           + "; ".join(missed) + ".")
    reciprocated = sum(1 for _, e in game.events if e.kind is EventKind.GESTURE and e.reciprocated)
    if reciprocated:
        well.append(f"{reciprocated} gesture{'s were' if reciprocated > 1 else ' was'} reciprocated in kind.")
    bad += unreciprocated(game)
    bad += rejected_gains(game)
    spiral_lines, spirals = retaliations(game)
    bad += spiral_lines
    bad += reneged(game)
    start_trust = state.curve[0].trust if state.curve else scenario.meters.trust
    if state.trust > start_trust:
        well.append(f"Trust rose from {start_trust} to {state.trust}.")
    elif state.trust < start_trust:
        bad.append(f"Trust fell from {start_trust} to {state.trust}.")
    for side, count in hardline_rounds(game).items():
        if count > scenario.rounds // 2:
            bad.append(f"{name(scenario, side)} chose a hardline statement in {count} rounds.")
    for fired in state.fired:
        inject = scenario.by_inject.get(fired.inject)
        if inject is not None and inject.kind is InjectKind.CONTINGENCY:
            bad.append(f"Round {fired.round}: the contingency inject “{inject.title}” fired because the expected "
                       f"action had not happened ({inject.expected_action}).")
    for deal in state.deals:
        for side in scenario.sides:
            for crossed in crossings(scenario, side, dict(deal.before), deal.offer.concessions):
                if not crossed.absolute:
                    bad.append(f"Round {deal.round}: {name(scenario, side)} crossed its red line on "
                               f"{scenario.irritant(crossed.irritant).name} (standing -{crossed.price}).")
    if state.ended is EndReason.COLLAPSE:
        bad.append(f"The talks collapsed: {state.cause}.")
    elif state.ended is EndReason.CONCLUSION:
        well.append("Both sides chose to conclude the talks together.")
    if not well:
        well.append("Nothing stands out: see the timeline and the turning points.")
    if not bad:
        bad.append("Nothing stands out: no missed trade, no unanswered gesture, no retaliation.")
    return Lessons(well, bad)
