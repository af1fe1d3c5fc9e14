"""The sealed report's turning points beyond trust do not give away how far the computer's walk-away moved.

The debrief lists the four largest single moves of standing, tension and the walk-away values. A report of a
game in progress against a hidden computer leaves the computer's walk-away moves out (docs/RULES.md: a side
sees its own walk-away, never the other's, and a news line never says by how much it moved). It used to leave
them out after choosing the four: a large move of the computer's walk-away took a place and left a gap, so a
student who read the list beside the meters' table (which shows every standing move) learnt that the hidden
move was at least as large as the standing moves missing from the list.
"""

from __future__ import annotations

from pathlib import Path

from tabletop.cli.main import main
from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.opponents import make_opponent
from tabletop.engine.turning import swings
from tabletop.saves.writer import SaveWriter
from tabletop.scenarios.library import resolve

W, M = Side.WASHINGTON, Side.MOSCOW


def freeze_game_in_progress(folder: Path) -> tuple[Path, Game]:
    """The freeze scenario against the hardliner, seed 4, saved after 30 moves (round 7): Moscow's outside option
    has moved twice (an audience in Beijing, then news), each by more than some of the standing moves."""
    game = Game(resolve("freeze"), 4, {W: "human", M: "hardliner"})
    players = {W: make_opponent("conceder", W, 4), M: make_opponent("hardliner", M, 4)}
    with SaveWriter.create(game, folder) as writer:
        while len(game.actions) < 30:
            game.apply(players[game.awaiting()[0]].decide(game))
            writer.append(game)
    return writer.path, game


def beyond_trust(report: str) -> list[str]:
    """The lines of the report's list of turning points beyond trust."""
    part = report.split("Beyond trust:", 1)[1].split("\n## ", 1)[0]
    return [line for line in part.splitlines() if line.startswith("- ")]


def test_the_computers_hidden_walk_away_moves_take_no_place_in_the_sealed_list(tmp_path, capsys):
    path, game = freeze_game_in_progress(tmp_path)
    assert not game.is_over
    # the game's four largest swings include Moscow's walk-away moves (what the finished debrief would list)
    assert any(swing.meter == "Moscow's walk-away value" for swing in swings(game))
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Sealed while the game is in progress" in out
    lines = beyond_trust(out)
    assert not any("walk-away" in line for line in lines), lines
    # the list is chosen among what the report may show: Moscow's standing 55 -> 57 (round 1, #3) is among the
    # four largest moves left once the hidden ones are set aside (it failed: the hidden moves had taken places)
    assert any("Moscow's standing 55 → 57" in line for line in lines), "\n".join(lines)


def test_a_network_seats_debrief_leaves_no_gap_for_the_other_sides_walk_away_moves():
    """At the end of a networked game each team reads the turning points without the other side's walk-away
    moves (docs/CLASSROOM.md: the other side's walk-away stays confidential); they are set aside before the
    largest are chosen, as in the sealed report, so their size does not show as a missing standing move."""
    from tabletop.net.views import debrief_data

    game = Game(resolve("freeze"), 4, {W: "human", M: "hardliner"})
    players = {W: make_opponent("conceder", W, 4), M: make_opponent("hardliner", M, 4)}
    while not game.is_over:
        game.apply(players[game.awaiting()[0]].decide(game))
    assert any(swing.meter == "Moscow's walk-away value" for swing in swings(game))
    lines = debrief_data(game, W)["conduct"]["moments"]
    assert not any("Moscow's walk-away" in line for line in lines), lines
    assert any("Moscow's standing 55 → 57" in line for line in lines), "\n".join(lines)
