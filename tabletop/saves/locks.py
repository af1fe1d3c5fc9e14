"""One writer per save: an OS file lock held while a game is played, and new names claimed atomically.

The lock is ``flock`` on the open save file: it is released by the operating system
when the process ends, however it ends (``kill -9`` included), so a stale lock never
blocks. Where ``fcntl`` does not exist (Windows) saves are not locked.
New save files are created with ``O_EXCL``: two games started in the same second
cannot get the same file; the second gets the next free name.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no locking
    fcntl = None  # type: ignore[assignment]  # the module is optional; every use checks for None

SUFFIX = ".jsonl"
MAX_TRIES = 10_000


def lock(fd: int) -> bool:
    """Take the exclusive lock of an open save without waiting; False if another writer holds it."""
    if fcntl is None:  # pragma: no cover - Windows
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def is_locked(path: str | os.PathLike[str]) -> bool:
    """Whether a game is being played on the save at ``path`` right now (another writer holds its lock)."""
    if fcntl is None:  # pragma: no cover - Windows
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # closing releases the shared lock taken to ask
    return False


def candidates(path: Path) -> list[Path]:
    """``name.jsonl``, then ``name-2.jsonl``, ``name-3.jsonl``... (the names tried for a new save)."""
    stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.stem
    return [path] + [path.with_name(f"{stem}-{n}{SUFFIX}") for n in range(2, MAX_TRIES)]


def create_exclusive(path: Path) -> int:
    """Create ``path`` only if no file has that name (``O_EXCL``), locked; the open descriptor (read-write)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o644)
    lock(fd)  # a file this process just created: nobody else can hold its lock
    return fd


def claim(path: Path) -> tuple[Path, int]:
    """Create the first free name of :func:`candidates` atomically; its path and open, locked descriptor.

    Raises :class:`FileExistsError` when every name is taken, :class:`OSError` when the folder refuses.
    """
    for candidate in candidates(path):
        try:
            return candidate, create_exclusive(candidate)
        except FileExistsError:
            continue
    raise FileExistsError(f"{path}: too many saves with this name")


__all__ = ["candidates", "claim", "create_exclusive", "is_locked", "lock"]
