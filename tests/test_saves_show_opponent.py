"""A trainer's choice to show the computer opponent's style travels in the save's header."""

from __future__ import annotations

import json

import pytest

from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.saves.chain import rechain
from tabletop.saves.folder import list_saves
from tabletop.saves.writer import SaveError, SaveWriter, fork, load_save

W, M = Side.WASHINGTON, Side.MOSCOW


def header(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8").splitlines()[0])


def test_the_choice_is_in_the_header_only_when_made(tmp_path, tutorial):
    game = Game(tutorial, 3, {W: "human", M: "grit"})
    with SaveWriter.create(game, tmp_path / "a") as hidden, \
            SaveWriter.create(game, tmp_path / "b", show_opponent=True) as shown:
        pass
    assert "show_opponent" not in header(hidden.path)
    assert header(shown.path)["show_opponent"] is True
    assert load_save(shown.path).header["show_opponent"] is True


def test_saving_elsewhere_and_forking_keep_the_choice(tmp_path, tutorial):
    game = Game(tutorial, 3, {W: "human", M: "grit"})
    writer = SaveWriter.create(game, tmp_path / "a", show_opponent=True)
    moved = writer.relocate(game, tmp_path / "b")
    moved.close()
    assert header(moved.path)["show_opponent"] is True
    _, forked = fork(load_save(moved.path), 0, {W: "human", M: "learner"}, tmp_path / "c")
    forked.close()
    assert header(forked.path)["show_opponent"] is True


def test_a_header_whose_choice_is_not_true_or_false_is_one_line(tmp_path, tutorial):
    game = Game(tutorial, 3, {W: "human", M: "grit"})
    with SaveWriter.create(game, tmp_path) as writer:
        pass
    record = json.loads(writer.path.read_text(encoding="utf-8").splitlines()[0])
    record["show_opponent"] = "yes"
    bad = tmp_path / "bad.jsonl"  # edited on purpose, its hash chain made again
    bad.write_bytes(b"".join(rechain([json.dumps(record, separators=(",", ":")).encode("utf-8") + b"\n"])))
    with pytest.raises(SaveError) as error:
        load_save(bad)
    assert "line 1: show_opponent must be true or false" in str(error.value) and "\n" not in str(error.value)


def test_the_list_names_a_computers_style_only_when_shown_or_over(tmp_path, tutorial):
    game = Game(tutorial, 3, {W: "human", M: "hardliner"})
    with SaveWriter.create(game, tmp_path / "hidden"):
        pass
    with SaveWriter.create(game, tmp_path / "shown", show_opponent=True):
        pass
    hidden, shown = list_saves(tmp_path / "hidden")[0], list_saves(tmp_path / "shown")[0]
    assert hidden.seats_shown == "human vs computer" and hidden.seats_text == "human vs hardliner"
    assert shown.seats_shown == "human vs hardliner"
