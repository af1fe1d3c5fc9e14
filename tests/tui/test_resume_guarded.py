"""Resuming through the real app: a game in play elsewhere is only offered read-only, a facilitated game asks
for its passphrase (which then guards the console again), and a new facilitated game is signed."""

from __future__ import annotations

import argparse

from screentext import screen_text
from textual.widgets import Input, Static
from tuikit import wait_for

from tabletop.cli import resume as resume_command
from tabletop.engine.autoplay import simulate
from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.saves.writer import ClassSecret, SaveWriter, facilitator_key, load_save
from tabletop.tui.app import TabletopApp
from tabletop.tui.classroom import Classroom
from tabletop.tui.screens.dialogs import ConfirmScreen
from tabletop.tui.screens.passphrase import PassphraseScreen
from tabletop.tui.screens.replay import ReplayScreen
from tabletop.tui.screens.save_dialogs import UnlockSaveScreen
from tabletop.tui.screens.saves_list import ResumeListScreen

W, M = Side.WASHINGTON, Side.MOSCOW
SIZE = (120, 40)
PASSPHRASE = "white cell"


def unfinished(tutorial) -> Game:
    game = simulate(tutorial, "grit", "hardliner", 4)
    return Game.replay(tutorial, 4, game.actions[:7], {W: "human", M: "hardliner"})


async def open_resume_list(pilot) -> ResumeListScreen:
    await pilot.pause()
    await pilot.press("r")  # from the title screen
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ResumeListScreen))
    await pilot.pause()
    return pilot.app.screen


async def test_a_game_in_play_elsewhere_is_offered_read_only(temporary_saves, tutorial):
    game = unfinished(tutorial)
    with SaveWriter.create(game, temporary_saves) as playing:  # another window is playing it: its lock is held
        app = TabletopApp()
        async with app.run_test(size=SIZE) as pilot:
            await open_resume_list(pilot)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
            said = str(app.screen.query_one(".dialog-text", Static).content)
            first, _, offer = said.partition("\n\n")
            assert first.startswith(str(playing.path)) and "is in play in another window" in first
            assert "\n" not in first and offer == "Open it read-only in the replay viewer?"
            assert "in play elsewhere" in screen_text(app)  # and the list said so
            assert app.session is None  # nothing resumed
            await pilot.press("y")
            await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen))
            assert app.screen.loaded.path == playing.path
        assert app.session is None
        playing.append(game)  # the first player's save is untouched and still theirs to write


async def test_a_facilitated_game_asks_for_its_passphrase_and_guards_the_console_with_it(temporary_saves, tutorial):
    game = unfinished(tutorial)
    with SaveWriter.create(game, temporary_saves, key=facilitator_key(PASSPHRASE)) as writer:
        path = writer.path
    app = TabletopApp(pace=0)
    async with app.run_test(size=SIZE) as pilot:
        await open_resume_list(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockSaveScreen))
        dialog = app.screen
        field = dialog.query_one("#unlock-passphrase", Input)
        assert field.password
        field.value = "guess"
        await pilot.press("enter")
        await pilot.pause()
        error = str(dialog.query_one("#unlock-error", Static).content)
        assert app.screen is dialog and "not the passphrase this game was signed with" in error
        assert "\n" not in error and app.session is None
        field.value = PASSPHRASE
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.session is not None)
        session = app.session
        assert session.autosave.path == path
        assert session.classroom is not None and session.classroom.passphrase == PASSPHRASE
        while not app.screen.query("#status"):  # through the briefing to the table
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))  # the console asks first
        await pilot.press("escape")
        await pilot.pause()
        await wait_for(pilot, lambda: len(session.game.actions) > len(game.actions))  # the computer moves
        await pilot.pause()
    loaded = load_save(path)  # every line still signed by this class
    assert len(loaded.actions) > len(game.actions)
    assert loaded.signature(ClassSecret(PASSPHRASE)).trusted


async def test_a_new_facilitated_game_is_signed_with_its_passphrase(tutorial):
    app = TabletopApp(scenario=tutorial, washington="human", moscow="grit", seed=3, pace=0,
                      classroom=Classroom(passphrase=PASSPHRASE))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.session is not None and app.session.autosave.path is not None)
        path = app.session.autosave.path
    loaded = load_save(path)
    assert loaded.signed_with_passphrase
    assert loaded.signature(ClassSecret(PASSPHRASE)).trusted
    assert loaded.signature(ClassSecret("another")).failed


def test_the_resume_command_passes_the_passphrase_on_to_the_console(temporary_saves, tutorial, monkeypatch):
    game = unfinished(tutorial)
    with SaveWriter.create(game, temporary_saves, key=facilitator_key(PASSPHRASE)) as writer:
        path = writer.path
    seen: dict[str, object] = {}

    def run_resumed(game, writer, saves_folder=None, warning=None, passphrase=None) -> int:
        seen["passphrase"] = passphrase
        seen["signed"] = writer.key is not None
        return 0

    monkeypatch.setattr("tabletop.tui.launch.run_resumed", run_resumed)
    args = argparse.Namespace(save=str(path), saves_dir=None, passphrase=PASSPHRASE, key_file=None, show_opponent=False)
    assert resume_command.run(args) == 0
    assert seen == {"passphrase": PASSPHRASE, "signed": True}
