"""The end of the talks: the outcome tier and why, both scores against their walk-away values as play left them."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from tabletop.engine.model import SIDES
from tabletop.tui.later import Later
from tabletop.tui.session import Session
from tabletop.tui.text import lines, para, plain, side_name


def outcome_content(session: Session) -> Content:
    game = session.game
    scenario = game.scenario
    state = game.state
    tier = next((t for t in scenario.outcomes if t.id == state.outcome), scenario.outcomes[-1])
    scores = game.final_scores()
    rows: list[Content | str] = [
        plain("The talks are over", "dim"),
        plain(tier.name, "bold $accent"),
        para(tier.description),
        "",
        Content.assemble(("Why: ", "bold"), plain(state.cause or "the talks ended")),
        plain(f"After {state.round} of {scenario.rounds} rounds; {len(state.deals)} deal(s) implemented.", "dim"),
        "",
    ]
    for side in SIDES:
        walk = state.alternative_of(side)  # what no agreement pays, as play left the outside option
        verdict = ("beat", "$success") if scores[side] > walk else ("fell short of", "$error") \
            if scores[side] < walk else ("matched", "")
        moved = scenario.sides[side].walk_away
        since = plain(f" (it was {moved:g} at the start)", "dim") if walk != moved else ""
        rows.append(Content.assemble(side_name(session.name(side), side), f" scores {scores[side]:.1f} and ",
                                     verdict, f" its walk-away value of {walk:g}.", since))
    return lines(rows)


class OutcomeScreen(Screen[None]):
    """The outcome first; Enter opens the debrief, ``then``, over it (a demonstration moves on by itself)."""

    BINDINGS = [Binding("enter", "done", "Debrief", priority=True)]

    def __init__(self, session: Session, then: Callable[[], Screen[None]], auto_after: float | None = None) -> None:
        super().__init__(classes="outcome")
        self.sub_title = session.game.scenario.title
        self.session = session
        self.then = then
        self.auto_after = auto_after

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="outcome-box"):
            yield Static(outcome_content(self.session), id="outcome-text")
            with Center():
                yield Button("On to the debrief", variant="primary", action="screen.done")
        yield Footer()

    def on_mount(self) -> None:
        self.session.autosave.close()
        if self.auto_after is not None:
            Later(self, self.auto_after, self.action_done)

    def action_done(self) -> None:
        if self.is_current:
            self.app.push_screen(self.then())
