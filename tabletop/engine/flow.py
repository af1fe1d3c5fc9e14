"""The phase machine: which actions are legal when, and the phases that run by themselves.

Built with ``transitions`` the way the library intends, from the table in
:mod:`phase_table`. The states are
:class:`Phase`. Each kind of action in :data:`kinds.KINDS` is a trigger with
the phases it is legal in and the conditions that must hold, each condition
asked with the acting side and the action (the trigger's arguments). The
``advance`` trigger moves the round on after the rules have applied a move;
its transitions are tried in order and the first whose conditions hold is
taken. The ``on_enter_<PHASE>`` callbacks do what a phase does by itself: open
a round, implement the accepted package, close the round, grade the end. The
machine owns legality and order; the rules own consequences (:mod:`rounds`,
:mod:`deals`, :mod:`rules`, ...).

"Is this legal now" is the machine's ``may_trigger(kind, side, action)``
answer. It is computed by :meth:`PhaseFlow.quick_may` from the same table the
machine is built from, because the library's own way costs about forty times
as much per question (see there); a test holds the two to the same answers.
Likewise the phases that run by themselves are the ``advance`` trigger taken
by :meth:`PhaseFlow.run_automatic` from the same table (the library's trigger
made a computer game about 30% dearer), except when the library's debug log is
asked for; a test plays games both ways and finds them identical.

One machine serves the whole process and each game's flow is a model on it
(building a machine costs more than a whole game). The flow keeps no phase of
its own: its ``state`` is the game state's ``phase``.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from tabletop.engine import deals, rounds
from tabletop.engine.actions import Action
from tabletop.engine.conditions import ON_MOVE, PROGRESS, WHY, Conditions
from tabletop.engine.effects import Result
from tabletop.engine.kinds import BY_NAME, KINDS
from tabletop.engine.model import Scenario, Side
from tabletop.engine.phase_table import ADVANCES, OPEN_WHEN
from tabletop.engine.state import GameState, Phase

if TYPE_CHECKING:
    from logging import Logger

    from transitions import Machine

    from tabletop.engine.game import Game


_Advance = tuple[Phase, tuple[Callable[[Scenario, GameState], bool], ...], Callable[["PhaseFlow"], None] | None,
                 Callable[["PhaseFlow"], None] | None]
"""One ``advance`` transition as the fast path takes it: (dest, conditions, before, on_enter)."""



class PhaseFlow(Conditions):
    """The machine's model for one game: its conditions and phase callbacks read and write that game.

    A plain class (the machine sets its triggers as attributes); it holds its
    game through a weak reference, so a finished game is freed and its flow
    leaves the shared machine with it. It joins the machine the first time one
    of the machine's attributes (``may_<trigger>``, a trigger) is asked for:
    joining costs about 2% of a computer game, and computer play asks through
    the fast paths only.
    """

    # Set on each model by the machine (``add_model``).
    may_trigger: Callable[..., bool]
    advance: Callable[[], bool]

    def __init__(self, game: Game) -> None:
        self._game = weakref.ref(game)
        self._joined = False

    if not TYPE_CHECKING:  # (for mypy, only the attributes declared above exist)
        def __getattr__(self, name: str) -> object:
            """An attribute the machine sets on its models: join the machine, then look again."""
            if name.startswith("__") or self.__dict__.get("_joined", True):
                raise AttributeError(name)
            self._join()
            return getattr(self, name)

    def _join(self) -> None:
        game = self.game
        machine = _machine()
        self._joined = True
        machine.add_model(self, initial=game.state.phase)
        weakref.finalize(game, machine.remove_model, self)

    @property
    def game(self) -> Game:
        game = self._game()
        assert game is not None, "the game of this phase flow is gone"
        return game

    @property
    def state(self) -> Phase:
        """The current phase: the machine reads and writes the game state's ``phase``, the one place it lives."""
        game = self._game()
        assert game is not None, "the game of this phase flow is gone"
        return game.state.phase

    @state.setter
    def state(self, phase: Phase) -> None:
        game = self.game
        if game.state.phase is not phase:
            game.state = game.state.evolve(phase=phase)

    # -- which actions are legal -------------------------------------------------

    def allows(self, action: Action) -> bool:
        """True when the machine accepts the action here and now."""
        return self.quick_may(action.kind, getattr(action, "side", None), action)

    def side_may(self, side: Side | None, kind: str) -> bool:
        """Whether ``side`` (None: the facilitator) may take an action of ``kind`` now."""
        return self.quick_may(kind, side)

    def quick_may(self, trigger: str, *args: object) -> bool:
        """The machine's own ``may_trigger(trigger, *args)`` answer, computed here: the one fast path.

        ``may_trigger`` scans every trigger of the machine and builds event
        objects for each question, about 40 times the cost of asking the
        conditions directly; a game asks hundreds of questions (each move, each
        opponent's look at its options, each step of the round). So the same
        phases and conditions the machine is built from (:data:`OPEN_WHEN`) are
        asked here, and a test checks that the answers equal ``may_trigger``'s.
        """
        game = self._game()
        assert game is not None, "the game of this phase flow is gone"
        scenario, state = game.scenario, game.state
        for conditions in _OPEN_FUNCTIONS.get(trigger, _NO_FUNCTIONS).get(state.phase, ()):
            for condition in conditions:
                if not condition(scenario, state, *args):
                    break
            else:
                return True
        return False

    def legal_kinds(self, side: Side | None) -> list[str]:
        """Action kinds ``side`` may take now (facilitator kinds when ``side`` is None)."""
        return [spec.name for spec in KINDS
                if spec.facilitator == (side is None) and self.side_may(side, spec.name)]

    def why_not(self, action: Action) -> str:
        """A plain sentence saying why ``action`` is refused now."""
        side = getattr(action, "side", None)
        name = self.game.scenario.sides[side].name if side in self.game.scenario.sides else "that side"
        spec = BY_NAME.get(action.kind)
        if spec is None:
            return f"unknown action {action.kind!r}"
        if self.state not in spec.phases:
            if self.state is Phase.ENDED:
                return "the game is over"
            return f"{action.kind.replace('_', ' ')} is not allowed in the {self.state.value.replace('_', ' ')} phase"
        for condition in spec.conditions:
            if not getattr(self, condition)(side, action):
                return WHY[condition].format(side=name)
        return "not allowed now"

    # -- what the phases do by themselves ------------------------------------------

    def run_automatic(self) -> None:
        """Move through the phases that need no one's decision; each phase's callback runs its rule.

        The machine's ``advance`` trigger, taken the fast way: the first transition of :data:`ADVANCES`
        from this phase whose conditions hold, its ``before`` callback, the new phase, its
        ``on_enter_<PHASE>`` callback, in the order the library runs them. Through the library's own
        trigger (event data, callbacks resolved by name, its debug lines) a computer game costs about
        30% more CPU (98 games of istanbul-2025-02, every pair of opponents: 1.35 s against 1.04 s,
        2026-12-01). When the library's logger is asked for debug lines every step goes through the
        library, so its log tells all; a test plays games both ways and finds them identical.
        """
        if not FAST_ADVANCE or _library_debug():
            # Asking first spares the library's trigger machinery the common case of a phase that stays.
            while self.quick_may("advance") and self.advance():
                pass
            return
        game = self.game
        while (step := _next_advance(game.scenario, game.state)) is not None:
            dest, _conditions, before, enter = step
            if before is not None:
                before(self)
            game.state = game.state.evolve(phase=dest)
            if enter is not None:
                enter(self)

    def resume_statements_after_inject(self) -> None:
        self._evolve(resume_phase=Phase.STATEMENTS)

    def resume_negotiation_after_inject(self) -> None:
        self._evolve(resume_phase=Phase.NEGOTIATION)

    def on_enter_ROUND_START(self) -> None:  # noqa: N802 (the library names the callback after the state)
        game = self.game
        self._record(rounds.start_round(game.scenario, game.state, game.seed))

    def on_enter_IMPLEMENTATION(self) -> None:  # noqa: N802
        self._record(deals.implement(self.game.scenario, self.game.state))

    def on_enter_ROUND_END(self) -> None:  # noqa: N802
        self._record(rounds.end_round(self.game.scenario, self.game.state))

    def on_enter_ENDED(self) -> None:  # noqa: N802
        self._record(rounds.finish(self.game.scenario, self.game.state))

    def _evolve(self, **changes: object) -> None:
        game = self.game
        game.state = game.state.evolve(**changes)

    def _record(self, result: Result) -> None:
        state, events = result
        self.game.record(state, events)


