"""Issue 11, snag 2: a first game starts on the tutorial, from the title screen as from `tabletop play`."""

from __future__ import annotations

from textual.widgets import OptionList
from tuikit import screen_text, wait_for

from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.new_game import NewGameScreen
from tabletop.tui.screens.table import TableScreen


async def test_new_game_from_the_title_starts_on_the_tutorial():
    app = TabletopApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NewGameScreen))
        await pilot.pause()
        screen = app.screen
        listing = screen.query_one("#scenario-list", OptionList)
        assert listing.highlighted == 0, "the tutorial is first in the list, and chosen"
        assert screen.scenarios[0].id == "tutorial"
        assert screen.scenarios[0].title in screen_text(app).split("About this scenario")[-1]
        await pilot.press("ctrl+s")
        while not isinstance(app.screen, TableScreen):
            await pilot.press("enter")
            await pilot.pause()
        assert app.screen.session.game.scenario.id == "tutorial"
