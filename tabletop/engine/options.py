"""What a seat may do now, with its parameters: the one answer every interface builds its choices from.

The terminal interface, a network client or a new opponent never re-derive a
rule: they ask :func:`options` for the moves open to a side (the kinds of
action the phase machine allows, the rungs each irritant may be offered at,
the gestures, retaliations and reneges open to it, whether it may accept the
package on the table and why not), :func:`refusal` for why one action would
be refused, and :func:`preview` for what an action would do to the side's own
score and the meters. Every answer comes from the phase machine and the rules
themselves (a candidate is tried on a throwaway copy of the game), so it
cannot drift from what :meth:`Game.apply` accepts.
"""

from __future__ import annotations

import attrs

from tabletop.engine import actions as act
from tabletop.engine.deals import fit_reason
from tabletop.engine.effects import Event, EventKind
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import Posture, Response, Side
from tabletop.engine.objections import Objection, objection
from tabletop.engine.red_lines import Crossing, ceiling, crossings
from tabletop.engine.scoring import board_after, score
from tabletop.engine.state import Concession, Offer


@attrs.frozen
class SeatOptions:
    """The moves open to ``side`` at this moment of the game."""

    side: Side
    kinds: frozenset[str]
    """Action kinds the phase machine allows this side now."""
    postures: tuple[Posture, ...]
    """Public postures it may choose (empty unless it owes a statement)."""
    inject: str | None
    """The inject it must answer now, if any."""
    responses: tuple[Response, ...]
    offer_rungs: dict[str, tuple[int, ...]]
    """Per irritant, the rungs a package from this side may move it to (empty when it may not propose)."""
    gestures: tuple[act.Gesture, ...]
    retaliations: tuple[act.Retaliate, ...]
    reneges: tuple[act.Renege, ...]
    accept_refusal: str
    """Why this side may not accept the package on the table ("" when it may, or when none is there)."""

    def may(self, kind: str) -> bool:
        """Whether an action of ``kind`` is open to this side now."""
        return kind in self.kinds

    @property
    def may_accept(self) -> bool:
        return "accept" in self.kinds


def refusal(game: Game, action: act.Action) -> str:
    """Why ``action`` would be refused now, in the words ``Game.apply`` would use ("" when it is legal)."""
    trial = game.copy()
    try:
        trial.apply(action)
    except IllegalAction as error:
        return str(error)
    return ""


def options(game: Game, side: Side) -> SeatOptions:
    """Everything ``side`` may do now, with the parameters of each move."""
    if game.is_over:
        return SeatOptions(side, frozenset(), (), None, (), {}, (), (), (), "the game is over")
    kinds = frozenset(game.legal_kinds(side))
    state = game.state
    scenario = game.scenario
    inject = state.pending[0] if "respond_inject" in kinds and state.pending else None
    offer_rungs: dict[str, tuple[int, ...]] = {}
    if kinds & {"propose", "counter"}:
        for irritant, rung in zip(scenario.irritants, state.rungs):
            offer_rungs[irritant.id] = tuple(range(rung + 1, ceiling(scenario, side, irritant.id) + 1))
    gestures: list[act.Gesture] = []
    retaliations: list[act.Retaliate] = []
    for irritant, rung in zip(scenario.irritants, state.rungs):
        if irritant.mover.value != side.value:
            continue  # gestures and retaliations move one's own irritants alone; shared ones move in packages
        if "gesture" in kinds:
            gestures += [act.Gesture(side, irritant.id, to)
                         for to in range(rung + 1, ceiling(scenario, side, irritant.id) + 1)]
        if "retaliate" in kinds:
            retaliations += [a for to in range(rung - 1, -1, -1)
                             if not refusal(game, a := act.Retaliate(side, irritant.id, to))]
    reneges: list[act.Renege] = []
    if "renege" in kinds:
        for deal in state.deals:
            for concession in deal.offer.concessions:
                if concession.irritant in deal.undone or not scenario.irritant(concession.irritant).mover.includes(side):
                    continue
                action = act.Renege(side, deal.number, concession.irritant)
                if not refusal(game, action):
                    reneges.append(action)
    accept_refusal = ""
    if state.offer is not None and state.to_move is side:
        # The phase machine knows the red lines; the rules also judge ratification at home: ask them both.
        accept_refusal = refusal(game, act.Accept(side))
        if accept_refusal:
            kinds = kinds - {"accept"}
    return SeatOptions(
        side=side,
        kinds=kinds,
        postures=tuple(Posture) if "statement" in kinds else (),
        inject=inject,
        responses=tuple(Response) if inject is not None else (),
        offer_rungs=offer_rungs,
        gestures=tuple(gestures),
        retaliations=tuple(retaliations),
        reneges=tuple(reneges),
        accept_refusal=accept_refusal,
    )