_OPEN_FUNCTIONS: dict[str, dict[Phase, list[tuple[Callable[..., bool], ...]]]] = {
    trigger: {phase: [tuple((PROGRESS if trigger == "advance" else ON_MOVE)[name] for name in conditions)
                      for conditions in sets]
              for phase, sets in phases.items()}
    for trigger, phases in OPEN_WHEN.items()}
""":data:`OPEN_WHEN` with each condition's function of the scenario and the state in place of its name (for
:meth:`PhaseFlow.quick_may`, which reads the state once per question)."""
_NO_FUNCTIONS: dict[Phase, list[tuple[Callable[..., bool], ...]]] = {}

FAST_ADVANCE = True
"""Take ``advance`` the fast way (:meth:`PhaseFlow.run_automatic`); False: through the library, as a test compares."""
_LIBRARY_LOG: list[Logger] = []


def _library_debug() -> bool:
    """Whether the library's logger is asked for debug lines. Never while no module has imported ``logging``
    (nothing could have asked): the engine imports neither it nor the library until they are needed."""
    logging = sys.modules.get("logging")
    if logging is None:
        return False
    if not _LIBRARY_LOG:
        _LIBRARY_LOG.append(logging.getLogger("transitions.core"))
    return _LIBRARY_LOG[0].isEnabledFor(logging.DEBUG)

