"""The new-game screen's classroom choices: a facilitator console, its passphrase, the round timer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Checkbox, Input, Static

from tabletop.engine.model import TIMER_MAX, TIMER_MIN, timer_problem
from tabletop.tui.classroom import Classroom
from tabletop.tui.text import plain


class ClassroomOptions(Vertical):
    """A checkbox for classroom mode; when ticked, a passphrase and a round timer (both optional)."""

    DEFAULT_CSS = """
    ClassroomOptions { height: auto; margin: 1 0 0 0; }
    ClassroomOptions #classroom-details { height: auto; padding: 0 0 0 4; }
    ClassroomOptions Input { margin: 0; }
    """

    def compose(self) -> ComposeResult:
        yield Static(plain("Classroom", "bold $accent"))
        yield Checkbox(Content("a facilitator runs it (F9: console)"), id="facilitator", compact=True,
                       tooltip="A white cell runs the game: F9 opens its console; a hotwash follows the end")
        with Vertical(id="classroom-details"):
            yield Input(password=True, id="classroom-passphrase", placeholder="console passphrase (optional)")
            yield Input(type="integer", id="classroom-timer", max_length=len(str(TIMER_MAX)),
                        placeholder="round timer, s (blank: the scenario's)",
                        tooltip=f"Seconds each side has for a move, {TIMER_MIN} to {TIMER_MAX}; "
                                "blank: the scenario's own; 0: none")

    def on_mount(self) -> None:
        self.query_one("#classroom-details").display = False

    @on(Checkbox.Changed, "#facilitator")
    def _toggled(self, event: Checkbox.Changed) -> None:
        self.query_one("#classroom-details").display = event.value

    def classroom(self) -> Classroom | None:
        """The choices as a :class:`Classroom` (None: no facilitator); ValueError says what to fix."""
        if not self.query_one("#facilitator", Checkbox).value:
            return None
        text = self.query_one("#classroom-timer", Input).value.strip()
        timer = None
        if text:
            try:
                timer = int(text)
            except ValueError:
                raise ValueError("The round timer must be a whole number of seconds.") from None
            problem = timer_problem(timer)
            if problem:
                raise ValueError(f"The round timer is out of range: {problem}.")
        return Classroom(passphrase=self.query_one("#classroom-passphrase", Input).value, timer=timer)


__all__ = ["ClassroomOptions"]
