"""The process moves: asking about and stating priorities, several packages at once, addressing an audience.

They are moves about how the talks are run rather than about the board:

* **Ask and disclose.** On its turn, with nothing on the table, a side may ask
  the other which irritants matter most to it (once a round); the other side
  answers before anything else is done, by stating a ranking of its choosing
  (true or not) or by declining to say. A side may also state its priorities
  unasked, once a round, without giving up its turn. What is said is public;
  the truth stays in the brief, and the debrief sets one beside the other
  (:func:`tabletop.engine.conduct.statements`).
* **MESOs** (multiple equivalent simultaneous offers). A side may put two or
  three packages on the table at once, each worth the same to itself within
  :data:`MESO_TOLERANCE` points of its score; the other side accepts one of
  them, counters, or rejects them all.
* **An address** to one of the scenario's audiences: reassure it that the
  talks will not come at its expense, or signal that one has other options.
  The audience's answer lands as effects on trust, standing, tone and the
  outside option (:func:`address_effects`), once a round per side.

Legality (whose turn, how often) is the phase machine's (:mod:`kinds`,
:mod:`flow`); this module holds the consequences and the content checks.
"""

from __future__ import annotations

from tabletop.engine import actions as act
from tabletop.engine.deals import accept, check_offer
from tabletop.engine.effects import (
    Event,
    EventKind,
    MoveError,
    Result,
    apply_effects,
    describe_effects,
    describe_offer,
    words,
)
from tabletop.engine.model import Audience, Effects, Message, Scenario, Side
from tabletop.engine.rules import _after_turn
from tabletop.engine.scoring import board_after, score
from tabletop.engine.state import GameState, Offer, with_side
from tabletop.engine.tone import tone_headlines

MESO_MIN, MESO_MAX = 2, 3
"""How many packages a MESO holds."""
MESO_TOLERANCE = 3.0
"""How far apart (points of the proposer's own 0-100 score) the packages of a MESO may be."""

PARTNERS: dict[str, Side] = {"europe": Side.WASHINGTON, "china": Side.MOSCOW}
"""The audience each capital counts as its own partner, by the audience ids the scenarios use."""

REASSURE_STANDING = 2
"""Reassuring one's own partners: standing at home (the partners on board make concessions sellable)."""
REASSURE_OWN_TRUST = 1
"""...heard at the table as a promise not to give ground: trust (so it is a choice, never a better pass)."""
REASSURE_TRUST = 2
"""Reassuring the other capital's partner: the table hears moderation."""
REASSURE_COST = 1
"""...and the hawks at home grumble (standing)."""
SIGNAL_ALTERNATIVE = (2, 1)
"""Signalling one's own partner that one has options: the outside option improves, by less each time."""
SIGNAL_TRUST = 3
WEDGE_TRUST = 4
WEDGE_STANDING = 2
"""Signalling the other capital's partner (driving a wedge): it costs the other side standing and trust."""
REASSURE_TONE = 0.1
SIGNAL_TONE = -0.1
PRESSED_TONE = -0.2
"""How the other capital's tone hardens when it is signalled at (more, -0.3, when a wedge is driven)."""
WEDGE_TONE = -0.3


def priority_order(scenario: Scenario, side: Side) -> tuple[str, ...]:
    """The irritants ``side`` truly gains from, most valuable first: its real priorities (from its brief)."""
    valuations = scenario.sides[side].valuations
    valued = [i.id for i in scenario.irritants if i.id in valuations and valuations[i.id].gain > 0]
    return tuple(sorted(valued, key=lambda i: (-valuations[i].gain, i)))


def _name(scenario: Scenario, side: Side) -> str:
    return scenario.sides[side].name


# --- ask and disclose ------------------------------------------------------------


def ask(scenario: Scenario, state: GameState, action: act.AskPriorities) -> Result:
    """The question hands the floor to the other side, which answers before anything else is done."""
    side = action.side
    state = state.evolve(question=side.other, asked=with_side(state.asked, side, state.round), to_move=side.other)
    text = f"{_name(scenario, side)} asks {_name(scenario, side.other)} which irritants matter most to it."
    return state, [Event(state.round, EventKind.QUESTION, text, side)]


