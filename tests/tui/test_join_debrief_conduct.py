"""A seat's debrief on the network teaches too, without the other side's numbers."""

from __future__ import annotations

import json

import attrs
from screentext import screen_text
from textual.app import App
from textual.widgets import Static

from tabletop.engine import actions as act
from tabletop.engine.analysis import debrief
from tabletop.engine.autoplay import simulate
from tabletop.engine.game import Game
from tabletop.engine.model import Posture, Side
from tabletop.engine.turning import Moment
from tabletop.net.views import debrief_data
from tabletop.reports.conduct_text import moment_lines
from tabletop.scenarios.library import resolve
from tabletop.tui.screens.join_debrief import SeatDebriefScreen
from tabletop.tui.widgets.plot import ConcessionPlot

W, M = Side.WASHINGTON, Side.MOSCOW


class Host(App[None]):
    CSS_PATH = "../../tabletop/tui/app.tcss"


def a_game():
    return simulate(resolve("istanbul-2025-04"), "grit", "learner", 3)


def test_the_host_sends_a_seat_its_own_view_of_the_conduct():
    game = a_game()
    game.seats = {W: "human", M: "learner"}
    d = debrief(game)
    data = json.loads(json.dumps(debrief_data(game, W)))  # as it travels
    conduct = data["conduct"]
    assert "Moscow was played by the computer opponent “learner”." in conduct["revealed"]
    assert not any("Its own score" in line for line in conduct["revealed"])  # Moscow's numbers stay Moscow's
    assert conduct["interests"][0].startswith("Washington valued most:")
    assert not any(line.startswith("Moscow valued most") for line in conduct["interests"])
    mine = {(p.index, p.side.value): (p.own_score if p.side is W else p.their_score) for p in d.conduct.packages}
    assert {(i, s): v for _, i, s, v in conduct["packages"]} == mine
    assert debrief_data(game, M)["conduct"]["interests"][0].startswith("Moscow valued most:")


def test_a_seat_never_reads_the_other_sides_walk_away_swing():
    game = a_game()
    d = debrief(game)
    swing = Moment(5, 1, "Moscow's walk-away value", "Moscow's walk-away value 40 → 46")
    d = attrs.evolve(d, conduct=attrs.evolve(d.conduct, moments=(*d.conduct.moments, swing)))
    assert any("40 → 46" in line for line in moment_lines(d))
    assert not any("40 → 46" in line for line in moment_lines(d, frozenset({"Moscow's walk-away value"})))


async def test_the_seat_debrief_shows_the_chart_and_the_sections():
    game = a_game()
    game.seats = {W: "human", M: "learner"}
    data = json.loads(json.dumps(debrief_data(game, W)))
    names = {W: "Washington", M: "Moscow"}
    app = Host()
    async with app.run_test(size=(120, 60)) as pilot:
        app.push_screen(SeatDebriefScreen(data, W, names))
        await pilot.pause()
        plot = app.screen.query_one(ConcessionPlot)
        drawn = plot.render().plain
        assert "your score of each side's packages ↑" in drawn and "round →" in drawn
        assert "┈" in drawn and "╍" not in drawn  # its own walk-away line only
        conduct = str(app.screen.query_one("#seat-conduct", Static).content)
        assert "The computer opponent, revealed" in conduct and "“learner”" in conduct
        assert "Reciprocity: gestures made, returned, exploited" in conduct
        assert "Your interests against your positions" in conduct
        assert "Turning points beyond trust" in conduct
        assert "your score of each side's packages" in screen_text(app)


async def test_odd_conduct_data_is_left_out():
    data = {"over": True, "scores": {"washington": 50}, "conduct": {"packages": [[1, 2, "nobody", 5], "x", [True, 1,
            "washington", 3]], "revealed": "not a list", "moments": [1, "Round 1, #2 (deal): fine"]}}
    app = Host()
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(SeatDebriefScreen(data, W, {W: "[b]W[/b]", M: "M"}))
        await pilot.pause()
        assert not list(app.screen.query(ConcessionPlot))
        conduct = str(app.screen.query_one("#seat-conduct", Static).content)
        assert "Round 1, #2 (deal): fine" in conduct and "revealed" not in conduct


def test_a_seat_reads_only_what_it_said_itself_against_its_truth():
    game = Game(resolve("tutorial"), 1, {W: "human", M: "human"})
    game.apply(act.Statement(W, Posture.NEUTRAL))
    game.apply(act.Statement(M, Posture.NEUTRAL))
    game.apply(act.AskPriorities(W))
    game.apply(act.DisclosePriorities(M, ()))
    game.apply(act.DisclosePriorities(W, ("banking",)))
    mine = debrief_data(game, W)["conduct"]["disclosures"]
    assert len(mine) == 1 and mine[0].startswith("Round 1, unasked: Washington said")
    theirs = debrief_data(game, M)["conduct"]["disclosures"]
    assert len(theirs) == 1 and "Moscow declined to say what mattered most to it" in theirs[0]
