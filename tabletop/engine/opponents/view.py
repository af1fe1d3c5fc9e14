"""What one side may know: the public table plus its own confidential brief.

Computer opponents decide from a :class:`PlayerView` only, so they never see
the other side's valuations, red lines, walk-away value or secret posture.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tabletop.engine.actions import Action, Counter, Gesture, Propose, Reject
from tabletop.engine.model import Irritant, Mover, Posture, Scenario, Side, Valuation
from tabletop.engine.objections import Objection, objection, past_red_line
from tabletop.engine.opponents.side_numbers import once, own_numbers
from tabletop.engine.process import meso_problem, priority_order
from tabletop.engine.ratification import ratifiable
from tabletop.engine.red_lines import Crossing, absolute_crossings, ceiling, crossing
from tabletop.engine.rounds import silence_due
from tabletop.engine.scoring import board_after
from tabletop.engine.state import Concession, Deal, Offer, Phase

if TYPE_CHECKING:
    from tabletop.engine.game import Game


class PlayerView:
    """One side's window on a game: public facts and its own brief, nothing else."""

    def __init__(self, game: Game, side: Side) -> None:
        state = game.state
        # What the scenario fixes for this side (the same for every view of it), in one step:
        # side, rounds, irritants, position, exchange_limit, collapse_penalty, walk_away, valuations,
        # start_rungs and my own numbers (see side_numbers.own_numbers).
        self.__dict__.update(own_numbers(game.scenario, side))
        mine, theirs = (0, 1) if side is Side.WASHINGTON else (1, 0)
        self.round = state.round
        self.phase: Phase = state.phase
        self.rungs: tuple[int, ...] = state.rungs
        self.trust = state.trust
        self.tension = state.tension
        self.my_standing = state.standing[mine]
        self.my_tone = state.tone[mine]
        self.to_move = state.to_move
        self.offer: Offer | None = state.offer
        self.meso: tuple[Offer, ...] = state.meso
        """Packages of equal value to their proposer, on the table at once (pick one with ``accept_option``)."""
        self.question = state.question
        """The side asked about its priorities that owes an answer (None: no question open)."""
        self.my_signals = state.signals[mine]
        self.alternative: float = state.alternatives[mine]
        """What no agreement pays me now (my BATNA, on my 0-100 scale, as play has moved it)."""
        self.offer_by = state.offer_by
        self.exchanges = state.exchanges
        self.deals: tuple[Deal, ...] = state.deals
        self.their_last_move = state.last_move[theirs]
        self.my_last_move = state.last_move[mine]
        self.their_last_posture: Posture | None = state.postures[theirs]
        self.pending_inject = self._scenario.inject(state.pending[0]) if state.pending else None
        self._game = game
        self.action_count = len(game.actions)

    side: Side
    rounds: int
    irritants: tuple[Irritant, ...]
    position: dict[str, int]
    exchange_limit: int
    collapse_penalty: float
    walk_away: float
    valuations: dict[str, Valuation]
    start_rungs: tuple[int, ...]
    _scenario: Scenario
    _mine: frozenset[str]
    _theirs: frozenset[str]
    _per_rung: dict[str, float]
    _base: float

    def ratifiable(self, offer: Offer, side: Side | None = None) -> bool:
        """Whether ``side``'s capital (mine by default) would ratify ``offer`` if it were implemented now."""
        return ratifiable(self._scenario, self._game.state, offer, side or self.side)

    def ratified(self, offer: Offer) -> bool:
        """Whether both capitals would ratify ``offer`` (the engine refuses to accept it otherwise)."""
        return self.ratifiable(offer, self.side) and self.ratifiable(offer, self.side.other)

    @property
    def audiences(self) -> tuple[str, ...]:
        """The ids of the scenario's audiences (public)."""
        return tuple(audience.id for audience in self._scenario.audiences)

    def with_offer(self, offer: Offer) -> PlayerView:
        """This view as if ``offer`` alone were on the table (to weigh one package of several)."""
        trial = copy.copy(self)
        trial.offer = offer
        trial.meso = ()
        return trial

    def meso_problem(self, offers: tuple[Offer, ...]) -> str:
        """Why the engine would refuse ``offers`` as my set of equal packages now ("" when it would not)."""
        return meso_problem(self._scenario, self._game.state, self.side, offers)

    def my_priorities(self) -> tuple[str, ...]:
        """The irritants I truly gain from, most valuable first (from my own brief)."""
        return priority_order(self._scenario, self.side)

    def public_moves(self, start: int = 0) -> Iterator[tuple[int, Action, tuple[int, ...]]]:
        """The negotiating moves from action ``start`` on, each with the board before it (all public).

        Secret statements, inject answers and the facilitator's controls are left out.
        """
        actions = self._game.actions
        history = self._game.history
        for n in range(start, len(actions)):
            action = actions[n]
            if action.kind in PUBLIC_MOVES:
                yield n, action, history[n].rungs

    def objection_at(self, n: int) -> Objection | None:
        """Why the package turned down (rejected or countered) at action ``n`` could not be accepted, as that
        move told everyone (None: a free choice)."""
        action = self._game.actions[n]
        before = self._game.history[n]
        if not isinstance(action, (Reject, Counter)) or before.offer is None:
            return None
        return objection(self._scenario, before, before.offer, action.side)

    def refused_past_red_line(self, n: int) -> tuple[Concession, ...]:
        """The concessions the move at action ``n`` (a rejection or a counter) said went past the refuser's
        absolute red line (empty: it said no such thing): the red-line part of :meth:`objection_at`, which
        names it whenever there is one, without weighing ratification."""
        action = self._game.actions[n]
        before = self._game.history[n]
        if not isinstance(action, (Reject, Counter)) or before.offer is None:
            return ()
        return past_red_line(self._scenario, before.offer, action.side)

    def can(self, kind: str) -> bool:
        """Whether I may take an action of this kind now."""
        return self._game.flow.side_may(self.side, kind)

    @once
    def their_offers(self) -> tuple[Offer, ...]:
        """Every package the other side has put on the table (public)."""
        other = self.side.other
        return tuple(a.offer for a in self._game.actions
                     if isinstance(a, (Propose, Counter)) and a.side is other)

    @once
    def my_rejected_offers(self) -> tuple[Offer, ...]:
        """Packages I put on the table that the other side turned down (rejected or countered)."""
        out = []
        actions = self._game.actions
        for n, action in enumerate(actions):
            if isinstance(action, (Propose, Counter)) and action.side is self.side:
                answer = next((a for a in actions[n + 1:] if getattr(a, "side", None) is self.side.other
                               and a.kind in ("accept", "counter", "reject")), None)
                if answer is not None and answer.kind != "accept":
                    out.append(action.offer)
        return tuple(out)

    def gestures_by(self, side: Side) -> int:
        """How many gestures ``side`` has made so far (public)."""
        return sum(1 for a in self._game.actions if isinstance(a, Gesture) and a.side is side)

    @property
    def agreement_stands(self) -> bool:
        """Whether a deal stands (a concession of one not undone): the board then counts at the end."""
        return any(len(deal.undone) < len(deal.offer.concessions) for deal in self.deals)

    @property
    def my_gestures(self) -> int:
        return self.gestures_by(self.side)

    @property
    def their_gestures(self) -> int:
        return self.gestures_by(self.side.other)

    # -- my own numbers -------------------------------------------------------

    def value(self, irritant: Irritant) -> Valuation:
        return self.valuations.get(irritant.id, Valuation())

    def step_value(self, irritant: Irritant, frm: int, to: int) -> float:
        """My score change (0-100 points) if ``irritant`` moves from rung ``frm`` to ``to``."""
        start = irritant.start
        return self._per_rung[irritant.id] * ((to if to > start else start) - (frm if frm > start else start))

    def score(self, rungs: tuple[int, ...] | list[int]) -> float:
        """My private score (0-100) of a board."""
        total = self._base
        per_rung = self._per_rung
        for irritant, rung in zip(self.irritants, rungs):
            if rung > irritant.start:
                total += per_rung[irritant.id] * (rung - irritant.start)
        return total

    @once
    def score_now(self) -> float:
        return self.score(self.rungs)

    def apply_offer(self, offer: Offer) -> tuple[int, ...]:
        return board_after(self._scenario, self.rungs, offer)

    def offer_value(self, offer: Offer) -> float:
        """My score change if ``offer`` were implemented now."""
        return self.score(self.apply_offer(offer)) - self.score_now

    def score_after(self, offer: Offer) -> float:
        """My score of the board if ``offer`` were implemented now."""
        return self.score(self.apply_offer(offer))

    def my_ceiling(self, irritant: Irritant) -> int:
        """The highest rung I would ever let ``irritant`` reach (my absolute red line)."""
        return ceiling(self._scenario, self.side, irritant.id)

    def crossing(self, irritant: Irritant, frm: int, to: int) -> Crossing | None:
        """My red line crossed by moving ``irritant`` from ``frm`` up to ``to``, if any."""
        return crossing(self._scenario, self.side, irritant.id, frm, to)

    def crosses_my_red_line(self, offer: Offer) -> bool:
        return bool(absolute_crossings(self._scenario, self.side, offer.concessions))

    def moves(self, irritant: Irritant) -> bool:
        """Whether I can move ``irritant`` on my own."""
        return irritant.id in self._mine

    def they_move(self, irritant: Irritant) -> bool:
        return irritant.id in self._theirs

    def is_shared(self, irritant: Irritant) -> bool:
        return irritant.mover is Mover.BOTH

    @property
    def time(self) -> float:
        """How far through the talks we are: 0 in the first round, 1 in the last."""
        return (self.round - 1) / max(1, self.rounds - 1)

    @property
    def final_round(self) -> bool:
        return self.round >= self.rounds

    @property
    def lapse_looms(self) -> bool:
        """Whether the talks go quiet at the end of this round (the next round cancelled, or the talks
        lapsing) unless a deal or a gesture comes first: the public "back into silence" clock."""
        return silence_due(self._scenario, self._game.state) is not None


PUBLIC_MOVES = frozenset({"propose", "counter", "accept", "reject", "gesture", "retaliate", "renege",
                          "propose_meso", "accept_option", "disclose_priorities"})
"""Kinds of move the other side sees as they happen (statements stay secret until both are revealed)."""
