"""The replay viewer's dialogs: "play on from here" (who plays each side, and the new save's name) and a note.

Both return what was chosen (or None when cancelled); the viewer acts on it.
"""

from __future__ import annotations

import attrs
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tabletop.engine.game import HUMAN
from tabletop.engine.model import SIDES, Side
from tabletop.engine.opponents import STRATEGIES
from tabletop.saves.writer import SaveError, safe_save_path
from tabletop.tui.text import plain


@attrs.frozen
class ForkRequest:
    """The seats and (optional) save name chosen for a what-if."""

    seats: dict[Side, str]
    name: str | None = None


def seat_choices() -> list[tuple[str, str]]:
    return [("human", HUMAN), *((f"computer: {name}", name) for name in STRATEGIES)]


class ForkScreen(ModalScreen[ForkRequest | None]):
    """Choose who plays each side from this moment on, and optionally name the new save."""

    CSS_PATH = "saves_list.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, moment: int, seats: dict[Side, str], folder: str) -> None:
        super().__init__(classes="dialog")
        self.moment = moment
        self.seats = seats
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="fork-box"):
            yield Static(plain(f"Play on from moment {self.moment}", "bold"), classes="dialog-text")
            yield Static(plain("A new save (a what-if) starts here; the original save is not changed.", "dim"))
            for side in SIDES:
                with Horizontal(classes="fork-row"):
                    yield Label(side.title, classes="fork-label")
                    yield Select(seat_choices(), value=self.seats.get(side, HUMAN), allow_blank=False,
                                 id=f"fork-{side.value}")
            with Horizontal(classes="fork-row"):
                yield Label("Save as", classes="fork-label")
                yield Input(placeholder="optional name, kept in the saves folder", id="fork-name")
            yield Static(id="fork-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Play on", variant="primary", id="fork-ok")
                yield Button("Cancel", id="fork-cancel")

    def on_mount(self) -> None:
        self.query_one("#fork-ok", Button).focus()

    @on(Button.Pressed, "#fork-ok")
    @on(Input.Submitted, "#fork-name")
    def submit(self) -> None:
        name = self.query_one("#fork-name", Input).value.strip() or None
        if name is not None:
            try:
                path = safe_save_path(name, self.folder)
                if path.exists():
                    raise SaveError(f"{path}: a save with this name already exists")
            except SaveError as error:
                self.query_one("#fork-error", Static).update(plain(str(error), "$error"))
                return
        seats = {side: str(self.query_one(f"#fork-{side.value}", Select).value) for side in SIDES}
        self.dismiss(ForkRequest(seats, name))

    @on(Button.Pressed, "#fork-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteScreen(ModalScreen["tuple[str, str | None] | None"]):
    """Write a facilitator's note on this moment of a replay, optionally tagged with a learning objective."""

    CSS_PATH = "saves_list.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, moment: int, objectives: list[tuple[str, str]]) -> None:
        super().__init__(classes="dialog")
        self.moment = moment
        self.objectives = objectives

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="note-box"):
            yield Static(plain(f"A note on moment {self.moment}", "bold"), classes="dialog-text")
            yield Static(plain("Kept in the save with the game; the report lists it.", "dim"))
            with Horizontal(classes="fork-row"):
                yield Label("Note", classes="fork-label")
                yield Input(placeholder="what the class should look at here", id="note-text")
            with Horizontal(classes="fork-row"):
                yield Label("Objective", classes="fork-label")
                yield Select([(Content(text), oid) for oid, text in self.objectives], prompt="none", id="note-objective")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add note", variant="primary", id="note-ok")
                yield Button("Cancel", id="note-cancel")

    @on(Button.Pressed, "#note-ok")
    @on(Input.Submitted, "#note-text")
    def submit(self) -> None:
        text = self.query_one("#note-text", Input).value.strip()
        if not text:
            self.query_one("#note-text", Input).focus()
            return
        objective = self.query_one("#note-objective", Select).value
        self.dismiss((text, objective if isinstance(objective, str) else None))

    @on(Button.Pressed, "#note-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["ForkRequest", "ForkScreen", "NoteScreen", "seat_choices"]
