"""Trust, tension and each side's standing, as bars with their history over the rounds."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from tabletop.engine.effects import TENSION_MAX
from tabletop.engine.model import SIDES, Scenario
from tabletop.engine.state import GameState
from tabletop.tui.text import bar, lines, plain, side_name, sparkline

TENSION_WORDS = {1: "calm", 2: "uneasy", 3: "strained", 4: "tense: retaliation bites double", 5: "crisis"}
BAR = 16


def tension_word(level: int) -> str:
    return TENSION_WORDS.get(level, str(level))


def _trust_style(trust: int) -> str:
    return "$success" if trust >= 60 else "$warning" if trust > 20 else "$error"


class MeterPanel(Static, can_focus=True):
    """The shared meters and both standings, each with a sparkline of its past rounds."""

    state: reactive[GameState | None] = reactive(None)

    def __init__(self, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario

    def watch_state(self, state: GameState | None) -> None:
        if state is not None:
            self.update(meters_content(self.scenario, state))


def meters_content(scenario: Scenario, state: GameState) -> Content:
    curve = state.curve
    trust_hist = sparkline([p.trust for p in curve] + [state.trust], 0, 100)
    tension_hist = sparkline([p.tension for p in curve] + [state.tension], 1, TENSION_MAX)
    rows: list[Content | str] = [
        Content.assemble(("Trust       ", "bold"), bar(state.trust, 100, BAR, _trust_style(state.trust)),
                         f" {state.trust:>3} ", (trust_hist, "dim")),
        Content.assemble(("Tension     ", "bold"),
                         bar(state.tension, TENSION_MAX, BAR, "$error" if state.tension >= 4 else "$warning"),
                         f" {state.tension}/5 ", (tension_hist, "dim")),
        plain(f"{'':12}{tension_word(state.tension)}", "dim italic"),
    ]
    for n, side in enumerate(SIDES):
        value = state.standing[n]
        hist = sparkline([p.standing[n] for p in curve] + [value], 0, 100)
        name = scenario.sides[side].name
        label = name if len(name) <= 11 else name[:10] + "…"
        rows.append(Content.assemble(
            side_name(f"{label:<12}", side), bar(value, 100, BAR, "$primary" if n == 0 else "$error"),
            f" {value:>3} ", (hist, "dim")))
    rows.append(plain(f"{'':12}standing at home (0: recalled)", "dim italic"))
    return lines(rows)
