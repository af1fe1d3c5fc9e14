"""One writer per save (an OS lock, released when its process dies), new names claimed atomically, and a
failed write that loses nothing and leaves the writer in a state the interface can ask about."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tabletop.cli.main import main
from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.opponents import make_opponent
from tabletop.saves.writer import (
    SaveInUse,
    SaveWriteFailed,
    SaveWriter,
    WriterState,
    append_note,
    list_saves,
    load_save,
    write_game,
)

W, M = Side.WASHINGTON, Side.MOSCOW
SEATS = {W: "grit", M: "hardliner"}

HOLDER = textwrap.dedent("""
    import sys
    from tabletop.saves.writer import SaveWriter, load_save

    loaded = load_save(sys.argv[1])
    writer = SaveWriter.resume(loaded)
    print("holding", flush=True)
    sys.stdin.readline()  # hold the save until told to stop (or killed)
""")


def play(game: Game, count: int, writer: SaveWriter | None = None) -> None:
    players = {side: make_opponent(name, side, game.seed) for side, name in game.seats.items()}
    for _ in range(count):
        game.apply(players[game.awaiting()[0]].decide(game))
        if writer is not None:
            writer.append(game)


@pytest.fixture
def in_progress(tmp_path, tutorial) -> Path:
    game = Game(tutorial, 5, SEATS)
    with SaveWriter.create(game, tmp_path) as writer:
        play(game, 4, writer)
    return writer.path


def hold(path: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "holding"
    return child


def test_a_second_writer_in_the_same_process_is_refused(in_progress):
    loaded = load_save(in_progress)
    with SaveWriter.resume(loaded):
        with pytest.raises(SaveInUse, match="is in play in another window or process"):
            SaveWriter.resume(load_save(in_progress))
        with pytest.raises(SaveInUse):
            append_note(load_save(in_progress), 1, "a note from the replay viewer")
        assert [s.in_play for s in list_saves(in_progress.parent)] == [True]
    assert [s.in_play for s in list_saves(in_progress.parent)] == [False]
    SaveWriter.resume(load_save(in_progress)).close()  # free again once the first writer closed


def test_a_second_terminal_gets_one_line_and_a_killed_one_does_not_block(in_progress, capsys):
    child = hold(in_progress)
    try:
        assert main(["resume", str(in_progress)]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert err == [f"{in_progress}: is in play in another window or process; it can only be opened "
                       "read-only, in the replay viewer ('tabletop replay')"]
        assert main(["replay", str(in_progress), "--verify"]) == 0  # reading is always allowed
        capsys.readouterr()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stdin.close()
    assert child.returncode == -signal.SIGKILL
    with SaveWriter.resume(load_save(in_progress)) as writer:  # the lock died with its process
        assert writer.state is WriterState.OPEN


CLAIMER = textwrap.dedent("""
    import sys, time
    from datetime import datetime
    from tabletop.engine.game import Game
    from tabletop.engine.model import Side
    from tabletop.scenarios.library import resolve
    from tabletop.saves import appending, writer as w

    appending.save_file_name = lambda *args, **kwargs: "same-second.jsonl"  # every process wants the same name
    game = Game(resolve("tutorial"), 1, {Side.WASHINGTON: "human", Side.MOSCOW: "grit"})
    start = float(sys.argv[2])
    while time.time() < start:
        pass
    writer = w.SaveWriter.create(game, sys.argv[1])
    print(writer.path.name, flush=True)
""")


def test_games_started_in_the_same_second_get_different_files(tmp_path):
    import time

    start = str(time.time() + 1.5)
    children = [subprocess.Popen([sys.executable, "-c", CLAIMER, str(tmp_path), start], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(6)]
    names = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        names.append(out.strip())
    assert len(set(names)) == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)


def test_a_taken_name_is_skipped_without_a_race(tmp_path, tutorial, monkeypatch):
    monkeypatch.setattr("tabletop.saves.appending.save_file_name", lambda *args, **kwargs: "x.jsonl")
    (tmp_path / "x.jsonl").write_text("someone else's file")
    (tmp_path / "x-2.jsonl").write_text("another")
    with SaveWriter.create(Game(tutorial, 1, SEATS), tmp_path) as writer:
        assert writer.path.name == "x-3.jsonl"
    assert (tmp_path / "x.jsonl").read_text() == "someone else's file"


def test_a_removed_folder_fails_the_writer_with_a_reason(tmp_path, tutorial):
    game = Game(tutorial, 5, SEATS)
    folder = tmp_path / "class"
    writer = SaveWriter.create(game, folder)
    play(game, 3, writer)
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    with pytest.raises(SaveWriteFailed, match="saving failed .*removed"):
        play(game, 1, writer)
    assert writer.state is WriterState.FAILED and "removed" in writer.failed
    assert "\n" not in writer.failed
    with pytest.raises(SaveWriteFailed, match="saving failed earlier"):
        writer.append(game)
    # The player picks another folder: the whole game so far is saved there, and play goes on.
    moved = writer.relocate(game, tmp_path / "elsewhere")
    assert writer.state is WriterState.CLOSED and moved.state is WriterState.OPEN
    play(game, 1, moved)
    moved.close()
    again = load_save(moved.path)
    assert again.actions == game.actions and again.warning is None
    again.verify()


FULL_DISK = textwrap.dedent("""
    import resource, signal, sys
    from tabletop.engine.game import Game
    from tabletop.engine.model import Side
    from tabletop.engine.opponents import make_opponent
    from tabletop.scenarios.library import resolve
    from tabletop.saves.writer import SaveWriteFailed, SaveWriter

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
    game = Game(resolve("tutorial"), 5, {Side.WASHINGTON: "grit", Side.MOSCOW: "hardliner"})
    writer = SaveWriter.create(game, sys.argv[1])
    size = writer.path.stat().st_size
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 700, resource.RLIM_INFINITY))  # the disk fills up
    players = {side: make_opponent(name, side, 5) for side, name in game.seats.items()}
    try:
        while True:
            game.apply(players[game.awaiting()[0]].decide(game))
            writer.append(game)
            print("saved", len(game.actions), flush=True)
    except SaveWriteFailed as error:
        print("failed", len(game.actions), writer.state.value, writer.failed, flush=True)
        print(str(error), flush=True)
""")


def test_a_full_disk_fails_the_writer_and_loses_nothing_written(tmp_path):
    result = subprocess.run([sys.executable, "-c", FULL_DISK, str(tmp_path)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout.strip().splitlines()
    saved = [int(line.split()[1]) for line in out if line.startswith("saved")]
    failed = out[-2].split(" ", 3)
    assert failed[0] == "failed" and failed[2] == "failed" and "too large" in failed[3].lower()
    assert out[-1].endswith("the game so far is kept up to the last move saved")
    [path] = tmp_path.iterdir()
    loaded = load_save(path)  # the part of a line the failed write left was cut off again
    assert loaded.warning is None
    assert len(loaded.actions) == (saved[-1] if saved else 0)
    loaded.verify()


def test_write_game_does_not_replace_a_save_in_play(in_progress, tutorial):
    with SaveWriter.resume(load_save(in_progress)), pytest.raises(SaveInUse):
        write_game(Game(tutorial, 1, SEATS), in_progress)

