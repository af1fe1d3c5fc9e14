"""Packages and deals: what may be put forward, proposing, accepting, rejecting, implementing the deal.

Each function takes a scenario, a state (and an action) and returns the new
state with the events that describe, in plain words, what happened. Whose turn
it is and which phase is the phase machine's business (:mod:`flow`, its
conditions in :mod:`conditions`); the checks here are about the content of a
package (a rung off the ladder, an absolute red line, a capital that would not
ratify it).
"""

from __future__ import annotations

from tabletop.engine import actions as act
from tabletop.engine.effects import Event, EventKind, MoveError, Result, describe_offer, shift, words
from tabletop.engine.injects import check_collapse, react
from tabletop.engine.model import SIDES, Irritant, Mover, Scenario, Side
from tabletop.engine.ratification import concede, not_ratified, ratifiable
from tabletop.engine.red_lines import absolute_crossings, ceilings
from tabletop.engine.state import Concession, Deal, GameState, Offer, with_side
from tabletop.engine.tone import DEAL_TONE, with_tone

# Trust, in meter points. GAME.md gives the shape; these numbers tune it.
PACKAGE_TRUST = 2
RECIPROCAL_PACKAGE_TRUST = 5


def check_concession(scenario: Scenario, state: GameState, concession: Concession,
                      judges: tuple[Side, ...] = SIDES) -> None:
    """Refuse a concession off the ladder or past an absolute red line of one of ``judges``.

    Only the acting side's own red lines are checked when it proposes: the other
    side's are confidential, and its acceptance will refuse what crosses them.
    """
    n = scenario.position.get(concession.irritant)
    if n is None:
        raise MoveError(f"there is no irritant {concession.irritant!r}")
    _check_step(scenario, state.rungs[n], scenario.irritants[n], concession.to,
                [(side, ceilings(scenario, side)) for side in judges])


def _check_step(scenario: Scenario, current: int, irritant: Irritant, to: int,
                judges: list[tuple[Side, dict[str, int]]]) -> None:
    """Refuse a move of ``irritant`` from ``current`` to ``to`` that is off its ladder, or past the absolute
    red line of a judge (each given with its :func:`~tabletop.engine.red_lines.ceilings`)."""
    if not current < to <= irritant.top:
        raise MoveError(
            f"{irritant.name} is at rung {current}; a concession must move it up, to a rung from "
            f"{current + 1} to {irritant.top}")
    for side, tops in judges:
        if to > tops[irritant.id]:
            red = scenario.valuation(side, irritant.id).red_line
            assert red is not None
            raise_absolute(scenario, side, irritant.name, red.rung)


def raise_absolute(scenario: Scenario, side: Side, name: str, rung: int) -> None:
    raise MoveError(f"{scenario.sides[side].name} cannot move {name} past rung {rung} (an absolute red line)")


def check_offer(scenario: Scenario, state: GameState, offer: Offer, side: Side) -> None:
    """Refuse an offer that is empty, off the ladders, or crosses the proposer's absolute red lines.

    Each concession is checked as :func:`check_concession` would, in one pass over the package (the
    proposer's ceilings read once): proposing, every package of a set and the computers' own look ask it.
    """
    if not offer.concessions:
        raise MoveError("an offer needs at least one concession")
    seen = set()
    position, irritants, rungs = scenario.position, scenario.irritants, state.rungs
    judges = [(side, ceilings(scenario, side))]
    for concession in offer.concessions:
        irritant_id = concession.irritant
        if irritant_id in seen:
            raise MoveError(f"{irritant_id!r} appears twice in the offer")
        seen.add(irritant_id)
        n = position.get(irritant_id)
        if n is None:
            raise MoveError(f"there is no irritant {irritant_id!r}")
        _check_step(scenario, rungs[n], irritants[n], concession.to, judges)
    for a, b in offer.links:
        if a not in seen or b not in seen or a == b:
            raise MoveError("a link must join two different irritants that are in the offer")
    if not ratifiable(scenario, state, offer, side):
        raise MoveError(not_ratified(scenario, side))