_ADVANCE_FROM: dict[Phase, list[_Advance]] = {}
"""Per phase, the ``advance`` transitions in the machine's order: (dest, conditions, before, on_enter), each
condition as the function of the scenario and the state its method asks (:data:`conditions.PROGRESS`)."""
for _source, _dest, _conditions, _before in ADVANCES:
    _ADVANCE_FROM.setdefault(_source, []).append((
        _dest, tuple(PROGRESS[name] for name in _conditions),
        getattr(PhaseFlow, _before) if _before else None, getattr(PhaseFlow, f"on_enter_{_dest.name}", None)))


def _next_advance(scenario: Scenario, state: GameState) -> _Advance | None:
    """The first ``advance`` transition from the state's phase whose conditions all hold (None: the phase
    stays)."""
    for step in _ADVANCE_FROM.get(state.phase, ()):
        for condition in step[1]:
            if not condition(scenario, state):
                break
        else:
            return step
    return None

_MACHINE: list[Machine] = []


def _machine() -> Machine:
    """The one phase machine of this process: every game's flow is a model on it."""
    if not _MACHINE:
        from transitions import Machine  # imported when a game first joins the machine (not by computer play)

        machine = Machine(
            model=None,
            states=list(Phase),
            initial=Phase.ROUND_START,
            auto_transitions=False,
            send_event=False,
        )
        for spec in KINDS:
            # An action changes no phase by itself (dest None); ``advance`` moves on after its rule.
            machine.add_transition(spec.name, list(spec.phases), None, conditions=list(spec.conditions))
        for source, dest, conditions, before in ADVANCES:
            machine.add_transition("advance", source, dest, conditions=list(conditions), before=before)
        _MACHINE.append(machine)
    return _MACHINE[0]
