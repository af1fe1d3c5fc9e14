"""Saves made by version 0.1.0 (before the one-rulebook redesign) still load, verify and replay to the same game.

The files in ``tests/data/saves-v0.1/`` were written by that version (six computer games, one per shipped
scenario, and a classroom game with a timer, notes, a pause and a free-text inject); ``expected.json`` holds
what that version said about each: outcome, scores, final fingerprint and every line of the log.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop.saves.format import load_save

DATA = Path(__file__).parent / "data" / "saves-v0.1"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


def test_every_legacy_save_is_here():
    assert sorted(p.name for p in DATA.glob("*.jsonl")) == sorted(EXPECTED)
    assert len(EXPECTED) == 7


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_legacy_save_verifies_and_replays_to_the_same_game(name):
    loaded = load_save(DATA / name)
    game = loaded.verify()  # every recorded state fingerprint is checked on the way
    expected = EXPECTED[name]
    assert game.state.outcome == expected["outcome"]
    assert game.fingerprint() == expected["fingerprint"]
    assert str(game.state.ended) == expected["ended"]
    assert {s.value: round(v, 4) for s, v in game.final_scores().items()} == expected["scores"]
    assert [[i, e.text] for i, e in game.events] == expected["events"]
