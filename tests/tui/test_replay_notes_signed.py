"""A note added in the replay viewer to a signed (classroom) game.

The note goes into the save signed like the rest of it, with the class passphrase given to
``tabletop replay`` (``--passphrase`` or ``$TABLETOP_PASSPHRASE``); when none was given, the note
dialog asks for it (as "play on from here" does), and says there when it is the wrong one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from screentext import toast_text
from textual.widgets import Input, Static
from tuikit import wait_for

from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.opponents import make_opponent
from tabletop.saves.signing import ClassSecret, SaveKey
from tabletop.saves.writer import SaveWriter, load_save
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.messages import OpenReplay
from tabletop.tui.screens.replay import ReplayScreen
from tabletop.tui.screens.replay_dialogs import NoteScreen

W, M = Side.WASHINGTON, Side.MOSCOW
PASSPHRASE = "rooks-at-dawn"
SIZE = (120, 40)


@pytest.fixture(autouse=True)
def no_secret_in_the_environment(monkeypatch) -> None:
    monkeypatch.delenv("TABLETOP_PASSPHRASE", raising=False)
    monkeypatch.delenv("TABLETOP_KEY_FILE", raising=False)


def played(path: Path, key: SaveKey | None) -> Path:
    """A game of two teams, 10 actions in, saved under ``path`` (signed with ``key`` if given)."""
    game = Game(resolve("tutorial"), 21, {W: "human", M: "human"})
    players = {side: make_opponent("grit", side, game.seed) for side in (W, M)}
    with SaveWriter.create(game, path, key=key) as writer:
        for _ in range(10):
            game.apply(players[game.awaiting()[0]].decide(game))
            writer.append(game)
    return writer.path


@pytest.fixture()
def signed(tmp_path) -> Path:
    return played(tmp_path, SaveKey.from_passphrase(PASSPHRASE))


async def open_note(pilot, app: TabletopApp) -> NoteScreen:
    await pilot.press("n")
    await wait_for(pilot, lambda: isinstance(app.screen, NoteScreen))
    assert isinstance(app.screen, NoteScreen)
    return app.screen


def dialog_text(dialog: NoteScreen) -> str:
    return " ".join(" ".join(str(w.content).split()) for w in dialog.query(Static))


async def write_note(pilot, dialog: NoteScreen, text: str, passphrase: str | None = None) -> None:
    """Type ``text`` and press "Add note"; or with a ``passphrase``, type it in its field and press Enter there
    (clicks on a button within its 0.2 s "active" effect are ignored: a test clicks again far sooner)."""
    dialog.query_one("#note-text", Input).value = text
    if passphrase is None:
        await pilot.click("#note-ok")
    else:
        field = dialog.query_one("#note-passphrase", Input)
        field.value = passphrase
        field.focus()
        await pilot.press("enter")
    await pilot.pause()


def noted(path: Path) -> list[str]:
    return [note.text for note in load_save(path).notes]


def signed_by_the_class(path: Path) -> bool:
    return load_save(path).signature(ClassSecret(passphrase=PASSPHRASE)).trusted


async def test_the_passphrase_given_to_replay_signs_the_note_without_asking(signed):
    """As ``tabletop replay SAVE --passphrase TEXT`` opens it (the app's opening replay)."""
    app = TabletopApp(opening=OpenReplay(load_save(signed), None, 6, secret=ClassSecret(passphrase=PASSPHRASE)))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen))
        dialog = await open_note(pilot, app)
        assert not dialog.query("#note-passphrase")
        await write_note(pilot, dialog, "Moscow tests the red line here")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen))
        assert "Note not saved" not in toast_text(app)
        assert "Moscow tests the red line here" in str(app.screen.query_one("#replay-notes", Static).content)
    assert noted(signed) == ["Moscow tests the red line here"]
    assert signed_by_the_class(signed)


async def test_the_passphrase_in_the_environment_signs_the_note_without_asking(signed, monkeypatch):
    monkeypatch.setenv("TABLETOP_PASSPHRASE", PASSPHRASE)
    app = TabletopApp()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.push_screen(ReplayScreen(load_save(signed), at=6))
        await pilot.pause()
        dialog = await open_note(pilot, app)
        assert not dialog.query("#note-passphrase")
        await write_note(pilot, dialog, "a turning point")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen))
        assert "Note not saved" not in toast_text(app)
    assert noted(signed) == ["a turning point"]
    assert signed_by_the_class(signed)


