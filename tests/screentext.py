"""The terminal's text as the user sees it, read through Textual's public screenshot (no private attributes)."""

from __future__ import annotations

import html
import re

from rich.cells import cell_len
from textual.app import App

# Rich draws each run of text as <text x="column * char width" ... clip-path="url(#...-line-N)">text</text>,
# with a character 20 * 0.61 = 12.2 units wide (rich.console.Console.export_svg).
_TEXT = re.compile(r'<text [^>]*?x="([0-9.]+)"[^>]*?clip-path="url\(#[^)]*?-line-(\d+)\)">(.*?)</text>', re.DOTALL)
_CHAR_WIDTH = 20 * 0.61


def screen_text(app: App) -> str:
    """The plain text of everything on the terminal right now, one line per row, trailing spaces removed."""
    svg = app.export_screenshot()
    rows: dict[int, str] = {}
    for x, row, text in _TEXT.findall(svg):
        column = round(float(x) / _CHAR_WIDTH)
        line = rows.get(int(row), "")
        line += " " * max(0, column - cell_len(line))
        rows[int(row)] = line + html.unescape(text).replace("\xa0", " ")
    height = app.size.height
    return "\n".join(rows.get(n, "").rstrip() for n in range(height)) + "\n"


def toast_text(app: App) -> str:
    """The notifications showing on the screen, as their toasts read (title and message), one per line.

    Toasts are found by their documented CSS type, ``Toast``; the app must run with ``notifications=True``.
    """
    return "\n".join(" ".join(str(toast.render()).split()) for toast in app.screen.query("Toast"))
