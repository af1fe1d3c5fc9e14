"""The moves a side makes on its own turn: gestures, retaliation, reneging, passing, concluding, walking out.

Each function takes a scenario, a state and an action and returns the new state
with the events that describe, in plain words, what happened. Legality (whose
turn, which phase) is the phase machine's business (:mod:`flow`, its conditions
in :mod:`conditions`); the checks here are about the content of a move (a rung
off the ladder, an irritant the side may not move, an absolute red line).
Packages and deals are in :mod:`deals`, the round's own phases in :mod:`rounds`.
"""

from __future__ import annotations

import attrs

from tabletop.engine import actions as act
from tabletop.engine.deals import check_concession
from tabletop.engine.effects import Event, EventKind, MoveError, Result, irritant_name, shift
from tabletop.engine.injects import check_collapse, react
from tabletop.engine.model import EndReason, Mover, Scenario, Side
from tabletop.engine.ratification import concede
from tabletop.engine.state import Concession, Deal, GameState, deal_floor, side_index, with_side
from tabletop.engine.tone import RETALIATED_TONE, with_tone

# Trust and standing, in meter points. GAME.md gives the shape; these numbers tune it.
GESTURE_TRUST = 3
RECIPROCATION_TRUST = 2
RETALIATION_TRUST = 6
RENEGE_TRUST = 20
RENEGE_STANDING = 5
RETALIATION_STANDING_HIT = 2
TENSION_BITE = 4


def _tone_factor(tone: float) -> float:
    return 1.0 + 0.5 * tone


def gesture(scenario: Scenario, state: GameState, action: act.Gesture) -> Result:
    irritant = _own_irritant(scenario, action.side, action.irritant)
    concession = Concession(irritant.id, action.to)
    check_concession(scenario, state, concession, (action.side,))
    events: list[Event] = []
    state = concede(scenario, state, concession, events)
    trust = GESTURE_TRUST * _tone_factor(state.tone_of(action.side))
    reciprocated = state.last_move[side_index(action.side.other)] == "gesture"
    if reciprocated:
        trust += RECIPROCATION_TRUST
    state = shift(state, trust=trust)
    text = (f"{scenario.sides[action.side].name} makes a gesture: {irritant.name} to "
            f"\u201c{irritant.rungs[action.to]}\u201d" + (" (reciprocated)" if reciprocated else "") + ".")
    events.insert(0, Event(state.round, EventKind.GESTURE, text, action.side, irritant=irritant.id, rung=action.to,
                           reciprocated=reciprocated))
    state = state.evolve(progress_round=state.round)
    state, events = react(scenario, state, events, "gesture", action.side, [irritant.id])
    state, events = react(scenario, state, events, "concession", action.side, [irritant.id])
    return _after_turn(scenario, state, action.side, "gesture", events)


def retaliate(scenario: Scenario, state: GameState, action: act.Retaliate) -> Result:
    irritant = _own_irritant(scenario, action.side, action.irritant)
    n = scenario.position[irritant.id]
    current = state.rungs[n]
    if not 0 <= action.to < current:
        raise MoveError(f"{irritant.name} is at rung {current}; a retaliation moves it down, to a rung from 0 to {current - 1}")
    floor, deal = deal_floor(state.deals, irritant.id)
    if deal is not None and action.to < floor:
        raise MoveError(f"{irritant.name} at \u201c{irritant.rungs[floor]}\u201d is part of deal "
                        f"{deal.number}: renege on the deal instead of retaliating below it")
    steps = current - action.to
    bite = 2 if state.tension >= TENSION_BITE else 1
    trust = -RETALIATION_TRUST * steps * bite * (1 + 0.5 * max(0.0, state.tone_of(action.side)))
    rungs = list(state.rungs)
    rungs[n] = action.to
    spiral = state.last_move[side_index(action.side.other)] == "retaliate"
    state = state.evolve(rungs=tuple(rungs),
                         retaliated=with_side(state.retaliated, action.side,
                                              state.retaliated[side_index(action.side)] + 1))
    state = shift(state, trust=trust, tension=1 if spiral else 0,
                  standing={action.side.other: -RETALIATION_STANDING_HIT * steps})
    text = (f"{scenario.sides[action.side].name} retaliates: {irritant.name} down to "
            f"\u201c{irritant.rungs[action.to]}\u201d (trust {round(trust):+d}"
            + (", doubled by tension" if bite == 2 else "") + (", tension +1: a spiral" if spiral else "") + ").")
    events = [Event(state.round, EventKind.RETALIATION, text, action.side, irritant=irritant.id, rung=action.to,
                    spiral=spiral)]
    state = with_tone(scenario, state, events, {action.side.other: RETALIATED_TONE})
    state, events = react(scenario, state, events, "retaliation", action.side, [irritant.id])
    return _after_turn(scenario, state, action.side, "retaliate", events)


def _own_irritant(scenario: Scenario, side: Side, irritant_id: str):
    """An irritant ``side`` moves alone (gestures and retaliations); shared ones move only in packages."""
    if irritant_id not in scenario.position:
        raise MoveError(f"there is no irritant {irritant_id!r}")
    irritant = scenario.irritant(irritant_id)
    if irritant.mover.value != side.value:
        who = "both sides together" if irritant.mover is Mover.BOTH else irritant.mover.value.capitalize()
        raise MoveError(f"{irritant.name} is moved by {who}, not by {scenario.sides[side].name} alone")
    return irritant


