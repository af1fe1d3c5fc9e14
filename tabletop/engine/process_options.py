"""What a seat may do with the process moves now, with their parameters: the interfaces build their dialogs here.

Like :func:`tabletop.engine.options.options` for the board's moves, every
answer comes from the phase machine and the rules (:mod:`process`): whether
the side may ask or state its priorities (and whether it is answering a
question, so that declining is open), sets of equal packages it could put on
the table (each set one the engine accepts), the packages of a set on the
table with what each would bring it, and the addresses open to it with what
each would do, in words.
"""

from __future__ import annotations

import attrs

from tabletop.engine import actions as act
from tabletop.engine.effects import describe_effects
from tabletop.engine.game import Game
from tabletop.engine.model import Message, Side
from tabletop.engine.process import MESO_MAX, MESO_TOLERANCE, WORDS, address_effects, meso_problem
from tabletop.engine.red_lines import ceiling
from tabletop.engine.scoring import board_after, score
from tabletop.engine.state import Concession, Offer

SETS = 6
"""How many sets of equal packages a seat is offered at most."""
ASK_RUNGS = 2
"""How far up a suggested package asks the other side to move one irritant."""


@attrs.frozen
class Pick:
    """One package of a set on the table, and what it would do to the picking side's score."""

    option: int
    offer: Offer
    score_before: float
    score_after: float

    @property
    def change(self) -> float:
        return round(self.score_after - self.score_before, 1)


@attrs.frozen
class AddressChoice:
    """An address open to the side, and what it would do (meters, tone, its own outside option) in words."""

    action: act.Address
    audience_name: str
    says: str
    effects: str


@attrs.frozen
class ProcessOptions:
    """The process moves open to ``side`` now."""

    side: Side
    may_ask: bool
    may_disclose: bool
    answering: bool
    """A question waits for this side's answer: it may decline to say."""
    irritants: tuple[tuple[str, str], ...]
    """(id, name) of every irritant, in the scenario's order: what a statement of priorities ranks."""
    sets: tuple[tuple[Offer, ...], ...]
    """Sets of packages of equal value to this side that it may put on the table now (best for it first)."""
    set_values: tuple[float, ...]
    """This side's score change for each set (the packages of a set are worth the same to it)."""
    picks: tuple[Pick, ...]
    """The packages of the set on the table, when this side may pick one."""
    addresses: tuple[AddressChoice, ...]


def process_options(game: Game, side: Side) -> ProcessOptions:
    """Everything ``side`` may do with the process moves now."""
    kinds = frozenset(game.legal_kinds(side)) if not game.is_over else frozenset()
    state = game.state
    scenario = game.scenario
    sets: list[tuple[Offer, ...]] = []
    values: list[float] = []
    if "propose_meso" in kinds:
        for found in equal_sets(game, side):
            sets.append(found)
            values.append(round(score(scenario, side, board_after(scenario, state.rungs, found[0])) - game.score(side), 1))
    picks: tuple[Pick, ...] = ()
    if "accept_option" in kinds:
        now = game.score(side)
        picks = tuple(Pick(n, offer, now, score(scenario, side, board_after(scenario, state.rungs, offer)))
                      for n, offer in enumerate(state.meso))
    addresses: list[AddressChoice] = []
    if "address" in kinds:
        for audience in scenario.audiences:
            for message in Message:
                effects = address_effects(state, side, audience.id, message)
                addresses.append(AddressChoice(act.Address(side, audience.id, message), audience.name,
                                               WORDS[message], describe_effects(scenario, effects)))
    return ProcessOptions(
        side=side,
        may_ask="ask_priorities" in kinds,
        may_disclose="disclose_priorities" in kinds,
        answering="disclose_priorities" in kinds and state.question is side,
        irritants=tuple((i.id, i.name) for i in scenario.irritants),
        sets=tuple(sets),
        set_values=tuple(values),
        picks=picks,
        addresses=tuple(addresses),
    )


def equal_sets(game: Game, side: Side, limit: int = SETS) -> list[tuple[Offer, ...]]:
    """Sets of two or three packages worth the same to ``side`` (within the engine's tolerance) that it may
    put on the table now, most valuable to it first.

    The packages are simple ones: one thing asked of the other side (one or two rungs up), alone or with one
    rung of one's own in return; each set varies what is asked, so that the other side's pick says what it wants.
    """
    scenario = game.scenario
    state = game.state
    now = game.score(side)
    asks: list[Concession] = []
    gives: list[Concession] = []
    for irritant, rung in zip(scenario.irritants, state.rungs):
        # As options() offers them, but from the board and the side's own red lines alone (no trial copy of
        # the game), so that a seat's mirror of a networked table can ask too.
        rungs = tuple(range(rung + 1, ceiling(scenario, side, irritant.id) + 1))
        if irritant.mover.value == side.value:
            gives += [Concession(irritant.id, to) for to in rungs[:1]]
        else:
            asks += [Concession(irritant.id, to) for to in rungs[:ASK_RUNGS]]
    packages: list[tuple[float, Offer, str]] = []
    for ask in asks:
        for give in (None, *gives):
            offer = Offer((ask,) if give is None else (ask, give), () if give is None else ((give.irritant, ask.irritant),))
            gain = score(scenario, side, board_after(scenario, state.rungs, offer)) - now
            if gain > 0:
                packages.append((gain, offer, ask.irritant))
    packages.sort(key=lambda p: (-p[0], repr(p[1].to_dict())))
    found: list[tuple[Offer, ...]] = []
    seen: set[frozenset[tuple[Concession, ...]]] = set()
    for gain, anchor, asked in packages:
        members, asked_of = [anchor], {asked}
        for other_gain, other, other_asked in packages:
            if len(members) == MESO_MAX:
                break
            if other_asked not in asked_of and abs(other_gain - gain) <= MESO_TOLERANCE - 0.5:
                members.append(other)
                asked_of.add(other_asked)
        key = frozenset(offer.concessions for offer in members)
        if len(members) < 2 or key in seen or meso_problem(scenario, state, side, tuple(members)):
            continue
        seen.add(key)
        found.append(tuple(members))
        if len(found) == limit:
            break
    return found