def ranking_problem(scenario: Scenario, ranking: tuple[str, ...]) -> str:
    """Why ``ranking`` is not a statement of priorities ("" when it is)."""
    seen: set[str] = set()
    for irritant in ranking:
        if irritant not in scenario.position:
            return f"there is no irritant {irritant!r}"
        if irritant in seen:
            return f"{scenario.irritant(irritant).name} is named twice"
        seen.add(irritant)
    return ""


def disclose(scenario: Scenario, state: GameState, action: act.DisclosePriorities) -> Result:
    """State a ranking (public); answering a question hands the floor back to the side that asked."""
    side = action.side
    problem = ranking_problem(scenario, action.ranking)
    if problem:
        raise MoveError(problem)
    answering = state.question is side
    if not action.ranking and not answering:
        raise MoveError("a statement of priorities names at least one irritant")
    state = state.evolve(question=None, disclosed=with_side(state.disclosed, side, state.round))
    if answering:
        state = state.evolve(to_move=side.other)
    name = _name(scenario, side)
    if action.ranking:
        names = ", then ".join(scenario.irritant(i).name for i in action.ranking)
        text = f"{name} says what matters most to it: {names}."
    else:
        text = f"{name} declines to say which irritants matter most to it."
    return state, [Event(state.round, EventKind.DISCLOSURE, text, side, ranking=action.ranking)]


# --- several packages at once ------------------------------------------------------


def meso_values(scenario: Scenario, state: GameState, side: Side, offers: tuple[Offer, ...]) -> tuple[float, ...]:
    """``side``'s own score of the board each package would make now."""
    return tuple(score(scenario, side, board_after(scenario, state.rungs, offer)) for offer in offers)


def meso_problem(scenario: Scenario, state: GameState, side: Side, offers: tuple[Offer, ...]) -> str:
    """Why ``offers`` are not a MESO ``side`` may put forward now ("" when they are).

    Each package must be one the side could propose alone, the packages must differ, and they must be of
    equal value to the side: its scores of them at most :data:`MESO_TOLERANCE` apart.
    """
    if not MESO_MIN <= len(offers) <= MESO_MAX:
        return f"a set of equal packages holds {MESO_MIN} or {MESO_MAX} packages, not {len(offers)}"
    if len({offer.concessions for offer in offers}) < len(offers):
        return "the packages of a set must differ from one another"
    for number, offer in enumerate(offers, start=1):
        try:
            check_offer(scenario, state, offer, side)
        except MoveError as error:
            return f"package {number}: {error}"
    values = meso_values(scenario, state, side, offers)
    if max(values) - min(values) > MESO_TOLERANCE:
        return (f"the packages must be of equal value to {_name(scenario, side)}: on its own scale they range "
                f"from {min(values):.1f} to {max(values):.1f}, more than {MESO_TOLERANCE:g} points apart")
    return ""


def propose_meso(scenario: Scenario, state: GameState, action: act.ProposeMeso) -> Result:
    side = action.side
    problem = meso_problem(scenario, state, side, action.offers)
    if problem:
        raise MoveError(problem)
    state = state.evolve(meso=action.offers, offer=None, offer_by=side, exchanges=state.exchanges + 1,
                         to_move=side.other, quiet_turns=0, turns=state.turns + 1,
                         last_move=with_side(state.last_move, side, "propose"))
    text = words(_meso_line, scenario, side, action.offers)
    return state, [Event(state.round, EventKind.MESO, text, side, options=action.offers)]


def _meso_line(scenario: Scenario, side: Side, offers: tuple[Offer, ...]) -> str:
    listed = "; ".join(f"({n}) {describe_offer(scenario, offer)}" for n, offer in enumerate(offers, start=1))
    return (f"{_name(scenario, side)} puts {len(offers)} packages on the table, of equal value to it, for "
            f"{_name(scenario, side.other)} to pick one: {listed}.")


