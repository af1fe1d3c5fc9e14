"""The phase machine: which actions are legal when, and how a round moves on.

Built with ``transitions``: the states are :class:`Phase`; each action kind is a
trigger whose transitions name the phases it is legal in and the conditions
that must hold (whose turn, an offer on the table, the exchange limit). The
``advance`` trigger moves the round on after the rules have applied a move.
The machine owns legality and order; :mod:`rules` owns consequences.
"""

from __future__ import annotations

import logging
import weakref
from typing import TYPE_CHECKING

from transitions import Machine

from tabletop.engine.actions import Action
from tabletop.engine.model import Side
from tabletop.engine.state import Phase

if TYPE_CHECKING:
    from tabletop.engine.game import Game

# transitions logs every trigger at debug level; the game never needs it and it costs time.
logging.getLogger("transitions.core").disabled = True

P = Phase
_NAMES = {phase: phase.name for phase in Phase}
TALKING = [P.STATEMENTS, P.NEGOTIATION, P.CONCLUDE_PENDING, P.INJECT_RESPONSE]
FACILITATED = [P.STATEMENTS, P.NEGOTIATION, P.INJECT_RESPONSE]

# trigger -> (phases where it may happen, conditions that must all hold)
OPEN = [P.STATEMENTS, P.NEGOTIATION, P.CONCLUDE_PENDING, P.INJECT_RESPONSE]
EVERYWHERE = OPEN + [P.ENDED]
FACILITATOR_KINDS = frozenset({"fire_inject", "custom_inject", "hold_inject", "release_inject", "skip_inject",
                               "pause", "resume", "set_timer", "time_up", "note"})

# trigger -> (phases where it may happen, conditions that must all hold)
TRIGGERS: dict[str, tuple[list[Phase], list[str]]] = {
    "statement": ([P.STATEMENTS], ["not_paused", "has_not_stated"]),
    "respond_inject": ([P.INJECT_RESPONSE], ["not_paused", "is_inject_target"]),
    "propose": ([P.NEGOTIATION], ["not_paused", "is_to_move", "no_offer", "below_exchange_limit"]),
    "counter": ([P.NEGOTIATION], ["not_paused", "is_to_move", "has_offer", "below_exchange_limit"]),
    "accept": ([P.NEGOTIATION], ["not_paused", "is_to_move", "has_offer", "offer_within_my_red_lines"]),
    "reject": ([P.NEGOTIATION], ["not_paused", "is_to_move", "has_offer"]),
    "gesture": ([P.NEGOTIATION], ["not_paused", "is_to_move", "no_offer"]),
    "retaliate": ([P.NEGOTIATION], ["not_paused", "is_to_move", "no_offer"]),
    "pass": ([P.NEGOTIATION], ["not_paused", "is_to_move", "no_offer"]),
    "renege": ([P.NEGOTIATION], ["not_paused", "is_to_move", "no_offer", "not_final_round", "has_deal_to_renege"]),
    "propose_conclude": ([P.NEGOTIATION], ["not_paused", "is_to_move", "no_offer"]),
    "agree_conclude": ([P.CONCLUDE_PENDING], ["not_paused", "is_to_move"]),
    "decline_conclude": ([P.CONCLUDE_PENDING], ["not_paused", "is_to_move"]),
    "walk_out": (TALKING, ["not_paused", "is_seated"]),
    "fire_inject": (FACILITATED, []),
    "custom_inject": (FACILITATED, []),
    "hold_inject": (OPEN, []),
    "release_inject": (OPEN, []),
    "skip_inject": (OPEN, []),
    "pause": (OPEN, ["not_paused"]),
    "resume": (OPEN, ["is_paused"]),
    "set_timer": (OPEN, []),
    "time_up": (OPEN, ["not_paused", "someone_to_move"]),
    "note": (EVERYWHERE, []),
}

WHY = {
    "not_paused": "the exercise is paused",
    "offer_within_my_red_lines": "the offer crosses one of {side}'s absolute red lines",
    "is_paused": "the exercise is not paused",
    "someone_to_move": "no side is due to move",
    "has_not_stated": "{side} has already chosen a posture this round",
    "is_inject_target": "{side} is not the side asked to answer this inject",
    "is_to_move": "it is not {side}'s turn",
    "no_offer": "an offer is on the table: accept, counter or reject it first",
    "has_offer": "there is no offer on the table",
    "below_exchange_limit": "the exchange limit for this round is reached",
    "not_final_round": "reneging is never allowed in the final round",
    "has_deal_to_renege": "{side} has no concession in an earlier deal to renege on",
    "is_seated": "only a side at the table can walk out",
}

