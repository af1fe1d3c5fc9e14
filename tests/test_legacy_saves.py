"""Saves made by version 0.1.0 (rules version 1) open with a one-line explanation, never a different replay.

The files in ``tests/data/saves-v0.1/`` were written by that version (six computer games, one per shipped
scenario, and a classroom game with a timer, notes, a pause and a free-text inject); ``expected.json`` holds
what that version said about each. Under the one-rulebook redesign (issue 9) every one of them still verified
and replayed to the same log and scores; rules version 2 (issue 10: the walk-away value as an outside option,
ratification, the slow fade, tone from play) plays differently, so such a save is refused with a line that
says which rules made it, and the file is left untouched.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tabletop.saves.folder import SaveError
from tabletop.saves.format import load_save

DATA = Path(__file__).parent / "data" / "saves-v0.1"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


def test_every_legacy_save_is_here():
    assert sorted(p.name for p in DATA.glob("*.jsonl")) == sorted(EXPECTED)
    assert len(EXPECTED) == 7


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_legacy_save_is_refused_with_the_rules_version_that_made_it(name):
    before = (DATA / name).read_bytes()
    with pytest.raises(SaveError) as error:
        load_save(DATA / name)
    message = str(error.value)
    assert "\n" not in message and len(message) <= 300
    assert name in message and "rules version 1" in message and "rules version 2" in message
    assert "tabletop 0.1.0" in message
    assert (DATA / name).read_bytes() == before


@pytest.mark.parametrize("command", [["replay", "--verify"], ["report"], ["resume"]])
def test_every_command_gives_the_same_one_line_and_exit_1(command):
    path = DATA / "tutorial.jsonl"
    args = [command[0], str(path), *command[1:]]
    result = subprocess.run([sys.executable, "-m", "tabletop", *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "made under rules version 1" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