def propose(scenario: Scenario, state: GameState, action: act.Propose | act.Counter) -> Result:
    check_offer(scenario, state, action.offer, action.side)
    counter = isinstance(action, act.Counter)
    verb = "counters" if counter else "proposes"
    state = state.evolve(offer=action.offer, meso=(), offer_by=action.side, exchanges=state.exchanges + 1,
                         to_move=action.side.other, quiet_turns=0, turns=state.turns + 1,
                         last_move=with_side(state.last_move, action.side, "propose"))
    text = words(_offer_line, scenario.sides[action.side].name, verb, scenario, action.offer)
    return state, [Event(state.round, EventKind.OFFER, text, action.side, offer=action.offer, counter=counter)]


def _offer_line(name: str, verb: str, scenario: Scenario, offer: Offer) -> str:
    return f"{name} {verb}: {describe_offer(scenario, offer)}."


def accept(scenario: Scenario, state: GameState, action: act.Accept) -> Result:
    offer = state.offer
    assert offer is not None
    for concession in offer.concessions:
        irritant = scenario.irritant(concession.irritant)
        for crossed in absolute_crossings(scenario, action.side, (concession,)):
            raise_absolute(scenario, action.side, irritant.name, crossed.red_rung)
        current = state.rung(scenario, concession.irritant)
        if concession.to <= current:
            raise MoveError(f"{irritant.name} is already at rung {current}; the offer is out of date")
    for side in (action.side, action.side.other):
        if not ratifiable(scenario, state, offer, side):
            raise MoveError(not_ratified(scenario, side))
    state = state.evolve(accepted=offer, accepted_by=action.side, offer=None, offer_by=None,
                         to_move=None, last_move=with_side(state.last_move, action.side, "accept"))
    text = f"{scenario.sides[action.side].name} accepts the package."
    return state, [Event(state.round, EventKind.ACCEPT, text, action.side)]


REASON_LIMIT = 200
"""The longest reason a rejection may give, in characters (one line)."""


def fit_reason(text: str) -> str:
    """A reason the engine words itself, made one line of at most :data:`REASON_LIMIT` characters (a scenario's
    long side or irritant names could take it past; cut with an ellipsis)."""
    line = " ".join(text.split())
    return line if len(line) <= REASON_LIMIT else line[: REASON_LIMIT - 1].rstrip() + "…"


def reject(scenario: Scenario, state: GameState, action: act.Reject) -> Result:
    reason = action.reason.strip().rstrip(".")
    if len(reason) > REASON_LIMIT or not reason.isprintable():
        raise MoveError(f"a rejection's reason is one line of at most {REASON_LIMIT} characters")
    what = "every package on the table" if state.meso else "the package"
    state = state.evolve(offer=None, meso=(), offer_by=None, to_move=None,
                         last_move=with_side(state.last_move, action.side, "reject"))
    text = f"{scenario.sides[action.side].name} rejects {what}; the negotiation closes for this round."
    return state, [Event(state.round, EventKind.REJECT, f"{text} {reason}." if reason else text, action.side,
                         reason=reason)]


def implement(scenario: Scenario, state: GameState) -> Result:
    """The accepted package moves its rungs; reciprocal packages build more trust."""
    offer = state.accepted
    if offer is None:
        return state, []
    events: list[Event] = []
    before = tuple((c.irritant, state.rung(scenario, c.irritant)) for c in offer.concessions)
    conceders: set[Side] = set()
    for concession in offer.concessions:
        mover = scenario.irritant(concession.irritant).mover
        conceders.update(SIDES if mover is Mover.BOTH else (Side(mover.value),))
        state = concede(scenario, state, concession, events)
    reciprocal = len(conceders) == 2
    trust = RECIPROCAL_PACKAGE_TRUST if reciprocal else PACKAGE_TRUST
    proposer = state.accepted_by.other if state.accepted_by else scenario.first_initiative
    deal = Deal(len(state.deals) + 1, state.round, proposer, offer, before)
    state = shift(state, trust=trust)
    state = state.evolve(deals=state.deals + (deal,), accepted=None, accepted_by=None, progress_round=state.round)
    events.insert(0, Event(state.round, EventKind.DEAL, words(_deal_line, deal.number, scenario, offer, trust),
                           deal=deal.number, offer=offer))
    state = with_tone(scenario, state, events, {side: DEAL_TONE for side in SIDES})
    state, events = react(scenario, state, events, "concession", None, offer.irritants(),
                          movers=tuple(sorted(conceders)))
    state, more = check_collapse(scenario, state)
    return state, events + more


def _deal_line(number: int, scenario: Scenario, offer: Offer, trust: int) -> str:
    return f"Deal {number} implemented: {describe_offer(scenario, offer)} (trust {trust:+d})."
