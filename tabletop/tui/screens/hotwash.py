"""The hotwash: the class's first look back, straight after a facilitated game ends.

The debrief in short (outcome, scores, value left on the table), each
learning objective's expected outcome beside what happened, the
facilitator's notes with their round and objective, and the scenario's
debrief questions. ``d`` opens the full debrief (whose ``w`` comes back here).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from tabletop.engine.analysis import debrief as analyse
from tabletop.engine.model import SIDES
from tabletop.reports.hotwash import ObjectiveReview, game_note_entries, objective_reviews
from tabletop.tui.screens.end import outcome_content
from tabletop.tui.session import Session
from tabletop.tui.text import lines, para, plain, side_name, unwrap

TABS = ("summary", "objectives", "notes", "questions")


def objectives_table(reviews: list[ObjectiveReview]) -> Table:
    """Expected outcome beside what happened, one row per objective (all text as data, never markup)."""
    table = Table(expand=True, show_lines=True, header_style="bold")
    table.add_column("Objective", ratio=2)
    table.add_column("Expected outcome", ratio=2)
    table.add_column("What happened", ratio=4)
    for review in reviews:
        objective = review.objective
        happened = Text("\n".join(f"• {line}" for line in review.happened))
        for note in review.notes:
            happened.append(f"\n✎ Round {note.round}, #{note.at}: ", style="bold")
            happened.append(unwrap(note.text))
        table.add_row(Text(unwrap(objective.text), style="bold").append(f"\n[{objective.id}]", style="dim"),
                      Text(unwrap(objective.expected), style="italic"), happened)
    return table


class HotwashScreen(Screen[None]):
    """After a facilitated game: the debrief in short, objectives against what happened, notes, questions."""

    CSS_PATH = "classroom.tcss"
    BINDINGS = [
        *[Binding(str(n), f"tab('{tab}')", tab.capitalize(), show=False) for n, tab in enumerate(TABS, 1)],
        Binding("d", "debrief", "Full debrief"),
        Binding("escape,q", "app.home", "Title screen"),
    ]

    def __init__(self, session: Session, debrief: Callable[[], Screen[None]] | None = None) -> None:
        """``debrief`` opens the full debrief over this hotwash; without it, ``d`` goes back to the debrief beneath."""
        super().__init__(classes="hotwash")
        self.session = session
        self.open_debrief = debrief
        self.sub_title = f"Hotwash · {session.game.scenario.title}"
        self.debrief = analyse(session.game)
        self.reviews = objective_reviews(session.game)

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="summary"):
            with TabPane("1 Summary", id="summary"), VerticalScroll():
                yield Static(outcome_content(self.session), classes="hotwash-text")
                yield Static(self.summary(), classes="hotwash-text", id="hotwash-summary")
            with TabPane("2 Objectives", id="objectives"), VerticalScroll():
                yield Static(plain("Each objective's expected outcome beside what happened", "bold $accent"))
                yield Static(objectives_table(self.reviews) if self.reviews else plain("This scenario names no "
                             "learning objectives."), id="hotwash-objectives")
            with TabPane("3 Notes", id="notes"), VerticalScroll():
                yield Static(self.notes(), classes="hotwash-text", id="hotwash-notes")
            with TabPane("4 Questions", id="questions"), VerticalScroll():
                yield Static(self.questions(), classes="hotwash-text", id="hotwash-questions")
        yield Footer()

    def summary(self) -> Content:
        d = self.debrief
        rows: list[Content | str] = ["", plain("Scores against walk-away values", "bold $accent")]
        for side in SIDES:
            diff = d.scores[side] - d.walk_away[side]
            rows.append(Content.assemble(side_name(self.session.name(side), side),
                                         f": {d.scores[side]:.1f} (walk-away {d.walk_away[side]:g}, ",
                                         (f"{diff:+.1f}", "$success" if diff >= 0 else "$error"), ")"))
        rows += [Content.assemble(("Joint gain: ", "bold"), f"{d.joint_gain:.1f}",
                                  ("   value left on the table: ", "bold"), (f"{d.value_left:.1f}", "bold $warning"))]
        if d.turning_points:
            rows += ["", plain("Turning points (largest moves of trust)", "bold $accent")]
            rows += [Content.assemble((f"Round {tp.round}, move {tp.index}, trust {tp.delta:+d}: ", "bold"),
                                      plain(tp.text)) for tp in d.turning_points]
        rows += ["", plain("d: the full debrief (frontier, meters, audiences, both briefs)", "dim")]
        return lines(rows)

    def notes(self) -> Content:
        game = self.session.game
        objectives = {o.id: o.text for o in game.scenario.objectives}
        notes = game_note_entries(game)
        rows: list[Content | str] = [plain("The facilitator's notes, in the order they were taken", "bold $accent")]
        if not notes:
            rows.append(plain("No notes were taken.", "dim"))
        for note in notes:
            about = plain(f"  (objective: {objectives.get(note.objective, note.objective)})", "italic") \
                if note.objective else Content("")
            rows += [Content.assemble((f"Round {note.round}, #{note.at}", "bold"), about),
                     Content.assemble("  ", para(note.text)), ""]
        return lines(rows)

    def questions(self) -> Content:
        scenario = self.session.game.scenario
        rows: list[Content | str] = [plain("Questions for the debrief", "bold $accent")]
        rows += [Content.assemble(f"{n}. ", para(q)) for n, q in enumerate(scenario.debrief_questions, 1)]
        if not scenario.debrief_questions:
            rows.append(plain("This scenario has no debrief questions.", "dim"))
        if scenario.aftermath:
            rows += ["", plain("What happened next", "bold $accent"), para(scenario.aftermath)]
        return lines(rows)

    def action_tab(self, tab: str) -> None:
        tabbed = self.query_one(TabbedContent)
        tabbed.active = tab
        tabbed.get_pane(tab).query_one(VerticalScroll).focus()  # focus left in a hidden pane would switch back

    def action_debrief(self) -> None:
        if self.open_debrief is None:
            self.dismiss(None)
        else:
            self.app.push_screen(self.open_debrief())


__all__ = ["HotwashScreen", "objectives_table"]
