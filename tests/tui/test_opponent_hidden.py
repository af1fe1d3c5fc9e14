"""The computer opponent's style is hidden from the players until the debrief, unless a trainer shows it."""

from __future__ import annotations

import json
import re

import pytest
from textual.widgets import Checkbox, Static
from tuikit import play_to_debrief, screen_text, wait_for

from tabletop.cli.main import main
from tabletop.engine.opponents import STRATEGIES
from tabletop.saves.writer import SaveWriter, load_save
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.messages import PlaySaved
from tabletop.tui.screens.briefing import BriefingScreen
from tabletop.tui.screens.help import HelpScreen, help_content
from tabletop.tui.screens.new_game import NewGameScreen
from tabletop.tui.screens.saves_list import SavesListScreen
from tabletop.tui.screens.table import TableScreen

STYLE = re.compile("|".join(rf"\b{re.escape(name)}\b" for name in STRATEGIES), re.IGNORECASE)


def everything(app) -> str:
    """What is rendered, plus every Static on the active screen (even scrolled out of view)."""
    return screen_text(app) + "\n" + "\n".join(str(w.content) for w in app.screen.query(Static))


async def to_table(pilot, on_page=None) -> None:
    """Through the briefing pages (and any news) to the table."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, (BriefingScreen, TableScreen)))
    while not isinstance(app.screen, TableScreen):
        if on_page is not None:
            on_page(pilot, "page")
        await pilot.press("enter")
        await pilot.pause()


@pytest.mark.parametrize("style", ["hardliner", "grit"])
async def test_the_table_and_the_briefs_never_name_the_style_and_the_debrief_reveals_it(style):
    app = TabletopApp(scenario=resolve("tutorial"), washington="human", moscow=style, seed=11, pace=0)
    seen = {"table": 0, "brief": 0}

    def check(pilot, _what) -> None:
        screen = pilot.app.screen
        if isinstance(screen, (TableScreen, BriefingScreen)):
            seen["table" if isinstance(screen, TableScreen) else "brief"] += 1
            text = everything(pilot.app)
            assert not STYLE.search(text), f"the style is named on {type(screen).__name__}: {STYLE.search(text)}"

    async with app.run_test(size=(120, 40)) as pilot:
        await to_table(pilot, check)
        assert seen["brief"] >= 1
        assert "Moscow computer" in everything(app)  # the status line says a computer plays, not which
        check(pilot, "table")
        await play_to_debrief(pilot, check)
        assert seen["table"] > 3
        await pilot.press("3")
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert f"Moscow was played by the computer opponent “{style}”." in text
        assert "What it did:" in text


async def test_a_trainer_shows_the_style_and_resuming_keeps_the_choice(temporary_saves):
    app = TabletopApp(scenario=resolve("tutorial"), washington="human", moscow="grit", seed=5, pace=0,
                      show_opponent=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        await wait_for(pilot, lambda: app.session is not None and app.session.autosave.path is not None)
        assert "Moscow computer (grit)" in everything(app)
        path = app.session.autosave.path
        app.session.autosave.close()  # the game is left: its save may be resumed
    header = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert header["show_opponent"] is True

    loaded = load_save(path)
    again = TabletopApp(opening=PlaySaved(loaded.replay(), writer_for(loaded)), pace=0)
    async with again.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        assert "Moscow computer (grit)" in everything(again)


def writer_for(loaded):
    return SaveWriter.resume(loaded)


async def test_a_resumed_game_without_the_choice_stays_hidden(temporary_saves):
    app = TabletopApp(scenario=resolve("tutorial"), washington="human", moscow="grit", seed=5, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        await wait_for(pilot, lambda: app.session is not None and app.session.autosave.path is not None)
        path = app.session.autosave.path
        app.session.autosave.close()
    assert "show_opponent" not in json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    loaded = load_save(path)
    again = TabletopApp(opening=PlaySaved(loaded.replay(), writer_for(loaded)), pace=0)
    async with again.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        text = everything(again)
        assert "Moscow computer" in text and not STYLE.search(text)


async def test_the_saves_list_hides_the_style_of_a_game_in_progress(temporary_saves):
    app = TabletopApp(scenario=resolve("tutorial"), washington="human", moscow="conceder", seed=5, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        await wait_for(pilot, lambda: app.session is not None and app.session.autosave.path is not None)
        app.session.autosave.close()
    lister = TabletopApp(saves_dir=str(temporary_saves))
    async with lister.run_test(size=(160, 40)) as pilot:
        lister.push_screen(SavesListScreen(str(temporary_saves)))
        await wait_for(pilot, lambda: "human vs computer" in screen_text(lister))
        assert "conceder" not in screen_text(lister)


def test_the_help_describes_every_style_without_saying_which_one_plays():
    text = help_content().plain
    assert all(name in text for name in STRATEGIES)
    assert "Which one sits across the table is not shown unless your trainer chooses to show it" in text
    # what every style does alike (docs/RULES.md, the opponents' shared conduct), so a player can plan for it
    assert "never accepts a package, or agrees to conclude, on a board below its walk-away value" in text
    assert "does not count on your gestures that no deal covers" in text and "lowball offer as a gamble" in text
    assert "keeps part of its room back to the end from a side that has put no package forward" in text


async def help_text_against(opponent: str) -> str:
    app = TabletopApp(scenario=resolve("tutorial"), washington="human", moscow=opponent, seed=3, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        return str(app.screen.query_one("#help-text", Static).content)


async def test_the_help_screen_is_the_same_whoever_sits_across_the_table():
    assert await help_text_against("grit") == await help_text_against("learner")


def test_play_takes_show_opponent(monkeypatch):
    started = {}

    def run(self) -> None:
        started["show"] = self.start_show_opponent

    monkeypatch.setattr(TabletopApp, "run", run)
    assert main(["play", "tutorial", "--show-opponent"]) == 0
    assert started["show"] is True
    assert main(["play", "tutorial"]) == 0
    assert started["show"] is False


async def test_the_new_game_screen_lets_a_trainer_show_the_style(temporary_saves):
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NewGameScreen))
        await pilot.press("enter")  # the tutorial, against the default computer (grit)
        app.screen.query_one("#show-opponent", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        assert app.screen.query_one("#show-opponent", Checkbox).value
        await pilot.press("ctrl+s")
        await to_table(pilot)
        assert app.session is not None and app.session.show_opponent
        assert "Moscow computer (grit)" in everything(app)
        await wait_for(pilot, lambda: app.session.autosave.path is not None)
        path = app.session.autosave.path
        app.session.autosave.close()
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[0])["show_opponent"] is True
