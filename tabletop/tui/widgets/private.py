"""The viewer's private corner: their own score against their walk-away value, and secret posture."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.scoring import score
from tabletop.engine.state import GameState, side_index
from tabletop.tui.session import Session
from tabletop.tui.text import bar, lines, plain, side_name


def score_line(scenario: Scenario, state: GameState, side: Side, label: str = "Your score now") -> Content:
    now = score(scenario, side, state.rungs)
    walk = state.alternative_of(side)  # what no agreement pays, as play has moved it
    verdict = ("at or above it", "$success") if now >= walk else (f"{walk - now:.1f} below it", "$warning")
    return Content.assemble((f"{label} ", "bold"), f"{now:5.1f} ", bar(now, 100, 16, "$accent"),
                            "\n", ("Walk-away value ", "bold"), f"{walk:g}: ", verdict)


class PrivatePanel(Static, can_focus=True):
    """Private to one side: hidden whenever the viewer is not that side."""

    state: reactive[GameState | None] = reactive(None)
    viewer: reactive[Side | None] = reactive(None)

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session

    def watch_state(self) -> None:
        self._show()

    def watch_viewer(self) -> None:
        self._show()

    def _show(self) -> None:
        if self.state is not None:
            self.update(private_content(self.session, self.state, self.viewer))


def private_content(session: Session, state: GameState, viewer: Side | None) -> Content:
    scenario = session.game.scenario
    if viewer is None:
        if not session.is_demo:
            return plain("Private numbers are hidden between turns.", "dim italic")
        rows: list[Content | str] = [plain("Demonstration: both sides' scores, for the class", "bold")]
        for side in SIDES:
            now = score(scenario, side, state.rungs)
            rows.append(Content.assemble(side_name(f"{session.name(side)[:12]:<13}", side),
                                         f" {now:5.1f}  (walk-away {state.alternative_of(side):g})"))
        return lines(rows)
    rows = [Content.assemble(("Private to ", "bold"), side_name(session.name(viewer), viewer)),
            score_line(scenario, state, viewer)]
    secret = state.statements[side_index(viewer)]
    if secret is not None:
        rows.append(Content.assemble("Your statement this round: ", (secret.value, "bold"),
                                     plain(" (secret until both have chosen)", "dim")))
    rows.append(plain("b: read your confidential brief again", "dim"))
    return lines(rows)
