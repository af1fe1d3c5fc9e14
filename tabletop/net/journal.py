"""Which client action id became which action: so a resent action is applied once, even across a host restart.

Each line of ``<save>.ids`` names a seat (or the facilitator), the id its
client chose, the action's number in the game and the action itself. The line
is written and synced *before* the action is written to the save, and the
client is answered only after both: so when the host is killed in between, the
journal may name an action the save does not hold (it is dropped when the host
starts again, and a resend applies the action once), but never the reverse.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tabletop.engine.actions import Action
from tabletop.errors import UserError


def replace_private(path: Path, data: bytes, temporary: Path) -> None:
    """Replace ``path`` with ``data`` atomically and synced, readable by its owner only (raises OSError)."""
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(handle, data)
            os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise

Key = tuple[str, str]
"""(who, client action id): who is a side's name or ``facilitator``."""


class JournalError(UserError):
    """The action-id journal cannot be read or written."""


class ActionJournal:
    """Client action ids of one table, reconciled with its save on opening."""

    def __init__(self, path: Path, entries: dict[Key, tuple[int, dict[str, Any]]]) -> None:
        self.path = path
        self.entries = entries
        self._handle: int | None = None

    @classmethod
    def open(cls, path: Path, actions: list[Action]) -> ActionJournal:
        """Read the journal beside a save holding ``actions``, keep the entries the save confirms, reopen it."""
        entries: dict[Key, tuple[int, dict[str, Any]]] = {}
        try:
            lines = path.read_bytes().split(b"\n") if path.exists() else []
        except OSError as error:
            raise JournalError(f"{path}: cannot be read ({error.strerror or error})") from None
        for raw in lines:
            try:
                record = json.loads(raw)
                n, action = record["n"], record["action"]
                key = (str(record["by"]), str(record["id"]))
            except (ValueError, KeyError, TypeError):
                continue  # an empty line, or a last line cut off by a crash
            if isinstance(n, int) and 0 < n <= len(actions) and actions[n - 1].to_dict() == action:
                entries[key] = (n, action)
        journal = cls(path, entries)
        journal._rewrite()
        return journal

    def _rewrite(self) -> None:
        data = b"".join(_line(key, n, action) for key, (n, action) in self.entries.items())
        try:
            replace_private(self.path, data, self.path.with_name(f".{self.path.name}.tmp"))
            self._handle = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        except OSError as error:
            raise JournalError(f"{self.path}: cannot be written ({error.strerror or error})") from None

    def lookup(self, key: Key) -> tuple[int, dict[str, Any]] | None:
        """The action number and action an id already became, if any."""
        return self.entries.get(key)

    def record(self, key: Key, n: int, action: dict[str, Any]) -> None:
        """Write and sync the line for ``key`` (blocking: call it from a worker thread)."""
        if self._handle is None:
            raise JournalError(f"{self.path}: the journal is closed")
        try:
            os.write(self._handle, _line(key, n, action))
            os.fsync(self._handle)
        except OSError as error:
            raise JournalError(f"{self.path}: cannot be written ({error.strerror or error})") from None
        self.entries[key] = (n, action)

    def forget(self, key: Key) -> None:
        """Drop an id whose action was rolled back (its line stays, and is dropped at the next opening)."""
        self.entries.pop(key, None)

    def close(self) -> None:
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None


def _line(key: Key, n: int, action: dict[str, Any]) -> bytes:
    record = {"by": key[0], "id": key[1], "n": n, "action": action}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
