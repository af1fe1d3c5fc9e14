"""When writing the save fails, the game waits for the player: save elsewhere, retry, or play on unsaved.

Driven through the real app. A removed saves folder is a real failure; a full disk is
simulated at the system call (``os.pwrite`` fails with ENOSPC while the "disk" is full).
"""

from __future__ import annotations

import errno
import os
import shutil

import pytest
from screentext import screen_text
from textual.widgets import Input, Static
from tuikit import patiently, wait_for

from tabletop.engine.model import Side
from tabletop.engine.state import Phase
from tabletop.saves.writer import load_save
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.save_dialogs import SaveFailedScreen
from tabletop.tui.screens.table import TableScreen

W = Side.WASHINGTON
SIZE = (120, 40)


def human_vs_grit() -> TabletopApp:
    return TabletopApp(scenario=resolve("tutorial"), washington="human", moscow="grit", seed=3, pace=0)


async def my_statement_turn(pilot) -> TableScreen:
    """Through the briefing to the table, until Washington (the human) is to make a public statement."""
    app = pilot.app

    def ready() -> bool:
        screen = app.screen
        return (isinstance(screen, TableScreen) and screen.actor() is W and W in screen.session.game.awaiting()
                and screen.session.game.state.phase is Phase.STATEMENTS and screen.session.autosave.path is not None)

    for _ in patiently():
        if ready():
            return app.screen
        if not isinstance(app.screen, TableScreen):
            await pilot.press("enter")
        await pilot.pause(0.02)
    raise AssertionError(f"never Washington's statement:\n{screen_text(app)}")


def status_line(table: TableScreen) -> str:
    return str(table.query_one("#status", Static).content)


def saved_actions(path) -> int:
    loaded = load_save(path)
    loaded.replay(verify=True)
    return len(loaded.actions)


@pytest.fixture()
def disk(monkeypatch):
    """A disk that can be made full: every write to a file then fails with ENOSPC (No space left on device)."""

    class Disk:
        full = False

    real = os.pwrite

    def pwrite(fd: int, data: bytes, offset: int) -> int:
        if Disk.full:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, data, offset)

    monkeypatch.setattr(os, "pwrite", pwrite)
    return Disk


async def test_a_removed_saves_folder_stops_the_game_until_it_is_saved_elsewhere(temporary_saves, tmp_path):
    app = human_vs_grit()
    async with app.run_test(size=SIZE) as pilot:
        table = await my_statement_turn(pilot)
        session = table.session
        game = session.game
        shutil.rmtree(temporary_saves)
        before = len(game.actions)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveFailedScreen))
        await pilot.pause()
        dialog = app.screen
        assert "Saving failed" in screen_text(app) and "removed" in screen_text(app)
        assert "SAVING FAILED" in status_line(table) and "removed" in status_line(table)
        # The move made is kept, and nothing more is played while the player has not chosen (grit would move at once).
        await pilot.pause(0.2)
        assert len(game.actions) == before + 1 and app.screen is dialog
        # A folder that will not do is refused in one line, and the game still waits.
        (tmp_path / "a-file").write_text("not a folder")
        dialog.query_one("#save-folder", Input).value = str(tmp_path / "a-file")
        await pilot.press("enter")
        await pilot.pause()
        error = str(dialog.query_one("#save-error", Static).content)
        assert app.screen is dialog and "is not a folder" in error and "\n" not in error
        dialog.query_one("#save-folder", Input).value = str(tmp_path / "elsewhere")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is table)
        path = session.autosave.path
        assert path is not None and path.parent == tmp_path / "elsewhere"
        assert "SAVING FAILED" not in status_line(table) and "NOT SAVED" not in status_line(table)
        await wait_for(pilot, lambda: len(game.actions) > before + 1)  # the game goes on, saved there
        await pilot.pause()
        assert saved_actions(path) == len(game.actions)


async def test_a_full_disk_is_retried_and_nothing_played_is_lost(disk):
    app = human_vs_grit()
    async with app.run_test(size=SIZE) as pilot:
        table = await my_statement_turn(pilot)
        session = table.session
        game = session.game
        path = session.autosave.path
        saved_before = saved_actions(path)
        disk.full = True
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveFailedScreen))
        dialog = app.screen
        assert "No space left on device" in status_line(table)
        await pilot.press("ctrl+r")  # still full: refused, said in one line
        await pilot.pause()
        assert app.screen is dialog and "No space left" in str(dialog.query_one("#save-error", Static).content)
        assert saved_actions(path) == saved_before  # the save on disk ends with a complete line
        disk.full = False
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: app.screen is table)
        await wait_for(pilot, lambda: len(game.actions) > saved_before + 1)  # the game goes on
        await pilot.pause()
        assert load_save(path).actions == game.actions  # the move whose write failed included
        assert "SAVING FAILED" not in status_line(table)


async def test_playing_on_unsaved_is_chosen_and_said_on_the_status_line(disk):
    app = human_vs_grit()
    async with app.run_test(size=SIZE) as pilot:
        table = await my_statement_turn(pilot)
        session = table.session
        game = session.game
        path = session.autosave.path
        saved_before = saved_actions(path)
        disk.full = True
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveFailedScreen))
        await pilot.press("ctrl+u")
        await wait_for(pilot, lambda: app.screen is table)
        await wait_for(pilot, lambda: len(game.actions) > saved_before + 1)  # the game goes on: Moscow moves
        await wait_for(pilot, lambda: table.actor() is W and W in game.awaiting())
        await pilot.press("s")  # and so do I
        await wait_for(pilot, lambda: len(game.actions) > saved_before + 2)
        assert f"NOT SAVED: playing on unsaved since move {saved_before}" in status_line(table)
        assert "NOT SAVED" in screen_text(app)
        disk.full = False
        loaded = load_save(path)  # the save keeps every move written before the failure, and is whole
        assert len(loaded.actions) == saved_before and loaded.warning is None


async def test_a_save_that_cannot_be_created_asks_before_the_game_is_played(tmp_path, monkeypatch):
    (tmp_path / "not-a-folder").write_text("")
    monkeypatch.setenv("TABLETOP_SAVES", str(tmp_path / "not-a-folder"))
    app = human_vs_grit()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SaveFailedScreen))
        await pilot.pause()
        assert "is not a folder" in str(app.screen.query_one("#save-failed-reason", Static).content)
        app.screen.query_one("#save-folder", Input).value = str(tmp_path / "class")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, SaveFailedScreen))
        path = app.session.autosave.path
        assert path is not None and path.parent == tmp_path / "class"
        assert saved_actions(path) == len(app.session.game.actions)