def accept_option(scenario: Scenario, state: GameState, action: act.AcceptOption) -> Result:
    """Accept one package of a MESO: the others leave the table and it is implemented like any accepted one."""
    options = state.meso
    if not 0 <= action.option < len(options):
        raise MoveError(f"there is no package {action.option + 1}: the set on the table holds {len(options)}")
    state, events = accept(scenario, state.evolve(offer=options[action.option], meso=()), act.Accept(action.side))
    text = (f"{_name(scenario, action.side)} picks package {action.option + 1} of {len(options)} and accepts it: "
            f"{describe_offer(scenario, options[action.option])}.")
    return state, [Event(state.round, EventKind.ACCEPT, text, action.side, offer=options[action.option])] + events[1:]


# --- addressing an audience ----------------------------------------------------------


def audience_of(scenario: Scenario, audience_id: str) -> Audience:
    for audience in scenario.audiences:
        if audience.id == audience_id:
            return audience
    known = ", ".join(a.id for a in scenario.audiences) or "none"
    raise MoveError(f"there is no audience {audience_id!r} (this scenario's audiences: {known})")


def address_effects(state: GameState, side: Side, audience_id: str, message: Message) -> Effects:
    """What an address does, by whose partner the audience is (:data:`PARTNERS`) and what is said.

    Reassuring one's own partners buys standing at home for a little trust at the table; reassuring the other capital's partner buys trust at
    the table and costs a little at home. Signalling one's own partner that one has options improves the
    outside option (by less each time) at a cost in trust, and hardens the other capital's tone; signalling
    the other capital's partner drives a wedge: the other side loses standing, trust falls further.
    """
    partner = PARTNERS.get(audience_id)
    me, other = side.value, side.other.value
    if message is Message.REASSURE:
        if partner is side:
            return Effects(trust=-REASSURE_OWN_TRUST, standing={me: REASSURE_STANDING}, tone={me: REASSURE_TONE})
        if partner is side.other:
            return Effects(trust=REASSURE_TRUST, standing={me: -REASSURE_COST}, tone={me: REASSURE_TONE})
        return Effects(trust=REASSURE_TRUST // 2, tone={me: REASSURE_TONE})
    if partner is side:
        signals = state.signals[0 if side is Side.WASHINGTON else 1]
        gain = SIGNAL_ALTERNATIVE[signals] if signals < len(SIGNAL_ALTERNATIVE) else 0
        return Effects(trust=-SIGNAL_TRUST, alternative={me: gain} if gain else {},
                       tone={me: SIGNAL_TONE, other: PRESSED_TONE})
    if partner is side.other:
        return Effects(trust=-WEDGE_TRUST, standing={other: -WEDGE_STANDING}, tone={other: WEDGE_TONE})
    return Effects(trust=-SIGNAL_TRUST + 1, tone={other: PRESSED_TONE})


WORDS = {
    Message.REASSURE: "the talks will not come at their expense",
    Message.SIGNAL: "it has other options",
}


def address(scenario: Scenario, state: GameState, action: act.Address) -> Result:
    side = action.side
    audience = audience_of(scenario, action.audience)
    effects = address_effects(state, side, audience.id, action.message)
    before = state
    state = apply_effects(scenario, state, effects)
    index = 0 if side is Side.WASHINGTON else 1
    signals = state.signals
    if action.message is Message.SIGNAL and PARTNERS.get(audience.id) is side:  # a wedge spends nothing of it
        signals = with_side(signals, side, signals[index] + 1)
    state = state.evolve(addressed=with_side(state.addressed, side, state.round), signals=signals)
    name = _name(scenario, side)
    events = [Event(state.round, EventKind.ADDRESS, f"{name} addresses {audience.name}: {WORDS[action.message]}.",
                    side, audience=audience.id)]
    # The outside option moves in the side's own brief; the shared log does not print it.
    shown = describe_effects(scenario, Effects(trust=effects.trust, standing=effects.standing, tone=effects.tone))
    if action.message is Message.SIGNAL and effects.alternative:
        shown = ", ".join(filter(None, (shown, f"{name}'s outside option looks firmer")))
    events.append(Event(state.round, EventKind.AUDIENCE, f"{audience.name} take note" + (f" ({shown})." if shown else ".")))
    events += tone_headlines(scenario, before, state)
    return _after_turn(scenario, state, side, "address", events)
