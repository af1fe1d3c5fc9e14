"""A game process killed with SIGKILL mid-game resumes with every action it had applied."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from tabletop.engine.autoplay import play_out
from tabletop.engine.model import Side
from tabletop.saves.writer import SaveWriter, load_save

PLAYER = textwrap.dedent("""
    import sys, time
    from tabletop.engine.game import Game
    from tabletop.engine.model import Side
    from tabletop.engine.opponents import make_opponent
    from tabletop.scenarios.library import resolve
    from tabletop.saves.writer import SaveWriter

    game = Game(resolve("istanbul-2025-02"), 21, {Side.WASHINGTON: "grit", Side.MOSCOW: "hardliner"})
    players = {side: make_opponent(game.seats[side], side, game.seed) for side in game.seats}
    writer = SaveWriter.create(game, sys.argv[1])
    print(writer.path, flush=True)
    while not game.is_over:
        game.apply(players[game.awaiting()[0]].decide(game))
        writer.append(game)
        print(len(game.actions), flush=True)  # on screen only once it is on disk
        time.sleep(0.02)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_game_loses_nothing_applied(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", PLAYER, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        path = child.stdout.readline().strip()
        shown = 0
        while shown < 12:
            line = child.stdout.readline()
            assert line, "the game ended before it could be killed"
            shown = int(line)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    loaded = load_save(path)
    assert len(loaded.actions) >= shown
    game = loaded.replay(verify=True)
    assert not game.is_over
    with SaveWriter.resume(loaded) as writer:
        play_out(game, {Side.WASHINGTON: "grit", Side.MOSCOW: "hardliner"})
        writer.append(game)
    final = load_save(path)
    assert final.warning is None
    assert final.replay(verify=True).is_over
    assert final.actions[: len(loaded.actions)] == loaded.actions
