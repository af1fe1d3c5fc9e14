"""Hot-seat privacy: one side's private numbers are never on screen while the other side plays."""

from __future__ import annotations

from textual.widgets import Static
from tuikit import play_to_debrief, screen_text, wait_for

from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.briefing import BriefingScreen, HandoverScreen
from tabletop.tui.screens.table import TableScreen
from tabletop.tui.session import Session
from tabletop.tui.text import unwrap
from tabletop.tui.widgets.board import irritant_prompt


def private_marks(scenario: Scenario, side: Side) -> list[str]:
    """Strings that only ``side``'s private view contains."""
    brief = scenario.sides[side]
    other = scenario.sides[side.other]
    marks = [f"Private to {brief.name}", f"CONFIDENTIAL — {brief.name}"]
    if brief.walk_away != other.walk_away:
        marks += [f"walk-away {brief.walk_away:g}", f"Walk-away value {brief.walk_away:g}",
                  f"Walk-away value: {brief.walk_away:g}"]
    # the first words of each paragraph of the confidential brief
    marks += [" ".join(p.split()[:5]) for p in unwrap(brief.confidential).split("\n\n")]
    return marks


def stake_lines(session: Session, side: Side) -> set[str]:
    """The board's first line per irritant as ``side`` sees it (its stakes and red-line flags)."""
    rungs = session.game.state.rungs
    return {irritant_prompt(session.game.scenario, i, rungs[n], side).plain.split("\n")[0]
            for n, i in enumerate(session.game.scenario.irritants)}


def all_text(app) -> str:
    """What is rendered, plus every Static on the active screen (even scrolled out of view)."""
    statics = "\n".join(str(w.content) for w in app.screen.query(Static))
    return screen_text(app) + "\n" + statics


def assert_absent(text: str, marks: list[str] | set[str], where: str) -> None:
    for mark in marks:
        assert mark not in text, f"{mark!r} is on screen during {where}"


async def test_hot_seat_keeps_each_side_private():
    scenario = resolve("tutorial")
    app = TabletopApp(scenario=scenario, washington="human", moscow="human", seed=11, pace=0)
    marks = {side: private_marks(scenario, side) for side in SIDES}
    checked = {"table": 0, "handover": 0, "brief": 0}
    briefs: list[str] = []

    def check(pilot, what) -> None:
        app = pilot.app
        screen = app.screen
        text = all_text(app)
        if isinstance(screen, HandoverScreen):
            checked["handover"] += 1
            for side in SIDES:
                assert_absent(text, marks[side], "a hand-over")
            return
        if isinstance(screen, BriefingScreen):
            briefs.append(text)
            return
        table = next((s for s in reversed(app.screen_stack) if isinstance(s, TableScreen)), None)
        if table is None or table.viewer is None:
            return
        side = table.viewer
        checked["table"] += 1
        assert_absent(text, marks[side.other], f"{side.value}'s turn")
        own, others = stake_lines(table.session, side), stake_lines(table.session, side.other)
        assert_absent(text, others - own, f"{side.value}'s turn")

    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BriefingScreen))
        briefs.append(all_text(app))
        await play_to_debrief(pilot, check)
    assert checked["table"] > 10 and checked["handover"] > 5
    # public brief, then each side's own confidential brief behind a hand-over
    assert len(briefs) == 3
    assert_absent(briefs[0], marks[Side.WASHINGTON] + marks[Side.MOSCOW], "the public brief")
    assert "CONFIDENTIAL — Washington" in briefs[1]
    assert_absent(briefs[1], marks[Side.MOSCOW], "Washington's brief")
    assert "CONFIDENTIAL — Moscow" in briefs[2]
    assert_absent(briefs[2], marks[Side.WASHINGTON], "Moscow's brief")


async def test_against_the_computer_only_the_own_brief_is_shown():
    scenario = resolve("tutorial")
    app = TabletopApp(scenario=scenario, washington="grit", moscow="human", seed=5, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        pages = []
        await wait_for(pilot, lambda: isinstance(app.screen, BriefingScreen))
        while isinstance(page := app.screen, BriefingScreen):  # each page read once it is on screen
            await wait_for(pilot, lambda: str(page.body) in all_text(app))
            pages.append(all_text(app))
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is not page)
        await wait_for(pilot, lambda: isinstance(app.screen, TableScreen))
        assert len(pages) == 2
        assert "CONFIDENTIAL — Moscow" in pages[1]
        for page in pages:
            assert_absent(page, private_marks(scenario, Side.WASHINGTON), "the briefing")
        await wait_for(pilot, lambda: "Private to Moscow" in screen_text(app))
        assert_absent(all_text(app), private_marks(scenario, Side.WASHINGTON), "the table")
