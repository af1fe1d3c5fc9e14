"""What the networked apps show before a table: the wait for the host, the join code; and the host's messages.

:class:`HostSaid` carries each message from the class host (and each change of
the connection) into the app's message queue, for the seat's app and the
facilitator's dashboard alike.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input, Static

from tabletop.tui.text import plain


class HostSaid(Message):
    """A message from the class host (or a change of the connection: ``{"type": "status"}``)."""

    def __init__(self, message: dict[str, Any]) -> None:
        super().__init__()
        self.message = message


class WaitingScreen(Screen[None]):
    """Shown while the app reaches the host."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(), Vertical(id="title-box"):
            yield Static(plain(self.text), id="waiting-text")
        yield Footer()


class CodeScreen(ModalScreen[str | None]):
    """Asks for the seat's join code (as printed: ``7Q2MX-K9D4T``); Escape leaves."""

    BINDINGS = [Binding("escape", "cancel", "Leave")]

    def __init__(self, where: str, problem: str = "") -> None:
        super().__init__(classes="dialog")
        self.where = where
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(plain("Join your table", "bold"), classes="dialog-title")
            yield Static(Content.assemble("Class host: ", plain(self.where, "bold")))
            yield Static(plain("Type your team's join code (ten letters and digits), then Enter."))
            yield Input(id="code", placeholder="XXXXX-XXXXX", max_length=40)
            if self.problem:
                yield Static(plain(self.problem, "bold $error"), id="code-problem")
            yield Static(plain("Enter join · Esc leave", "dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    @on(Input.Submitted, "#code")
    def submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["CodeScreen", "HostSaid", "WaitingScreen"]
