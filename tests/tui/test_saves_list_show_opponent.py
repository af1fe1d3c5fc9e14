"""The title screen's lists of saves offer what ``tabletop resume SAVE --show-opponent`` offers (issue 10 point 2,
reviewer's point 4): ``o`` on a game whose computer style is hidden asks first (it cannot be hidden again), then
records the trainer's choice to show it in the save (as the command does) and opens the game with the style named:
played on from the resume list, in the replay viewer from the replay list. The list names the style from then on.
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
from tabletop.tui.screens.dialogs import ConfirmScreen
from tabletop.tui.screens.replay import ReplayScreen
from tabletop.tui.screens.save_dialogs import UnlockSaveScreen
from tabletop.tui.screens.saves_list import ReplayListScreen, ResumeListScreen, SavesListScreen

W, M = Side.WASHINGTON, Side.MOSCOW
STYLE = "opportunist"
PASSPHRASE = "rooks-at-dawn"
SIZE = (120, 40)  # the size the guides assume
QUESTION = "Show the computer's style in this save? It cannot be hidden again."


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


async def confirm(pilot, answer: str) -> None:
    """Answer the question ``o`` asks before it writes to the save (``y`` or ``n``), once it is on screen."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen) and QUESTION in " ".join(
        screen_text(app).split()))
    await pilot.press(answer)


async def test_the_resume_list_resumes_with_the_opponent_shown(saves_folder):
    path = hidden_game(saves_folder)
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, ResumeListScreen))
        assert row_seats(app) == "human vs computer"
        # the footer offers it (drawn after the list: wait for it rather than read it at once)
        await wait_for(pilot, lambda: re.search(r"\bo Resume, opponent shown\b", screen_text(app)) is not None)
        await pilot.press("o")
        await confirm(pilot, "y")
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
        await confirm(pilot, "y")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen)
                       and f"Moscow computer ({STYLE})" in " ".join(screen_text(app).split()))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayListScreen))
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
        await confirm(pilot, "y")
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
        await wait_for(pilot, lambda: "no computer style is hidden in this game" in toast_text(app))
        assert isinstance(app.screen, ResumeListScreen) and app.session is None  # nothing asked, nothing opened
    assert path.read_bytes() == before


@pytest.mark.parametrize("keys", ["r", "p"])
async def test_no_to_the_question_leaves_the_save_as_it_was(saves_folder, keys):
    path = hidden_game(saves_folder)
    before = path.read_bytes()
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(keys)
        await wait_for(pilot, lambda: isinstance(app.screen, SavesListScreen))
        await pilot.press("o")
        await confirm(pilot, "n")
        await wait_for(pilot, lambda: isinstance(app.screen, SavesListScreen))
        assert app.session is None and row_seats(app) == "human vs computer"
    assert path.read_bytes() == before  # byte for byte: nothing written


async def test_yes_to_the_question_shows_the_style_for_good(saves_folder):
    path = hidden_game(saves_folder)
    app = TabletopApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayListScreen))
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert header(path).get("show_opponent") is not True  # nothing written while the question is open
        await confirm(pilot, "y")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen))
    record = header(path)
    assert record["show_opponent"] is True and record["seats"]["moscow"] == STYLE


async def test_a_game_of_two_computers_hides_nothing_and_its_replay_names_both(saves_folder):
    game = Game(resolve("tutorial"), 12, {W: "grit", M: "conceder"})
    players = {W: make_opponent("grit", W, game.seed), M: make_opponent("conceder", M, game.seed)}
    with SaveWriter.create(game, saves_folder) as writer:
        for _ in range(8):
            game.apply(players[game.awaiting()[0]].decide(game))
            writer.append(game)
    before = writer.path.read_bytes()
    app = TabletopApp()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayListScreen))
        assert row_seats(app) == "grit vs conceder"
        await pilot.press("o")  # nothing to show: said in one line, nothing asked
        await wait_for(pilot, lambda: "no person plays against a computer" in toast_text(app))
        assert isinstance(app.screen, ReplayListScreen)
        await pilot.press("enter")  # and the replay names both, as the list does, from the opening
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen) and "Washington computer (grit), "
                       "Moscow computer (conceder)" in " ".join(screen_text(app).split()))
    assert writer.path.read_bytes() == before
