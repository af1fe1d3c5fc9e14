"""Saved games on disk: an action log written as you play, loaded, verified and replayed.

A save is JSON Lines (one JSON object per line, see ``saves/README.md``): a
header that embeds the whole scenario, the seed and the seats, then one line
per action with the fingerprint of the state after it, and facilitator notes;
every line ends with a hash that chains it to the line before (and, in a signed
save, the class's signature of that hash). Each line is written, flushed and
fsynced the moment its action is applied, so a killed process loses nothing
already played. While a game is played its save is locked: a second writer gets
:class:`SaveInUse`. A write that fails leaves the writer *failed* (it says why in
one line) and the file as it was before that write.

What an interface calls:

- ``SaveWriter.create(game, folder, key=...)`` for a new game (``key`` from
  :meth:`SaveKey.from_passphrase` for a facilitated game), ``SaveWriter.resume(loaded, key=...)``
  to go on (``loaded.unlock(passphrase)`` gives the key of a signed save);
- ``writer.append(game)`` after every action; it raises :class:`SaveWriteFailed` and then
  ``writer.failed`` holds the reason until ``writer.retry(game)`` or
  ``writer.relocate(game, folder)`` succeeds, or the player chooses to play on unsaved
  (``writer.close()``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.saves.appending import SaveWriter, WriterState, check_not_in_play
from tabletop.saves.chain import GENESIS, seal
from tabletop.saves.folder import (
    PassphraseNeeded,
    SaveError,
    SaveInUse,
    SaveSummary,
    SaveWriteFailed,
    WrongPassphrase,
    list_saves,
    safe_save_path,
    saves_dir,
)
from tabletop.saves.format import FORMAT, VERSION, LoadedSave, Note, describe_action, game_notes, load_save
from tabletop.saves.locks import is_locked
from tabletop.saves.records import action_record, header_record, now, save_records
from tabletop.saves.signing import ClassSecret, SaveKey, SignatureCheck, create_key_file, facilitator_key
from tabletop.text import one_line, shown_path


def append_note(loaded: LoadedSave, at: int, text: str, objective: str | None = None,
                key: SaveKey | None = None) -> Note:
    """Attach a note to moment ``at`` of a saved game (annotating a replay); the game itself is unchanged.

    A signed save needs its ``key``; a save in play elsewhere raises :class:`SaveInUse`.
    """
    if not 0 <= at <= len(loaded.actions):
        raise SaveError(f"{loaded.name}: there is no moment {at} (the save has {len(loaded.actions)} actions)")
    if not text.strip():
        raise SaveError("a note needs some text")
    rnd = (loaded.rounds[at - 1] if at else None) or 1
    note = Note(at, rnd, text, objective, now())
    with SaveWriter.resume(loaded, key) as writer:
        writer.add_note(note)
        loaded.chain_head = writer.chain_head
    loaded.good_bytes = loaded.size = writer.path.stat().st_size
    loaded.notes.append(note)
    return note


def write_game(game: Game, path: Path | str, notes: Iterable[Note] = (), key: SaveKey | None = None) -> None:
    """Write the whole save of ``game`` to ``path`` (used as given; replaced atomically if it exists)."""
    target = Path(path)
    shown = shown_path(path)
    chain, out = GENESIS, []
    for record in save_records(game, notes, header_record(game, key=key)):
        line, chain = seal(record, chain, key)
        out.append(line)
    if target.is_dir():
        raise SaveError(f"{shown}: is a directory, expected a file name for the save")
    if not target.parent.is_dir():
        raise SaveError(f"{shown}: the folder {shown_path(target.parent)!r} does not exist")
    if is_locked(target):
        raise SaveInUse(f"{shown}: is in play in another window or process; choose another file name")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(b"".join(out))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise SaveError(f"{shown}: cannot write the save ({one_line(error.strerror or error)})") from None


def fork(loaded: LoadedSave, at: int, seats: dict[Side, str], folder: Path | str,
         name: str | None = None, key: SaveKey | None = None) -> tuple[Game, SaveWriter]:
    """Play on from moment ``at`` of a save: a new save (a what-if) with new seats.

    Returns the game at that moment and the writer of its new save (signed with ``key`` if given).
    """
    if not 0 <= at <= len(loaded.actions):
        raise SaveError(f"{loaded.name}: there is no moment {at} (the save has {len(loaded.actions)} actions)")
    game = Game.replay(loaded.scenario, loaded.seed, loaded.actions[:at], seats)
    if game.is_over:
        raise SaveError(f"{loaded.name}: the game is over at action {at}; play on from an earlier moment")
    notes = [note for note in loaded.notes if note.at <= at]
    writer = SaveWriter.create(game, folder, name=name, notes=notes, key=key,
                               forked_from={"file": loaded.path.name, "at": at},
                               show_opponent=loaded.header.get("show_opponent") is True)
    return game, writer


__all__ = [
    "FORMAT", "VERSION", "ClassSecret", "LoadedSave", "Note", "PassphraseNeeded", "SaveError", "SaveInUse",
    "SaveKey", "SaveSummary", "SaveWriteFailed", "SaveWriter", "SignatureCheck", "WriterState", "WrongPassphrase",
    "action_record", "append_note", "check_not_in_play", "create_key_file", "describe_action", "facilitator_key", "fork", "game_notes",
    "header_record", "is_locked", "list_saves", "load_save", "safe_save_path", "saves_dir", "write_game",
]
