"""A seat's debrief of a networked table: what the host sent it when the talks ended or the class did.

The numbers are the engine's (``views.debrief_data`` on the host, for this
side): the outcome, both scores, this side's walk-away value (the other
side's stays confidential), joint gain, value left on the table, the Nash
point, the turning points, what the audiences made of it and the questions.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tabletop.engine.model import SIDES, Side
from tabletop.tui.text import lines, para, plain, side_name


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def seat_debrief_content(data: dict[str, Any], side: Side, names: dict[Side, str]) -> Content:
    """The debrief as text, from the host's debrief data (anything missing or odd is left out)."""
    tier = _object(data.get("tier"))
    rows: list[Content | str] = [
        plain("The talks are over" if data.get("over") else "The facilitator ended the class: the talks stop here",
              "dim"),
        plain(str(tier.get("name", "")), "bold $accent"), para(str(tier.get("description", ""))), "",
        Content.assemble(("Why: ", "bold"), plain(str(data.get("cause") or "the talks ended"))), "",
        plain("Scores", "bold $accent"),
    ]
    scores, walk_away = _object(data.get("scores")), _object(data.get("walk_away"))
    for each in SIDES:
        score = _number(scores.get(each.value))
        if score is None:
            continue
        line = Content.assemble(side_name(f"{names[each]:<16}", each), f" {score:5.1f}")
        walk = _number(walk_away.get(each.value))
        if each is side and walk is not None:
            diff = score - walk
            line = Content.assemble(line, f"   your walk-away value {walk:g}: ",
                                    (f"{diff:+.1f}", "$success" if diff >= 0 else "$error"))
        rows.append(line)
    joint, left = _number(data.get("joint_gain")), _number(data.get("value_left"))
    if joint is not None:
        rows.append(Content.assemble(("Joint gain: ", "bold"), f"{joint:.1f}"))
    if left is not None:
        rows.append(Content.assemble(("Value left on the table: ", "bold"), (f"{left:.1f}", "bold $warning"),
                                     plain(" joint points a board better for both would have added", "dim")))
    nash = data.get("nash")
    if isinstance(nash, list) and len(nash) == 2 and all(_number(v) is not None for v in nash):
        rows.append(Content.assemble(("Nash bargaining point: ", "bold"), f"{nash[0]:.1f} / {nash[1]:.1f}"))
    turning = [p for p in data.get("turning_points") or [] if isinstance(p, dict)]
    if turning:
        rows += ["", plain("Turning points: the largest single moves of trust", "bold $accent")]
        for point in turning:
            delta = int(_number(point.get("delta")) or 0)
            rows.append(Content.assemble((f"Round {point.get('round')}: ", "bold"),
                                         (f"trust {delta:+d}", "$success" if delta > 0 else "$error"), "  ",
                                         plain(str(point.get("text", "")))))
    readings = [r for r in data.get("audience_readings") or [] if isinstance(r, list) and len(r) == 2]
    if readings:
        rows += ["", plain("What the audiences made of it", "bold $accent")]
        rows += [Content.assemble(plain(str(name), "bold"), ": ", para(str(text))) for name, text in readings]
    questions = [q for q in data.get("questions") or [] if isinstance(q, str)]
    if questions:
        rows += ["", plain("Questions for the debrief", "bold $accent")]
        rows += [Content.assemble(f"{n}. ", para(q)) for n, q in enumerate(questions, 1)]
    return lines(rows)


class SeatDebriefScreen(Screen[None]):
    """The debrief one team reads at the end of a networked game."""

    BINDINGS = [Binding("escape,q", "app.quit", "Leave")]

    def __init__(self, data: dict[str, Any], side: Side, names: dict[Side, str], title: str = "") -> None:
        super().__init__(classes="debrief")
        self.sub_title = title
        self.data = data
        self.side = side
        self.names = names

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(classes="page-body"):
            yield Static(seat_debrief_content(self.data, self.side, self.names), id="seat-debrief",
                         classes="page-text")
        yield Footer()


__all__ = ["SeatDebriefScreen", "seat_debrief_content"]
