"""Saved games on disk: an action log written as you play, loaded, verified and replayed.

A save is JSON Lines (one JSON object per line, see ``saves/README.md``): a
header that embeds the whole scenario, the seed and the seats, then one line
per action with the fingerprint of the state after it, and facilitator notes.
Each line is written, flushed and fsynced the moment its action is applied, so
a killed process loses nothing already played; a last line cut off by a crash
is dropped with a warning when the save is loaded (:mod:`tabletop.saves.format`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from tabletop import __version__
from tabletop.engine.game import Game
from tabletop.engine.model import SIDES, Side
from tabletop.saves.folder import (
    SaveError,
    SaveSummary,
    list_saves,
    safe_save_path,
    save_file_name,
    saves_dir,
    unique_path,
)
from tabletop.saves.format import FORMAT, VERSION, LoadedSave, Note, describe_action, game_notes, load_save, one_line


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _line(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def header_record(game: Game, forked_from: dict[str, Any] | None = None) -> dict[str, Any]:
    """The first line of a save of ``game``."""
    scenario = game.scenario
    record: dict[str, Any] = {
        "kind": "header", "format": FORMAT, "version": VERSION, "app": f"tabletop {__version__}",
        "created": _now(), "scenario_id": scenario.id, "title": scenario.title,
        "scenario_source": scenario.source, "seed": game.seed,
        "seats": {side.value: game.seats[side] for side in SIDES},
        "opening": game.history[0].fingerprint(), "scenario": scenario.text,
    }
    if forked_from is not None:
        record["forked_from"] = forked_from
    return record


def action_record(game: Game, n: int) -> dict[str, Any]:
    """The save line of the game's action number ``n`` (from 1)."""
    state = game.history[n]
    record = {"kind": "action", "n": n, "round": state.round, "action": game.actions[n - 1].to_dict(),
              "fingerprint": state.fingerprint()}
    if state.is_over:
        record["ended"] = True
    return record


def _records(game: Game, notes: Iterable[Note] = (), forked_from: dict[str, Any] | None = None) -> list[bytes]:
    if not game.scenario.text:
        raise SaveError(f"{game.scenario.source or game.scenario.id}: the scenario has no text to embed in a save")
    by_moment: dict[int, list[Note]] = {}
    for note in notes:
        by_moment.setdefault(note.at, []).append(note)
    out = [_line(header_record(game, forked_from))]
    out += [_line(note.to_record()) for note in by_moment.get(0, [])]
    for n in range(1, len(game.actions) + 1):
        out.append(_line(action_record(game, n)))
        out += [_line(note.to_record()) for note in by_moment.get(n, [])]
    return out


