"""The flow of turns at the table: what happens next after every change, and the computer's moves.

:meth:`TurnFlow.drive` is called after every change, closed dialog and return
to the table; it decides what happens next: a news flash, the end, a computer's
move after a pause (``pace``, on a :class:`~tabletop.tui.later.Later` that a
loaded machine cannot lose), a hand-over between two players, an inject's
forced choice, or waiting for a key. The round timer running out passes for
the side whose time it was. The demonstration's controls
(:mod:`tabletop.tui.screens.table_demo`) pause, step and pace this flow.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable
from typing import Any

from textual import on
from textual.reactive import reactive
from textual.screen import ModalScreen

from tabletop.engine import actions
from tabletop.engine.effects import Event
from tabletop.engine.game import IllegalAction
from tabletop.engine.model import Side
from tabletop.engine.state import Phase
from tabletop.tui.later import Later
from tabletop.tui.screens.briefing import HandoverScreen
from tabletop.tui.screens.dialogs import NewsFlashScreen
from tabletop.tui.screens.table_moves import TableMoves
from tabletop.tui.session import Session
from tabletop.tui.widgets.round_clock import RoundClock


class TurnFlow(TableMoves):
    """The table screen's flow of turns; when the talks are over (and their last news shown) it calls ``talks_over``."""

    thinking: reactive[Side | None] = reactive(None)
    """The computer seat whose move is on its way."""
    pace: reactive[float] = reactive(0.8)
    """Seconds before a computer's move."""

    def __init__(self, session: Session, demo_wait: float = 6.0, talks_over: Callable[[], object] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(session, **kwargs)
        self.demo_wait = demo_wait
        self.talks_over = talks_over
        self._timer: Later | None = None
        """The pending computer move."""
        self._ended = False
        self._flashes: deque[Event] = deque()
        """News to show, oldest first (each an inject's event)."""

    def drive(self) -> None:
        """Decide what happens next; called after every change, closed dialog and return to the table."""
        if self._blocked or self._timer is not None or not self.is_current or self._covered():
            return  # a dialog, a pending computer move, or another screen (help, a brief) on top
        if self.session.autosave.halted:
            return  # saving failed: nothing moves (not even the end) until the player chooses what to do
        if self._flashes:
            self._show_flash(self._flashes.popleft())
            return
        game = self.session.game
        if game.is_over:
            if self.talks_over is not None and not self._ended:
                self._ended = True
                self.talks_over()
            return
        if game.state.paused:  # the facilitator paused the exercise: no one moves until it resumes
            return
        side = self.session.next_side()
        if side is None:
            return
        if not self.session.is_human(side):
            if not self.paused:
                self.thinking = side
                self._timer = Later(self, max(self.pace, 0.005), self.computer_move)
            return
        if self.session.is_hotseat and self.viewer is not side:
            self._hand_over(side)
            return
        self.viewer = side
        if game.state.phase is Phase.INJECT_RESPONSE and game.state.pending:
            self.ask_inject(side)

    def _covered(self) -> bool:
        """A full screen (help, the facilitator console) is on top: Textual still counts the table as current."""
        top = self.app.screen
        return top is not self and not isinstance(top, ModalScreen)

    def computer_move(self) -> None:
        """Let the computer seat whose turn it is make its move (the change that follows drives on)."""
        self._timer = None
        self.thinking = None
        side = self.session.next_side()
        if side is None or self.session.is_human(side) or self.session.game.is_over or self.session.game.state.paused \
                or self.session.autosave.halted:
            self.drive()
            return
        try:
            self.session.apply(self.session.decide(side))
        except IllegalAction as error:
            self.paused = True
            self.notify(f"The computer's move was refused: {error}", severity="error", markup=False)
        except Exception as error:  # an opponent's bug must not take the class's game down with it
            self.paused = True
            self.notify(f"The computer opponent failed ({type(error).__name__}: {error}); the game is saved.",
                        severity="error", markup=False, timeout=30)

    # -- what the game waits for ---------------------------------------------------

    def _show_flash(self, event: Event) -> None:
        scenario = self.session.game.scenario
        inject = scenario.by_inject.get(event.inject) if event.inject else None
        auto = self.demo_wait if self.demo else None
        self.open_dialog(NewsFlashScreen(event.text, inject, scenario, auto), lambda _: None, hold=True)

    def _hand_over(self, side: Side) -> None:
        self.viewer = None

        def ready(_: None) -> None:
            self.viewer = side

        self.open_dialog(HandoverScreen(self.session.name(side), side), ready, hold=True)

    # -- the round timer ------------------------------------------------------------

    @on(RoundClock.TimeRanOut)
    def time_ran_out(self) -> None:
        """Close the move dialogs of the side whose time it was, and pass for it (a ``TimeUp`` in the log)."""
        session = self.session
        game = session.game
        if game.state.paused or game.is_over or session.autosave.halted:
            return
        # A computer seat due at the same moment (statements are chosen together) is never timed: it moves first.
        for side in [s for s in game.awaiting() if not session.is_human(s)]:
            with contextlib.suppress(IllegalAction):  # a refused computer move is timed out like any other
                session.apply(session.decide(side))
        waiting = [session.name(side) for side in game.awaiting() if session.is_human(side)]
        if not waiting or game.is_over:
            return
        self.close_dialogs()
        if self.act(actions.TimeUp()):
            self.notify(f"Time is up for {' and '.join(waiting)}.", title="Round timer", severity="warning",
                        markup=False)


__all__ = ["TurnFlow"]
