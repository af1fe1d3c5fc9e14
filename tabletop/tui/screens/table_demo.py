"""The table's demonstration controls: a computer-against-computer game paused, stepped, sped up or slowed.

:class:`DemoControls` sits on the flow of turns it controls
(:class:`~tabletop.tui.screens.table_flow.TurnFlow`: ``drive``, ``computer_move``
and the pending move), under the table screen.
"""

from __future__ import annotations

from tabletop.tui.screens.table_flow import TurnFlow

MIN_PACE, MAX_PACE = 0.1, 6.0


class DemoControls(TurnFlow):
    """Pause, step and pace: the keys a demonstration (or a human game whose computer move failed) offers."""

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
