"""The table's demonstration controls: a computer-against-computer game paused, stepped, sped up or slowed.

:class:`DemoControls` sits between the moves (:class:`~tabletop.tui.screens.table_moves.TableMoves`)
and the table screen, which supplies the flow it controls (``drive`` and ``computer_move``).
"""

from __future__ import annotations

from textual.reactive import reactive

from tabletop.engine.model import Side
from tabletop.tui.later import Later
from tabletop.tui.screens.table_moves import TableMoves

MIN_PACE, MAX_PACE = 0.1, 6.0


class DemoControls(TableMoves):
    """Pause, step and pace: the keys a demonstration (or a human game whose computer move failed) offers."""

    thinking: reactive[Side | None] = reactive(None)
    """The computer seat whose move is on its way."""
    pace: reactive[float] = reactive(0.8)
    """Seconds before a computer's move."""

    _timer: Later | None = None
    """The pending computer move."""

    def drive(self) -> None:
        """Decide what happens next (the table screen's flow of turns)."""
        raise NotImplementedError

    def computer_move(self) -> None:
        """Let the computer seat whose turn it is move (the table screen's flow of turns)."""
        raise NotImplementedError

    def watch_pace(self) -> None:
        self._show_demo_state()

    def _show_demo_state(self) -> None:
        if self.demo:
            state = "paused" if self.paused else f"{self.pace:.2g} s a move"
            self.query_one("#log").border_subtitle = f"demonstration · {state}"

    def action_pause(self) -> None:
        self.paused = not self.paused
        if self.paused and self._timer is not None:
            self._timer.stop()
            self._timer = None
            self.thinking = None
        if not self.paused:
            self.drive()

    def action_step(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.paused = True
        if not self._blocked:
            self.computer_move()

    def action_speed(self, factor: float) -> None:
        self.pace = max(MIN_PACE, min(MAX_PACE, round(self.pace * factor, 2)))
        self.notify(f"{self.pace:.1f} s a move", timeout=1.5)


__all__ = ["MAX_PACE", "MIN_PACE", "DemoControls"]