class SaveWriter:
    """Appends a game to its save as it is played: each line flushed and fsynced at once."""

    def __init__(self, path: Path, handle: Any, count: int) -> None:
        self.path = path
        self._handle = handle
        self.count = count

    @classmethod
    def create(cls, game: Game, folder: Path | str, *, name: str | None = None, notes: Iterable[Note] = (),
               forked_from: dict[str, Any] | None = None) -> SaveWriter:
        """Start a new save in ``folder`` (created when missing) with a readable name.

        ``name``, if given, is a name typed by the user: it must stay inside ``folder``.
        The header and any actions already applied are written at once.
        """
        lines = _records(game, notes, forked_from)
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SaveError(f"{folder}: cannot create the saves folder ({one_line(error.strerror or error)})") from None
        if name is not None:
            path = safe_save_path(name, folder)
            if path.exists():
                raise SaveError(f"{path}: a save with this name already exists")
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            path = unique_path(folder / save_file_name(game.scenario.id, game.seats, fork=forked_from is not None))
        try:
            handle = open(path, "xb")  # noqa: SIM115 - kept open for the whole game
        except OSError as error:
            raise SaveError(f"{path}: cannot create the save ({one_line(error.strerror or error)})") from None
        writer = cls(path, handle, len(game.actions))
        writer._write(lines)
        return writer

    @classmethod
    def resume(cls, loaded: LoadedSave) -> SaveWriter:
        """Reopen a loaded save to go on appending (a cut-off last line is removed first)."""
        path = loaded.path
        try:
            if path.stat().st_size != loaded.size:
                raise SaveError(f"{path}: the save changed on disk since it was loaded; open it again")
            handle = open(path, "r+b")  # noqa: SIM115 - kept open for the whole game
            handle.truncate(loaded.good_bytes)
            if loaded.good_bytes:
                handle.seek(loaded.good_bytes - 1)
                last = handle.read(1)
                handle.seek(loaded.good_bytes)
                if last != b"\n":
                    handle.write(b"\n")
        except OSError as error:
            raise SaveError(f"{path}: cannot reopen the save ({one_line(error.strerror or error)})") from None
        return cls(path, handle, len(loaded.actions))

    def append(self, game: Game) -> None:
        """Write every action of ``game`` not yet in the save (normally its last one)."""
        total = len(game.actions)
        if total < self.count:
            raise ValueError(f"the game has {total} actions but its save already holds {self.count}")
        if total > self.count:
            self._write([_line(action_record(game, n)) for n in range(self.count + 1, total + 1)])
            self.count = total

    def note(self, game: Game, text: str, objective: str | None = None) -> Note:
        """Attach a facilitator note to the current moment of ``game``."""
        self.append(game)
        note = Note(len(game.actions), game.state.round, text, objective, _now())
        self._write([_line(note.to_record())])
        return note

    def _write(self, lines: list[bytes]) -> None:
        try:
            self._handle.write(b"".join(lines))
            self._handle.flush()
            os.fsync(self._handle.fileno())
        except OSError as error:
            raise SaveError(f"{self.path}: cannot write the save ({one_line(error.strerror or error)})") from None

    def close(self) -> None:
        if not self._handle.closed:
            self._handle.close()

    @property
    def closed(self) -> bool:
        return self._handle.closed

    def __enter__(self) -> SaveWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def append_note(loaded: LoadedSave, at: int, text: str, objective: str | None = None) -> Note:
    """Attach a note to moment ``at`` of a saved game (annotating a replay); the game itself is unchanged."""
    if not 0 <= at <= len(loaded.actions):
        raise SaveError(f"{loaded.name}: there is no moment {at} (the save has {len(loaded.actions)} actions)")
    if not text.strip():
        raise SaveError("a note needs some text")
    rnd = (loaded.rounds[at - 1] if at else None) or 1
    note = Note(at, rnd, text, objective, _now())
    with SaveWriter.resume(loaded) as writer:
        writer._write([_line(note.to_record())])
    loaded.good_bytes = loaded.size = writer.path.stat().st_size
    loaded.notes.append(note)
    return note


def write_game(game: Game, path: Path | str, notes: Iterable[Note] = ()) -> None:
    """Write the whole save of ``game`` to ``path`` (used as given; replaced atomically if it exists)."""
    target = Path(path)
    lines = _records(game, notes)
    if target.is_dir():
        raise SaveError(f"{path}: is a directory, expected a file name for the save")
    if not target.parent.is_dir():
        raise SaveError(f"{path}: the folder {str(target.parent)!r} does not exist")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(b"".join(lines))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise SaveError(f"{path}: cannot write the save ({one_line(error.strerror or error)})") from None


def fork(loaded: LoadedSave, at: int, seats: dict[Side, str], folder: Path | str,
         name: str | None = None) -> tuple[Game, SaveWriter]:
    """Play on from moment ``at`` of a save: a new save (a what-if) with new seats.

    Returns the game at that moment and the writer of its new save.
    """
    if not 0 <= at <= len(loaded.actions):
        raise SaveError(f"{loaded.name}: there is no moment {at} (the save has {len(loaded.actions)} actions)")
    game = Game.replay(loaded.scenario, loaded.seed, loaded.actions[:at], seats)
    if game.is_over:
        raise SaveError(f"{loaded.name}: the game is over at action {at}; play on from an earlier moment")
    notes = [note for note in loaded.notes if note.at <= at]
    writer = SaveWriter.create(game, folder, name=name, notes=notes,
                               forked_from={"file": loaded.path.name, "at": at})
    return game, writer


__all__ = [
    "FORMAT", "VERSION", "LoadedSave", "Note", "SaveError", "SaveSummary", "SaveWriter", "describe_action", "fork",
    "append_note", "game_notes",
    "list_saves", "load_save", "safe_save_path", "saves_dir", "write_game",
]
