"""The viewer's private corner: their own score against their walk-away value, and secret posture."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tabletop.engine.model import SIDES, Side
from tabletop.engine.state import side_index
from tabletop.tui.session import Session
from tabletop.tui.text import bar, lines, plain, side_name


def score_line(session: Session, side: Side, label: str = "Your score now") -> Content:
    game = session.game
    now = game.score(side)
    walk = game.scenario.sides[side].walk_away
    verdict = ("at or above it", "$success") if now >= walk else (f"{walk - now:.1f} below it", "$warning")
    return Content.assemble((f"{label} ", "bold"), f"{now:5.1f} ", bar(now, 100, 16, "$accent"),
                            "\n", ("Walk-away value ", "bold"), f"{walk:g}: ", verdict)


class PrivatePanel(Static, can_focus=True):
    """Private to one side: hidden whenever the viewer is not that side."""

    def show(self, session: Session, viewer: Side | None) -> None:
        self.update(private_content(session, viewer))


def private_content(session: Session, viewer: Side | None) -> Content:
    game = session.game
    if viewer is None:
        if not session.is_demo:
            return plain("Private numbers are hidden between turns.", "dim italic")
        rows: list[Content | str] = [plain("Demonstration: both sides' scores, for the class", "bold")]
        for side in SIDES:
            now = game.score(side)
            rows.append(Content.assemble(side_name(f"{session.name(side)[:12]:<13}", side),
                                         f" {now:5.1f}  (walk-away {game.scenario.sides[side].walk_away:g})"))
        return lines(rows)
    rows = [Content.assemble(("Private to ", "bold"), side_name(session.name(viewer), viewer)),
            score_line(session, viewer)]
    secret = game.state.statements[side_index(viewer)]
    if secret is not None:
        rows.append(Content.assemble("Your statement this round: ", (secret.value, "bold"),
                                     plain(" (secret until both have chosen)", "dim")))
    rows.append(plain("b: read your confidential brief again", "dim"))
    return lines(rows)
