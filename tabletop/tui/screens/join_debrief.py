"""A seat's debrief of a networked table: what the host sent it when the talks ended or the class did.

The numbers are the engine's (``views.debrief_data`` on the host, for this
side): the outcome, both scores, this side's walk-away value (the other
side's stays confidential), joint gain, value left on the table, the Nash
point, the turning points, what the audiences made of it and the questions; then how the talks were
conducted as far as this side may know it (``reports.conduct_text.seat_conduct``): every package as this
side scored it (a chart), the computer opponent revealed, reciprocity, its interests against its positions.
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
from tabletop.reports.plot import WALK_AWAY_LINES, ConcessionData, tracks_by_round
from tabletop.tui.text import lines, para, plain, side_name
from tabletop.tui.widgets.plot import ConcessionPlot


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


CONDUCT_SECTIONS = (("revealed", "The computer opponent, revealed"),
                    ("reciprocity", "Reciprocity: gestures made, returned, exploited"),
                    ("interests", "Your interests against your positions"),
                    ("disclosures", "What you said of your priorities, against what was true"),
                    ("moments", "Turning points beyond trust"))


def _texts(value: Any) -> list[str]:
    return [line for line in value if isinstance(line, str)] if isinstance(value, list) else []


def seat_conduct_content(data: dict[str, Any]) -> Content:
    """How the talks were conducted, as the host words it for this side (anything missing or odd is left out)."""
    conduct = _object(data.get("conduct"))
    rows: list[Content | str] = []
    for key, title in CONDUCT_SECTIONS:
        found = _texts(conduct.get(key))
        if found:
            rows += ["", plain(title, "bold $accent")]
            rows += [plain(line, "dim" if line.startswith("  ") else "") for line in found]
    return lines(rows)


def seat_concessions(data: dict[str, Any], side: Side, names: dict[Side, str]) -> ConcessionData | None:
    """Every package of both sides as this side scored it, by round, and its walk-away value (None: no package)."""
    curves: dict[Side, list[tuple[int, float]]] = {each: [] for each in SIDES}
    for entry in _object(data.get("conduct")).get("packages") or []:
        if not (isinstance(entry, list) and len(entry) == 4 and entry[2] in (s.value for s in SIDES)):
            continue
        rnd, value = entry[0], _number(entry[3])
        if isinstance(rnd, int) and not isinstance(rnd, bool) and 0 < rnd < 1000 and value is not None:
            curves[Side(entry[2])].append((rnd, max(0.0, min(100.0, value))))
    if not any(curves.values()):
        return None
    walk = _number(_object(data.get("walk_away")).get(side.value))
    levels = {side: walk} if walk is not None else {}
    return tracks_by_round(curves, levels, 1, (names[Side.WASHINGTON], names[Side.MOSCOW]),
                           "your score of each side's packages ↑")


def seat_concession_legend(side: Side, names: dict[Side, str]) -> Content:
    return lines([plain(f"W {names[Side.WASHINGTON]}'s packages, M {names[Side.MOSCOW]}'s, as you score them: "
                        "a deal comes where they meet", "dim"),
                  plain(f"{WALK_AWAY_LINES[side]} your walk-away value", "dim")])


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
            chart = seat_concessions(self.data, self.side, self.names)
            if chart is not None:
                yield ConcessionPlot(chart, classes="curve")
                yield Static(seat_concession_legend(self.side, self.names), classes="page-text")
            yield Static(seat_conduct_content(self.data), id="seat-conduct", classes="page-text")
        yield Footer()


__all__ = ["SeatDebriefScreen", "seat_concessions", "seat_conduct_content", "seat_debrief_content"]
