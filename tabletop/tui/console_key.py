"""The facilitator console's key (F9 or ctrl+f) in the app: open it over a facilitated game, or close it.

The console is the facilitator's (the white cell's) screen: the key works only while a facilitated game is in
play, asks for the passphrase first when one was set, and falls through to a text field when it does
nothing (so ctrl+f still edits text on the facilitator's own screens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from tabletop.tui.leaving import Leaving
from tabletop.tui.screens.passphrase import FacilitatorOnly, PassphraseScreen

if TYPE_CHECKING:
    from tabletop.tui.session import Session


class FacilitatorConsoleKey(Leaving):
    """The app's side of the facilitator console: when its key works, and opening or closing it."""

    _console: Screen[None] | None = None

    def _console_available(self) -> bool:
        """The console key works while a facilitated game is in play (not over)."""
        session = self.session
        return session is not None and session.classroom is not None and not session.game.is_over

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "console":
            # When the key does nothing it falls through: ctrl+f then edits the text field it was typed in. The
            # only text fields while a game is in play are on the facilitator's own screens.
            screen = self.screen
            if screen is self._console:
                return True
            if isinstance(screen, FacilitatorOnly):
                return False
            return self._console_available()
        return True

    def action_console(self) -> None:
        """Open the facilitator console of a facilitated game (asking for the passphrase first, if any), or close it."""
        if self._console is not None and self.screen is self._console:
            self._console.dismiss(None)
            self.clear_notifications()  # the console's messages stay with the facilitator
            return
        session = self.session
        if isinstance(self.screen, FacilitatorOnly) or session is None or session.classroom is None \
                or not self._console_available():
            return
        classroom = session.classroom
        if not classroom.passphrase:
            self._open_console(session)
            return

        def tried(attempt: str | None) -> None:
            if attempt is None:
                return
            if classroom.unlocks(attempt):
                self._open_console(session)
            else:
                self.notify("Wrong passphrase.", severity="error")

        self.push_screen(PassphraseScreen(), tried)

    def _open_console(self, session: Session) -> None:
        from tabletop.tui.screens.console import ConsoleScreen  # start-up: see the module's docstring

        def closed(_: None) -> None:
            self._console = None

        self._console = ConsoleScreen(session)
        self.push_screen(self._console, closed)


__all__ = ["FacilitatorConsoleKey"]
