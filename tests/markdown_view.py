"""A Markdown report as a reader sees it: rendered by markdown-it (CommonMark with tables and strike-through, as
GitHub shows it), tags dropped, entities read back. Tests of game text use it to check that what a player typed
reads as typed, whatever Markdown or HTML it looks like."""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

_RENDERER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def rendered_html(markdown: str) -> str:
    return _RENDERER.render(markdown)


def rendered_text(markdown: str) -> str:
    """The text a reader sees, one line per line of the rendered HTML, without tags."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered_html(markdown)))