# advance: (from, to, conditions) in priority order; the first that holds is taken
ADVANCES: list[tuple[Phase, Phase, list[str]]] = []
for _phase in P:
    if _phase is not P.ENDED:
        ADVANCES.append((_phase, P.ENDED, ["game_over"]))
ADVANCES += [
    (P.ROUND_START, P.INJECT_RESPONSE, ["choice_pending"]),
    (P.ROUND_START, P.STATEMENTS, []),
    (P.INJECT_RESPONSE, P.NEGOTIATION, ["no_choice_pending", "resumes_negotiation"]),
    (P.INJECT_RESPONSE, P.STATEMENTS, ["no_choice_pending"]),
    (P.STATEMENTS, P.INJECT_RESPONSE, ["choice_pending"]),
    (P.STATEMENTS, P.NEGOTIATION, ["statements_revealed"]),
    (P.NEGOTIATION, P.INJECT_RESPONSE, ["choice_pending"]),
    (P.NEGOTIATION, P.CONCLUDE_PENDING, ["conclusion_proposed"]),
    (P.NEGOTIATION, P.IMPLEMENTATION, ["negotiation_closed"]),
    (P.CONCLUDE_PENDING, P.NEGOTIATION, ["conclusion_declined"]),
    (P.IMPLEMENTATION, P.ROUND_END, []),
    (P.ROUND_END, P.ROUND_START, []),
]


