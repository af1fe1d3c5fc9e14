"""Playing on from a signed (classroom) game in the replay viewer (issue 10 review, point 2).

A what-if forked from a save its facilitator signed is signed the same way when the class's
secret is known (typed in the fork dialog, or in ``$TABLETOP_PASSPHRASE``); otherwise the
viewer says in one line that the what-if is not signed, and why.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from screentext import toast_text
from textual.widgets import Input, Select, Static
from tuikit import wait_for

from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.opponents import make_opponent
from tabletop.saves.signing import ClassSecret, SaveKey
from tabletop.saves.writer import SaveWriter, load_save
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.replay import ReplayScreen
from tabletop.tui.screens.replay_dialogs import ForkScreen

W, M = Side.WASHINGTON, Side.MOSCOW
PASSPHRASE = "rooks-at-dawn"
SIZE = (140, 44)


@pytest.fixture(autouse=True)
def saves_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "saves"
    monkeypatch.setenv("TABLETOP_SAVES", str(folder))
    monkeypatch.delenv("TABLETOP_PASSPHRASE", raising=False)
    monkeypatch.delenv("TABLETOP_KEY_FILE", raising=False)
    return folder


@pytest.fixture()
def signed(tmp_path) -> Path:
    """A classroom game of two teams, signed with its facilitator's passphrase, 10 actions in."""
    game = Game(resolve("tutorial"), 21, {W: "human", M: "human"})
    players = {side: make_opponent("grit", side, game.seed) for side in (W, M)}
    with SaveWriter.create(game, tmp_path, key=SaveKey.from_passphrase(PASSPHRASE)) as writer:
        for _ in range(10):
            game.apply(players[game.awaiting()[0]].decide(game))
            writer.append(game)
    return writer.path


async def fork_with(path: Path, passphrase: str | None, then: str | None = None) -> tuple[TabletopApp, str, str]:
    """Press ``f`` at moment 6 and play on as "what-if", typing ``passphrase`` (None: no field is expected),
    then ``then`` if the first was refused; the app, the dialog's text when it opened, and the toasts."""
    app = TabletopApp()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.push_screen(ReplayScreen(load_save(path), at=6))
        await pilot.pause()
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ForkScreen))
        dialog = app.screen
        opened = " ".join(str(w.content) for w in dialog.query(Static))
        dialog.query_one("#fork-moscow", Select).value = "hardliner"
        dialog.query_one("#fork-name", Input).value = "what-if"
        fields = list(dialog.query("#fork-passphrase"))
        if passphrase is None:
            assert not fields, opened
        else:
            fields[0].value = passphrase
        dialog.submit()
        await pilot.pause()
        if then is not None:
            assert app.screen is dialog  # refused: the dialog stays, saying why
            opened += " ⟶ " + str(dialog.query_one("#fork-error", Static).content)
            fields[0].value = then
            dialog.submit()
        await wait_for(pilot, lambda: not isinstance(app.screen, (ForkScreen, ReplayScreen)))
        await pilot.pause()
        return app, opened, toast_text(app)


def signed_by_the_class(path: Path) -> bool:
    return load_save(path).signature(ClassSecret(passphrase=PASSPHRASE)).trusted


async def test_a_fork_of_a_signed_game_is_signed_with_the_passphrase_typed(signed, saves_folder):
    app, opened, toasts = await fork_with(signed, PASSPHRASE)
    assert "signed by its facilitator" in opened
    forked = saves_folder / "what-if.jsonl"
    assert signed_by_the_class(forked)
    assert load_save(forked).seats == {W: "human", M: "hardliner"}
    assert "signed like its original" in toasts
    session = app.session
    assert session is not None and session.classroom is not None  # the console opens with the same passphrase
    assert session.classroom.passphrase == PASSPHRASE


async def test_a_wrong_passphrase_is_asked_again(signed, saves_folder):
    _, opened, _ = await fork_with(signed, "knights-at-noon", then=PASSPHRASE)
    assert "not the passphrase this game was signed with" in opened
    assert signed_by_the_class(saves_folder / "what-if.jsonl")


async def test_no_passphrase_plays_on_unsigned_and_says_so_in_one_line(signed, saves_folder):
    _, _, toasts = await fork_with(signed, "")
    forked = load_save(saves_folder / "what-if.jsonl")
    assert not forked.signed and forked.signature().status == "unsigned"
    said = [line for line in toasts.splitlines() if "not signed" in line]
    assert len(said) == 1 and "no passphrase was given" in said[0], toasts


async def test_the_passphrase_in_the_environment_signs_without_asking(signed, saves_folder, monkeypatch):
    monkeypatch.setenv("TABLETOP_PASSPHRASE", PASSPHRASE)
    _, opened, toasts = await fork_with(signed, None)
    assert "signed like its original" in opened
    assert signed_by_the_class(saves_folder / "what-if.jsonl")


async def test_an_unsigned_game_forks_unsigned_without_a_word_of_signing(tmp_path, saves_folder):
    game = Game(resolve("tutorial"), 21, {W: "human", M: "grit"})
    with SaveWriter.create(game, tmp_path / "plain") as writer:
        for _ in range(8):
            game.apply(make_opponent("grit", game.awaiting()[0], game.seed).decide(game))
            writer.append(game)
    _, opened, toasts = await fork_with(writer.path, None)
    assert "sign" not in opened.lower() and "not signed" not in toasts
    assert not load_save(saves_folder / "what-if.jsonl").signed


async def test_a_game_signed_with_a_class_key_file(tmp_path, saves_folder, monkeypatch):
    """Signed with the class key file: signed alike when $TABLETOP_KEY_FILE gives it, else said unsigned."""
    from tabletop.saves.signing import create_key_file

    key_file = create_key_file(tmp_path / "class.key")
    game = Game(resolve("tutorial"), 21, {W: "human", M: "human"})
    with SaveWriter.create(game, tmp_path / "class", key=SaveKey.from_key_file(key_file)) as writer:
        for _ in range(8):
            game.apply(make_opponent("grit", game.awaiting()[0], game.seed).decide(game))
            writer.append(game)
    _, opened, toasts = await fork_with(writer.path, None)
    assert "The what-if will not be signed: its original is signed with a class key file" in " ".join(opened.split())
    assert "This what-if is not signed" in toasts
    assert not load_save(saves_folder / "what-if.jsonl").signed
    (saves_folder / "what-if.jsonl").unlink()
    monkeypatch.setenv("TABLETOP_KEY_FILE", str(key_file))
    _, opened, toasts = await fork_with(writer.path, None)
    assert "signed like its original, with the class key file" in opened and "signed like its original" in toasts
    forked = load_save(saves_folder / "what-if.jsonl")
    assert forked.signature(ClassSecret(key_file=str(key_file))).trusted
