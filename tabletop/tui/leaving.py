"""What the app leaves behind, said where the player can see it: the save when quitting, a screenshot's file.

Quitting (ctrl+q) during a game asks first, showing where the game is saved and the ``tabletop resume``
command that plays on; once the app has closed the same words are printed on the terminal
(:attr:`Leaving.farewell`). A screenshot from the command palette is written into the saves folder (the
folder of the game's own save when one is in play, else the current folder), never into a ``~/Downloads``
that a server does not have, and a notification names the file or says in one line why it could not be
written.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App, SystemCommand
from textual.content import Content
from textual.screen import Screen

from tabletop.text import one_line
from tabletop.tui.later import Later
from tabletop.tui.screens.dialogs import ConfirmScreen

if TYPE_CHECKING:
    from tabletop.tui.session import Session


def farewell(session: Session) -> str:
    """Where the game in play is saved and the command that plays on (or why it cannot be resumed)."""
    autosave = session.autosave
    path = autosave.path
    if path is None:
        return "This game was not saved: it cannot be resumed."
    command = f"tabletop resume {shlex.quote(str(path))}"
    if autosave.unsaved:
        return (f"This game was not saved after move {autosave.unsaved_since}: its save {path} stops there.\n"
                f"To play on from that move: {command}")
    if autosave.halted:
        return (f"Saving this game failed ({autosave.failed}): its save {path} may lack the last moves.\n"
                f"To play on from its last saved move: {command}")
    return f"The game is saved in {path}\nTo play on: {command}"


class QuitScreen(ConfirmScreen):
    """Quit the game in play? It says where the game is saved and how to play on; No is the default."""


class Leaving(App[None]):
    """The app's quit and screenshot, each telling the player where things went."""

    session: Session | None
    saves_dir: str | None
    farewell: str = ""
    """The words printed on the terminal after the app has closed ("" when there is nothing to say)."""

    async def action_quit(self) -> None:
        """Quit: straight away outside a game, else after showing where it is saved (ctrl+q again confirms)."""
        session = self.session
        if isinstance(self.screen, QuitScreen):
            self.screen.dismiss(True)
            return
        if session is None or session.game.is_over:
            self.exit()
            return
        words = farewell(session)
        question = Content.assemble(("Quit tabletop?", "bold"), "\n\n", words)

        def answered(yes: bool | None) -> None:
            if yes:
                self.farewell = words
                self.exit(message=Text(words))  # Text, not str: a path is data, never markup

        self.push_screen(QuitScreen(question, yes="Quit", no="Keep playing"), answered)

    # -- screenshots --------------------------------------------------------------------

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Textual's screenshot action, into the saves folder (see :meth:`take_screenshot`)."""
        self.take_screenshot()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands, with its Screenshot (into ~/Downloads) replaced by one into the saves folder."""
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot" and not self.is_web:
                yield SystemCommand("Screenshot", "Save an SVG picture of the screen in the saves folder",
                                    lambda: Later(self, 0.1, self.take_screenshot))
            else:
                yield command

    def screenshot_folder(self) -> Path:
        """The folder of the game's save when one is in play, else the saves folder, else the current folder."""
        from tabletop.saves.writer import saves_dir  # start-up: the save format loads after the first frame

        session = self.session
        if session is not None and session.autosave.path is not None:
            return session.autosave.path.parent
        try:
            return saves_dir(self.saves_dir)
        except Exception:  # the saves folder cannot be made: the current folder will do
            return Path.cwd()

    def take_screenshot(self) -> None:
        """Write the screen as SVG and say where, or say in one line why it could not be written."""
        folder = self.screenshot_folder()
        try:
            written = self.save_screenshot(path=str(folder))
        except OSError as error:
            self.notify(f"Could not save the screenshot in {folder}: {one_line(error.strerror or error)}",
                        title="Screenshot", severity="error", markup=False)
            return
        self.notify(f"Saved to {written}", title="Screenshot", markup=False, timeout=10)


__all__ = ["Leaving", "QuitScreen", "farewell"]
