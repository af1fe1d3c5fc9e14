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
from tabletop.saves.hidden import hides
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


def fork_key(loaded: LoadedSave, secret: ClassSecret) -> SaveKey | None:
    """The key to sign a what-if forked from ``loaded`` the way its original is signed (None: it is unsigned).

    :class:`PassphraseNeeded` when ``secret`` does not give the key, :class:`WrongPassphrase` when it gives
    another one, :class:`SaveError` when the original's signature does not match (signing its fork would vouch
    for a game changed after its facilitator signed it).
    """
    key = loaded.unlock(secret.passphrase, secret.key_file)
    if key is not None:
        bad = next((seal.line for seal in loaded.seals if not key.signs(seal.chain, seal.sig)), None)
        if bad is not None:
            raise SaveError(f"{loaded.name}: signature does not match (line {bad}): the save was changed after it "
                            "was signed")
    return key


REWRITE_SUFFIX = ".rewrite.jsonl"
"""The save written again beside itself, before it replaces the save (see :func:`rewrite`)."""


def rewrite(writer: SaveWriter, game: Game, *, show_opponent: bool | None = None,
            suffix: str = REWRITE_SUFFIX) -> SaveWriter:
    """Write the whole save of ``game`` again with a new header: its seats as they are now, and the trainer's
    choice ``show_opponent`` (None: as it was). The new save is written beside the old one (named with
    ``suffix``), chained and signed with the same key, synced, then put in its place in one rename, so a crash
    leaves one whole save or the other. Its start time, notes and what-if origin are kept. Returns the new
    writer; the old one is closed. On failure (:class:`SaveError`) the old save and writer are as they were.
    """
    header = writer.header
    shown = header.get("show_opponent") is True if show_opponent is None else show_opponent
    origin = header.get("forked_from")
    created = header.get("created")
    new = SaveWriter.create(game, writer.path.parent, name=writer.path.name.removesuffix(".jsonl") + suffix,
                            notes=writer.notes, key=writer.key, created=created if isinstance(created, str) else None,
                            forked_from=origin if isinstance(origin, dict) else None, show_opponent=shown)
    try:
        os.replace(new.path, writer.path)
    except OSError as error:
        new.close()
        new.path.unlink(missing_ok=True)
        raise SaveError(f"{shown_path(writer.path)}: cannot be replaced ({error.strerror or error})") from None
    new.path = writer.path
    writer.close()
    return new


def reveal_opponent(writer: SaveWriter, game: Game) -> SaveWriter:
    """The trainer shows the players the computer's style from now on (``tabletop resume --show-opponent``).

    The choice is recorded in the save's header (written again, see :func:`rewrite`), so the list of saves,
    a later resume and a save moved elsewhere keep it. Nothing is written when there is nothing to show (two
    people, two computers) or when the header already says so.
    """
    if writer.header.get("show_opponent") is True or not hides({s.value: p for s, p in game.seats.items()}, False):
        return writer
    return rewrite(writer, game, show_opponent=True)


__all__ = [
    "FORMAT", "VERSION", "ClassSecret", "LoadedSave", "Note", "PassphraseNeeded", "SaveError", "SaveInUse",
    "SaveKey", "SaveSummary", "SaveWriteFailed", "SaveWriter", "SignatureCheck", "WriterState", "WrongPassphrase",
    "action_record", "append_note", "check_not_in_play", "create_key_file", "describe_action", "facilitator_key", "fork", "fork_key", "game_notes",
    "header_record", "is_locked", "list_saves", "load_save", "reveal_opponent", "rewrite", "safe_save_path", "saves_dir",
    "write_game",
]
