"""Markdown for the reports: scenario and save text made safe, tables, code blocks, lists of sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tabletop.engine.model import Scenario, Side
from tabletop.reports.document import MARKUP, escape_block_marks
from tabletop.text import inert_line

_MARKUP = str.maketrans({c: "\\" + c for c in MARKUP})


def md(text: str) -> str:
    """Scenario or save text as Markdown-safe inline text: hard wraps joined, HTML escaped, and the characters of
    Markdown's emphasis, links, code and strike-through escaped, so that ``**x**`` or ``[x](y)`` typed in a note,
    a brief or a reason reads as typed (text is data, never markup)."""
    flat = " ".join(str(text).split()).translate(_MARKUP)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # The text may open a block (a paragraph, a list item, a note's next line): a leading heading, list or rule
    # marker, or a number and a dot ("2025. Talks resume"), would start a heading or a list there.
    return escape_block_marks(flat)


def _fence(texts: Iterable[str], shortest: int) -> str:
    """Backticks longer than any run of them in ``texts``, and at least ``shortest``."""
    longest = max((len(run) for text in texts for run in re.findall(r"`+", text)), default=0)
    return "`" * max(shortest, longest + 1)


def code(text: str) -> str:
    """Text as a Markdown code span (shown as typed: no escape applies inside), its fence longer than any run of
    backticks inside."""
    flat = " ".join(str(text).split())
    fence = _fence([flat], 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def cell(text: str) -> str:
    """Text for a Markdown table cell."""
    return md(text).replace("|", "\\|")


def paragraphs(text: str) -> list[str]:
    """A multi-paragraph scenario text as Markdown paragraphs (one per line, blank lines between)."""
    found = [md(p) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return [line for p in found for line in (p, "")][:-1]


def table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> list[str]:
    head = list(header)
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return out


def code_block(lines: list[str]) -> list[str]:
    """Lines as a Markdown code block, its fence longer than any run of backticks inside (text stays as typed)."""
    fence = _fence(lines, 3)
    return [fence, *lines, fence]


def plot_names(scenario: Scenario) -> tuple[str, str]:
    """The sides' names for a plot's axes: one line each, inert."""
    return (inert_line(" ".join(scenario.sides[Side.WASHINGTON].name.split())),
            inert_line(" ".join(scenario.sides[Side.MOSCOW].name.split())))


def items(found: list[str]) -> list[str]:
    """Sentences as a Markdown list; an indented sentence is a detail of the one before it."""
    return [f"  - {md(line)}" if line.startswith("  ") else f"- {md(line)}" for line in found]


__all__ = ["cell", "code_block", "items", "md", "paragraphs", "plot_names", "table"]
