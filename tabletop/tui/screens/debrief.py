"""The debrief: scores against walk-away values, the frontier, the offers, the conduct, the meters, turning points.

Beside the scores: the zone of possible agreement and the split of the surplus,
both sides' concession curves (a chart) with first offers and anchoring, the
computer opponent's style revealed with what it did, the reciprocity audit,
interests against positions, and turning points of trust and beyond. The
sections' words are the report's (:mod:`tabletop.tui.widgets.conduct`).

The analysis is imported with this module, which the app imports only when a
game is over, never at start-up.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from tabletop.engine.analysis import debrief as analyse
from tabletop.engine.model import SIDES, Side
from tabletop.reports.forced_choices import forced_choices
from tabletop.reports.plot import debrief_frontier, frontier_legend
from tabletop.tui.screens.end import outcome_content
from tabletop.tui.session import Session
from tabletop.tui.text import lines, para, plain, side_name
from tabletop.tui.widgets.brief import confidential_brief
from tabletop.tui.widgets.conduct import concessions, conduct_content, moments_content, offers_content, zone_content
from tabletop.tui.widgets.plot import ConcessionPlot, CurvePlot, FrontierPlot, Series

TABS = ("scores", "offers", "conduct", "meters", "turning", "audiences", "briefs", "questions")


def forced_choices_content(session: Session) -> Content:
    """Each forced choice with the answer expected, the answer given and what each answer did (players saw only
    the inject and its two answers while they played)."""
    choices = forced_choices(session.game)
    if not choices:
        return plain("No inject forced a choice in this game.", "dim")
    rows: list[Content | str] = [plain("Forced choices: what was expected, and what each answer did", "bold")]
    rows += [plain(choice.sentence(session.name(choice.side))) for choice in choices]
    return lines(rows)


class DebriefScreen(Screen[None]):
    """Everything the class discusses after the game, one tab each."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        *[Binding(str(n), f"tab('{tab}')", tab.capitalize(), show=False) for n, tab in enumerate(TABS, 1)],
        Binding("w", "hotwash", "Hotwash", show=False, tooltip="Objectives against what happened, notes, questions"),
        Binding("escape,q", "app.home", "Title screen"),
    ]

    def __init__(self, session: Session, hotwash: Callable[[], Screen[None]] | None = None) -> None:
        """``hotwash`` opens the hotwash over this debrief; without it, ``w`` goes back to the hotwash beneath."""
        super().__init__(classes="debrief")
        self.sub_title = session.game.scenario.title
        self.session = session
        self.open_hotwash = hotwash
        self.debrief = analyse(session.game)

    def compose(self) -> ComposeResult:
        session = self.session
        d = self.debrief
        scenario = session.game.scenario
        names = (session.name(Side.WASHINGTON), session.name(Side.MOSCOW))
        yield Header()
        with TabbedContent(initial="scores"):
            with TabPane("1 Scores & frontier", id="scores"), Horizontal(classes="debrief-split"):
                with VerticalScroll(classes="debrief-text"):
                    yield Static(outcome_content(session))
                    yield Static(self.numbers())
                    yield Static(zone_content(session.game, d), id="debrief-zone")
                yield FrontierPlot(debrief_frontier(d, names), classes="frontier")
            with TabPane("2 Offers", id="offers"), VerticalScroll():
                yield ConcessionPlot(concessions(session.game, d), classes="curve")
                yield Static(offers_content(session.game, d), id="debrief-offers")
            with TabPane("3 Conduct", id="conduct"), VerticalScroll():
                yield Static(conduct_content(session.game, d), id="debrief-conduct")
                yield Static(forced_choices_content(session), id="debrief-choices")
            with TabPane("4 Meters", id="meters"), VerticalScroll():
                curve = d.curve
                yield CurvePlot([
                    Series("trust", tuple(p.trust for p in curve), "T", "bold $accent"),
                    Series(names[0], tuple(p.standing[0] for p in curve), "W", "bold $primary"),
                    Series(names[1], tuple(p.standing[1] for p in curve), "M", "bold $error"),
                ], (0, 100), f"T trust · W {names[0]} standing · M {names[1]} standing", classes="curve")
                yield CurvePlot([Series("tension", tuple(p.tension for p in curve), "●", "bold $warning")],
                                (1, 5), "tension (1 calm – 5 crisis)", classes="curve small")
                yield Static(self.meter_table())
            with TabPane("5 Turning points", id="turning"), VerticalScroll():
                yield Static(self.turning())
                yield Static(moments_content(d), id="debrief-moments")
            with TabPane("6 Audiences", id="audiences"), VerticalScroll():
                yield Static(lines([Content.assemble(plain(name, "bold"), ": ", para(reading))
                                    for name, reading in d.audience_readings] or [plain("No audiences.")]))
            with TabPane("7 Both briefs", id="briefs"), Horizontal(classes="debrief-split"):
                for side in SIDES:
                    with VerticalScroll(classes="debrief-brief"):
                        yield Static(confidential_brief(scenario, side))
            with TabPane("8 Questions", id="questions"), VerticalScroll():
                yield Static(self.questions())
        yield Footer()

    def numbers(self) -> Content:
        d = self.debrief
        session = self.session
        rows: list[Content | str] = ["", plain("Scores against walk-away values", "bold $accent")]
        for side in SIDES:
            diff = d.scores[side] - d.walk_away[side]
            rows.append(Content.assemble(side_name(f"{session.name(side):<14}", side),
                                         f" {d.scores[side]:5.1f}  walk-away {d.walk_away[side]:g}  ",
                                         (f"{diff:+.1f}", "$success" if diff >= 0 else "$error"),
                                         plain(f"  (start {d.start_scores[side]:.1f})", "dim")))
        rows += [
            Content.assemble(("Joint gain: ", "bold"), f"{d.joint_gain:.1f}",
                             ("   surplus over walking away: ", "bold"), f"{d.surplus:+.1f}"),
            Content.assemble(("Value left on the table: ", "bold"), (f"{d.value_left:.1f}", "bold $warning"),
                             plain(" joint points that a board better for both would have added", "dim")),
        ]
        if d.nash is not None:
            rows.append(Content.assemble(("Nash bargaining point: ", "bold"), f"{d.nash[0]:.1f} / {d.nash[1]:.1f}"))
        else:
            rows.append(plain("No board beats both walk-away values: there was no zone of agreement.", "italic"))
        rows += ["", *(plain(line, "dim") for line in frontier_legend())]
        return lines(rows)

    def meter_table(self) -> Content:
        names = (self.session.name(Side.WASHINGTON), self.session.name(Side.MOSCOW))
        rows: list[Content | str] = [plain(f"{'round':>5} {'trust':>6} {'tension':>8} {names[0][:12]:>13} "
                                           f"{names[1][:12]:>13}", "bold")]
        for p in self.debrief.curve:
            rows.append(f"{p.round:>5} {p.trust:>6} {p.tension:>8} {p.standing[0]:>13} {p.standing[1]:>13}")
        return lines(rows)

    def turning(self) -> Content:
        points = self.debrief.turning_points
        if not points:
            return lines([plain("Trust never moved."), ""])
        rows: list[Content | str] = [plain("The largest single moves of trust", "bold $accent"), ""]
        for tp in points:
            rows.append(Content.assemble((f"Round {tp.round}, move {tp.index}: ", "bold"),
                                         (f"trust {tp.delta:+d}", "$success" if tp.delta > 0 else "$error")))
            rows.append(Content.assemble("  ", plain(tp.text)))
        return lines([*rows, ""])

    def questions(self) -> Content:
        scenario = self.session.game.scenario
        rows: list[Content | str] = [plain("Learning objectives", "bold $accent")]
        for objective in scenario.objectives:
            rows.append(Content.assemble("• ", para(objective.text, "bold")))
            rows.append(Content.assemble("  expected: ", para(objective.expected, "italic")))
        rows += ["", plain("Questions for the debrief", "bold $accent")]
        rows += [Content.assemble(f"{n}. ", para(q)) for n, q in enumerate(scenario.debrief_questions, 1)]
        if scenario.aftermath:
            rows += ["", plain("What happened next", "bold $accent"), para(scenario.aftermath)]
        return lines(rows)

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_hotwash(self) -> None:
        if self.open_hotwash is None:
            self.dismiss(None)
        else:
            self.app.push_screen(self.open_hotwash())