class PhaseFlow:
    """The machine's model: a plain object whose conditions read the game's state."""

    state: Phase

    def __init__(self, game: Game, initial: Phase) -> None:
        # The game holds its flow; the flow looks at the game through a weak reference, so a
        # finished game is freed and its flow leaves the shared machine with it.
        self._game = weakref.ref(game)
        self.action: Action | None = None
        self.machine = _machine()
        self.machine.add_model(self, initial=initial)
        weakref.finalize(game, self.machine.remove_model, self)

    @property
    def game(self) -> Game:
        game = self._game()
        assert game is not None, "the game of this phase flow is gone"
        return game

    # -- which actions are legal -------------------------------------------------

    def _open_transition(self, trigger: str) -> bool:
        """Whether the machine has a transition for ``trigger`` from here whose conditions all hold.

        Reads the machine's own transitions and conditions, without the cost of
        firing a trigger (event objects, callbacks): opponents ask this often.
        """
        event = self.machine.events.get(trigger)
        if event is None:
            return False
        for transition in event.transitions.get(_NAMES[self.state], ()):
            if all(bool(getattr(self, c.func)()) == c.target for c in transition.conditions):
                return True
        return False

    def allows(self, action: Action) -> bool:
        """True when the machine accepts the action here and now."""
        self.action = action
        try:
            return self._open_transition(action.kind)
        finally:
            self.action = None

    def step(self) -> bool:
        """Move the round on by one phase if the machine allows it; False when it must wait."""
        return self._open_transition("advance") and bool(self.advance())

    def legal_kinds(self, side: Side | None) -> list[str]:
        """Action kinds ``side`` may take now (facilitator kinds when ``side`` is None)."""
        out = []
        for kind, (sources, _conditions) in TRIGGERS.items():
            if self.state not in sources:
                continue
            facilitator = kind in FACILITATOR_KINDS
            if facilitator == (side is None) and self.side_may(side, kind):
                out.append(kind)
        return out

    def side_may(self, side: Side | None, kind: str) -> bool:
        """Whether ``side`` may take an action of ``kind`` now."""
        self.action = _Probe(side)
        try:
            return self._open_transition(kind)
        finally:
            self.action = None

    def why_not(self, action: Action) -> str:
        """A plain sentence saying why ``action`` is refused now."""
        side = getattr(action, "side", None)
        name = self.game.scenario.sides[side].name if side in self.game.scenario.sides else "that side"
        sources, conditions = TRIGGERS.get(action.kind, ([], []))
        if self.state not in sources:
            if self.state is Phase.ENDED:
                return "the game is over"
            return f"{action.kind.replace('_', ' ')} is not allowed in the {self.state.value.replace('_', ' ')} phase"
        self.action = action
        try:
            for condition in conditions:
                if not getattr(self, condition)():
                    return WHY[condition].format(side=name)
        finally:
            self.action = None
        return "not allowed now"

    # -- conditions on the acting side --------------------------------------------

    def _side(self) -> Side | None:
        return getattr(self.action, "side", None)

    def has_not_stated(self) -> bool:
        side = self._side()
        return side is not None and self.game.state.statements[0 if side is Side.WASHINGTON else 1] is None

    def is_inject_target(self) -> bool:
        state = self.game.state
        if not state.pending:
            return False
        target = self.game.scenario.inject(state.pending[0]).target.value
        side = self._side()
        inject = getattr(self.action, "inject", state.pending[0])
        return side is not None and side.value == target and inject == state.pending[0]

    def is_to_move(self) -> bool:
        return self._side() is not None and self.game.state.to_move is self._side()

    def no_offer(self) -> bool:
        return self.game.state.offer is None

    def has_offer(self) -> bool:
        return self.game.state.offer is not None

    def offer_within_my_red_lines(self) -> bool:
        offer, side = self.game.state.offer, self._side()
        if offer is None or side is None:
            return False
        scenario = self.game.scenario
        for concession in offer.concessions:
            irritant = scenario.irritant(concession.irritant)
            red = scenario.valuation(side, irritant.id).red_line
            if irritant.mover.includes(side) and red is not None and red.absolute and concession.to > red.rung:
                return False
        return True

    def below_exchange_limit(self) -> bool:
        return self.game.state.exchanges < self.game.scenario.rules.exchange_limit

    def not_final_round(self) -> bool:
        return self.game.state.round < self.game.scenario.rounds

    def has_deal_to_renege(self) -> bool:
        side = self._side()
        scenario = self.game.scenario
        for deal in self.game.state.deals:
            for concession in deal.offer.concessions:
                if concession.irritant not in deal.undone and \
                        scenario.irritant(concession.irritant).mover.includes(side):
                    return True
        return False

    def not_paused(self) -> bool:
        return not self.game.state.paused

    def is_paused(self) -> bool:
        return self.game.state.paused

    def someone_to_move(self) -> bool:
        return bool(self.game.awaiting())

    def is_seated(self) -> bool:
        return self._side() is not None

    # -- conditions of the round's progress -----------------------------------------

    def game_over(self) -> bool:
        return self.game.state.ended is not None

    def choice_pending(self) -> bool:
        return bool(self.game.state.pending)

    def no_choice_pending(self) -> bool:
        return not self.game.state.pending

    def resumes_negotiation(self) -> bool:
        return self.game.state.resume_phase is Phase.NEGOTIATION

    def statements_revealed(self) -> bool:
        state = self.game.state
        return state.revealed_round == state.round

    def conclusion_proposed(self) -> bool:
        return self.game.state.conclude_by is not None

    def conclusion_declined(self) -> bool:
        return self.game.state.conclude_by is None

    def negotiation_closed(self) -> bool:
        from tabletop.engine.rules import negotiation_closed

        return negotiation_closed(self.game.scenario, self.game.state)


_MACHINE: list[Machine] = []


def _machine() -> Machine:
    """The one phase machine of this process: every game's flow is a model on it.

    Building a machine costs far more than adding a model to one, and a
    computer game is over in a few milliseconds.
    """
    if not _MACHINE:
        machine = Machine(
            model=None,
            states=list(Phase),
            initial=Phase.ROUND_START,
            auto_transitions=False,
            ignore_invalid_triggers=True,
            send_event=False,
        )
        for kind, (sources, conditions) in TRIGGERS.items():
            machine.add_transition(kind, sources, None, conditions=conditions)
        for source, dest, conditions in ADVANCES:
            machine.add_transition("advance", source, dest, conditions=conditions)
        _MACHINE.append(machine)
    return _MACHINE[0]


class _Probe:
    """Stands in for an action when listing legal kinds: only the side matters."""

    def __init__(self, side: Side | None) -> None:
        self.side = side
