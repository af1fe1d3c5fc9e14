"""``tabletop report`` and ``tabletop compare`` of a game still in progress keep a hidden computer's secrets.

The rule is the replay viewer's (docs/RULES.md, "Who sees what"): a computer opponent's style is named when the
trainer showed it (``--show-opponent``, recorded in the save) or no person played against a computer; otherwise
only at the end of a finished game; in a game still in progress the computer's confidential brief is sealed. A
student who runs the report on their own autosave mid-game must not read the computer's walk-away or style.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tabletop.cli.main import main
from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.opponents import make_opponent
from tabletop.reports.after_action import after_action_report
from tabletop.saves.signing import SaveKey
from tabletop.saves.writer import SaveWriter, load_save
from tabletop.scenarios.library import resolve

W, M = Side.WASHINGTON, Side.MOSCOW
STYLE = "opportunist"  # the tutorial's text names no style but GRIT
PASSPHRASE = "the class of 2025"
# Moscow's confidential brief in the tutorial: its text, its walk-away (in words and in the report's line).
MOSCOW_SECRETS = ("Visas for your rotating diplomats", "Your walk-away value is 40", "Walk-away value: 40.")


@pytest.fixture(autouse=True)
def no_secret_in_the_environment(monkeypatch):
    monkeypatch.delenv("TABLETOP_PASSPHRASE", raising=False)
    monkeypatch.delenv("TABLETOP_KEY_FILE", raising=False)


def saved_game(folder: Path, seats: dict[Side, str], moves: int | None, key: SaveKey | None = None,
               show_opponent: bool = False) -> tuple[Path, Game]:
    """A tutorial game saved as it is played (a person's moves made by a stand-in), stopped after ``moves``
    moves (None: played to the end)."""
    game = Game(resolve("tutorial"), 12, seats)
    players = {side: make_opponent("conceder" if seat == "human" else seat, side, game.seed)
               for side, seat in seats.items()}
    with SaveWriter.create(game, folder, key=key, show_opponent=show_opponent) as writer:
        while not game.is_over and (moves is None or len(game.actions) < moves):
            game.apply(players[game.awaiting()[0]].decide(game))
            writer.append(game)
    return writer.path, game


def report(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["report", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def names_style(text: str) -> bool:
    return re.search(rf"\b{STYLE}\b", text, re.IGNORECASE) is not None


def sealed_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "sealed" in line.lower() and "--show-opponent" in line]


def test_the_report_of_a_game_in_progress_against_a_hidden_computer_keeps_its_secrets(tmp_path, capsys):
    path, game = saved_game(tmp_path, {W: "human", M: STYLE}, moves=12)
    assert not game.is_over
    code, out, _ = report(capsys, str(path))
    assert code == 0 and out.startswith("# After-action report")
    assert not names_style(out), "the report names the hidden computer's style"
    for secret in MOSCOW_SECRETS:
        assert secret not in out, secret
    assert "computer" in out  # it does say a computer plays Moscow
    assert "Walk-away value: 50." in out and "walk-away value of 50" in out  # the person's own brief stays
    assert len(sealed_lines(out)) == 1, "one line says what is sealed and how a trainer lifts it"
    target = tmp_path / "report.md"
    assert main(["report", str(path), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == out


def test_a_trainer_lifts_the_seal_with_show_opponent(tmp_path, capsys):
    path, _ = saved_game(tmp_path, {W: "human", M: STYLE}, moves=12)
    before = path.read_bytes()
    code, out, _ = report(capsys, str(path), "--show-opponent")
    assert code == 0 and names_style(out) and all(secret in out for secret in MOSCOW_SECRETS)
    assert not sealed_lines(out)
    loaded = load_save(path)
    assert out == after_action_report(loaded.replay(), loaded, signature=loaded.signature().text)
    assert path.read_bytes() == before  # the report writes nothing into the save


def test_a_finished_game_is_reported_in_full_as_before(tmp_path, capsys):
    path, game = saved_game(tmp_path, {W: "human", M: STYLE}, moves=None)
    assert game.is_over
    code, out, _ = report(capsys, str(path))
    loaded = load_save(path)
    assert code == 0 and out == after_action_report(loaded.replay(), loaded, signature=loaded.signature().text)
    assert names_style(out) and all(secret in out for secret in MOSCOW_SECRETS)


@pytest.mark.parametrize("seats, shown", [({W: "human", M: STYLE}, True), ({W: "grit", M: STYLE}, False),
                                          ({W: "human", M: "human"}, False)],
                         ids=["trainer-showed-it", "two-computers", "two-people"])
def test_nothing_is_sealed_when_nothing_is_hidden(tmp_path, capsys, seats, shown):
    path, game = saved_game(tmp_path, seats, moves=12, show_opponent=shown)
    assert not game.is_over
    code, out, _ = report(capsys, str(path))
    loaded = load_save(path)
    assert code == 0 and out == after_action_report(loaded.replay(), loaded, signature=loaded.signature().text)
    assert all(secret in out for secret in MOSCOW_SECRETS) and not sealed_lines(out)


def test_a_signed_class_save_needs_the_class_secret_to_lift_the_seal(tmp_path, capsys):
    path, _ = saved_game(tmp_path, {W: "human", M: STYLE}, moves=12, key=SaveKey.from_passphrase(PASSPHRASE))
    code, out, _ = report(capsys, str(path))
    assert code == 0 and not names_style(out) and len(sealed_lines(out)) == 1
    code, out, err = report(capsys, str(path), "--show-opponent")
    assert code == 1 and not out and len(err.strip().splitlines()) == 1
    assert "passphrase" in err and path.name in err
    code, out, err = report(capsys, str(path), "--show-opponent", "--passphrase", "not it")
    assert code == 1 and not out and len(err.strip().splitlines()) == 1
    code, out, _ = report(capsys, str(path), "--show-opponent", "--passphrase", PASSPHRASE)
    assert code == 0 and names_style(out) and all(secret in out for secret in MOSCOW_SECRETS)
    assert main(["compare", str(path), "--show-opponent"]) == 1  # compare asks the same
    captured = capsys.readouterr()
    assert not captured.out and len(captured.err.strip().splitlines()) == 1 and "passphrase" in captured.err
    assert main(["compare", str(path), "--show-opponent", "--passphrase", PASSPHRASE]) == 0
    assert names_style(capsys.readouterr().out)


def test_compare_of_a_game_in_progress_keeps_the_hidden_computers_secrets(tmp_path, capsys):
    path, _ = saved_game(tmp_path, {W: "human", M: STYLE}, moves=12)
    finished, _ = saved_game(tmp_path / "other", {W: "grit", M: "hardliner"}, moves=None)
    for extra in ([], ["-o", str(tmp_path / "class.md")]):
        assert main(["compare", str(path), str(finished), *extra]) == 0
        out = capsys.readouterr().out
        text = (tmp_path / "class.md").read_text(encoding="utf-8") if extra else out
        assert not names_style(text), "compare names the hidden computer's style"
        # Moscow's walk-away, the Nash point and the frontier plot (drawn from both sides' valuations)
        assert "Moscow 40" not in text and "Nash bargaining point" not in text and "walk-away values: right" not in text
        assert "hardliner" in text  # the finished game of two computers is shown whole
        assert len(sealed_lines(text)) == 1
    assert main(["compare", str(path), str(finished), "--show-opponent"]) == 0
    out = capsys.readouterr().out
    assert names_style(out) and not sealed_lines(out)
