"""The writer that appends a game to its save as it is played: locked, chained, signed, and failing safely.

Each line is written (all of it, even when the disk takes it in parts), fsynced, and only
then counted; a write that fails cuts off whatever part of a line it left, so the save on disk
always ends with a complete line. The writer then stays *failed* (``failed`` says why, in one
line) until the interface retries, moves the game to another folder, or gives up saving.
"""

from __future__ import annotations

import contextlib
import enum
import os
from collections.abc import Iterable
from io import FileIO
from pathlib import Path
from typing import Any

from tabletop.engine.game import Game
from tabletop.saves.chain import GENESIS, dump, seal
from tabletop.saves.folder import (
    PassphraseNeeded,
    SaveError,
    SaveInUse,
    SaveWriteFailed,
    WrongPassphrase,
    safe_save_path,
    save_file_name,
)
from tabletop.saves.format import LoadedSave
from tabletop.saves.locks import claim, create_exclusive, is_locked, lock
from tabletop.saves.records import Note, action_record, header_record, now, save_records
from tabletop.saves.signing import SaveKey, check_key_outside
from tabletop.text import message, one_line, shown_path


def in_play(path: Path | str) -> SaveInUse:
    """The error for a save another window or process is playing (its lock is held)."""
    shown = shown_path(path)
    return SaveInUse(f"{shown}: is in play in another window or process; it can only be opened read-only, "
                     "in the replay viewer ('tabletop replay')")


def check_not_in_play(path: Path | str) -> None:
    """Raise :class:`SaveInUse` if a game is being played on this save now (ask before asking for anything)."""
    if is_locked(path):
        raise in_play(path)


class WriterState(enum.Enum):
    """Where a writer stands: writing, failed (moves should wait for the player's choice), or closed."""

    OPEN = "open"
    FAILED = "failed"
    CLOSED = "closed"


