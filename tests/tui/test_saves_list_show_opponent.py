"""The title screen's lists of saves offer what ``tabletop resume SAVE --show-opponent`` offers (issue 10 point 2,
reviewer's point 4): ``o`` on a game whose computer style is hidden records the trainer's choice to show it in
the save (as the command does) and opens the game with the style named: played on from the resume list, in the
replay viewer from the replay list. The list names the style from then on.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from screentext import screen_text, toast_text
from textual.widgets import DataTable, Input
from tuikit import wait_for

from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.opponents import make_opponent
from tabletop.saves.signing import ClassSecret, SaveKey
from tabletop.saves.writer import SaveWriter, list_saves, load_save
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.replay import ReplayScreen
from tabletop.tui.screens.save_dialogs import UnlockSaveScreen
from tabletop.tui.screens.saves_list import ReplayListScreen, ResumeListScreen

W, M = Side.WASHINGTON, Side.MOSCOW
STYLE = "opportunist"
PASSPHRASE = "rooks-at-dawn"
SIZE = (140, 44)


@pytest.fixture(autouse=True)
def saves_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "saves"
    folder.mkdir()
    monkeypatch.setenv("TABLETOP_SAVES", str(folder))
    monkeypatch.delenv("TABLETOP_PASSPHRASE", raising=False)
    monkeypatch.delenv("TABLETOP_KEY_FILE", raising=False)
    return folder


def hidden_game(folder: Path, key: SaveKey | None = None, seats: tuple[str, str] = ("human", STYLE)) -> Path:
    """A tutorial game in progress, 8 actions in, the computer's style hidden (the default)."""
    game = Game(resolve("tutorial"), 12, {W: seats[0], M: seats[1]})
    players = {W: make_opponent("conceder", W, game.seed), M: make_opponent(STYLE, M, game.seed)}
    with SaveWriter.create(game, folder, key=key) as writer:
        for _ in range(8):
            game.apply(players[game.awaiting()[0]].decide(game))
            writer.append(game)
    return writer.path


def header(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8").splitlines()[0])


def row_seats(app: TabletopApp) -> str:
    table = app.screen.query_one("#saves-table", DataTable)
    return str(table.get_row_at(0)[5])


async def test_the_resume_list_resumes_with_the_opponent_shown(saves_folder):
    path = hidden_game(saves_folder)
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, ResumeListScreen))
        assert row_seats(app) == "human vs computer"
        assert re.search(r"\bo Resume, opponent shown\b", screen_text(app))  # the footer offers it
        await pilot.press("o")
        await wait_for(pilot, lambda: app.session is not None)
        session = app.session
        assert session.show_opponent is True and len(session.game.actions) == 8
        assert session.seat_label(M) == f"computer ({STYLE})"
    record = header(path)
    assert record["show_opponent"] is True and record["seats"]["moscow"] == STYLE
    assert list_saves(saves_folder)[0].seats_shown == f"human vs {STYLE}"


async def test_the_replay_list_replays_with_the_opponent_shown_and_names_it_after(saves_folder):
    path = hidden_game(saves_folder)
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayListScreen))
        assert row_seats(app) == "human vs computer"
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen))
        await pilot.pause()
        assert f"Moscow computer ({STYLE})" in str(app.screen.query_one("#replay-status").content)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayListScreen))
        await pilot.pause()
        assert row_seats(app) == f"human vs {STYLE}"
    assert header(path)["show_opponent"] is True
    assert load_save(path).replay(verify=True)  # written again whole, still a good save


async def test_a_signed_game_asks_its_passphrase_and_stays_signed(saves_folder):
    path = hidden_game(saves_folder, key=SaveKey.from_passphrase(PASSPHRASE))
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, ResumeListScreen))
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockSaveScreen))
        app.screen.query_one("#unlock-passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.session is not None)
        assert app.session.show_opponent is True
    assert header(path)["show_opponent"] is True
    assert load_save(path).signature(ClassSecret(passphrase=PASSPHRASE)).trusted


async def test_nothing_hidden_is_said_in_one_line_and_nothing_is_written(saves_folder):
    path = hidden_game(saves_folder, seats=("human", "human"))
    before = path.read_bytes()
    app = TabletopApp()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, ResumeListScreen))
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ResumeListScreen) and app.session is None
        assert "no computer style is hidden in this game" in toast_text(app)
    assert path.read_bytes() == before
