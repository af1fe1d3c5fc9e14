"""Printable HTML for guides, class packs and briefs: one self-contained file with a print stylesheet.

Everything from a scenario is escaped (``html.escape`` on every text, quotes
included), so no markup a scenario contains ever reaches the page as markup.
The file loads nothing from anywhere: the stylesheet is inline and there are no
scripts, fonts or images. Each :class:`PageBreak` starts a new printed page.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from tabletop.reports.document import Block, Bullets, Heading, Inline, PageBreak, Para, Quote, Table, Text

STYLESHEET = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
html { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; font-size: 10.5pt; line-height: 1.4;
       color: #111; background: #fff; }
body { margin: 0 auto; max-width: 46em; padding: 1.5em; }
h1, h2, h3, h4 { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; line-height: 1.2;
                 break-after: avoid; page-break-after: avoid; }
h1 { font-size: 17pt; margin: 0 0 0.6em; border-bottom: 2px solid #333; padding-bottom: 0.2em; }
h2 { font-size: 13pt; margin: 1.3em 0 0.4em; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin: 1em 0 0.3em; }
h4 { font-size: 10.5pt; margin: 0.8em 0 0.2em; }
p { margin: 0 0 0.55em; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 0.6em; padding-left: 1.6em; }
li { margin: 0.1em 0; break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.3em 0 0.9em; font-size: 9pt; }
th, td { border: 1px solid #888; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
blockquote { margin: 0.4em 0 0.8em; padding: 0.4em 0.8em; border-left: 4px solid #555; background: #f2f2f2; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
table.wide { page: wide; font-size: 8.5pt; }
.wide-page { page: wide; }
@page wide { size: A4 landscape; margin: 14mm 15mm 14mm 15mm; }
.page-break { break-before: page; page-break-before: always; height: 0; margin: 0; border: 0; }
@media screen { .page-break { border-top: 2px dashed #999; margin: 2em 0; height: auto; } }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
"""


WIDE_COLUMNS = 7
"""A table with this many columns or more (the master scenario events list) prints on landscape pages."""


def _inline(spans: Inline) -> str:
    out = []
    for span in spans:
        text = escape(span.text, quote=True)
        out.append({"": text, "b": f"<strong>{text}</strong>", "i": f"<em>{text}</em>",
                    "code": f"<code>{text}</code>"}[span.style])
    return "".join(out)


def _paragraphs(text: str) -> list[str]:
    """A scenario text's paragraphs (blank lines separate them; line breaks inside one are spaces)."""
    return [" ".join(chunk.split()) for chunk in text.strip().split("\n\n") if chunk.strip()]


def _wide(table: Table) -> bool:
    return len(table.header) >= WIDE_COLUMNS


def body_html(blocks: Iterable[Block]) -> str:
    """The blocks as HTML elements (no document wrapper)."""
    out: list[str] = []
    items = list(blocks)
    for n, block in enumerate(items):
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 4)
            following = items[n + 1] if n + 1 < len(items) else None
            # a heading goes onto the landscape page with the wide table it introduces
            opens = ' class="wide-page"' if isinstance(following, Table) and _wide(following) else ""
            out.append(f"<div{opens}>" if opens else "")
            out.append(f"<h{level}>{escape(block.text, quote=True)}</h{level}>")
        elif isinstance(block, Para):
            out.append(f"<p>{_inline(block.spans)}</p>")
        elif isinstance(block, Text):
            out += [f"<p>{escape(chunk, quote=True)}</p>" for chunk in _paragraphs(block.text)]
        elif isinstance(block, Quote):
            out.append(f"<blockquote>{_inline(block.spans)}</blockquote>")
        elif isinstance(block, Bullets):
            tag = "ol" if block.ordered else "ul"
            listed = "".join(f"<li>{_inline(item)}</li>" for item in block.items)
            out.append(f"<{tag}>{listed}</{tag}>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{escape(h, quote=True)}</th>" for h in block.header)
            rows = "".join("<tr>" + "".join(f"<td>{_inline(cell) or '-'}</td>" for cell in row) + "</tr>"
                           for row in block.rows)
            wide = ' class="wide"' if _wide(block) else ""
            out.append(f"<table{wide}><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
            if wide and n > 0 and isinstance(items[n - 1], Heading):
                out.append("</div>")
        elif isinstance(block, PageBreak):
            out.append('<div class="page-break"></div>')
    return "\n".join(line for line in out if line)


def to_html(blocks: Iterable[Block], title: str) -> str:
    """A whole self-contained HTML document, ready to open in a browser and print."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{escape(title, quote=True)}</title>\n<style>{STYLESHEET}</style>\n</head>\n<body>\n"
        f"{body_html(blocks)}\n</body>\n</html>\n"
    )
