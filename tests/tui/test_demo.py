"""Two computers: the game plays itself to the debrief, with pause, step and speed keys."""

from __future__ import annotations

from tuikit import screen_text, wait_for

from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.debrief import DebriefScreen
from tabletop.tui.screens.dialogs import NewsFlashScreen
from tabletop.tui.screens.table import TableScreen


async def test_a_demonstration_runs_to_the_debrief_without_a_key(monkeypatch):
    flashes: list[NewsFlashScreen] = []
    shown = NewsFlashScreen.on_mount

    def record(screen: NewsFlashScreen) -> None:
        flashes.append(screen)
        shown(screen)

    monkeypatch.setattr(NewsFlashScreen, "on_mount", record)
    app = TabletopApp(scenario=resolve("tutorial"), washington="grit", moscow="hardliner", seed=9, demo_pace=0.02)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefScreen), timeout=60)
        await wait_for(pilot, lambda: "Scores & frontier" in screen_text(app))
        assert app.session.game.is_over
    # the press leak of round 3 came up as a flash and moved on by itself
    assert flashes and all(flash.auto_after for flash in flashes)


async def test_pause_step_and_speed():
    app = TabletopApp(scenario=resolve("tutorial"), washington="grit", moscow="grit", seed=9, demo_pace=3.0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")      # the public brief would move on by itself after a while
        await wait_for(pilot, lambda: isinstance(app.screen, TableScreen))
        await pilot.pause()
        screen = app.screen
        game = screen.session.game
        # the footer is drawn after the table (a loaded machine takes a while): a demonstration's keys, no move
        await wait_for(pilot, lambda: "Pause" in screen_text(app))
        assert "Walk out" not in screen_text(app)
        await pilot.press("space")
        assert screen.paused
        before = len(game.actions)
        await pilot.press("full_stop")
        await pilot.pause()
        assert len(game.actions) == before + 1
        await pilot.press("full_stop")
        await pilot.pause()
        assert len(game.actions) == before + 2
        pace = screen.pace
        await pilot.press("plus")
        assert screen.pace < pace
        await pilot.press("minus", "minus")
        assert screen.pace > pace
        screen.pace = 0.02
        await pilot.press("space")
        assert not screen.paused
        await wait_for(pilot, lambda: len(game.actions) > before + 4)
