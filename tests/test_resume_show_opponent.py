"""``tabletop resume`` keeps the trainer's choice made at ``play``, and ``--show-opponent`` lets a trainer reveal
the computer's style later (issue 10 point 2; issue 11: resume restores everything the game was started with)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tabletop.cli.main import main
from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.opponents import make_opponent
from tabletop.saves.folder import list_saves
from tabletop.saves.signing import SaveKey
from tabletop.saves.writer import SaveWriter, load_save
from tabletop.tui.app import TabletopApp
from tabletop.tui.autosave import Autosave
from tabletop.tui.messages import PlaySaved

W, M = Side.WASHINGTON, Side.MOSCOW
PASSPHRASE = "rooks-at-dawn"
NOTE = "A note the rewritten save keeps."


def header(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8").splitlines()[0])


def saved_game(folder: Path, tutorial, show: bool = False, key: SaveKey | None = None,
               moves: int = 5) -> tuple[Path, Game]:
    game = Game(tutorial, 17, {W: "human", M: "grit"})
    players = {side: make_opponent("conceder" if side is W else "grit", side, game.seed) for side in (W, M)}
    with SaveWriter.create(game, folder, show_opponent=show, key=key) as writer:
        for _ in range(moves):
            game.apply(players[game.awaiting()[0]].decide(game))
            writer.append(game)
        writer.note(game, NOTE)
    return writer.path, game


@pytest.fixture
def opened(monkeypatch) -> dict:
    """The app ``tabletop resume`` opens, caught instead of run (what it would play on, and how)."""
    seen: dict = {}

    def run(self) -> None:
        opening = self.opening
        assert isinstance(opening, PlaySaved)
        seen["header"] = dict(opening.writer.header)
        seen["shown"] = Autosave.resume(opening.writer).show_opponent  # what the table's session is given
        seen["actions"] = len(opening.game.actions)

    monkeypatch.setattr(TabletopApp, "run", run)
    return seen


def test_resume_keeps_the_choice_made_at_play(tmp_path, tutorial, opened):
    path, _ = saved_game(tmp_path, tutorial, show=True)
    assert main(["resume", str(path)]) == 0
    assert opened["shown"] is True
    hidden, _ = saved_game(tmp_path / "hidden", tutorial)
    assert main(["resume", str(hidden)]) == 0
    assert opened["shown"] is False


def test_resume_show_opponent_reveals_the_style_from_now_on(tmp_path, tutorial, opened):
    path, game = saved_game(tmp_path, tutorial)
    assert header(path)["seats"]["moscow"] == "computer"
    assert list_saves(tmp_path)[0].seats_shown == "human vs computer"
    assert main(["resume", str(path), "--show-opponent"]) == 0
    assert opened["shown"] is True and opened["actions"] == len(game.actions) == 5
    # the header records it: in words, and for whoever opens the game next
    record = header(path)
    assert record["show_opponent"] is True and record["seats"] == {"washington": "human", "moscow": "grit"}
    assert "hidden_seats" not in record
    assert list_saves(tmp_path)[0].seats_shown == "human vs grit"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # written again in place, nothing beside it
    loaded = load_save(path)
    assert loaded.replay(verify=True).fingerprint() == game.fingerprint()
    assert [note.text for note in loaded.notes] == [NOTE]
    assert main(["resume", str(path)]) == 0
    assert opened["shown"] is True


def test_a_signed_game_stays_signed_by_its_class(tmp_path, tutorial, opened, capsys):
    path, game = saved_game(tmp_path, tutorial, key=SaveKey.from_passphrase(PASSPHRASE))
    created = header(path)["created"]
    assert main(["resume", str(path), "--show-opponent", "--passphrase", PASSPHRASE]) == 0
    assert opened["shown"] is True and header(path)["created"] == created
    assert main(["replay", "--verify", str(path), "--passphrase", PASSPHRASE]) == 0
    assert "signed by this class" in capsys.readouterr().out


def test_the_help_says_what_show_opponent_does(capsys):
    with pytest.raises(SystemExit):
        main(["resume", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--show-opponent" in text
    assert re.search(r"show the players the computer opponent's style \(hidden by default until the debrief\)", text)
