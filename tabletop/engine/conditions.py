"""The conditions of the phase machine: what must hold for a side to act, and for the round to move on.

:class:`Conditions` is the half of the machine's model
(:class:`tabletop.engine.flow.PhaseFlow`) that reads the game: each method is a
condition named in the table of kinds (:data:`tabletop.engine.kinds.KINDS`) or in
the ``advance`` transitions, asked with the acting side and the action.
:data:`WHY` says in words why an action is refused when one does not hold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tabletop.engine import rules
from tabletop.engine.actions import Action
from tabletop.engine.model import Scenario, Side
from tabletop.engine.red_lines import absolute_crossings
from tabletop.engine.state import GameState, Phase

if TYPE_CHECKING:
    from tabletop.engine.game import Game

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
    "has_proposal": "there is no offer on the table",
    "has_meso": "there is no set of packages on the table to pick from",
    "no_question": "{side} has been asked about its priorities: answer first (state them, or decline to say)",
    "has_not_asked": "{side} has already asked about priorities this round",
    "may_disclose": "{side} has already stated its priorities this round",
    "has_not_addressed": "{side} has already addressed an audience this round",
}
"""Why an action is refused, per condition that does not hold."""


class Conditions:
    """The machine's conditions, read from the model's game (``game``: set by the flow)."""

    @property
    def game(self) -> Game:
        raise NotImplementedError

    # -- conditions on the acting side (asked with the side and, when there is one, the action) --

    def has_not_stated(self, side: Side | None, action: Action | None = None) -> bool:
        return side is not None and self.game.state.statements[0 if side is Side.WASHINGTON else 1] is None

    def is_inject_target(self, side: Side | None, action: Action | None = None) -> bool:
        game = self.game
        pending = game.state.pending
        if not pending or side is None:
            return False
        inject = getattr(action, "inject", pending[0])
        return side.value == game.scenario.inject(pending[0]).target.value and inject == pending[0]

    def is_to_move(self, side: Side | None, action: Action | None = None) -> bool:
        return side is not None and self.game.state.to_move is side

    def no_offer(self, side: Side | None, action: Action | None = None) -> bool:
        state = self.game.state
        return state.offer is None and not state.meso

    def has_offer(self, side: Side | None, action: Action | None = None) -> bool:
        return self.game.state.offer is not None

    def has_proposal(self, side: Side | None, action: Action | None = None) -> bool:
        """A package, or a set of packages to pick from, is on the table."""
        state = self.game.state
        return state.offer is not None or bool(state.meso)

    def has_meso(self, side: Side | None, action: Action | None = None) -> bool:
        return bool(self.game.state.meso)

    def no_question(self, side: Side | None, action: Action | None = None) -> bool:
        return self.game.state.question is None

    def has_not_asked(self, side: Side | None, action: Action | None = None) -> bool:
        return side is not None and self.game.state.asked[0 if side is Side.WASHINGTON else 1] != self.game.state.round

    def may_disclose(self, side: Side | None, action: Action | None = None) -> bool:
        """Answering a question, or unasked once a round."""
        state = self.game.state
        if side is None:
            return False
        if state.question is not None:
            return state.question is side
        return state.disclosed[0 if side is Side.WASHINGTON else 1] != state.round

    def has_not_addressed(self, side: Side | None, action: Action | None = None) -> bool:
        return side is not None and \
            self.game.state.addressed[0 if side is Side.WASHINGTON else 1] != self.game.state.round

    def offer_within_my_red_lines(self, side: Side | None, action: Action | None = None) -> bool:
        offer = self.game.state.offer
        if offer is None or side is None:
            return False
        return not absolute_crossings(self.game.scenario, side, offer.concessions)

    def below_exchange_limit(self, side: Side | None, action: Action | None = None) -> bool:
        return self.game.state.exchanges < self.game.scenario.rules.exchange_limit

    def not_final_round(self, side: Side | None, action: Action | None = None) -> bool:
        return self.game.state.round < self.game.scenario.rounds

    def has_deal_to_renege(self, side: Side | None, action: Action | None = None) -> bool:
        if side is None:
            return False
        scenario = self.game.scenario
        for deal in self.game.state.deals:
            for concession in deal.offer.concessions:
                if concession.irritant not in deal.undone and \
                        scenario.irritant(concession.irritant).mover.includes(side):
                    return True
        return False

    def not_paused(self, side: Side | None, action: Action | None = None) -> bool:
        return not self.game.state.paused

    def is_paused(self, side: Side | None, action: Action | None = None) -> bool:
        return self.game.state.paused

    def someone_to_move(self, side: Side | None, action: Action | None = None) -> bool:
        return bool(self.game.awaiting())

    def is_seated(self, side: Side | None, action: Action | None = None) -> bool:
        return side is not None

    # -- conditions of the round's progress (the advance trigger): each reads the state only (PROGRESS) --

    def game_over(self) -> bool:
        return game_over(self.game.scenario, self.game.state)

    def choice_pending(self) -> bool:
        return choice_pending(self.game.scenario, self.game.state)

    def no_choice_pending(self) -> bool:
        return no_choice_pending(self.game.scenario, self.game.state)

    def resumes_negotiation(self) -> bool:
        return resumes_negotiation(self.game.scenario, self.game.state)

    def statements_revealed(self) -> bool:
        return statements_revealed(self.game.scenario, self.game.state)

    def conclusion_proposed(self) -> bool:
        return conclusion_proposed(self.game.scenario, self.game.state)

    def conclusion_declined(self) -> bool:
        return conclusion_declined(self.game.scenario, self.game.state)

    def negotiation_closed(self) -> bool:
        return rules.negotiation_closed(self.game.scenario, self.game.state)


# The round's progress conditions as functions of the scenario and the state, for the machine's methods
# above and for the flow's fast path (which asks them without going through the game for each).

def game_over(scenario: Scenario, state: GameState) -> bool:
    return state.ended is not None


def choice_pending(scenario: Scenario, state: GameState) -> bool:
    return bool(state.pending)


def no_choice_pending(scenario: Scenario, state: GameState) -> bool:
    return not state.pending


def resumes_negotiation(scenario: Scenario, state: GameState) -> bool:
    return state.resume_phase is Phase.NEGOTIATION


def statements_revealed(scenario: Scenario, state: GameState) -> bool:
    return state.revealed_round == state.round


def conclusion_proposed(scenario: Scenario, state: GameState) -> bool:
    return state.conclude_by is not None


def conclusion_declined(scenario: Scenario, state: GameState) -> bool:
    return state.conclude_by is None


PROGRESS: dict[str, Callable[[Scenario, GameState], bool]] = {
    "game_over": game_over,
    "choice_pending": choice_pending,
    "no_choice_pending": no_choice_pending,
    "resumes_negotiation": resumes_negotiation,
    "statements_revealed": statements_revealed,
    "conclusion_proposed": conclusion_proposed,
    "conclusion_declined": conclusion_declined,
    "negotiation_closed": rules.negotiation_closed,
}
"""Each condition of the ``advance`` transitions, by the name the machine knows it by, as a function of the
scenario and the state (the method of that name asks the same function)."""
