"""Bad saves: each gets one line naming the file and the problem (exit 1, no traceback)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tabletop.cli.main import main
from tabletop.engine.autoplay import simulate
from tabletop.saves.chain import rechain
from tabletop.saves.writer import SaveError, SaveWriter, load_save, write_game


@pytest.fixture(scope="module")
def good_lines(tutorial) -> list[str]:
    import tempfile

    game = simulate(tutorial, "grit", "tit-for-tat", 3)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g.jsonl"
        write_game(game, path)
        return path.read_text(encoding="utf-8").splitlines(keepends=True)


def edit(lines: list[str], n: int, change) -> list[str]:
    """A copy of the save's lines with line ``n`` (0 = header) changed by ``change(record)``.

    The hash chain is recomputed, as someone editing a save on purpose can do: these tests reach the
    checks behind the chain (a changed line that keeps its old hash is caught by the chain itself).
    """
    out = list(lines)
    record = json.loads(out[n])
    change(record)
    out[n] = json.dumps(record, separators=(",", ":")) + "\n"
    return rechained(out)


def rechained(lines: list[str]) -> list[str]:
    return [line.decode("utf-8") for line in rechain([line.encode("utf-8") for line in lines])]


def check_one_line_error(capsys, path: Path, *needles: str) -> str:
    for argv in (["replay", str(path), "--verify"], ["report", str(path)]):
        assert main(argv) == 1, argv
        captured = capsys.readouterr()
        err = captured.err.strip().splitlines()
        assert len(err) == 1, err
        assert str(path) in err[0]
        for needle in needles:
            assert needle in err[0], (needle, err[0])
        assert captured.out == ""
    return err[0]


def write(tmp_path: Path, lines: list[str] | bytes, name: str = "s.jsonl") -> Path:
    path = tmp_path / name
    path.write_bytes(lines if isinstance(lines, bytes) else "".join(lines).encode("utf-8"))
    return path


def test_missing_file(tmp_path, capsys):
    check_one_line_error(capsys, tmp_path / "nope.jsonl", "no such file")


def test_directory(tmp_path, capsys):
    check_one_line_error(capsys, tmp_path, "is a directory")


def test_empty_file(tmp_path, capsys):
    check_one_line_error(capsys, write(tmp_path, b""), "is empty")
    check_one_line_error(capsys, write(tmp_path, b"\n \n\n"), "is empty")


def test_binary_garbage(tmp_path, capsys):
    check_one_line_error(capsys, write(tmp_path, bytes(range(256)) * 4), "binary")
    check_one_line_error(capsys, write(tmp_path, b"\xff\xfe\xfa garbage\n"), "not a tabletop save")


def test_not_a_save(tmp_path, capsys):
    check_one_line_error(capsys, write(tmp_path, b'{"kind": "header", "format": "other"}\n'), "not a tabletop save")
    check_one_line_error(capsys, write(tmp_path, b"[1, 2, 3]\n"), "not a tabletop save")
    check_one_line_error(capsys, write(tmp_path, b"[" * 100_000 + b"\n"), "not a tabletop save")


def test_a_line_of_garbage_in_the_middle(tmp_path, capsys, good_lines):
    lines = list(good_lines)
    lines[5] = "this is not json at all\n"
    check_one_line_error(capsys, write(tmp_path, lines), "line 6", "changed or damaged")
    lines[5] = '{"kind":"gossip"}\n'
    check_one_line_error(capsys, write(tmp_path, lines), "line 6", "changed or damaged")
    check_one_line_error(capsys, write(tmp_path, rechained(lines)), "line 6", "not a save record")
    lines[5] = '"\xe9t\xe9"\n'
    check_one_line_error(capsys, write(tmp_path, lines), "line 6")


def test_unknown_format_version(tmp_path, capsys, good_lines):
    def bump(record):
        record["version"] = 99

    check_one_line_error(capsys, write(tmp_path, edit(good_lines, 0, bump)), "version 99 is not supported")


def test_an_action_the_rules_refuse(tmp_path, capsys, good_lines):
    def illegal(record):
        record["action"] = {"type": "pass", "side": "moscow"}

    error = check_one_line_error(capsys, write(tmp_path, edit(good_lines, 1, illegal)), "action 1", "refused")
    assert "pass by moscow" in error


def test_an_action_that_is_not_an_action(tmp_path, capsys, good_lines):
    def unknown(record):
        record["action"] = {"type": "__import__", "name": "os"}

    check_one_line_error(capsys, write(tmp_path, edit(good_lines, 3, unknown)), "line 4", "unknown action type")

    def sequence(record):
        record["n"] = 7

    check_one_line_error(capsys, write(tmp_path, edit(good_lines, 3, sequence)), "out of sequence")


def test_a_fingerprint_that_does_not_match(tmp_path, capsys, good_lines):
    def tamper(record):
        record["fingerprint"] = "0123456789abcdef"

    error = check_one_line_error(capsys, write(tmp_path, edit(good_lines, 6, tamper)), "action 6",
                                 "does not reproduce the recorded state")
    assert "line 7" in error


def test_a_tampered_board_is_caught_by_the_next_fingerprint(tmp_path, capsys, good_lines):
    n = next(i for i, line in enumerate(good_lines) if '"type":"gesture"' in line or '"type":"propose"' in line)
    lines = edit(good_lines, n, lambda r: r["action"].update(side="moscow" if r["action"]["side"] == "washington"
                                                              else "washington"))
    check_one_line_error(capsys, write(tmp_path, lines), f"action {n}")


def test_an_embedded_scenario_that_does_not_validate(tmp_path, capsys, good_lines):
    def break_it(record):
        record["scenario"] = record["scenario"].replace("rounds = ", "rounds = -", 1)

    error = check_one_line_error(capsys, write(tmp_path, edit(good_lines, 0, break_it)), "embedded scenario")
    assert "rounds" in error

    def not_toml(record):
        record["scenario"] = "[[[ not toml"

    check_one_line_error(capsys, write(tmp_path, edit(good_lines, 0, not_toml)), "embedded scenario")


def test_a_bad_header_field(tmp_path, capsys, good_lines):
    check_one_line_error(capsys, write(tmp_path, edit(good_lines, 0, lambda r: r.update(seed="x"))), "seed")
    check_one_line_error(capsys, write(tmp_path, edit(good_lines, 0, lambda r: r["seats"].update(moscow="evil"))),
                         "seat")


def test_a_last_line_cut_off_by_a_crash_loads_the_rest_with_a_warning(tmp_path, capsys, good_lines):
    lines = list(good_lines)
    lines[-1] = lines[-1][: len(lines[-1]) // 2]
    path = write(tmp_path, lines)
    loaded = load_save(path)
    assert len(loaded.actions) == len(good_lines) - 2
    assert loaded.warning and "cut off" in loaded.warning and str(path) in loaded.warning
    assert main(["replay", str(path), "--verify"]) == 0
    captured = capsys.readouterr()
    assert "cut off" in captured.err and "ok" in captured.out
    # Resuming drops the cut-off line before going on.
    game = loaded.replay()
    with SaveWriter.resume(loaded) as writer:
        writer.note(game, "after the crash")
    again = load_save(path)
    assert again.warning is None and len(again.actions) == len(loaded.actions)
    assert again.notes[-1].text == "after the crash"


def test_a_cut_off_header_is_an_error(tmp_path, capsys, good_lines):
    check_one_line_error(capsys, write(tmp_path, good_lines[0][:200]), "not a tabletop save")


def test_a_last_line_without_its_newline_but_complete_is_kept(tmp_path, good_lines):
    lines = list(good_lines)
    lines[-1] = lines[-1].rstrip("\n")
    loaded = load_save(write(tmp_path, lines))
    assert loaded.warning is None and len(loaded.actions) == len(good_lines) - 1


def test_no_traceback_from_the_real_command(tmp_path):
    path = write(tmp_path, b"\x00\x01garbage")
    result = subprocess.run([sys.executable, "-m", "tabletop", "replay", str(path), "--verify"],
                            capture_output=True, text=True, timeout=60, env={**os.environ})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_damage_is_a_save_error_or_a_good_load(tmp_path, good_lines, data):
    lines = list(good_lines)
    n = data.draw(st.integers(1, len(lines) - 1))
    how = data.draw(st.sampled_from(["byte", "drop", "swap", "cut"]))
    if how == "byte":
        line = lines[n]
        i = data.draw(st.integers(0, len(line) - 2))
        lines[n] = line[:i] + data.draw(st.characters(codec="utf-8")) + line[i + 1:]
    elif how == "drop":
        del lines[n]
    elif how == "swap":
        m = data.draw(st.integers(1, len(lines) - 1))
        lines[n], lines[m] = lines[m], lines[n]
    else:
        lines = lines[:n] + [lines[n][: data.draw(st.integers(0, len(lines[n]) - 1))]]
    path = write(tmp_path, lines, "fuzz.jsonl")
    try:
        game = load_save(path).replay(verify=True)
    except SaveError as error:
        assert "\n" not in str(error) and str(path) in str(error)
        return
    # A damaged save that loads is the same game, or the same game cut short (as a crash leaves it):
    # never another game.
    original = load_save(write(tmp_path, good_lines, "good.jsonl")).replay(verify=True)
    moment = len(game.actions)
    assert (game.scenario.id, game.seed, game.seats) == (original.scenario.id, original.seed, original.seats)
    assert game.actions == original.actions[:moment]
    assert game.fingerprint() == original.history[moment].fingerprint()


def test_a_changed_opening_or_round_is_reported(tmp_path, capsys, good_lines):
    lines = edit(good_lines, 0, lambda r: r.update(opening="0000000000000000"))
    check_one_line_error(capsys, write(tmp_path, lines), "opening state", "rules changed")
    lines = edit(good_lines, 5, lambda r: r.update(round=r["round"] + 1))
    check_one_line_error(capsys, write(tmp_path, lines), "action 5", "the save says")