@attrs.frozen
class Preview:
    """What an action would do, seen by one side: its own score, the meters, and red lines it would cross."""

    side: Side
    score_before: float
    score_after: float
    trust: tuple[int, int]
    tension: tuple[int, int]
    standing: tuple[int, int]
    """This side's domestic standing before and after."""
    crossings: tuple[Crossing, ...] = ()

    @property
    def score_change(self) -> float:
        return round(self.score_after - self.score_before, 1)


def preview(game: Game, side: Side, action: act.Action) -> Preview:
    """What ``action`` (legal now) would change for ``side``: tried on a copy, the game is untouched.

    Raises :class:`IllegalAction` when the action is refused.
    """
    trial = game.copy()
    trial.apply(action)
    before, after = game.state, trial.state
    crossed: list[Crossing] = []
    if isinstance(action, act.Accept) and before.offer is not None:
        crossed = crossings(game.scenario, side, before.rungs, before.offer.concessions)
    elif isinstance(action, act.Gesture):
        crossed = crossings(game.scenario, side, before.rungs, [_concession(action)])
    return Preview(side, game.score(side), trial.score(side), (before.trust, after.trust),
                   (before.tension, after.tension), (before.standing_of(side), after.standing_of(side)),
                   tuple(crossed))


def package_preview(game: Game, side: Side, offer: Offer) -> Preview:
    """What ``offer`` would do for ``side`` if it were accepted and implemented now (the builder's view).

    Only the board and ``side``'s own red lines are shown: the other side's stay confidential.
    """
    state = game.state
    rungs = board_after(game.scenario, state.rungs, offer)
    crossed = crossings(game.scenario, side, state.rungs, offer.concessions)
    return Preview(side, game.score(side), score(game.scenario, side, rungs), (state.trust, state.trust),
                   (state.tension, state.tension), (state.standing_of(side), state.standing_of(side)),
                   tuple(crossed))


def blocked(game: Game, side: Side) -> Objection | None:
    """The part of the package on the table the rules forbid ``side`` to accept (None: none, or no package)."""
    state = game.state
    return objection(game.scenario, state, state.offer, side) if state.offer is not None else None


def rejection_reason(game: Game, index: int) -> str:
    """Why the package turned down by action number ``index`` (1-based, as ``Game.events`` counts) could
    not be accepted, when the rules forbade it (a rejection, or a counter-offer in its place).

    The words name the part of the package the side could not accept (past its absolute red line,
    or past what its capital would ratify), never a rung or a number; "" when the action turns no
    package down, or the package could have been accepted (a free choice).
    """
    if not 0 < index <= len(game.actions):
        return ""
    action = game.actions[index - 1]
    before = game.history[index - 1]
    if not isinstance(action, act.Reject | act.Counter) or before.offer is None:
        return ""
    found = objection(game.scenario, before, before.offer, action.side)
    return found.text(game.scenario) if found is not None else ""


def told(game: Game, index: int, event: Event) -> Event:
    """``event`` (caused by action ``index``) as the players read it: a package turned down because the
    rules forbade accepting it says which part could not be accepted (in its text and its ``reason``)."""
    if event.kind is not EventKind.REJECT and not (event.kind is EventKind.OFFER and event.counter):
        return event
    reason = rejection_reason(game, index)
    return attrs.evolve(event, text=f"{event.text} {reason}.", reason=event.reason or fit_reason(reason)) \
        if reason else event


def _concession(action: act.Gesture) -> Concession:
    return Concession(action.irritant, action.to)
