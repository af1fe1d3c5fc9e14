"""The debrief teaches: the zone of agreement, the split, concession curves as a chart, anchoring, the
reciprocity audit, interests against positions, turning points beyond trust and the opponent revealed."""

from __future__ import annotations

from screentext import screen_text
from textual.app import App
from textual.widgets import Static, TabbedContent

from tabletop.engine.analysis import debrief
from tabletop.engine.autoplay import simulate
from tabletop.engine.model import Side
from tabletop.reports.conduct_text import (
    anchoring_lines,
    interest_lines,
    moment_lines,
    opponent_lines,
    reciprocity_lines,
    zone_lines,
)
from tabletop.reports.plot import concession_chart, concession_data
from tabletop.scenarios.library import resolve
from tabletop.tui.screens.debrief import DebriefScreen
from tabletop.tui.session import Session
from tabletop.tui.widgets.plot import AXES_HEIGHT, AXES_WIDTH, ConcessionPlot


class Host(App[None]):
    CSS_PATH = "../../tabletop/tui/app.tcss"


def a_game():
    return simulate(resolve("istanbul-2025-04"), "grit", "learner", 3)


def flat(text: str) -> str:
    return " ".join(text.split())


def shown(line: str, text: str) -> bool:
    """Whether a sentence of the report is on screen (wrapped as the screen wraps it)."""
    return flat(line) in text


async def test_the_scores_tab_puts_the_zone_and_the_split_beside_the_scores():
    game = a_game()
    app = Host()
    async with app.run_test(size=(140, 60)) as pilot:
        app.push_screen(DebriefScreen(Session(game)))
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Value left on the table" in text and "The zone of possible agreement and the split" in text
        found = zone_lines(game, debrief(game))
        assert found[1].startswith("The surplus over both walk-away values was")  # this game made a deal
        zone = flat(str(app.screen.query_one("#debrief-zone", Static).content))  # beside the plot, wrapped
        assert all(shown(line, zone) for line in found)


async def test_the_offers_tab_charts_both_concession_curves_and_names_the_first_offers():
    game = a_game()
    d = debrief(game)
    app = Host()
    async with app.run_test(size=(120, 60)) as pilot:
        app.push_screen(DebriefScreen(Session(game)))
        await pilot.pause()
        assert "each side's own score of its packages" not in screen_text(app)  # another tab is open
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "offers"
        text = screen_text(app)
        assert "each side's own score of its packages ↑" in text and "round →" in text
        assert "First offers and anchoring" in text
        assert all(shown(line, flat(text)) for line in anchoring_lines(game.scenario, d)[:3])
        plot = app.screen.query_one(ConcessionPlot)
        drawn = [line.rstrip() for line in plot.render().plain.splitlines()]
        area = (plot.size.width - AXES_WIDTH, plot.size.height - AXES_HEIGHT)
    # the chart on screen is the report's canvas at the same size, with a mark per package of each side
    names = ("Washington", "Moscow")
    data = concession_data(d.conduct, d.walk_away, game.scenario.rounds, names)
    assert drawn == concession_chart(data, *area).text()
    body = "".join(drawn[1:-3])
    assert body.count("W") >= 2 and body.count("M") >= 2
    assert len(d.conduct.curve(Side.MOSCOW)) >= 2


async def test_the_conduct_tab_reveals_the_opponent_audits_reciprocity_and_sets_interests_beside_positions():
    game = a_game()
    app = Host()
    async with app.run_test(size=(140, 90)) as pilot:
        app.push_screen(DebriefScreen(Session(game)))
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        text = flat(screen_text(app))
        d = debrief(game)
        assert "The computer opponent, revealed" in text
        assert "Washington was played by the computer opponent “grit”." in text
        assert "Moscow was played by the computer opponent “learner”." in text
        assert "Its style: The learner studies you." in text and "What it did:" in text
        assert all(shown(line, text) for line in opponent_lines(game, d))
        assert "Reciprocity: gestures made, returned, exploited" in text
        assert all(shown(line, text) for line in reciprocity_lines(game.scenario, d))
        assert "Interests against positions" in text
        assert "Washington valued most: Local staff for US missions (+30)" in text
        assert all(shown(line, text) for line in interest_lines(game.scenario, d)[:3])
        assert "What each side said of its priorities, against what was true" in text


async def test_the_turning_points_go_beyond_trust():
    game = a_game()
    app = Host()
    async with app.run_test(size=(140, 60)) as pilot:
        app.push_screen(DebriefScreen(Session(game)))
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Turning points beyond trust" in text
        found = moment_lines(debrief(game))
        assert any("(deal): Deal 1 implemented" in line for line in found)
        assert shown(found[0], text)


async def test_a_game_between_two_people_reveals_no_opponent():
    game = simulate(resolve("tutorial"), "grit", "conceder", 3)
    game.seats = {Side.WASHINGTON: "human", Side.MOSCOW: "human"}
    app = Host()
    async with app.run_test(size=(140, 60)) as pilot:
        app.push_screen(DebriefScreen(Session(game)))
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        text = screen_text(app)
        assert "Reciprocity" in text and "revealed" not in text


def test_the_debrief_says_when_an_opponent_kept_part_of_its_room_from_a_side_that_put_nothing_forward():
    """A side that waits for the last offer without putting a package forward meets the hold-out of every
    computer opponent (docs/RULES.md); the debrief says so beside what the opponent did, and not otherwise."""
    scenario = resolve("summer-2025")
    waited = simulate(scenario, "deadline", "aspiration", 1)
    assert waited.state.round == scenario.rounds
    lines = opponent_lines(waited, debrief(waited))
    assert any("It kept part of its room back to the end: Washington put no package forward before the final "
               "round" in line for line in lines)
    engaged = simulate(scenario, "logroll", "aspiration", 1)
    assert not any("kept part of its room back" in line for line in opponent_lines(engaged, debrief(engaged)))
