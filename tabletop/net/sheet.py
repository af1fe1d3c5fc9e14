"""The printable sheet of join codes: one Markdown table for the facilitator, or slips to cut and hand out."""

from __future__ import annotations

from tabletop.engine.model import SIDES
from tabletop.net import codes
from tabletop.net.classstate import ClassState


def _who(player: str) -> str:
    return "team" if player == "human" else f"computer ({player})"


def sheet_markdown(state: ClassState, url: str = "") -> str:
    """Every seat's code in one table (keep it with the facilitator; codes are as good as a password)."""
    join = f"`tabletop join {url} CODE`" if url else "`tabletop join URL CODE` (the facilitator gives the URL)"
    lines = [f"# Join codes: {state.name}", "",
             f"Each team joins its own seat with {join}. Codes are case-insensitive; the dash is optional.", "",
             "| Table | Side | Team | Played by | Code |", "|---|---|---|---|---|"]
    for table in state.tables:
        for side in SIDES:
            seat = table.seats[side]
            lines.append(f"| {table.name} ({table.id}) | {side.title} | {seat.team} | {_who(seat.player)} | "
                         f"`{codes.shown(seat.code)}` |")
    return "\n".join(lines) + "\n"


def sheet_text(state: ClassState, url: str = "") -> str:
    """One slip per human seat, separated by cut lines."""
    join = f"tabletop join {url} " if url else "tabletop join URL "
    slips = []
    for table in state.tables:
        for side in SIDES:
            seat = table.seats[side]
            if seat.player != "human":
                continue
            slips.append("\n".join([
                f"{state.name}",
                f"{table.name}: {side.title} ({seat.team})",
                f"Your code: {codes.shown(seat.code)}",
                f"Join with: {join}{codes.shown(seat.code)}",
            ]))
    cut = "\n" + "- " * 30 + "\n"
    return cut.join(slips) + "\n"
