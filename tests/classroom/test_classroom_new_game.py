"""Classroom mode from the new-game screen: a facilitator console with a passphrase and a round timer."""

from __future__ import annotations

from classkit import all_text, wait_for
from screentext import toast_text
from textual.widgets import Checkbox, Input

from tabletop.engine import actions as act
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.briefing import BriefingScreen
from tabletop.tui.screens.new_game import NewGameScreen


async def open_new_game(pilot) -> NewGameScreen:
    await pilot.pause()
    await pilot.press("n")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, NewGameScreen))
    await pilot.pause()
    return pilot.app.screen


async def test_classroom_choices_start_a_facilitated_game():
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_new_game(pilot)
        assert not screen.query_one("#classroom-details").display  # passphrase and timer only once ticked
        screen.query_one("#facilitator", Checkbox).value = True
        await pilot.pause()
        assert screen.query_one("#classroom-details").display
        screen.query_one("#classroom-passphrase", Input).value = "owl"
        screen.query_one("#classroom-timer", Input).value = "5"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "out of range" in toast_text(app))
        assert app.screen is screen  # 5 s is too short: a notification, no game
        assert "The round timer is out of range: a round timer runs from 10 to 7200 seconds" in toast_text(app)
        screen.query_one("#classroom-timer", Input).value = "90"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BriefingScreen))
        session = app.session
        assert session.classroom is not None and session.classroom.passphrase == "owl"
        assert session.game.actions == [act.SetTimer(90)]
        assert "owl" not in all_text(app)


async def test_without_the_tick_there_is_no_facilitator():
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_new_game(pilot)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BriefingScreen))
        assert app.session.classroom is None and app.session.game.actions == []