async def test_no_passphrase_given_the_note_dialog_asks_and_says_a_wrong_one(signed):
    app = TabletopApp()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.push_screen(ReplayScreen(load_save(signed), at=6))
        await pilot.pause()
        dialog = await open_note(pilot, app)
        assert "signed by its facilitator" in dialog_text(dialog)
        await write_note(pilot, dialog, "a turning point", "knights-at-noon")
        assert app.screen is dialog  # refused: the dialog stays, saying why
        said = str(dialog.query_one("#note-error", Static).content)
        assert "not the passphrase this game was signed with" in said
        assert "\n" not in said.strip()
        assert dialog.query_one("#note-text", Input).value == "a turning point"  # the note is kept
        assert noted(signed) == []
        await write_note(pilot, dialog, "a turning point", "")
        assert app.screen is dialog  # no passphrase: still no note, and the dialog says so
        assert "passphrase" in str(dialog.query_one("#note-error", Static).content)
        await write_note(pilot, dialog, "a turning point", PASSPHRASE)
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen))
        assert noted(signed) == ["a turning point"]
        # asked once: the next note is signed with the passphrase typed
        await pilot.press("right")
        dialog = await open_note(pilot, app)
        assert not dialog.query("#note-passphrase")
        await write_note(pilot, dialog, "and the answer")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen))
        assert "Note not saved" not in toast_text(app)
    assert noted(signed) == ["a turning point", "and the answer"]
    assert signed_by_the_class(signed)


async def test_a_wrong_passphrase_given_to_replay_is_asked_again_in_the_dialog(signed):
    app = TabletopApp()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.push_screen(ReplayScreen(load_save(signed), at=6, secret=ClassSecret(passphrase="knights")))
        await pilot.pause()
        dialog = await open_note(pilot, app)
        assert "The passphrase given is not the one this game was signed with" in dialog_text(dialog)
        await write_note(pilot, dialog, "a turning point", PASSPHRASE)
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen))
    assert noted(signed) == ["a turning point"]
    assert signed_by_the_class(signed)


async def test_an_unsigned_game_takes_a_note_without_a_word_of_passphrases(tmp_path):
    path = played(tmp_path, None)
    app = TabletopApp()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.push_screen(ReplayScreen(load_save(path), at=6))
        await pilot.pause()
        dialog = await open_note(pilot, app)
        assert not dialog.query("#note-passphrase") and "passphrase" not in dialog_text(dialog).lower()
        await write_note(pilot, dialog, "a turning point")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen))
    assert noted(path) == ["a turning point"]


def test_replay_hands_the_passphrase_on_the_command_line_to_the_viewer(signed, monkeypatch):
    from tabletop.cli.main import main
    from tabletop.tui import launch

    given: dict[str, object] = {}

    def viewer(loaded, game=None, saves_folder=None, at=0, secret=None) -> int:
        given["secret"] = secret
        return 0

    monkeypatch.setattr(launch, "run_replay", viewer)
    assert main(["replay", str(signed), "--passphrase", PASSPHRASE]) == 0
    secret = given["secret"]
    assert isinstance(secret, ClassSecret) and secret.passphrase == PASSPHRASE


async def test_the_passphrase_given_to_replay_also_signs_a_what_if(signed, tmp_path, monkeypatch):
    """"Play on from here" uses the passphrase given to the viewer too: it does not ask for it."""
    from textual.widgets import Select

    from tabletop.tui.screens.replay_dialogs import ForkScreen

    monkeypatch.setenv("TABLETOP_SAVES", str(tmp_path / "saves"))
    app = TabletopApp()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.push_screen(ReplayScreen(load_save(signed), at=6, secret=ClassSecret(passphrase=PASSPHRASE)))
        await pilot.pause()
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ForkScreen))
        dialog = app.screen
        assert not dialog.query("#fork-passphrase")
        assert "signed like its original, with the class passphrase" in " ".join(
            str(w.content) for w in dialog.query(Static))
        dialog.query_one("#fork-moscow", Select).value = "hardliner"
        dialog.query_one("#fork-name", Input).value = "what-if"
        dialog.submit()
        await wait_for(pilot, lambda: not isinstance(app.screen, (ForkScreen, ReplayScreen)))
    assert signed_by_the_class(tmp_path / "saves" / "what-if.jsonl")


async def test_a_game_signed_with_a_key_file_not_given_takes_no_note_and_says_so(tmp_path):
    from tabletop.saves.signing import create_key_file

    key_file = create_key_file(tmp_path / "class.key")
    path = played(tmp_path / "class", SaveKey.from_key_file(key_file))
    app = TabletopApp()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.push_screen(ReplayScreen(load_save(path), at=6))
        await pilot.pause()
        await pilot.press("n")
        await wait_for(pilot, lambda: "key file" in toast_text(app))  # the toast is drawn after the key's handler
        assert isinstance(app.screen, ReplayScreen)  # no dialog: a key file cannot be typed in
        said = [line for line in toast_text(app).splitlines() if "key file" in line]
        assert len(said) == 1 and "--key-file" in said[0], toast_text(app)
    assert noted(path) == []
    app = TabletopApp()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.push_screen(ReplayScreen(load_save(path), at=6, secret=ClassSecret(key_file=str(key_file))))
        await pilot.pause()
        dialog = await open_note(pilot, app)
        await write_note(pilot, dialog, "a turning point")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen))
    assert noted(path) == ["a turning point"]
    assert load_save(path).signature(ClassSecret(key_file=str(key_file))).trusted