def _after_turn(scenario: Scenario, state: GameState, side: Side, move: str, events: list[Event],
                quiet: bool = True) -> Result:
    """Hand the turn over; two quiet turns in a row (or the turn limit) close the negotiation."""
    quiet_turns = state.quiet_turns + 1 if quiet else 0
    state = state.evolve(last_move=with_side(state.last_move, side, move),
                         to_move=side.other, quiet_turns=quiet_turns, turns=state.turns + 1)
    state, more = check_collapse(scenario, state)
    return state, events + more


def negotiation_closed(scenario: Scenario, state: GameState) -> bool:
    """Whether the negotiation phase of this round is over."""
    if state.offer is not None or state.meso:
        return False
    return state.quiet_turns >= 2 or state.turns >= 2 * scenario.rules.exchange_limit + 2 \
        or state.accepted is not None or state.to_move is None


def pass_turn(scenario: Scenario, state: GameState, action: act.Pass) -> Result:
    events = [Event(state.round, EventKind.PASS, f"{scenario.sides[action.side].name} passes.", action.side)]
    return _after_turn(scenario, state, action.side, "pass", events)


def renege(scenario: Scenario, state: GameState, action: act.Renege) -> Result:
    """Undo a concession of an earlier deal and every concession linked to it."""
    deals = {deal.number: deal for deal in state.deals}
    deal = deals.get(action.deal)
    if deal is None:
        raise MoveError(f"there is no deal {action.deal}")
    if action.irritant not in deal.offer.irritants() or action.irritant in deal.undone:
        raise MoveError(f"deal {deal.number} has no standing concession on {action.irritant!r}")
    if not scenario.irritant(action.irritant).mover.includes(action.side):
        raise MoveError(f"{scenario.sides[action.side].name} did not make the concession on "
                        f"{irritant_name(scenario, action.irritant)}, so cannot renege on it")
    group = sorted(deal.offer.linked_to(action.irritant) - set(deal.undone))
    rungs = list(state.rungs)
    before = dict(deal.before)
    for irritant_id in group:
        n = scenario.position[irritant_id]
        rungs[n] = min(rungs[n], before[irritant_id])
    bite = 2 if state.tension >= TENSION_BITE else 1
    undone_deals: list[Deal] = []
    for d in state.deals:
        # This deal's group is undone; so is any concession of another deal the undoing took back below.
        undone = set(d.undone) | (set(group) if d.number == deal.number else set())
        undone |= {c.irritant for c in d.offer.concessions if rungs[scenario.position[c.irritant]] < c.to}
        undone_deals.append(attrs.evolve(d, undone=tuple(sorted(undone))) if undone != set(d.undone) else d)
    state = state.evolve(rungs=tuple(rungs), deals=tuple(undone_deals))
    state = shift(state, trust=-RENEGE_TRUST * bite, tension=1, standing={action.side: -RENEGE_STANDING})
    names = ", ".join(irritant_name(scenario, i) for i in group)
    events = [Event(state.round, EventKind.RENEGE,
                    f"{scenario.sides[action.side].name} reneges on deal {deal.number}: {names} undone "
                    f"(trust -{RENEGE_TRUST * bite}, tension +1, standing -{RENEGE_STANDING}).", action.side,
                    irritant=action.irritant, deal=deal.number, undone=tuple(group))]
    state, events = react(scenario, state, events, "renege", action.side, group)
    return _after_turn(scenario, state, action.side, "renege", events)


def walk_out(scenario: Scenario, state: GameState, action: act.WalkOut) -> Result:
    name = scenario.sides[action.side].name
    state = state.evolve(ended=EndReason.COLLAPSE, walked_out=action.side,
                         cause=f"{name} walked out", to_move=None, offer=None, meso=(), question=None)
    events = [Event(state.round, EventKind.WALKOUT, f"{name} walks out of the talks.", action.side)]
    state, events = react(scenario, state, events, "walkout", action.side)
    return react(scenario, state, events, "collapse", action.side)


def propose_conclude(scenario: Scenario, state: GameState, action: act.ProposeConclude) -> Result:
    state = state.evolve(conclude_by=action.side, to_move=action.side.other)
    text = f"{scenario.sides[action.side].name} proposes to conclude the talks."
    return state, [Event(state.round, EventKind.CONCLUDE, text, action.side)]


def answer_conclude(scenario: Scenario, state: GameState, action: act.AgreeConclude | act.DeclineConclude) -> Result:
    name = scenario.sides[action.side].name
    if isinstance(action, act.AgreeConclude):
        state = state.evolve(ended=EndReason.CONCLUSION, conclude_by=None, to_move=None,
                             cause="both sides agreed to conclude")
        events = [Event(state.round, EventKind.CONCLUDE, f"{name} agrees: the talks conclude.", action.side, agreed=True)]
        return react(scenario, state, events, "conclusion", action.side)
    proposer = state.conclude_by or action.side.other
    state = state.evolve(conclude_by=None)
    events = [Event(state.round, EventKind.CONCLUDE, f"{name} declines to conclude; the talks go on.", action.side,
                    agreed=False)]
    return _after_turn(scenario, state, proposer, "conclude", events)
