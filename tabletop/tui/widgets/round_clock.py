"""The round timer the teams see above the table, and the facilitator's pause.

The countdown belongs to the side (or sides) due to move: each move gets the
whole of the game's ``state.timer``, so it starts again whenever the round, the
phase, the human side to move or the number of moves made changes (the clock
learns of it through its ``state``, bound to the table's); a computer's
statement is no new turn, since the statements are chosen together; and after
news answered in the middle of a turn, that turn goes on from where it stood
(:class:`Countdowns`). It
stops while the facilitator has paused the exercise or while a screen that
stops the clock is on top (the console, a hand-over, a news flash: they are
:class:`StopsTheClock`), and at zero posts :class:`RoundClock.TimeRanOut` for
the table to pass for whoever was due. Computer seats are never timed. The
clock ticks only to count down; :meth:`RoundClock.tick` is one second of it,
and tests call it directly.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static

from tabletop.engine.facilitation import awaiting_sides
from tabletop.engine.model import Side
from tabletop.engine.state import GameState, Phase
from tabletop.net.clock import moves_made
from tabletop.tui.classroom import Countdowns
from tabletop.tui.session import Session
from tabletop.tui.text import plain, side_name

TurnKey = tuple[int, str, tuple[Side, ...], int | None, tuple[str, ...], int]


class StopsTheClock:
    """Marker for the screens during which the round clock stands still (the facilitator's, a hand-over, a flash)."""


class RoundClock(Static):
    """One line: the seconds left for the side to move, or that the facilitator has paused the exercise."""

    DEFAULT_CSS = """
    RoundClock { height: 1; padding: 0 1; background: $boost; text-wrap: nowrap; text-overflow: ellipsis; }
    RoundClock.-low { background: $warning 30%; }
    RoundClock.-paused { background: $accent 30%; }
    """

    TICK = 1.0
    """Seconds of wall-clock time per tick (tests stretch it and call :meth:`tick` themselves)."""

    state: reactive[GameState | None] = reactive(None)

    class TimeRanOut(Message):
        """The countdown reached zero: the side(s) due to move have run out of time."""

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.remaining: int | None = None
        self._key: TurnKey | None = None
        self._turns = Countdowns()
        """A turn the game comes back to within the round goes on from where it stood (tui.classroom)."""
        self._ticker: Timer | None = None

    def on_mount(self) -> None:
        self.display = False
        if self.session.classroom is None:
            return  # no facilitator, no timer and no pause: the clock never shows
        self._ticker = self.set_interval(self.TICK, self.tick, name="round clock")
        self.watch_state(self.state)

    # -- the countdown ------------------------------------------------------------

    def watch_state(self, state: GameState | None) -> None:
        """A new state: start the countdown again if the turn changed, and redraw."""
        if state is None or self.session.classroom is None:
            return
        # the human sides due (a computer's choice is no new turn), and the news being answered
        timed = tuple(side for side in self._awaiting(state) if self.session.is_human(side))
        # each move is a new turn, but the statements are chosen together
        moves = -1 if state.phase is Phase.STATEMENTS else moves_made(self.session.game)
        key = (state.round, state.phase.value, timed, state.timer, state.pending[:1], moves)
        if key != self._key:
            self._key = key
            news = state.phase is Phase.INJECT_RESPONSE
            self.remaining = self._turns.switch(key, news, self.remaining, state.timer)
            if self._ticker is not None:
                self._ticker.reset()
        self._show()

    def _awaiting(self, state: GameState) -> tuple[Side, ...]:
        return awaiting_sides(self.session.game.scenario, state)

    @property
    def timed_sides(self) -> tuple[Side, ...]:
        """The human sides the countdown is running for (none when no timer is set): a computer seat due at the
        same moment is never timed, nor named."""
        state = self.state
        if state is None or not state.timer or state.is_over:
            return ()
        return tuple(side for side in self._awaiting(state) if self.session.is_human(side))

    def running(self) -> bool:
        """Whether the clock counts down now."""
        return bool(self.timed_sides) and self.state is not None and not self.state.paused and not self._held()

    def _held(self) -> bool:
        """The clock waits while a screen that stops it (the facilitator's, a hand-over, a news flash) is on top."""
        return self.is_attached and isinstance(self.app.screen, StopsTheClock)

    def tick(self, seconds: int = 1) -> None:
        """``seconds`` of the countdown pass; at zero the side(s) due to move have run out of time."""
        if not self.running() or self.remaining is None:
            return
        self.remaining = max(0, self.remaining - seconds)
        self._show()
        if self.remaining == 0:
            self.post_message(self.TimeRanOut())

    # -- drawing --------------------------------------------------------------------

    def _show(self) -> None:
        state = self.state
        if state is None:
            return
        sides = self.timed_sides
        self.set_class(state.paused and not state.is_over, "-paused")
        self.set_class(bool(sides) and self.remaining is not None and self.remaining <= 15, "-low")
        self.display = bool(sides) or (state.paused and not state.is_over)
        self.update(self.countdown())

    def countdown(self) -> Content:
        """The line as shown: the time left and for whom, or the facilitator's pause."""
        state = self.state
        if state is None:
            return Content("")
        if state.paused and not state.is_over:
            return plain("⏸  The facilitator has paused the exercise: no side may move until it resumes.", "bold")
        sides = self.timed_sides
        if not sides or self.remaining is None:
            return Content("")
        minutes, seconds = divmod(self.remaining, 60)
        names: list[Content | str] = []
        for n, side in enumerate(sides):
            if n:
                names.append(" and ")
            names.append(side_name(self.session.name(side), side))
        return Content.assemble(("⏱ ", "bold"), (f"{minutes}:{seconds:02d}", "bold reverse"), " left for ", *names,
                                plain(f"   (round timer {state.timer} s; at zero the move counts as a pass)",
                                      "dim"))


__all__ = ["RoundClock", "StopsTheClock"]
