"""The table's snags of issue 11: the round timer names only the humans, the proposer of a conclusion is not
offered the answer meant for the computer, a screenshot lands in the saves folder, and quitting says where
the game was saved and how to play on."""

from __future__ import annotations

from pathlib import Path

from screentext import screen_text, toast_text
from textual.widgets import Button
from tuikit import wait_for

from tabletop.engine.state import Phase
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.classroom import Classroom
from tabletop.tui.screens.dialogs import ConfirmScreen
from tabletop.tui.screens.table import TableScreen
from tabletop.tui.widgets.round_clock import RoundClock

SIZE = (120, 40)
SLOW = 600.0
"""A computer's pace (seconds) slow enough that it is still deciding while the test looks."""


async def to_table(pilot) -> TableScreen:
    app = pilot.app
    await pilot.pause()
    while not isinstance(app.screen, TableScreen):
        await pilot.press("enter")
        await pilot.pause()
    await pilot.pause()
    return app.screen


def footer_keys(app) -> set[str]:
    return {b.binding.description for b in app.screen.active_bindings.values() if b.enabled}


def shown_keys(app) -> set[str]:
    return {b.binding.description for b in app.screen.active_bindings.values() if b.binding.show}


async def test_the_round_timer_never_names_a_computer_seat():
    app = TabletopApp(scenario=resolve("tutorial"), washington="human", moscow="grit", seed=3, pace=SLOW,
                      classroom=Classroom(timer=60))
    async with app.run_test(size=SIZE) as pilot:
        table = await to_table(pilot)
        game = table.session.game
        await wait_for(pilot, lambda: game.state.phase is Phase.STATEMENTS and len(game.awaiting()) == 2)
        clock = table.query_one(RoundClock)
        await wait_for(pilot, lambda: clock.display)
        line = str(clock.countdown())
        assert "left for Washington" in line
        assert "Moscow" not in line, line


async def test_the_proposer_of_a_conclusion_is_not_offered_the_computers_answer():
    app = TabletopApp(scenario=resolve("tutorial"), washington="human", moscow="tit-for-tat", seed=4242, pace=0)
    async with app.run_test(size=SIZE) as pilot:
        table = await to_table(pilot)
        game = table.session.game
        await wait_for(pilot, lambda: game.state.phase is Phase.STATEMENTS and table.actor() in game.awaiting())
        await pilot.press("c")
        await wait_for(pilot, lambda: game.state.phase is Phase.NEGOTIATION and table.actor() in game.awaiting())
        table.pace = SLOW  # the computer takes its time over the answer
        await pilot.press("f")
        await wait_for(pilot, lambda: game.state.phase is Phase.CONCLUDE_PENDING)
        await pilot.pause()
        assert not {"Agree to conclude", "Keep talking"} & shown_keys(app)
        assert not {"Agree to conclude", "Keep talking"} & footer_keys(app)
        assert not table.query_one("#move-agree", Button).display
        assert not table.query_one("#move-decline", Button).display
        text = screen_text(app)
        assert "y Agree" not in text and "If you agree" not in text
        assert "Washington proposes to conclude" in text


async def test_a_screenshot_goes_to_the_saves_folder_and_says_where(temporary_saves, tmp_path, monkeypatch):
    home = tmp_path / "home"  # a server's home: no Downloads folder
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    app = TabletopApp(scenario=resolve("tutorial"), seed=3, pace=SLOW)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await to_table(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Screenshot")
        # the palette finds the command a moment later (longer on a loaded machine): Enter once it is listed
        await wait_for(pilot, lambda: "Save an SVG picture of the screen" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "creenshot" in toast_text(app))
        await wait_for(pilot, lambda: any(temporary_saves.glob("*.svg")))
        shot = next(temporary_saves.glob("*.svg"))
        said = "".join(toast_text(app).split())  # the toast wraps the path anywhere
        assert "Failed" not in said and "".join(str(shot).split()) in said
        assert shot.read_text(encoding="utf-8").startswith("<svg")


async def test_quitting_a_game_says_where_it_is_saved_and_how_to_play_on():
    app = TabletopApp(scenario=resolve("tutorial"), seed=3, pace=SLOW)
    async with app.run_test(size=SIZE) as pilot:
        await to_table(pilot)
        await wait_for(pilot, lambda: app.session is not None and app.session.autosave.path is not None)
        path = app.session.autosave.path
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        text = " ".join(screen_text(app).split())
        assert path.name in text and "tabletop resume" in text
        await pilot.press("n")  # staying is the default answer
        await wait_for(pilot, lambda: isinstance(app.screen, TableScreen))
        assert app.is_running
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: not app.is_running)
    said = app.farewell  # printed on the terminal once the app has closed
    assert str(path) in said and f"tabletop resume {path}" in said
    assert Path(path).exists()