class SaveWriter:
    """Appends a game to its save as it is played: each line chained, flushed and fsynced at once; locked."""

    def __init__(self, path: Path, handle: FileIO, count: int, *, chain: str | None, key: SaveKey | None,
                 header: dict[str, Any], notes: Iterable[Note] = (), written: int = 0) -> None:
        self.path = path
        self._handle = handle
        self.count = count
        self.key = key
        self.header = header
        self.notes: list[Note] = list(notes)
        self.failed: str | None = None
        """Why the last write failed (one line), or None: while set, nothing more is written."""
        self._chain = chain  # None: a version 1 save, lines are written without a chain
        self._written = written  # bytes known to be on disk

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def create(cls, game: Game, folder: Path | str, *, name: str | None = None, notes: Iterable[Note] = (),
               forked_from: dict[str, Any] | None = None, key: SaveKey | None = None,
               created: str | None = None, show_opponent: bool = False) -> SaveWriter:
        """Start a new save in ``folder`` (created when missing) with a readable name, and lock it.

        ``name``, if given, is a name typed by the user: it must stay inside ``folder`` and be free.
        Otherwise the name is made from the scenario, the time and the seats, and claimed atomically
        (``-2``, ``-3``... when taken, even by a game started the same second). The header and any
        actions already applied are written at once. ``key`` signs every line (a facilitated game).
        ``show_opponent``: the players see the computer opponent's style (recorded, so resuming keeps it).
        """
        notes = list(notes)
        header = header_record(game, forked_from, key, created, show_opponent)
        records = save_records(game, notes, header)
        folder = Path(folder)
        check_key_outside(key, folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SaveError(message(folder, f"cannot create the saves folder ({error.strerror or error})")) from None
        try:
            if name is not None:
                path = safe_save_path(name, folder)
                path.parent.mkdir(parents=True, exist_ok=True)
                try:
                    fd = create_exclusive(path)
                except FileExistsError:
                    raise SaveError(message(path, "a save with this name already exists")) from None
            else:
                path, fd = claim(folder / save_file_name(game.scenario.id, game.seats, fork=forked_from is not None,
                                                         show_opponent=show_opponent))
        except OSError as error:
            raise SaveError(message(folder, f"cannot create a save here ({error.strerror or error})")) from None
        writer = cls(path, os.fdopen(fd, "r+b", buffering=0), len(game.actions), chain=GENESIS, key=key, header=header,
                     notes=notes)
        try:
            writer._write(records)
        except SaveWriteFailed:
            writer.close()
            path.unlink(missing_ok=True)
            raise
        return writer

    @classmethod
    def resume(cls, loaded: LoadedSave, key: SaveKey | None = None) -> SaveWriter:
        """Reopen a loaded save to go on appending; locks it first (:class:`SaveInUse` if it is in play).

        Bytes after its last complete line (cut off by a crash) are removed first. A signed save
        needs its ``key`` (``loaded.unlock(passphrase)``): :class:`PassphraseNeeded` without it,
        :class:`WrongPassphrase` if it is another.
        """
        path = loaded.path
        if loaded.signing is not None:
            if key is None:
                raise PassphraseNeeded(f"{loaded.name}: is a signed classroom game: its facilitator's passphrase "
                                       "is needed to go on")
            if key.key_id != loaded.signing.get("key_id"):
                raise WrongPassphrase(f"{loaded.name}: that is not the passphrase this game was signed with")
            bad = next((seal.line for seal in loaded.seals if not key.signs(seal.chain, seal.sig)), None)
            if bad is not None:  # going on would sign a game someone changed
                raise SaveError(f"{loaded.name}: signature does not match (line {bad}): the save was changed "
                                "after it was signed; it can only be replayed")
        try:
            handle = open(path, "r+b", buffering=0)  # noqa: SIM115 - kept open for the whole game
        except OSError as error:
            raise SaveError(f"{loaded.name}: cannot reopen the save ({one_line(error.strerror or error)})") from None
        try:
            if not lock(handle.fileno()):
                raise in_play(loaded.path)
            if os.fstat(handle.fileno()).st_size != loaded.size:
                raise SaveError(f"{loaded.name}: the save changed on disk since it was loaded; open it again")
            handle.truncate(loaded.good_bytes)
            handle.seek(loaded.good_bytes)
            if loaded.good_bytes:
                handle.seek(loaded.good_bytes - 1)
                if handle.read(1) != b"\n":
                    handle.write(b"\n")
                    handle.flush()
        except OSError as error:
            handle.close()
            raise SaveError(f"{loaded.name}: cannot reopen the save ({one_line(error.strerror or error)})") from None
        except SaveError:
            handle.close()
            raise
        chain = loaded.chain_head if loaded.version >= 2 else None
        return cls(path, handle, len(loaded.actions), chain=chain, key=key, header=dict(loaded.header),
                   notes=loaded.notes, written=handle.tell())

    # -- writing -------------------------------------------------------------------------------

    @property
    def state(self) -> WriterState:
        if self._handle.closed:
            return WriterState.CLOSED
        return WriterState.FAILED if self.failed else WriterState.OPEN

    def append(self, game: Game) -> None:
        """Write every action of ``game`` not yet in the save (normally its last one).

        Raises :class:`SaveWriteFailed` if the writer has failed (now or before); nothing written
        before is lost, and the actions not written stay in ``game`` for :meth:`retry` or :meth:`relocate`.
        """
        total = len(game.actions)
        if total < self.count:
            raise ValueError(f"the game has {total} actions but its save already holds {self.count}")
        if total > self.count:
            self._write([action_record(game, n) for n in range(self.count + 1, total + 1)])
            self.count = total

    def note(self, game: Game, text: str, objective: str | None = None) -> Note:
        """Attach a facilitator note to the current moment of ``game``."""
        self.append(game)
        return self.add_note(Note(len(game.actions), game.state.round, text, objective, now()))

    def add_note(self, note: Note) -> Note:
        """Write a note line (attached to ``note.at``, which must not be after the actions saved)."""
        if not 0 <= note.at <= self.count:
            raise ValueError(f"a note at moment {note.at}, but the save holds {self.count} actions")
        self._write([note.to_record()])
        self.notes.append(note)
        return note

    @property
    def chain_head(self) -> str | None:
        """The chain value of the last line written (None for a version 1 save)."""
        return self._chain

    def retry(self, game: Game) -> None:
        """Try again to write what a failed write left out (after space was freed, say)."""
        if self.state is WriterState.CLOSED:
            raise SaveWriteFailed(f"{shown_path(self.path)}: the save is closed")
        self.failed = None
        self.append(game)

    def relocate(self, game: Game, folder: Path | str, name: str | None = None) -> SaveWriter:
        """Save the whole game (notes included) as a new save in ``folder``; this writer is closed.

        What a player chooses after a failed write: the returned writer goes on, signed with the same key.
        """
        fork = self.header.get("forked_from")
        new = SaveWriter.create(game, folder, name=name, notes=self.notes, key=self.key,
                                forked_from=fork if isinstance(fork, dict) else None,
                                created=self.header.get("created"),
                                show_opponent=self.header.get("show_opponent") is True)
        self.close()
        return new

    def _lines(self, records: list[dict[str, Any]]) -> tuple[bytes, str | None]:
        chain, out = self._chain, []
        for record in records:
            if chain is None:
                out.append(dump(record) + b"\n")
            else:
                line, chain = seal(record, chain, self.key)
                out.append(line)
        return b"".join(out), chain

    def _write(self, records: list[dict[str, Any]]) -> None:
        if self.failed:
            raise SaveWriteFailed(f"{shown_path(self.path)}: saving failed earlier ({self.failed})")
        if self._handle.closed:
            raise SaveWriteFailed(f"{shown_path(self.path)}: the save is closed")
        data, chain = self._lines(records)
        fd = self._handle.fileno()
        try:
            done = 0
            while done < len(data):  # a write may be partial (a nearly full disk): go on until it fails
                done += os.pwrite(fd, data[done:], self._written + done)
            os.fsync(fd)
            if os.fstat(fd).st_nlink == 0:
                raise OSError(0, "the save file was removed (was its folder deleted or moved?)")
        except (OSError, ValueError) as error:
            reason = one_line(getattr(error, "strerror", None) or error, 120)
            self._fail(reason)
            raise SaveWriteFailed(f"{shown_path(self.path)}: saving failed ({reason}); "
                                  "the game so far is kept up to the last move saved") from None
        self._written += len(data)
        self._chain = chain

    def _fail(self, reason: str) -> None:
        """Enter the failed state and cut off any part of a line the failed write left behind."""
        self.failed = reason
        with contextlib.suppress(OSError, ValueError):
            os.ftruncate(self._handle.fileno(), self._written)  # needs no space: nothing written before is lost
            os.fsync(self._handle.fileno())

    def close(self) -> None:
        if not self._handle.closed:
            with contextlib.suppress(OSError):  # an unbuffered file: what was written is already fsynced
                self._handle.close()

    @property
    def closed(self) -> bool:
        return self._handle.closed

    def __enter__(self) -> SaveWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["SaveWriter", "WriterState", "check_not_in_play", "in_play"]
