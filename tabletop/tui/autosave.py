"""The autosave of a game played in the interface, written through :mod:`tabletop.saves.writer`.

The interface asks it to start a save and to append each action as it is
applied. When a write fails (a full disk, a read-only or removed folder) the
autosave is *halted*: nothing already played is lost (the actions not yet
written stay in the game), and the session refuses further moves until the
player chooses one of :meth:`Autosave.relocate` (save elsewhere),
:meth:`Autosave.retry` or :meth:`Autosave.play_unsaved`; the last is marked on
the status line for the rest of the game (:meth:`Autosave.status_line`).

The save format is imported where it is first used, not at the top: it and its
signing take about 60 ms to import, and a new game's save starts just after the
first frame (see ``TabletopApp.start_game``), off the start-up path.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from tabletop.engine.game import Game, IllegalAction
from tabletop.text import one_line

if TYPE_CHECKING:
    from tabletop.saves.writer import SaveKey, SaveWriter


class SavingHalted(IllegalAction):
    """A move refused because saving failed and the player has not yet chosen what to do about it.

    An :class:`IllegalAction` on purpose: every place that hands a move to the game (the table, the
    console, the round timer) already turns a refused move into a one-line notice, never a crash.
    """


class Autosave:
    """Appends every action of one game to its save file, flushed as it happens; halts when a write fails."""

    def __init__(self, writer: SaveWriter | None = None, failed: str = "", *, folder: str | None = None,
                 key: SaveKey | None = None, passphrase: str | None = None, signed: bool = False,
                 show_opponent: bool = False) -> None:
        self.writer = writer
        self.failed = failed
        """Why saving failed, in one line ("" while saving works or once the player has chosen)."""
        self.unsaved_since: int | None = None
        """The number of actions saved when the player chose to play on unsaved (None: still saving)."""
        self._folder = folder
        self._key = key
        self._passphrase = passphrase
        self._signed = signed  # a facilitated game: every save of it is signed
        self._show_opponent = show_opponent  # recorded in the save's header, so resuming keeps it

    @classmethod
    def start(cls, game: Game, folder: str | None, *, facilitated: bool = False,
              passphrase: str | None = None, show_opponent: bool = False) -> Autosave:
        """Create the save file for ``game`` in the saves folder (``folder`` overrides the default).

        A facilitated game is signed with the key :func:`~tabletop.saves.writer.facilitator_key` derives
        from its passphrase (or the class key file). If the save cannot be created the autosave is halted.
        """
        autosave = cls(folder=folder, passphrase=passphrase, signed=facilitated, show_opponent=show_opponent)
        from tabletop.saves import writer as saves

        try:
            autosave.writer = autosave._create(game, saves.saves_dir(folder))
        except Exception as error:  # a save problem must never stop the program: the player chooses
            autosave.failed = one_line(error)
        return autosave

    @classmethod
    def resume(cls, writer: SaveWriter) -> Autosave:
        """Keep appending to a save that was opened elsewhere (resuming a saved game)."""
        return cls(writer, key=writer.key, signed=writer.key is not None,
                   show_opponent=writer.header.get("show_opponent") is True)

    def _create(self, game: Game, folder: Path) -> SaveWriter:
        from tabletop.saves import writer as saves

        if self._signed and self._key is None:
            self._key = saves.facilitator_key(self._passphrase or None)
        return saves.SaveWriter.create(game, folder, key=self._key, show_opponent=self._show_opponent)

    # -- where saving stands ----------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self.writer.path if self.writer is not None else None

    @property
    def show_opponent(self) -> bool:
        """Whether this game's save records that the players see the computer opponent's style."""
        return self._show_opponent

    @property
    def halted(self) -> bool:
        """Saving failed and the player has not chosen yet: the game takes no move until they do."""
        return bool(self.failed)

    @property
    def unsaved(self) -> bool:
        """The player chose to play on without saving."""
        return self.unsaved_since is not None

    def status_line(self) -> str:
        """One line for the status line: why the moves wait, that the game is no longer saved, or ""."""
        if self.halted:
            return f"SAVING FAILED, moves wait for your choice: {self.failed}"
        if self.unsaved_since is not None:
            return f"NOT SAVED: playing on unsaved since move {self.unsaved_since}"
        return ""

    # -- writing ----------------------------------------------------------------------

    def append(self, game: Game) -> None:
        """Write the actions of ``game`` not yet saved; on failure keep the reason and halt."""
        if self.writer is None or self.halted:
            return
        try:
            self.writer.append(game)
        except Exception as error:  # a save problem must never crash the game: it halts it
            self.failed = one_line(self.writer.failed or error)

    # -- the player's choices after a failure -----------------------------------------

    def retry(self, game: Game) -> None:
        """Write again what the failed write left out (:class:`SaveError` if it fails again)."""
        from tabletop.saves import writer as saves

        try:
            if self.writer is None:
                self.writer = self._create(game, saves.saves_dir(self._folder))
            else:
                self.writer.retry(game)
        except saves.SaveError as error:
            self.failed = one_line((self.writer.failed if self.writer is not None else None) or error)
            raise
        self.failed = ""

    def relocate(self, game: Game, folder: str) -> Path:
        """Save the whole game in ``folder`` (typed by the player; created if missing) and go on there.

        Raises :class:`SaveError` (one line) if that folder will not do; the game stays halted.
        """
        from tabletop.saves import writer as saves

        typed = folder.strip()
        if not typed:
            raise saves.SaveError("type the folder to save the game in")
        target = saves.saves_dir(Path(typed).expanduser())
        if self.writer is None:
            self.writer = self._create(game, target)
        else:
            self.writer = self.writer.relocate(game, target)
        self._folder = str(target)
        self.failed = ""
        return self.writer.path

    def play_unsaved(self, game: Game) -> None:
        """Play on without saving (the save on disk keeps every move written before the failure)."""
        self.unsaved_since = self.writer.count if self.writer is not None else 0
        self.close()
        self.writer = None
        self.failed = ""

    def close(self) -> None:
        """The game is over (or abandoned): close the save file."""
        if self.writer is not None:
            with contextlib.suppress(OSError):
                self.writer.close()


__all__ = ["Autosave", "SavingHalted"]
