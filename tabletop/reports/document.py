"""A small document model for printed material (guides, class packs, briefs) and its Markdown rendering.

Reports build a list of blocks once; :func:`to_markdown` and
:func:`tabletop.reports.html.to_html` render the same blocks, so the Markdown
and the printable HTML never say different things. Scenario text always enters
as plain text (a :class:`Span` with no style, or a :class:`Text` block): the
renderers escape it, so a scenario can never inject markup into either format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

STYLES = ("", "b", "i", "code")


@attrs.frozen
class Span:
    """A run of text with one style: plain, bold (b), italic (i) or code."""

    text: str
    style: str = attrs.field(default="", validator=attrs.validators.in_(STYLES))


Inline = tuple[Span, ...]


def inline(*parts: str | Span) -> Inline:
    """Plain strings and spans as one run of inline text (strings are plain text, never markup)."""
    return tuple(part if isinstance(part, Span) else Span(part) for part in parts)


def b(text: str) -> Span:
    return Span(text, "b")


def i(text: str) -> Span:
    return Span(text, "i")


def code(text: str) -> Span:
    return Span(text, "code")


@attrs.frozen
class Heading:
    level: int
    text: str


@attrs.frozen
class Para:
    """One paragraph of inline text."""

    spans: Inline


@attrs.frozen
class Text:
    """Text from a scenario, paragraphs kept: shown as written, never interpreted."""

    text: str


@attrs.frozen
class Bullets:
    items: tuple[Inline, ...]
    ordered: bool = False


@attrs.frozen
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]


@attrs.frozen
class Quote:
    spans: Inline


@attrs.frozen
class PageBreak:
    """Start a new printed page (a rule in Markdown)."""


Block = Heading | Para | Text | Bullets | Table | Quote | PageBreak


def para(*parts: str | Span) -> Para:
    return Para(inline(*parts))


def bullets(items: Iterable[Inline | str], ordered: bool = False) -> Bullets:
    return Bullets(tuple(inline(item) if isinstance(item, str) else item for item in items), ordered)


def table(header: Iterable[str], rows: Iterable[Iterable[Inline | str]]) -> Table:
    return Table(tuple(header), tuple(tuple(inline(c) if isinstance(c, str) else c for c in row) for row in rows))


def plain_text(blocks: Iterable[Block]) -> str:
    """Every word of the blocks with no markup at all (what a reader sees), for checks and searches."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(block.text)
        elif isinstance(block, Para | Quote):
            out.append("".join(s.text for s in block.spans))
        elif isinstance(block, Text):
            out.append(block.text)
        elif isinstance(block, Bullets):
            out += ["".join(s.text for s in item) for item in block.items]
        elif isinstance(block, Table):
            out.append(" ".join(block.header))
            out += [" ".join("".join(s.text for s in cell) for cell in row) for row in block.rows]
    return "\n".join(out)


# --- Markdown -----------------------------------------------------------------------------------------------------

MARKUP = "\\`*_[]~"
"""The characters of Markdown's emphasis, links, code and strike-through (escaped wherever text is data)."""
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in MARKUP + "<>&"})


_LINE_MARK = re.compile(r"^(\s*)([#+\-=]|\d{1,9}(?=[.)]))", re.M)


def escape_block_marks(text: str) -> str:
    """``text`` with what would open a heading, a list or a rule at the start of a line escaped."""
    return _LINE_MARK.sub(_escape_mark, text)


def md_escape(text: str, in_table: bool = False) -> str:
    """Scenario text made inert in Markdown: emphasis, links, code and raw HTML characters are escaped, and so is
    what would open a heading, a list or a rule at the start of a line ("2025. Talks resume", "# x", "- x"; a
    table's cell opens no block, so there it stays as typed)."""
    text = text.translate(_MD_SPECIAL)
    return text if in_table else escape_block_marks(text)


def _escape_mark(match: re.Match[str]) -> str:
    space, mark = match.groups()
    return f"{space}{mark}\\" if mark[0].isdigit() else f"{space}\\{mark}"


def _md_inline(spans: Inline, cell: bool = False, in_table: bool = False) -> str:
    out = []
    for span in spans:
        text = re.sub(r"\s+", " ", span.text) if cell else span.text
        if span.style == "code":
            out.append(f"`{text}`")
            continue
        text = md_escape(text, in_table)
        if cell:
            text = text.replace("|", "\\|")
        out.append({"": text, "b": f"**{text}**", "i": f"*{text}*"}[span.style])
    return "".join(out)


def to_markdown(blocks: Iterable[Block]) -> str:
    """The blocks as GitHub-flavoured Markdown."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + md_escape(block.text), ""]
        elif isinstance(block, Para):
            lines += [_md_inline(block.spans), ""]
        elif isinstance(block, Text):
            lines += [md_escape(block.text.strip()), ""]
        elif isinstance(block, Quote):
            lines += ["> " + _md_inline(block.spans), ""]
        elif isinstance(block, Bullets):
            for n, item in enumerate(block.items, 1):
                lines.append((f"{n}. " if block.ordered else "- ") + _md_inline(item, cell=True))
            lines.append("")
        elif isinstance(block, Table):
            lines.append("| " + " | ".join(md_escape(h, in_table=True) for h in block.header) + " |")
            lines.append("|" + "---|" * len(block.header))
            lines += ["| " + " | ".join(_md_inline(cell, cell=True, in_table=True) or "-" for cell in row) + " |"
                      for row in block.rows]
            lines.append("")
        elif isinstance(block, PageBreak):
            lines += ["---", ""]
    return "\n".join(lines).rstrip() + "\n"
