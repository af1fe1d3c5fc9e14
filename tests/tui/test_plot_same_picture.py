"""One picture of a game: the debrief on screen and the after-action report draw the same frontier plot."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from tabletop.engine.autoplay import simulate
from tabletop.reports.after_action import PLOT_HEIGHT, PLOT_WIDTH, after_action_report
from tabletop.scenarios.library import load_path, resolve
from tabletop.tui.screens.debrief import DebriefScreen
from tabletop.tui.session import Session
from tabletop.tui.widgets.plot import AXES_HEIGHT, AXES_WIDTH, FrontierPlot


class Host(App[None]):
    CSS_PATH = "../../tabletop/tui/app.tcss"


async def test_the_debrief_and_the_report_draw_the_same_frontier_picture():
    game = simulate(resolve("istanbul-2025-02"), "hardliner", "tit-for-tat", 5)
    report = after_action_report(game)
    printed = report.split("```")[1].strip("\n").splitlines()
    assert "◆" in "".join(printed) and "N" in "".join(printed) and "┊" in "".join(printed)
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(DebriefScreen(Session(game)))
        await pilot.pause()
        plot = app.screen.query_one(FrontierPlot)
        # give the widget the report's drawing area, plus the room it keeps for its axes
        plot.styles.width = PLOT_WIDTH + AXES_WIDTH
        plot.styles.height = PLOT_HEIGHT + AXES_HEIGHT
        await pilot.pause()
        assert (plot.size.width, plot.size.height) == (PLOT_WIDTH + AXES_WIDTH, PLOT_HEIGHT + AXES_HEIGHT)
        on_screen = [line.rstrip() for line in plot.render().plain.splitlines()]
    assert on_screen == printed


async def test_names_in_the_plot_are_shown_as_typed(tmp_path):
    source = resolve("tutorial").source   # a copy of the shipped file, Moscow named like markup
    toml = Path(source).read_text(encoding="utf-8").replace('name = "Moscow"', 'name = "[b]Mos[/b]cow"', 1)
    path = tmp_path / "markup-names.toml"
    path.write_text(toml, encoding="utf-8")
    game = simulate(load_path(path), "grit", "conceder", 3)
    printed = after_action_report(game).split("```")[1]
    assert "[b]Mos[/b]cow's score ↑" in printed
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(DebriefScreen(Session(game)))
        await pilot.pause()
        rendered = app.screen.query_one(FrontierPlot).render().plain
    assert "[b]Mos[/b]cow's score ↑" in rendered
