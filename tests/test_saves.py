"""Saves: round trips, autosave as you play, notes, the saves folder, resuming and forking."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tabletop.cli.main import main
from tabletop.engine.autoplay import play_out, simulate
from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.opponents import make_opponent
from tabletop.saves.writer import (
    FORMAT,
    VERSION,
    SaveError,
    SaveWriter,
    fork,
    list_saves,
    load_save,
    safe_save_path,
    saves_dir,
    write_game,
)

W, M = Side.WASHINGTON, Side.MOSCOW


def seats(w: str, m: str) -> dict[Side, str]:
    return {W: w, M: m}


def play_some(game: Game, strategies: dict[Side, str], count: int, writer: SaveWriter | None = None) -> None:
    """Let computer players take ``count`` actions, saving each one as it is applied."""
    players = {side: make_opponent(name, side, game.seed) for side, name in strategies.items()}
    for _ in range(count):
        if game.is_over:
            return
        game.apply(players[game.awaiting()[0]].decide(game))
        if writer is not None:
            writer.append(game)


def test_write_load_replay_round_trip(tmp_path, tutorial):
    game = simulate(tutorial, "grit", "tit-for-tat", 7)
    path = tmp_path / "game.jsonl"
    write_game(game, path)
    loaded = load_save(path)
    assert loaded.warning is None
    assert loaded.seed == 7 and loaded.seats == game.seats
    assert loaded.actions == game.actions
    assert loaded.fingerprints == [state.fingerprint() for state in game.history[1:]]
    assert loaded.scenario == tutorial
    again = loaded.replay(verify=True)
    assert again.fingerprint() == game.fingerprint()
    assert again.is_over and again.state.outcome == game.state.outcome


def test_the_format_is_versioned_plain_json_lines(tmp_path, tutorial):
    game = simulate(tutorial, "grit", "hardliner", 2)
    path = tmp_path / "game.jsonl"
    write_game(game, path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    header = records[0]
    assert header["kind"] == "header" and header["format"] == FORMAT and header["version"] == VERSION
    assert header["scenario"] == tutorial.text and header["seed"] == 2
    assert header["seats"] == {"washington": "grit", "moscow": "hardliner"}
    actions = records[1:]
    assert [r["n"] for r in actions] == list(range(1, len(game.actions) + 1))
    assert all(r["kind"] == "action" and len(r["fingerprint"]) == 16 for r in actions)
    assert actions[-1].get("ended") is True


def test_the_embedded_scenario_is_used_when_the_file_is_gone(tmp_path, tutorial):
    from tabletop.scenarios.library import load_path

    copy = tmp_path / "mine.toml"
    copy.write_text(tutorial.text, encoding="utf-8")
    scenario = load_path(copy)
    game = simulate(scenario, "grit", "grit", 3)
    write_game(game, tmp_path / "g.jsonl")
    copy.unlink()
    loaded = load_save(tmp_path / "g.jsonl")
    assert loaded.scenario_source == str(copy)
    assert loaded.replay().fingerprint() == game.fingerprint()


def test_simulate_save_then_verify_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "sim.jsonl"
    assert main(["simulate", "tutorial", "--seed", "4", "--save", str(path)]) == 0
    capsys.readouterr()
    assert main(["replay", str(path), "--verify"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "ok" in out[0] and "verified" in out[0] and str(path) in out[0]


def test_simulate_save_into_a_missing_folder_is_one_line(tmp_path, capsys):
    assert main(["simulate", "tutorial", "--save", str(tmp_path / "no" / "x.jsonl")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "does not exist" in err[0]


def test_writer_saves_every_action_as_it_is_applied(tmp_path, tutorial):
    game = Game(tutorial, 5, seats("grit", "hardliner"))
    writer = SaveWriter.create(game, tmp_path)
    for n in range(1, 8):
        play_some(game, {W: "grit", M: "hardliner"}, 1, writer)
        # Read back by another reader while the writer is still open: already on disk.
        assert len(load_save(writer.path).actions) == n
    writer.close()
    assert load_save(writer.path).replay().fingerprint() == game.fingerprint()


def test_writer_catches_up_several_actions_and_writes_existing_ones(tmp_path, tutorial):
    game = Game(tutorial, 5, seats("grit", "hardliner"))
    play_some(game, {W: "grit", M: "hardliner"}, 3)
    with SaveWriter.create(game, tmp_path) as writer:
        assert len(load_save(writer.path).actions) == 3
        play_some(game, {W: "grit", M: "hardliner"}, 4)
        writer.append(game)
        writer.append(game)  # nothing new: writes nothing
    assert len(load_save(writer.path).actions) == 7


def test_file_names_are_readable(tmp_path, tutorial):
    game = Game(tutorial, 1, seats("human", "grit"))
    with SaveWriter.create(game, tmp_path) as first, SaveWriter.create(game, tmp_path) as second:
        assert first.path.name.startswith("tutorial_") and first.path.name.endswith("_human-vs-computer.jsonl")
        assert time.strftime("%Y-%m-%d") in first.path.name
        assert first.path != second.path


def test_a_file_name_hides_the_computer_opponents_style_unless_the_trainer_shows_it(tmp_path, tutorial):
    """The saves folder is where a student looks: its file names must not give away the hidden style."""
    game = Game(tutorial, 1, seats("human", "hardliner"))
    with SaveWriter.create(game, tmp_path) as hidden:
        assert "hardliner" not in hidden.path.name
    with SaveWriter.create(game, tmp_path, show_opponent=True) as shown:
        assert shown.path.name.endswith("_human-vs-hardliner.jsonl")
    watched = Game(tutorial, 1, seats("grit", "hardliner"))  # two computers: nobody to hide it from
    with SaveWriter.create(watched, tmp_path) as demo:
        assert demo.path.name.endswith("_grit-vs-hardliner.jsonl")


def test_notes_are_kept_with_their_moment(tmp_path, tutorial):
    game = Game(tutorial, 5, seats("grit", "hardliner"))
    with SaveWriter.create(game, tmp_path) as writer:
        writer.note(game, "Opening: watch the visas.")
        play_some(game, {W: "grit", M: "hardliner"}, 4, writer)
        objective = tutorial.objectives[0].id
        writer.note(game, "Moscow hesitates.\nSecond line.", objective=objective)
    loaded = load_save(writer.path)
    assert [(n.at, n.text, n.objective) for n in loaded.notes] == [
        (0, "Opening: watch the visas.", None), (4, "Moscow hesitates.\nSecond line.", objective)]
    assert loaded.notes[1].round == game.state.round
    loaded.replay(verify=True)


def test_saves_dir_override_environment_and_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TABLETOP_SAVES", raising=False)
    assert saves_dir() == Path("saves") and (tmp_path / "saves").is_dir()
    monkeypatch.setenv("TABLETOP_SAVES", str(tmp_path / "env"))
    assert saves_dir() == tmp_path / "env" and (tmp_path / "env").is_dir()
    assert saves_dir(str(tmp_path / "given" / "deep")) == tmp_path / "given" / "deep"
    (tmp_path / "file").write_text("x")
    with pytest.raises(SaveError):
        saves_dir(str(tmp_path / "file"))


def test_list_saves_newest_first_with_round_seats_and_date(tmp_path, tutorial):
    old = simulate(tutorial, "grit", "grit", 1)
    write_game(old, tmp_path / "old.jsonl")
    os.utime(tmp_path / "old.jsonl", (1_000_000, 1_000_000))
    game = Game(tutorial, 2, seats("human", "hardliner"))
    with SaveWriter.create(game, tmp_path) as writer:
        play_some(game, {W: "grit", M: "hardliner"}, 6, writer)
    (tmp_path / "junk.jsonl").write_text("not a save\n")
    os.utime(tmp_path / "junk.jsonl", (1, 1))
    found = list_saves(tmp_path)
    assert [s.path.name for s in found] == [writer.path.name, "old.jsonl", "junk.jsonl"]
    newest = found[0]
    assert newest.scenario_id == "tutorial" and newest.title == tutorial.title
    assert newest.seats_text == "human vs hardliner" and newest.actions == 6
    assert newest.round == game.state.round and not newest.ended and newest.date
    assert found[1].ended and found[2].problem


def test_typed_save_names_stay_inside_the_folder(tmp_path):
    assert safe_save_path("what-if", tmp_path) == tmp_path / "what-if.jsonl"
    assert safe_save_path("class/a.jsonl", tmp_path) == tmp_path / "class" / "a.jsonl"
    for bad in ("../x", "a/../../x", "/etc/passwd", "~/x", "", "  ", "a\x00b", "..", "a//b"):
        with pytest.raises(SaveError):
            safe_save_path(bad, tmp_path)
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (tmp_path / "link").symlink_to(outside)
    with pytest.raises(SaveError):
        safe_save_path("link/x", tmp_path)


@pytest.mark.parametrize("washington, moscow", [("grit", "hardliner"), ("conceder", "opportunist")])
def test_resume_continues_exactly_and_finishes(tmp_path, tutorial, washington, moscow):
    strategies = {W: washington, M: moscow}
    game = Game(tutorial, 11, seats(washington, moscow))
    writer = SaveWriter.create(game, tmp_path)
    play_some(game, strategies, 9, writer)
    writer.close()
    loaded = load_save(writer.path)
    resumed = loaded.replay(verify=True)
    assert resumed.fingerprint() == game.fingerprint() and resumed.history == game.history
    assert resumed.events == game.events
    with SaveWriter.resume(loaded) as again:
        play_out(resumed, strategies)  # fresh computer players, as after a restart
        again.append(resumed)
    final = load_save(writer.path)
    assert final.replay(verify=True).is_over
    # Opponents draw from the game's seed and the moment, so a resumed game equals one played straight through.
    assert final.actions == simulate(tutorial, washington, moscow, 11).actions


def test_resume_on_the_command_line_refuses_a_bad_save(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("garbage\n")
    assert main(["resume", str(bad)]) == 1
    assert "not a tabletop save" in capsys.readouterr().err


def test_fork_plays_on_from_a_moment_with_new_seats(tmp_path, tutorial):
    original = simulate(tutorial, "grit", "tit-for-tat", 6)
    write_game(original, tmp_path / "orig.jsonl")
    loaded = load_save(tmp_path / "orig.jsonl")
    folder = tmp_path / "saves"
    game, writer = fork(loaded, 5, seats("hardliner", "conceder"), folder, name="what-if")
    assert writer.path == folder / "what-if.jsonl"
    assert game.actions == original.actions[:5] and game.seats == seats("hardliner", "conceder")
    with writer:
        play_out(game, {W: "hardliner", M: "conceder"})
        writer.append(game)
    forked = load_save(writer.path)
    assert forked.forked_from == {"file": "orig.jsonl", "at": 5}
    assert forked.seats == seats("hardliner", "conceder")
    assert forked.replay(verify=True).fingerprint() == game.fingerprint()
    _, default_named = fork(loaded, 0, seats("human", "grit"), folder)
    default_named.close()
    assert default_named.path.name.endswith("_human-vs-computer_what-if.jsonl")


def test_fork_refuses_names_outside_the_folder_and_finished_moments(tmp_path, tutorial):
    original = simulate(tutorial, "grit", "tit-for-tat", 6)
    write_game(original, tmp_path / "orig.jsonl")
    loaded = load_save(tmp_path / "orig.jsonl")
    for name in ("../escape", str(tmp_path / "abs")):
        with pytest.raises(SaveError):
            fork(loaded, 2, seats("human", "grit"), tmp_path / "saves", name=name)
    assert not (tmp_path / "escape.jsonl").exists() and not (tmp_path / "abs.jsonl").exists()
    with pytest.raises(SaveError, match="over"):
        fork(loaded, len(original.actions), seats("human", "grit"), tmp_path / "saves")
    with pytest.raises(SaveError, match="no moment"):
        fork(loaded, len(original.actions) + 1, seats("human", "grit"), tmp_path / "saves")
    (tmp_path / "saves" / "taken.jsonl").write_text("x")
    with pytest.raises(SaveError, match="already exists"):
        fork(loaded, 1, seats("human", "grit"), tmp_path / "saves", name="taken")


def test_notes_can_be_added_to_a_saved_game_while_replaying(tmp_path, tutorial):
    from tabletop.saves.writer import append_note

    game = simulate(tutorial, "grit", "tit-for-tat", 6)
    path = tmp_path / "g.jsonl"
    write_game(game, path)
    loaded = load_save(path)
    append_note(loaded, 3, "Look at this offer.", "logroll")
    append_note(loaded, 0, "Before the start.")
    again = load_save(path)
    assert [(n.at, n.text, n.objective) for n in again.notes] == [
        (3, "Look at this offer.", "logroll"), (0, "Before the start.", None)]
    assert again.replay(verify=True).fingerprint() == game.fingerprint()
    with pytest.raises(SaveError, match="no moment"):
        append_note(again, len(game.actions) + 1, "x")


def test_a_save_that_changed_on_disk_is_not_truncated(tmp_path, tutorial):
    game = Game(tutorial, 5, seats("grit", "hardliner"))
    with SaveWriter.create(game, tmp_path) as writer:
        play_some(game, {W: "grit", M: "hardliner"}, 3, writer)
        stale = load_save(writer.path)
        play_some(game, {W: "grit", M: "hardliner"}, 2, writer)
    with pytest.raises(SaveError, match="changed on disk"):
        SaveWriter.resume(stale)
    assert len(load_save(writer.path).actions) == 5
