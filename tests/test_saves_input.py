"""Bounded input: saves and scenarios are read only from regular files, never past a stated size, and every
problem is one line of at most 300 characters that starts with the file's path and quotes little, inertly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tabletop.cli.main import main
from tabletop.engine.actions import CustomInject, Note
from tabletop.engine.effects import Effects
from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.saves import format as save_format
from tabletop.saves.chain import rechain
from tabletop.saves.writer import write_game
from tabletop.scenarios.library import load_path, read_text

LEGACY = Path(__file__).parent / "data" / "saves-v0.1"
CLASSROOM = LEGACY / "classroom-istanbul-2025-04.jsonl"
SHIPPED = Path(__file__).parent.parent / "scenarios"


def one_line(capsys, argv: list[str], code: int = 1) -> str:
    assert main(argv) == code, argv
    captured = capsys.readouterr()
    err = (captured.err or captured.out).strip().splitlines()  # validate reports problems on stdout
    assert len(err) == 1, err
    assert len(err[0]) <= 300, len(err[0])
    assert "\x1b" not in err[0] and "\x07" not in err[0]
    return err[0]


def run_tabletop(*argv: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tabletop", *argv], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("command", [["replay", "{}", "--verify"], ["validate", "{}"], ["report", "{}"]])
def test_a_fifo_is_refused_at_once(tmp_path, command):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    result = run_tabletop(*[part.format(fifo) for part in command])  # before: blocked until killed
    assert result.returncode == 1
    assert (result.stderr or result.stdout).strip() == f"{fifo}: is a FIFO (named pipe), not a regular file; expected " + (
        "a TOML scenario file" if command[0] == "validate" else "a tabletop save")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("command", [["replay", "/dev/zero", "--verify"], ["validate", "/dev/zero"]])
def test_dev_zero_is_refused_at_once_without_reading_it(command):
    result = run_tabletop(*command, timeout=30)  # before: grew to gigabytes
    assert result.returncode == 1
    assert (result.stderr or result.stdout).strip().startswith("/dev/zero: is a character device, not a regular file")


def test_a_directory_and_an_empty_path(tmp_path, capsys):
    assert one_line(capsys, ["replay", str(tmp_path), "--verify"]).startswith(f"{tmp_path}: is a directory")
    error = one_line(capsys, ["validate", ""])
    assert "directory" not in error and error == '"": an empty path, expected a TOML scenario file'
    assert one_line(capsys, ["replay", "", "--verify"]) == '"": an empty path, expected a tabletop save'


def test_the_size_limit_is_stated_and_nothing_more_is_read(tmp_path, capsys, monkeypatch):
    big = tmp_path / "big.jsonl"
    big.write_bytes(CLASSROOM.read_bytes() * 3)
    monkeypatch.setattr(save_format, "MAX_SAVE_BYTES", 50_000)
    error = one_line(capsys, ["replay", str(big), "--verify"])
    assert error == f"{big}: is larger than the limit of 50,000 bytes for a tabletop save, expected a smaller file"
    scenario = tmp_path / "big.toml"
    scenario.write_text("# x\n" * 1000)
    with pytest.raises(Exception, match="larger than the limit of 100 bytes"):
        read_text(scenario, limit=100)


def custom_inject_save(tmp_path: Path, standing: object) -> tuple[Path, int]:
    """A fresh save whose custom inject's ``effects.standing`` is replaced and the chain redone; its line number."""
    game = Game(load_path(SHIPPED / "istanbul-2025-04.toml"), 99, {Side.WASHINGTON: "human", Side.MOSCOW: "human"})
    game.apply(Note(text="opening note [with brackets]"))
    game.apply(CustomInject(title="Leak", text="A memo leaks.",
                            effects=Effects(trust=-3, tension=1, standing={Side.MOSCOW: -2})))
    source = tmp_path / "v2.jsonl"
    write_game(game, source)
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if '"custom_inject"' in line)
    record = json.loads(lines[index])
    record["action"]["effects"]["standing"] = standing
    lines[index] = json.dumps(record, separators=(",", ":")) + "\n"
    path = tmp_path / "chained.jsonl"
    path.write_bytes(b"".join(rechain([line.encode("utf-8") for line in lines])))
    return path, index + 1


@pytest.mark.parametrize("standing", [[1, 2], "moscow", 7, None])
def test_a_custom_inject_whose_standing_is_not_an_object_is_one_line(tmp_path, capsys, standing):
    path, number = custom_inject_save(tmp_path, standing)
    for argv in (["replay", str(path), "--verify"], ["report", str(path)], ["compare", str(path)],
                 ["resume", str(path)]):
        error = one_line(capsys, argv)  # before: a traceback (AttributeError)
        assert error.startswith(f"{path}: line {number}: action {number - 1}: "
                                "custom_inject.effects.standing must be an object")


def test_a_long_hostile_value_is_quoted_short_and_inert(tmp_path, capsys):
    lines = CLASSROOM.read_text(encoding="utf-8").splitlines(keepends=True)
    header = json.loads(lines[0])
    header["seats"]["moscow"] = "evil\x1b]0;pwned\x07\n" + "A" * 600_000
    lines[0] = json.dumps(header) + "\n"
    path = tmp_path / "hostile\x1b[31m.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    error = one_line(capsys, ["replay", str(path), "--verify"])
    assert error.startswith(f"{tmp_path}/hostile\\x1b[31m.jsonl: line 1: seat 'moscow' is 'evil\\x1b]0;pwned\\x07\\n")
    assert "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" not in error


def test_a_path_with_a_newline_stays_on_one_line(tmp_path, capsys):
    path = tmp_path / "two\nlines.jsonl"
    assert one_line(capsys, ["replay", str(path), "--verify"]) == \
        f"{tmp_path}/two\\nlines.jsonl: no such file, expected a tabletop save"
