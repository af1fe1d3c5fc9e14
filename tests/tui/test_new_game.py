"""The new-game screen: shipped scenarios with their details, a file by path, seats and the seed."""

from __future__ import annotations

from textual.widgets import Input, Static
from tuikit import screen_text, wait_for

from tabletop.engine.model import Side
from tabletop.engine.opponents import STRATEGIES
from tabletop.scenarios.library import shipped_dir
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.briefing import BriefingScreen
from tabletop.tui.screens.new_game import NewGameScreen
from tabletop.tui.screens.title import TitleScreen


async def open_new_game(pilot) -> NewGameScreen:
    await pilot.pause()
    await pilot.press("n")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, NewGameScreen))
    await pilot.pause()
    return pilot.app.screen


async def type_path(pilot, path: str) -> None:
    field = pilot.app.screen.query_one("#path", Input)
    field.focus()
    field.value = path          # as if typed (typing a long path key by key only slows the test)
    await pilot.press("enter")
    await pilot.pause()


async def test_shipped_scenarios_show_their_details():
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_new_game(pilot)
        text = screen_text(app)
        assert "First Steps: Visas for Banking" in text      # the tutorial is chosen first
        assert "2025-03-01" in text and "6 rounds" in text
        assert "Learning objectives" in text and "Trade a concession you value little" in text
        await pilot.press("home")
        await pilot.pause()
        first = app.screen.scenarios[0]
        text = screen_text(app)
        assert first.title[:30] in text and first.date in text and "Setting" in text


async def test_a_bad_scenario_file_shows_the_validator_messages(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text((shipped_dir() / "tutorial.toml").read_text().replace("rounds = 6", "rounds = 5"))
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_new_game(pilot)
        await type_path(pilot, str(bad))
        assert "cannot be played" in screen_text(app)
        problems = str(app.screen.query_one("#problems", Static).content)
        assert f"{bad}: scenario.rounds: is 5, expected an even number" in problems
        # nothing to start: a notification, not a crash
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewGameScreen)

        await type_path(pilot, str(tmp_path / "missing.toml"))
        assert "no such file" in str(app.screen.query_one("#problems", Static).content)
        (tmp_path / "broken.toml").write_text("[scenario\nid = ")
        await type_path(pilot, str(tmp_path / "broken.toml"))
        assert "broken.toml" in str(app.screen.query_one("#problems", Static).content)
        assert isinstance(app.screen, NewGameScreen)


async def test_seats_and_seed_are_chosen_on_screen():
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_new_game(pilot)
        seed_input = screen.query_one("#seed", Input)
        shown = seed_input.value
        assert shown.isdigit() and shown in screen_text(app)
        await pilot.press("ctrl+r")
        assert seed_input.value != shown
        seed_input.value = "4242"
        await pilot.press("enter", "left", "tab", "left")    # Washington: the last opponent, Moscow: tit-for-tat
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, BriefingScreen))
        game = app.session.game
        assert game.seed == 4242
        assert game.seats == {Side.WASHINGTON: list(STRATEGIES)[-1], Side.MOSCOW: "tit-for-tat"}


async def test_escape_goes_back_to_the_title():
    app = TabletopApp(pace=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_new_game(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)


async def test_a_browser_visitor_may_open_only_the_files_the_trainer_allowed(tmp_path, monkeypatch):
    from tabletop.scenarios.library import SCENARIO_DIR_ENV, SERVE_ENV

    monkeypatch.setenv(SERVE_ENV, "1")  # as in a visitor's session of 'tabletop serve' without --scenarios-dir
    monkeypatch.delenv(SCENARIO_DIR_ENV, raising=False)
    mine = tmp_path / "mine\x1b]0;x.toml"
    mine.write_text((shipped_dir() / "tutorial.toml").read_text().replace(
        'title = "First Steps: Visas for Banking"', 'title = "A file of my own"'))
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_new_game(pilot)
        await type_path(pilot, str(mine))
        problems = str(screen.query_one("#problems", Static).content)
        refusal = problems.splitlines()[-1]
        assert "only the shipped scenarios can be opened here" in refusal and "\\x1b" in refusal
        assert len(problems.splitlines()) == 2 and "\x1b" not in problems  # a heading and one inert line
        assert "A file of my own" not in screen_text(app)
        await pilot.press("ctrl+s")  # nothing to start
        await pilot.pause()
        assert app.screen is screen and app.session is None
