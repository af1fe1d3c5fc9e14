"""The round timer the teams see above the table, and the facilitator's pause.

The countdown belongs to the side (or sides) due to move: it starts again at
the game's ``state.timer`` whenever the round, the phase or the side to move
changes, stops while the facilitator has paused the exercise (or has the
console open, or a hand-over or a news flash is on screen), and at zero passes for
whoever was due (a ``TimeUp`` action, so the log says so). Computer seats are
never timed. :meth:`RoundClock.tick` is one second of the countdown; tests
call it directly.
"""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from tabletop.engine.model import Side
from tabletop.tui.session import Session
from tabletop.tui.text import plain, side_name

TurnKey = tuple[int, str, tuple[Side, ...], int | None, tuple[str, ...]]


class RoundClock(Static):
    """One line: the seconds left for the side to move, or that the facilitator has paused the exercise."""

    DEFAULT_CSS = """
    RoundClock { height: 1; padding: 0 1; background: $boost; text-wrap: nowrap; text-overflow: ellipsis; }
    RoundClock.-low { background: $warning 30%; }
    RoundClock.-paused { background: $accent 30%; }
    """

    TICK = 1.0
    """Seconds of wall-clock time per tick (tests stretch it and call :meth:`tick` themselves)."""

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.remaining: int | None = None
        self._key: TurnKey | None = None
        self._shown: tuple | None = None
        self._ticker: Timer | None = None

    def on_mount(self) -> None:
        self.display = False
        if self.session.classroom is None:
            return  # no facilitator, no timer and no pause: the clock never shows
        self.sync()
        self._ticker = self.set_interval(self.TICK, self.tick, name="round clock")
        self.set_interval(0.25, self.sync, name="round clock display")

    # -- the countdown ------------------------------------------------------------

    def turn_key(self) -> TurnKey:
        state = self.session.game.state
        return (state.round, state.phase.value, self.session.game.awaiting(), state.timer, state.pending[:1])

    @property
    def timed_sides(self) -> tuple[Side, ...]:
        """The human sides the countdown is running for (none when no timer is set)."""
        game = self.session.game
        if not game.state.timer or game.is_over:
            return ()
        waiting = game.awaiting()
        if not any(self.session.is_human(side) for side in waiting):
            return ()
        return waiting

    def running(self) -> bool:
        """Whether the clock counts down now."""
        game = self.session.game
        return bool(self.timed_sides) and not game.state.paused and not self._held()

    def _held(self) -> bool:
        """The clock waits while the facilitator, a hand-over or a news flash has the screen."""
        from tabletop.tui.screens.briefing import HandoverScreen
        from tabletop.tui.screens.console import FacilitatorOnly, PassphraseScreen
        from tabletop.tui.screens.dialogs import NewsFlashScreen

        try:
            top = self.app.screen
        except Exception:  # no app (a test drives the clock directly)
            return False
        if isinstance(top, PassphraseScreen):
            return False  # anyone can press the console key: asking for the passphrase must not stop the clock
        return isinstance(top, (FacilitatorOnly, HandoverScreen, NewsFlashScreen))

    def sync(self) -> None:
        """Start the countdown again when the turn changed; redraw when what is shown changed."""
        key = self.turn_key()
        if key != self._key:
            self._key = key
            self.remaining = self.session.game.state.timer
            if self._ticker is not None:
                self._ticker.reset()
        self._show()

    def tick(self, seconds: int = 1) -> None:
        """``seconds`` of the countdown pass; at zero the side(s) due to move pass."""
        self.sync()
        if not self.running() or self.remaining is None:
            return
        self.remaining = max(0, self.remaining - seconds)
        if self.remaining == 0:
            from tabletop.tui.classroom import time_up

            time_up(self.app)
            self.sync()
        self._show()

    # -- drawing --------------------------------------------------------------------

    def _show(self) -> None:
        game = self.session.game
        sides = self.timed_sides
        shown = (game.state.paused, game.is_over, sides, self.remaining)
        if shown == self._shown:
            return
        self._shown = shown
        self.set_class(game.state.paused and not game.is_over, "-paused")
        self.set_class(bool(sides) and self.remaining is not None and self.remaining <= 15, "-low")
        self.display = bool(sides) or (game.state.paused and not game.is_over)
        self.update(self.content())

    def content(self) -> Content:
        game = self.session.game
        if game.state.paused and not game.is_over:
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
                                plain(f"   (round timer {game.state.timer} s; at zero the move counts as a pass)",
                                      "dim"))


__all__ = ["RoundClock"]
