"""The door to the facilitator console: the passphrase dialog, and the mark of the white cell's own screens."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tabletop.tui.text import plain


class FacilitatorOnly:
    """Marker for the screens only the facilitator sees (the console key does not open the console over them)."""


class PassphraseScreen(FacilitatorOnly, ModalScreen[str | None]):
    """Asks for the console's passphrase; Escape cancels.

    Anyone can press the console key, so the round clock keeps running while this asks.
    """

    CSS_PATH = "classroom.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(plain("Facilitator console", "bold"), classes="dialog-title")
            yield Static(plain("Type the passphrase set at the start, then Enter."))
            yield Input(password=True, id="passphrase", placeholder="passphrase")
            yield Static(plain("Enter open · Esc cancel", "dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    @on(Input.Submitted, "#passphrase")
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["FacilitatorOnly", "PassphraseScreen"]
