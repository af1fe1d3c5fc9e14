"""The conditions of the phase machine: what must hold for a side to act, and for the round to move on.

Each condition is a function of the scenario and the game state (and, for a side's move, of the acting side
and the action): :data:`ON_MOVE` holds those named in the table of kinds
(:data:`tabletop.engine.kinds.KINDS`), :data:`PROGRESS` those of the ``advance`` transitions.
:class:`Conditions` is the half of the machine's model (:class:`tabletop.engine.flow.PhaseFlow`) that reads
the game: it has a method of each name, asking the function with its game's scenario and state, as the
``transitions`` library asks it; the flow's fast paths ask the functions directly, once the state is read.
:data:`WHY` says in words why an action is refused when one does not hold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tabletop.engine import rules
from tabletop.engine.actions import Action
from tabletop.engine.facilitation import awaiting_sides
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


# -- conditions on the acting side (asked with the side and, when there is one, the action) --------------


def has_not_stated(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return side is not None and state.statements[0 if side is Side.WASHINGTON else 1] is None


def is_inject_target(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    pending = state.pending
    if not pending or side is None:
        return False
    inject = getattr(action, "inject", pending[0])
    return side.value == scenario.inject(pending[0]).target.value and inject == pending[0]


def is_to_move(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return side is not None and state.to_move is side


def no_offer(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return state.offer is None and not state.meso


def has_offer(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return state.offer is not None


def has_proposal(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    """A package, or a set of packages to pick from, is on the table."""
    return state.offer is not None or bool(state.meso)


def has_meso(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return bool(state.meso)


def no_question(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return state.question is None


def has_not_asked(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return side is not None and state.asked[0 if side is Side.WASHINGTON else 1] != state.round


def may_disclose(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    """Answering a question, or unasked once a round."""
    if side is None:
        return False
    if state.question is not None:
        return state.question is side
    return state.disclosed[0 if side is Side.WASHINGTON else 1] != state.round


def has_not_addressed(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return side is not None and state.addressed[0 if side is Side.WASHINGTON else 1] != state.round


def offer_within_my_red_lines(scenario: Scenario, state: GameState, side: Side | None,
                              action: Action | None = None) -> bool:
    offer = state.offer
    if offer is None or side is None:
        return False
    return not absolute_crossings(scenario, side, offer.concessions)


def below_exchange_limit(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return state.exchanges < scenario.rules.exchange_limit


def not_final_round(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return state.round < scenario.rounds


def has_deal_to_renege(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    if side is None:
        return False
    for deal in state.deals:
        for concession in deal.offer.concessions:
            if concession.irritant not in deal.undone and \
                    scenario.irritant(concession.irritant).mover.includes(side):
                return True
    return False


def not_paused(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return not state.paused


def is_paused(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return state.paused


def someone_to_move(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return bool(awaiting_sides(scenario, state))


def is_seated(scenario: Scenario, state: GameState, side: Side | None, action: Action | None = None) -> bool:
    return side is not None


OnMove = Callable[[Scenario, GameState, "Side | None", "Action | None"], bool]
ON_MOVE: dict[str, OnMove] = {test.__name__: test for test in (
    has_not_stated, is_inject_target, is_to_move, no_offer, has_offer, has_proposal, has_meso, no_question,
    has_not_asked, may_disclose, has_not_addressed, offer_within_my_red_lines, below_exchange_limit,
    not_final_round, has_deal_to_renege, not_paused, is_paused, someone_to_move, is_seated)}
"""The conditions on a side's move, by the name the table of kinds and the machine know them by."""


# -- conditions of the round's progress (the advance trigger) ---------------------------------------------


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


Progress = Callable[[Scenario, GameState], bool]
PROGRESS: dict[str, Progress] = {test.__name__: test for test in (
    game_over, choice_pending, no_choice_pending, resumes_negotiation, statements_revealed, conclusion_proposed,
    conclusion_declined, rules.negotiation_closed)}
"""Each condition of the ``advance`` transitions, by the name the machine knows it by."""


def _on_move_method(test: OnMove) -> Callable[..., bool]:
    def condition(self: Conditions, side: Side | None, action: Action | None = None) -> bool:
        game = self.game
        return test(game.scenario, game.state, side, action)
    condition.__name__ = condition.__qualname__ = test.__name__
    condition.__doc__ = test.__doc__
    return condition


def _progress_method(test: Progress) -> Callable[..., bool]:
    def condition(self: Conditions) -> bool:
        game = self.game
        return test(game.scenario, game.state)
    condition.__name__ = condition.__qualname__ = test.__name__
    condition.__doc__ = test.__doc__
    return condition


class Conditions:
    """The machine's conditions, read from the model's game (``game``: set by the flow): a method of each
    name in :data:`ON_MOVE` (asked with the acting side and the action) and :data:`PROGRESS` (asked with
    nothing), set below."""

    @property
    def game(self) -> Game:
        raise NotImplementedError


for _name, _test in ON_MOVE.items():
    setattr(Conditions, _name, _on_move_method(_test))
for _name, _progress in PROGRESS.items():
    setattr(Conditions, _name, _progress_method(_progress))
