"""Every kind of action, declared once: its class, its rule, when it is legal, whose it is, who sees it.

:data:`KINDS` is the one table. Everything else is derived from it: the phase
machine's triggers (:mod:`flow`) and their conditions (:mod:`conditions`), the rule
``Game.apply`` runs, the kinds open to a side or to the facilitator, and the
log lines only the facilitator sees.

A kind's name and whether it is the facilitator's are written on its action
class (``kind``, ``by_facilitator``): saves and the network read actions
without the rules. Its conditions name methods of the phase machine's model
(:class:`tabletop.engine.flow.PhaseFlow`), each asked with the acting side and
the action.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from tabletop.engine import actions as act
from tabletop.engine import deals, facilitation, injects, process, rounds, rules
from tabletop.engine.actions import Action
from tabletop.engine.effects import Result
from tabletop.engine.model import Scenario
from tabletop.engine.state import GameState, Phase

Rule = Callable[[Scenario, GameState, Any], Result]
"""The consequences of an action: (scenario, state, action) -> (new state, events)."""


@attrs.frozen
class Kind:
    """One kind of action and everything the engine knows about it."""

    action: type[Action]
    rule: Rule
    phases: tuple[Phase, ...]
    """The phases in which it may happen."""
    conditions: tuple[str, ...] = ()
    """Conditions that must all hold, named after the phase machine's condition methods."""
    seen_by_players: bool = True
    """False when only the facilitator sees its lines in the log (they would spoil what is coming)."""

    @property
    def name(self) -> str:
        """The kind's name: its class's ``kind``, the ``"type"`` a save records."""
        return self.action.kind

    @property
    def facilitator(self) -> bool:
        """One of the facilitator's controls, taken by no side (the class says so: ``by_facilitator``)."""
        return self.action.by_facilitator


def _time_up(scenario: Scenario, state: GameState, action: act.TimeUp) -> Result:
    return facilitation.time_up(scenario, state, action, facilitation.awaiting_sides(scenario, state))


P = Phase
_OPEN = (P.STATEMENTS, P.NEGOTIATION, P.CONCLUDE_PENDING, P.INJECT_RESPONSE)
_INJECTABLE = (P.STATEMENTS, P.NEGOTIATION, P.INJECT_RESPONSE)
_EVERYWHERE = (*_OPEN, P.ENDED)
_TURN = ("not_paused", "is_to_move")
_QUIET_TURN = (*_TURN, "no_offer", "no_question")

KINDS: tuple[Kind, ...] = (
    Kind(act.Statement, rounds.statement, (P.STATEMENTS,), ("not_paused", "has_not_stated")),
    Kind(act.RespondInject, injects.respond_inject, (P.INJECT_RESPONSE,), ("not_paused", "is_inject_target")),
    Kind(act.Propose, deals.propose, (P.NEGOTIATION,), (*_QUIET_TURN, "below_exchange_limit")),
    Kind(act.Counter, deals.propose, (P.NEGOTIATION,), (*_TURN, "has_proposal", "below_exchange_limit")),
    Kind(act.Accept, deals.accept, (P.NEGOTIATION,), (*_TURN, "has_offer", "offer_within_my_red_lines")),
    Kind(act.Reject, deals.reject, (P.NEGOTIATION,), (*_TURN, "has_proposal")),
    Kind(act.Gesture, rules.gesture, (P.NEGOTIATION,), _QUIET_TURN),
    Kind(act.Retaliate, rules.retaliate, (P.NEGOTIATION,), _QUIET_TURN),
    Kind(act.Pass, rules.pass_turn, (P.NEGOTIATION,), _QUIET_TURN),
    Kind(act.Renege, rules.renege, (P.NEGOTIATION,), (*_QUIET_TURN, "not_final_round", "has_deal_to_renege")),
    Kind(act.ProposeConclude, rules.propose_conclude, (P.NEGOTIATION,), _QUIET_TURN),
    Kind(act.AgreeConclude, rules.answer_conclude, (P.CONCLUDE_PENDING,), _TURN),
    Kind(act.DeclineConclude, rules.answer_conclude, (P.CONCLUDE_PENDING,), _TURN),
    Kind(act.WalkOut, rules.walk_out, _OPEN, ("not_paused", "is_seated")),
    Kind(act.AskPriorities, process.ask, (P.NEGOTIATION,), (*_QUIET_TURN, "has_not_asked")),
    Kind(act.DisclosePriorities, process.disclose, (P.NEGOTIATION,), (*_TURN, "no_offer", "may_disclose")),
    Kind(act.ProposeMeso, process.propose_meso, (P.NEGOTIATION,), (*_QUIET_TURN, "below_exchange_limit")),
    Kind(act.AcceptOption, process.accept_option, (P.NEGOTIATION,), (*_TURN, "has_meso")),
    Kind(act.Address, process.address, (P.NEGOTIATION,), (*_QUIET_TURN, "has_not_addressed")),
    Kind(act.FireInject, injects.fire_by_hand, _INJECTABLE),
    Kind(act.CustomInject, injects.custom_inject, _INJECTABLE),
    Kind(act.HoldInject, facilitation.hold, _OPEN, seen_by_players=False),
    Kind(act.ReleaseInject, facilitation.release, _OPEN, seen_by_players=False),
    Kind(act.SkipInject, facilitation.skip, _OPEN, seen_by_players=False),
    Kind(act.Pause, facilitation.pause, _OPEN, ("not_paused",)),
    Kind(act.Resume, facilitation.resume, _OPEN, ("is_paused",)),
    Kind(act.SetTimer, facilitation.set_timer, _OPEN),
    Kind(act.TimeUp, _time_up, _OPEN, ("not_paused", "someone_to_move")),
    Kind(act.Note, facilitation.note, _EVERYWHERE, seen_by_players=False),
)

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
FACILITATOR_KINDS = frozenset(kind.name for kind in KINDS if kind.facilitator)
HIDDEN_FROM_PLAYERS = frozenset(kind.name for kind in KINDS if not kind.seen_by_players)
"""Action kinds whose log lines only the facilitator sees."""


def kind_of(action: Action) -> Kind:
    """The table's entry for ``action`` (KeyError for a class the table does not declare)."""
    return BY_NAME[action.kind]


