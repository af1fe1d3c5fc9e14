"""The replay viewer, "play on from here", and the resume and replay lists, driven through the real app."""

from __future__ import annotations

import asyncio
import functools
import os

import pytest
from screentext import screen_text, toast_text
from textual.widgets import DataTable, Input, Select, Static

from tabletop.engine.autoplay import simulate
from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.saves.writer import SaveWriter, list_saves, load_save, write_game
from tabletop.tui.app import TabletopApp
from tabletop.tui.messages import OpenReplay, PlaySaved
from tabletop.tui.screens.replay import ReplayScreen, round_starts
from tabletop.tui.screens.replay_dialogs import ForkScreen, NoteScreen
from tabletop.tui.screens.saves_list import ReplayListScreen, ResumeListScreen

W, M = Side.WASHINGTON, Side.MOSCOW
SIZE = (140, 44)


def run_async(test):
    """Run an async test with its own event loop (the fixtures are passed through)."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper


@pytest.fixture(autouse=True)
def saves_folder(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    monkeypatch.setenv("TABLETOP_SAVES", str(folder))
    return folder


@pytest.fixture()
def finished(tmp_path, tutorial):
    game = simulate(tutorial, "grit", "tit-for-tat", 7)
    path = tmp_path / "finished.jsonl"
    write_game(game, path)
    return path, game


def position(screen: ReplayScreen) -> str:
    return str(screen.query_one("#replay-position", Static).content)


@run_async
async def test_the_viewer_steps_and_jumps(finished):
    path, game = finished
    loaded = load_save(path)
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ReplayScreen(loaded, at=0))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen) and screen.moment == 0
        assert f"moment 0 of {len(game.actions)}" in position(screen)
        await pilot.press("right", "right", "right")
        await pilot.pause()
        assert screen.moment == 3 and "moment 3 of" in position(screen)
        await pilot.press("left")
        await pilot.pause()
        assert screen.moment == 2
        starts = round_starts(game)
        await pilot.press("]")
        await pilot.pause()
        assert screen.moment == starts[2]
        await pilot.press("3")
        await pilot.pause()
        assert screen.moment == starts[3]
        await pilot.press("[")
        await pilot.pause()
        assert screen.moment == starts[2]
        await pilot.press("end")
        await pilot.pause()
        assert screen.moment == len(game.actions) and "the end" in position(screen)
        await pilot.press("home")
        await pilot.pause()
        assert screen.moment == 0
        await pilot.press("down", "down")
        await pilot.pause()
        assert screen.moment == 2


@run_async
async def test_the_viewer_shows_the_moment_and_both_briefs(finished, tutorial):
    path, game = finished
    loaded = load_save(path)
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ReplayScreen(loaded, at=5))
        await pilot.pause()
        screen = app.screen
        for side in (W, M):
            brief = str(screen.query_one(f"#replay-brief-{side.value}", Static).content)
            assert tutorial.sides[side].confidential.split()[0] in brief and "CONFIDENTIAL" in brief
        meters = str(screen.query_one("#replay-meters").content)
        assert f"{game.history[5].trust:>3}" in meters
        log = screen.query_one("#replay-log")
        assert len(log.lines) > 0


@run_async
async def test_notes_are_shown_up_to_the_moment(tmp_path, tutorial):
    game = simulate(tutorial, "grit", "grit", 2)
    partial = Game.replay(tutorial, 2, game.actions[:4], game.seats)
    with SaveWriter.create(partial, tmp_path) as writer:
        writer.note(partial, "Watch Moscow's opening.")
        path = writer.path
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ReplayScreen(load_save(path), at=1))
        await pilot.pause()
        notes = app.screen.query_one("#replay-notes", Static)
        assert "No facilitator notes" in str(notes.content)
        await pilot.press("end")
        await pilot.pause()
        assert "Watch Moscow's opening." in str(notes.content)


@run_async
async def test_play_on_from_here_forks_a_new_save_and_plays_it(finished, saves_folder):
    path, game = finished
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ReplayScreen(load_save(path), at=6))
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ForkScreen)
        dialog.query_one("#fork-washington", Select).value = "human"
        dialog.query_one("#fork-moscow", Select).value = "hardliner"
        dialog.query_one("#fork-name", Input).value = "../escape"
        dialog.submit()
        await pilot.pause()
        assert app.screen is dialog and "climb out" in str(dialog.query_one("#fork-error", Static).content)
        dialog.query_one("#fork-name", Input).value = "class-what-if"
        dialog.submit()
        await pilot.pause()
        assert not (saves_folder.parent / "escape.jsonl").exists()
        forked = load_save(saves_folder / "class-what-if.jsonl")
        assert forked.forked_from == {"file": path.name, "at": 6}
        assert forked.actions == game.actions[:6]
        assert forked.seats == {W: "human", M: "hardliner"}
        session = app.session
        assert session is not None and session.game.actions == game.actions[:6]
        assert not isinstance(app.screen, ReplayScreen)


@run_async
async def test_the_fork_dialog_is_refused_at_the_end_of_a_finished_game(finished):
    path, _ = finished
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ReplayScreen(load_save(path)))
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)


def write_two_saves(folder, tutorial) -> tuple[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    done = simulate(tutorial, "grit", "tit-for-tat", 3)
    write_game(done, folder / "old-finished.jsonl")
    os.utime(folder / "old-finished.jsonl", (1_000_000, 1_000_000))
    game = simulate(tutorial, "grit", "hardliner", 4)
    partial = Game.replay(tutorial, 4, game.actions[:7], {W: "human", M: "hardliner"})
    with SaveWriter.create(partial, folder) as writer:
        pass
    return writer.path.name, "old-finished.jsonl"


@run_async
async def test_resume_list_shows_saves_newest_first_and_plays_on(saves_folder, tutorial):
    newest, oldest = write_two_saves(saves_folder, tutorial)
    (saves_folder / "broken.jsonl").write_text("garbage\n")
    os.utime(saves_folder / "broken.jsonl", (1, 1))
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")  # from the title screen
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResumeListScreen)
        table = screen.query_one("#saves-table", DataTable)
        assert [str(key.value).rsplit("/", 1)[-1] for key in table.rows] == [newest, oldest, "broken.jsonl"]
        first = [str(cell) for cell in table.get_row_at(0)]
        # an unfinished game's computer style stays hidden from the players (issue 10)
        assert first[0] == tutorial.title and first[5] == "human vs computer" and first[3] == "7"
        assert first[1] == "in progress"  # what the row means comes second: a narrow terminal cuts the last
        await pilot.press("enter")
        await pilot.pause()
        session = app.session
        assert session is not None and len(session.game.actions) == 7
        assert session.autosave.path == saves_folder / newest


@run_async
async def test_a_broken_save_in_the_list_is_reported_not_opened(saves_folder, tutorial):
    write_two_saves(saves_folder, tutorial)
    (saves_folder / "zz-broken.jsonl").write_text('{"kind":"header","format":"tabletop-save","version":9}\n')
    app = TabletopApp()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.push_screen(ReplayListScreen())
        await pilot.pause()
        screen = app.screen
        screen.open_save(saves_folder / "zz-broken.jsonl")
        await pilot.pause()
        assert app.screen is screen
        assert "Cannot open this save" in screen_text(app) and "version 9" in toast_text(app)


@run_async
async def test_replay_list_opens_the_viewer(saves_folder, tutorial):
    write_two_saves(saves_folder, tutorial)
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ReplayListScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen) and app.screen.loaded.path.name == "old-finished.jsonl"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReplayListScreen)


@run_async
async def test_resume_command_app_appends_to_the_same_save(saves_folder, tutorial):
    from tabletop.engine.opponents import make_opponent

    newest, _ = write_two_saves(saves_folder, tutorial)
    loaded = load_save(saves_folder / newest)
    game = loaded.replay()
    writer = SaveWriter.resume(loaded)
    app = TabletopApp(opening=PlaySaved(game, writer))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None and session.game is game
        side = game.awaiting()[0]
        session.apply(make_opponent("grit", side, game.seed).decide(game))
        await pilot.pause()
        played = list(game.actions)
    writer.close()
    again = load_save(saves_folder / newest)
    assert len(played) >= 8 and again.actions == played
    assert again.replay(verify=True).fingerprint() == game.fingerprint()
    assert [s.path.name for s in list_saves(saves_folder)][0] == newest


@run_async
async def test_replay_command_app_opens_on_the_viewer(finished):
    path, _ = finished
    loaded = load_save(path)
    app = TabletopApp(opening=OpenReplay(loaded, at=None))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, ReplayScreen)


@run_async
async def test_a_note_added_in_the_viewer_is_saved_with_the_game(finished, tutorial):
    path, game = finished
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ReplayScreen(load_save(path), at=4))
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NoteScreen)
        dialog.query_one("#note-text", Input).value = "Ask Moscow why it hesitated."
        dialog.query_one("#note-objective", Select).value = tutorial.objectives[0].id
        dialog.submit()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        assert "Ask Moscow why it hesitated." in str(screen.query_one("#replay-notes", Static).content)
    saved = load_save(path)
    assert [(n.at, n.text, n.objective) for n in saved.notes] == [
        (4, "Ask Moscow why it hesitated.", tutorial.objectives[0].id)]
    assert saved.replay(verify=True).fingerprint() == game.fingerprint()
