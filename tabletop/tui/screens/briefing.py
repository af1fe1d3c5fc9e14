"""The briefing: the public brief, then each human side's confidential brief, with hand-overs.

:func:`briefing_pages` lists the pages; the app shows them one after another,
each when the one before it is dismissed, and then opens the table.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from tabletop.engine.model import Side
from tabletop.tui.later import Later
from tabletop.tui.session import Session
from tabletop.tui.text import plain, side_name
from tabletop.tui.widgets.brief import confidential_brief, objectives, public_brief
from tabletop.tui.widgets.round_clock import StopsTheClock

Page = Callable[[], Screen[None]]


class BriefingScreen(Screen[None]):
    """One page of the briefing; Enter moves on."""

    BINDINGS = [Binding("enter", "done", "Continue", priority=True)]

    def __init__(self, heading: Content, body: Content, auto_after: float | None = None,
                 subtitle: str | None = None) -> None:
        super().__init__(classes="briefing")
        self.sub_title = subtitle
        self.heading = heading
        self.body = body
        self.auto_after = auto_after

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.heading, classes="page-heading")
        with VerticalScroll(classes="page-body"):
            yield Static(self.body, classes="page-text")
        with Center(classes="page-buttons"):
            yield Button("Continue", variant="primary", action="screen.done")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
        if self.auto_after is not None:
            Later(self, self.auto_after, self.action_done)

    def action_done(self) -> None:
        if self.is_current:
            self.dismiss(None)


class HandoverScreen(StopsTheClock, Screen[None]):
    """Stands between two players at one keyboard: nothing private is on screen; Enter closes it."""

    BINDINGS = [Binding("enter", "done", "I am ready", priority=True)]

    def __init__(self, name: str, side: Side) -> None:
        super().__init__(classes="handover")
        self.side_label = name
        self.side = side

    def compose(self) -> ComposeResult:
        with Vertical(id="handover-box"):
            yield Static(Content.assemble("Pass the keyboard to ", side_name(self.side_label, self.side),
                                          ", then press Enter"), id="handover-text")
            yield Static(plain("The other side should look away: the next screen is private.", "dim"),
                         id="handover-note")
            with Center():
                yield Button(Content.assemble("I am ", plain(self.side_label), ": show my screen"),
                             variant="primary", action="screen.done")

    def action_done(self) -> None:
        if self.is_current:
            self.dismiss(None)


def briefing_pages(session: Session, demo_wait: float = 6.0) -> list[Page]:
    """The pages before the table: public brief, then each human side's confidential brief (behind a hand-over
    when two people share the keyboard).

    With no human at the table (a demonstration) the public brief moves on by itself.
    """
    scenario = session.game.scenario
    auto = demo_wait if session.is_demo else None
    body = public_brief(scenario)
    if scenario.objectives:
        body = Content("\n").join([body, Content(""), plain("Learning objectives", "bold $accent"),
                                   objectives(scenario)])
    pages: list[Page] = [
        lambda: BriefingScreen(plain("Public brief: everyone may read this", "bold"), body, auto, scenario.title)]
    rungs = session.game.state.rungs
    for side in session.humans:
        name = session.name(side)

        def hand_over(name: str = name, side: Side = side) -> Screen[None]:
            return HandoverScreen(name, side)

        def confidential(name: str = name, side: Side = side) -> Screen[None]:
            return BriefingScreen(Content.assemble("Confidential brief: ", side_name(name, side), " only"),
                                  confidential_brief(scenario, side, rungs), subtitle=scenario.title)

        if session.is_hotseat:
            pages.append(hand_over)
        pages.append(confidential)
    return pages


__all__ = ["BriefingScreen", "HandoverScreen", "Page", "briefing_pages"]
