"""The dialogs of saving: the passphrase of a signed save to resume, and what to do when saving fails.

:class:`UnlockSaveScreen` asks for the facilitator's passphrase before a signed
(facilitated) game is resumed and returns it with the save's key; a wrong one
is said in one line and asked again. :class:`SaveFailedScreen` opens when
writing the save of the game in play fails: the game takes no move until the
player saves elsewhere, retries, or chooses to play on unsaved.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tabletop.engine.game import Game
from tabletop.saves.writer import LoadedSave, SaveError, SaveKey
from tabletop.text import one_line, shown_path
from tabletop.tui.autosave import Autosave
from tabletop.tui.screens.passphrase import FacilitatorOnly
from tabletop.tui.text import plain
from tabletop.tui.widgets.round_clock import StopsTheClock


class UnlockSaveScreen(FacilitatorOnly, ModalScreen[tuple[str, SaveKey] | None]):
    """The facilitator's passphrase for a signed game, checked against the save; Escape cancels."""

    DEFAULT_CSS = "UnlockSaveScreen #unlock-passphrase { margin: 1 0 0 0; }"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, loaded: LoadedSave, title: str = "Resume a facilitated game") -> None:
        super().__init__(classes="dialog")
        self.loaded = loaded
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(plain(self.heading, "bold"), classes="dialog-title")
            yield Static(plain(f"{self.loaded.name}: signed by its facilitator. Type the passphrase to go on."))
            yield Input(password=True, id="unlock-passphrase", placeholder="facilitator's passphrase")
            yield Static(id="unlock-error", markup=False)
            yield Static(plain("Enter unlock · Esc cancel", "dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#unlock-passphrase", Input).focus()

    @on(Input.Submitted, "#unlock-passphrase")
    def submitted(self, event: Input.Submitted) -> None:
        try:
            key = self.loaded.unlock(event.value)
        except SaveError as error:  # no passphrase, or another one: say so and ask again
            self.query_one("#unlock-error", Static).update(plain(f"{one_line(error)} · try again, or Esc",
                                                                 "$error"))
            event.input.clear()
            return
        if key is None:  # the save is not signed after all: nothing to unlock
            self.dismiss(None)
            return
        self.dismiss((event.value, key))

    def action_cancel(self) -> None:
        self.dismiss(None)


class SaveFailedScreen(StopsTheClock, ModalScreen[None]):
    """Saving failed: save elsewhere, retry or play on unsaved. It closes only when one of them works."""

    DEFAULT_CSS = """
    SaveFailedScreen #save-folder-row { height: 3; margin: 1 0 0 0; }
    SaveFailedScreen #save-folder { width: 1fr; }
    SaveFailedScreen #save-folder-row Button { margin: 1 0 0 1; }
    """
    BINDINGS = [
        Binding("ctrl+r", "retry", "Retry", priority=True),
        Binding("ctrl+u", "unsaved", "Play on unsaved", priority=True),
    ]

    def __init__(self, autosave: Autosave, game: Game) -> None:
        super().__init__(classes="dialog")
        self.autosave = autosave
        self.game = game

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide", id="save-failed-box"):
            yield Static(plain("Saving failed", "bold $error"), classes="dialog-title")
            yield Static(plain(self.reason()), id="save-failed-reason")
            yield Static(plain("Nothing played is lost: the game waits until you choose.", "dim"))
            with Horizontal(id="save-folder-row"):
                yield Input(placeholder="another folder for the save, then Enter", id="save-folder")
                yield Button(Content("Save there"), id="save-elsewhere", compact=True, action="screen.elsewhere")
            yield Static(id="save-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Retry · ctrl+r"), id="save-retry", variant="primary", compact=True,
                             action="screen.retry")
                yield Button(Content("Play on unsaved · ctrl+u"), id="save-unsaved", variant="error", compact=True,
                             action="screen.unsaved")

    def on_mount(self) -> None:
        self.query_one("#save-folder", Input).focus()

    def reason(self) -> str:
        """Why saving failed, naming the save (a failed write's reason alone does not)."""
        path, failed = self.autosave.path, self.autosave.failed
        return failed if path is None or failed.startswith(shown_path(path)) else one_line(f"{shown_path(path)}: {failed}")

    def _refused(self, error: SaveError) -> None:
        self.query_one("#save-failed-reason", Static).update(plain(self.reason()))
        self.query_one("#save-error", Static).update(plain(one_line(error), "$error"))

    @on(Input.Submitted, "#save-folder")
    def action_elsewhere(self) -> None:
        """Save the whole game in the folder typed, and go on saving there."""
        try:
            path = self.autosave.relocate(self.game, self.query_one("#save-folder", Input).value)
        except SaveError as error:
            self._refused(error)
            return
        self.notify(f"Saving again, now in {path}", title="Save", markup=False)
        self.dismiss(None)

    def action_retry(self) -> None:
        try:
            self.autosave.retry(self.game)
        except SaveError as error:
            self._refused(error)
            return
        self.notify("Saving again: every move so far is saved.", title="Save", markup=False)
        self.dismiss(None)

    def action_unsaved(self) -> None:
        self.autosave.play_unsaved(self.game)
        self.dismiss(None)


__all__ = ["SaveFailedScreen", "UnlockSaveScreen"]
