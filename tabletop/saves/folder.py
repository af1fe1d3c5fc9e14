"""The saves folder: where it is, readable file names, names typed by users, and the list of saves.

Re-exported by :mod:`tabletop.saves.writer`; kept apart so that listing saves never
needs the engine.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs

from tabletop.errors import UserError
from tabletop.saves.hidden import header_seats, hides
from tabletop.saves.locks import is_locked
from tabletop.text import InputError, message, one_line, read_limited

SUFFIX = ".jsonl"
ENVIRONMENT = "TABLETOP_SAVES"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_LIST_LIMIT = 32_000_000


class SaveError(UserError):
    """A save that cannot be read, written or replayed; the message is one line naming the file.

    Whatever it is given, the message is made one inert line of at most 300 characters
    (control characters and newlines shown escaped).
    """

    def __init__(self, text: str) -> None:
        super().__init__(one_line(text))


class SaveInUse(SaveError):
    """The save is being played by another window or process (its lock is held): it can only be read."""


class SaveWriteFailed(SaveError):
    """Writing to the save failed (disk full, read-only, file or folder removed); the writer is now failed."""


class PassphraseNeeded(SaveError):
    """The save is signed: going on needs the class passphrase (or key file), which was not given."""


class WrongPassphrase(SaveError):
    """The passphrase (or key file) given is not the one the save was signed with."""


def saves_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The saves folder: ``override``, else ``$TABLETOP_SAVES``, else ``./saves``; created when missing."""
    chosen = override if override else os.environ.get(ENVIRONMENT) or "saves"
    folder = Path(chosen)
    if folder.exists() and not folder.is_dir():
        raise SaveError(message(folder, "is not a folder, expected the folder for saves"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(message(folder, f"cannot create the saves folder ({error.strerror or error})")) from None
    return folder


def _slug(text: str) -> str:
    return _UNSAFE.sub("-", text).strip("-.") or "x"


def save_file_name(scenario_id: str, seats: dict[Any, str], when: datetime | None = None, fork: bool = False,
                   show_opponent: bool = False) -> str:
    """``tutorial_2025-02-27_14-30-05_human-vs-computer.jsonl``: scenario id, date and time, seats.

    A computer's style stays out of the name while players sit at the table (it is hidden from them
    until the debrief), unless the trainer chose to show it; a game of two computers names both.
    """
    stamp = (when or datetime.now()).strftime("%Y-%m-%d_%H-%M-%S")
    hide = not show_opponent and "human" in seats.values()
    names = {side: "computer" if hide and seat != "human" else seat for side, seat in seats.items()}
    sides = "-vs-".join(_slug(seat) for _, seat in sorted(names.items(), key=lambda kv: str(kv[0]) != "washington"))
    extra = "_what-if" if fork else ""
    return f"{_slug(scenario_id)}_{stamp}_{sides}{extra}{SUFFIX}"


def safe_save_path(name: str, folder: Path | str) -> Path:
    """The path of a save named ``name`` typed by a user, which must stay inside ``folder``.

    Absolute paths and names that climb out (``../x``) are refused with :class:`SaveError`.
    ``.jsonl`` is added when missing.
    """
    typed = name.strip()
    if not typed:
        raise SaveError("a save needs a name")
    if "\x00" in typed or any(ord(c) < 32 for c in typed):
        raise SaveError(f"{typed!r}: a save name cannot hold control characters")
    if os.path.isabs(typed) or typed.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:", typed):
        raise SaveError(f"{typed}: a save name cannot be an absolute path; it stays in {folder}")
    parts = re.split(r"[/\\]", typed)
    if any(part in ("..", "") for part in parts):
        raise SaveError(f"{typed}: a save name cannot climb out of the saves folder {folder}")
    if not typed.endswith(SUFFIX):
        typed += SUFFIX
    base = Path(folder).resolve()
    path = (base / typed).resolve()
    if not path.is_relative_to(base) or path == base:
        raise SaveError(f"{name.strip()}: would land outside the saves folder {folder}")
    return Path(folder) / typed


@attrs.frozen
class SaveSummary:
    """One line of the list of saves: read from the header and the last action only."""

    path: Path
    scenario_id: str = ""
    title: str = ""
    seats: dict[str, str] = attrs.field(factory=dict)
    created: str = ""
    modified: float = 0.0
    actions: int = 0
    round: int = 0
    ended: bool = False
    forked: bool = False
    problem: str | None = None
    in_play: bool = False
    """Another window or process is playing this game now (its lock is held): it can only be replayed."""
    show_opponent: bool = False
    """The trainer chose to show the players the computer opponent's style (the header's ``show_opponent``)."""

    @property
    def date(self) -> str:
        """The date and time the game started, for display (``2025-02-27 14:30``)."""
        try:
            return datetime.fromisoformat(self.created).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return datetime.fromtimestamp(self.modified).strftime("%Y-%m-%d %H:%M") if self.modified else ""

    @property
    def seats_text(self) -> str:
        return f"{self.seats.get('washington', '?')} vs {self.seats.get('moscow', '?')}"

    @property
    def seats_shown(self) -> str:
        """The seats as the players may see them: a computer's style only once the game is over, when the
        trainer chose to show it, or when nothing hides it (two computers); a person's computer opponent is
        hidden from the players until the debrief."""
        if self.ended or not hides(self.seats, self.show_opponent):
            return self.seats_text
        shown = {side: seat if seat in ("human", "?") else "computer" for side, seat in self.seats.items()}
        return f"{shown.get('washington', '?')} vs {shown.get('moscow', '?')}"


def summarize(path: Path) -> SaveSummary:
    """A quick look at a save for the list (no replay; a save that cannot be read gets a ``problem``)."""
    try:
        modified = path.stat().st_mtime
    except OSError as error:
        return SaveSummary(path, problem=f"cannot be read ({error.strerror or error})")
    try:
        data = read_limited(path, _LIST_LIMIT, "a tabletop save")
    except InputError as error:
        return SaveSummary(path, modified=modified, problem=str(error).split(": ", 1)[-1])
    lines = data.split(b"\n")
    try:
        header = json.loads(lines[0].decode("utf-8"))
    except (ValueError, RecursionError):
        return SaveSummary(path, modified=modified, problem="not a tabletop save")
    if not isinstance(header, dict) or header.get("format") != "tabletop-save":
        return SaveSummary(path, modified=modified, problem="not a tabletop save")
    summary = SaveSummary(path, str(header.get("scenario_id", "?")), str(header.get("title", "")),
                          header_seats(header), str(header.get("created", "")), modified,
                          forked="forked_from" in header, show_opponent=header.get("show_opponent") is True)
    for raw in reversed(lines[1:]):
        if not raw.startswith(b'{"kind":"action"'):
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):
            continue
        n, rnd = record.get("n"), record.get("round")
        if isinstance(n, int) and isinstance(rnd, int):
            return attrs.evolve(summary, actions=n, round=rnd, ended=bool(record.get("ended")))
    return attrs.evolve(summary, round=1)


def list_saves(folder: Path | str) -> list[SaveSummary]:
    """The saves in ``folder``, most recently played first."""
    base = Path(folder)
    if not base.is_dir():
        return []
    found = [attrs.evolve(summary, in_play=is_locked(summary.path)) for summary in
             (summarize(path) for path in base.glob(f"*{SUFFIX}") if path.is_file())]
    return sorted(found, key=lambda s: (s.modified, s.path.name), reverse=True)
