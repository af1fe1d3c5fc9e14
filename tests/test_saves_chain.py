"""Every byte of a save is covered by its hash chain: a change anywhere is named at its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop import __version__
from tabletop.cli.main import main
from tabletop.engine import RULES_VERSION
from tabletop.engine.autoplay import simulate
from tabletop.saves.writer import VERSION, Note, SaveWriter, load_save, write_game


@pytest.fixture(scope="module")
def original(tutorial, tmp_path_factory) -> bytes:
    game = simulate(tutorial, "grit", "tit-for-tat", 3)
    path = tmp_path_factory.mktemp("chain") / "g.jsonl"
    write_game(game, path, notes=[Note(2, 1, "A note on the second move.")])
    return path.read_bytes()


def lines_of(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def replace_in_line(data: bytes, number: int, old: bytes, new: bytes) -> bytes:
    lines = lines_of(data)
    assert old in lines[number - 1], (old, lines[number - 1][:200])
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return b"".join(lines)


def verify_error(capsys, path: Path) -> str:
    assert main(["replay", str(path), "--verify"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith(str(path))
    return err[0]


def test_new_saves_are_version_3_and_record_the_rules_version(original):
    header = json.loads(lines_of(original)[0])
    assert VERSION == 3 and header["version"] == 3  # 3: a computer's hidden style kept out of sight (hidden_seats)
    assert header["rules"] == RULES_VERSION and header["app"] == f"tabletop {__version__}"
    assert all(len(json.loads(line)["chain"]) == 64 for line in lines_of(original))


def test_the_embedded_scenario_is_covered_at_line_1(tmp_path, capsys, original):
    # The example: Moscow's walk-away lowered inside the save passed --verify and changed scores.
    header = json.loads(lines_of(original)[0])
    assert "walk_away = " in header["scenario"]
    walk = header["scenario"].split("walk_away = ", 2)[2].split("\n", 1)[0]
    damaged = replace_in_line(original, 1, f"walk_away = {walk}".encode(), b"walk_away = 5")
    path = tmp_path / "s.jsonl"
    path.write_bytes(damaged)
    error = verify_error(capsys, path)
    assert "line 1 was changed or damaged" in error
    assert main(["compare", str(path)]) == 1
    assert "line 1" in capsys.readouterr().err


@pytest.mark.parametrize(("what", "number", "old", "new"), [
    ("seats", 1, b'"moscow":"tit-for-tat"', b'"moscow":"hardliner"'),
    ("a note's text", 4, b"A note on the second move.", b"A kinder note."),
    ("an action's side", 2, b'"side":"washington"', b'"side":"moscow"'),
    ("the title", 1, b'"title":"', b'"title":"X'),
    ("an end-of-game flag", -1, b'"ended":true', b'"ended":false'),
])
def test_a_change_anywhere_is_named_at_its_line(tmp_path, capsys, original, what, number, old, new):
    number = number if number > 0 else len(lines_of(original))
    path = tmp_path / "s.jsonl"
    path.write_bytes(replace_in_line(original, number, old, new))
    assert f"line {number} was changed or damaged" in verify_error(capsys, path), what


def test_a_removed_or_moved_line_is_named(tmp_path, capsys, original):
    lines = lines_of(original)
    path = tmp_path / "s.jsonl"
    path.write_bytes(b"".join(lines[:5] + lines[6:]))
    assert "line 6 was changed or damaged" in verify_error(capsys, path)
    path.write_bytes(b"".join(lines[:5] + [lines[6], lines[5]] + lines[7:]))
    assert "line 6 was changed or damaged" in verify_error(capsys, path)


def test_bytes_appended_after_the_last_line_are_reported_and_the_rest_loads(tmp_path, capsys, original):
    count = len(lines_of(original))
    for junk in (b"anything at all", b"more\nand more\n", b'{"kind":"note","at":0}\n'):
        path = tmp_path / "s.jsonl"
        path.write_bytes(original + junk)
        loaded = load_save(path)
        assert loaded.warning is not None and f"line {count + 1} is incomplete or not part of the save" \
            in loaded.warning
        assert loaded.good_bytes == len(original)
        assert main(["replay", str(path), "--verify"]) == 0
        captured = capsys.readouterr()
        assert f"line {count + 1}" in captured.err and ": ok," in captured.out


def test_a_lost_final_newline_changes_nothing(tmp_path, original):
    path = tmp_path / "s.jsonl"
    path.write_bytes(original[:-1])
    loaded = load_save(path)
    assert loaded.warning is None and len(loaded.seals) == len(lines_of(original))


def test_resuming_after_appended_bytes_drops_them_and_keeps_the_chain(tmp_path, original, tutorial):
    path = tmp_path / "s.jsonl"
    path.write_bytes(original + b"half a line")
    loaded = load_save(path)
    game = loaded.replay()
    with SaveWriter.resume(loaded) as writer:
        writer.note(game, "after the crash")
    again = load_save(path)
    assert again.warning is None and again.notes[-1].text == "after the crash"
    assert len(again.seals) == len(lines_of(original)) + 1


def test_verify_says_the_chain_is_whole_and_unsigned(tmp_path, capsys, original):
    path = tmp_path / "s.jsonl"
    path.write_bytes(original)
    assert main(["replay", str(path), "--verify"]) == 0
    out = capsys.readouterr().out
    assert f"{len(lines_of(original))} lines chained; unsigned" in out


def test_a_new_save_downgraded_to_version_1_is_caught_at_line_1(tmp_path, capsys, original):
    path = tmp_path / "s.jsonl"
    path.write_bytes(replace_in_line(original, 1, b'"version":3', b'"version":1'))
    error = verify_error(capsys, path)
    assert "line 1 was changed" in error and "hash chain" in error
