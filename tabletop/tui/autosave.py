"""The autosave of a game played in the interface, written through :mod:`tabletop.saves.writer`.

A small adapter: the interface asks it to start a save and to append each
action as it is applied. Saving must never stop a game, so a failure is kept
as a message for the player and saving stops there.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from tabletop.engine.game import Game

if TYPE_CHECKING:
    from tabletop.saves.writer import SaveWriter


class Autosave:
    """Appends every action of one game to its save file, flushed as it happens."""

    def __init__(self, writer: SaveWriter | None = None, problem: str = "") -> None:
        self.writer = writer
        self.problem = problem

    @classmethod
    def start(cls, game: Game, folder: str | None) -> Autosave:
        """Create the save file for ``game`` in the saves folder (``folder`` overrides the default)."""
        # Imported here, not at the top: the save format and its signing take about 60 ms to import, and a
        # new game's save starts just after the first frame (see TabletopApp.start_game), off the start-up path.
        from tabletop.saves import writer as saves

        try:
            writer = saves.SaveWriter.create(game, saves.saves_dir(folder))
        except Exception as error:  # a save problem must never stop the game
            return cls(None, f"this game is not being saved: {error}")
        return cls(writer)

    @classmethod
    def resume(cls, writer: SaveWriter) -> Autosave:
        """Keep appending to a save that was opened elsewhere (resuming a saved game)."""
        return cls(writer)

    @property
    def path(self) -> Path | None:
        return self.writer.path if self.writer is not None else None

    def append(self, game: Game) -> None:
        """Write the game's last action; on failure keep the reason and stop saving."""
        if self.writer is None:
            return
        try:
            self.writer.append(game)
        except Exception as error:  # a save problem must never stop the game
            self.writer = None
            self.problem = f"saving stopped: {error}"

    def note(self, game: Game, text: str) -> None:
        if self.writer is not None:
            try:
                self.writer.note(game, text)
            except Exception as error:
                self.writer = None
                self.problem = f"saving stopped: {error}"

    def close(self) -> None:
        """The game is over (or abandoned): close the save file."""
        if self.writer is not None:
            with contextlib.suppress(OSError):
                self.writer.close()
