"""Text and files from outside the program, made safe to read and to show.

Scenarios and saves are written by anyone: a student's save can carry escape
sequences to the instructor's terminal, a "file" can be a FIFO or ``/dev/zero``.
This module is the one place that

- makes text *inert* for a terminal: control characters, escape sequences and
  invisible direction overrides are shown escaped (``\\x1b``, ``\\u202e``), never
  passed through (:func:`inert`, :func:`inert_line`);
- shapes one-line messages: at most 300 characters, starting with the file's
  path, quoting at most a short excerpt (:func:`message`, :func:`excerpt`);
- reads a file only if it is a regular file, and never more than a stated size
  (:func:`read_limited`), so that memory never grows with the input.

It imports nothing of the game but the engine's list of the characters no text may hold (the scenario
validator refuses them; this module escapes them), so any layer above the engine can use it.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from tabletop.engine.limits import UNSEEN

MESSAGE_LIMIT = 300
EXCERPT_LIMIT = 40

# C0 controls but tab and newline, DEL, C1 controls; the line and paragraph separators; the invisible
# characters that reorder or hide text (bidirectional overrides and isolates, zero-width marks).
_UNSAFE = UNSEEN
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_LINE = re.compile(f"[{_UNSAFE}\t\n]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    if char == "\r":
        return "\\r"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """``text`` safe to print to a terminal: every control character shown escaped; newlines and tabs kept."""
    return _UNSAFE_IN_TEXT.sub(_escape, text)


def inert_json(text: str) -> str:
    """JSON text with every unsafe character written as a ``\\uXXXX`` escape (still valid JSON, same values)."""
    return _UNSAFE_IN_TEXT.sub(lambda match: f"\\u{ord(match.group()):04x}", text)

def inert_line(text: str) -> str:
    """``text`` safe to print as (part of) one line: newlines and tabs escaped too."""
    return _UNSAFE_IN_LINE.sub(_escape, text)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in ``...`` when cut."""
    return text if len(text) <= limit else text[: max(0, limit - 3)] + "..."


def excerpt(value: object, limit: int = EXCERPT_LIMIT) -> str:
    """A short, quoted, inert excerpt of a bad value for a message: ``'Wash\\x1b]0;x…'``."""
    if isinstance(value, str):
        shown = value if len(value) <= limit * 4 else value[: limit * 4]
        quoted = "'" + inert_line(shown).replace("'", "\\'") + "'"
    else:
        shown = repr(value) if not isinstance(value, (dict, list)) or len(value) < 64 else \
            f"<{type(value).__name__} of {len(value)} items>"
        quoted = inert_line(shown[: limit * 4])
    return shorten(quoted, limit)


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as messages start with it: inert, shortened, and ``""`` for an empty path."""
    text = os.fspath(path)
    if isinstance(text, bytes):  # pragma: no cover - bytes paths are not used by the program
        text = text.decode("utf-8", "backslashreplace")
    return shorten(inert_line(text), 160) if text else '""'


def one_line(text: object, limit: int = MESSAGE_LIMIT) -> str:
    """Any text as one inert line of at most ``limit`` characters (newlines and controls shown escaped)."""
    return shorten(inert_line(str(text).strip()), limit)


def message(path: str | os.PathLike[str], text: str) -> str:
    """``path: text`` as one inert line of at most 300 characters, always starting with the path."""
    return one_line(f"{shown_path(path)}: {text}")


class InputError(Exception):
    """A file that cannot be read as asked: the message is one line starting with the file's path."""


_KINDS = (
    (stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
)


def read_limited(path: str | os.PathLike[str], limit: int, what: str) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them, or :class:`InputError`.

    Anything that is not a regular file (a directory, a FIFO, a device, a socket) is refused at once,
    without waiting for a writer: the file is opened non-blocking and checked before any read.
    A file larger than ``limit`` is refused after reading at most ``limit + 1`` bytes, in small chunks,
    so memory never grows past the limit whatever the file (or a file that grows while it is read).
    ``what`` names what was expected (``"a tabletop save"``) for the message.
    """
    name = os.fspath(path)
    if not name:
        raise InputError(message(name, f"an empty path, expected {what}"))
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(message(name, f"no such file, expected {what}")) from None
    except IsADirectoryError:
        raise InputError(message(name, f"is a directory, expected {what}")) from None
    except OSError as error:
        raise InputError(message(name, f"cannot be read ({error.strerror or error}), expected {what}")) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((label for test, label in _KINDS if test(mode)), "not a regular file")
            raise InputError(message(name, f"is {kind}, not a regular file; expected {what}"))
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise InputError(message(name, f"is larger than the limit of {limit:,} bytes for {what}, expected a smaller file"))
        return b"".join(chunks)
    except OSError as error:
        raise InputError(message(name, f"cannot be read ({error.strerror or error}), expected {what}")) from None
    finally:
        os.close(fd)


def is_inside(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> bool:
    """Whether ``path`` (resolved, symbolic links followed) lies inside ``folder``."""
    try:
        return Path(path).resolve().is_relative_to(Path(folder).resolve())
    except (OSError, RuntimeError):
        return False


__all__ = ["InputError", "excerpt", "inert", "inert_json", "inert_line", "is_inside", "message", "one_line", "read_limited",
           "shorten", "shown_path"]

