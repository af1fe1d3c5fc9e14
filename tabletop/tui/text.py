"""Turning scenario and game text into Textual content without ever reading it as markup.

Every string that comes from a scenario or a save goes through :func:`plain`
(or :class:`Content` directly): ``[bold]`` in a brief shows as ``[bold]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from textual.content import Content

from tabletop.engine.model import Side

SIDE_STYLE = {Side.WASHINGTON: "bold $primary", Side.MOSCOW: "bold $error"}
BLOCKS = "▁▂▃▄▅▆▇█"


def unwrap(text: str) -> str:
    """Join the hard-wrapped lines of a TOML multi-line string into flowing paragraphs."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def plain(text: str, style: str = "") -> Content:
    """Text as content, optionally styled, never parsed as markup."""
    return Content.styled(text, style) if style else Content(text)


def para(text: str, style: str = "") -> Content:
    """A scenario paragraph (unwrapped), as plain content."""
    return plain(unwrap(text), style)


def lines(parts: Iterable[Content | str]) -> Content:
    """Join content pieces, one per line."""
    return Content("\n").join(list(parts))


def side_name(name: str, side: Side) -> Content:
    """A capital's name in its colour."""
    return plain(name, SIDE_STYLE[side])


def bar(value: float, high: float, width: int, style: str) -> Content:
    """A horizontal meter bar."""
    filled = max(0, min(width, round(width * value / high))) if high else 0
    return Content.assemble(("█" * filled, style), ("░" * (width - filled), "$foreground 30%"))


def sparkline(values: Iterable[float], low: float, high: float) -> str:
    """A one-line history of a meter, one block per round."""
    out = []
    span = (high - low) or 1.0
    for value in values:
        index = round((value - low) / span * (len(BLOCKS) - 1))
        out.append(BLOCKS[max(0, min(len(BLOCKS) - 1, index))])
    return "".join(out)


def signed(value: float) -> str:
    """A score change: +4.2, −3.0, ±0."""
    if abs(value) < 0.05:
        return "±0"
    return f"+{value:.1f}" if value > 0 else f"−{-value:.1f}"
