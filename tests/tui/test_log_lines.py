"""What the log, the status line and the replay timeline show of a game's events (kinds from the engine)."""

from __future__ import annotations

from tabletop.engine import actions as act
from tabletop.engine.effects import EventKind
from tabletop.engine.game import Game
from tabletop.engine.model import Posture, Scenario, Side
from tabletop.tui.screens.replay import moment_text
from tabletop.tui.widgets.event_log import EventLog
from tabletop.tui.widgets.status import latest_event


def stated(scenario: Scenario) -> Game:
    game = Game(scenario, seed=7)
    game.apply(act.Statement(Side.WASHINGTON, Posture.CONCILIATORY))
    game.apply(act.Statement(Side.MOSCOW, Posture.HARDLINE))
    return game


def test_status_line_shows_the_revealed_statements_not_a_bookkeeping_marker(tutorial: Scenario) -> None:
    game = Game(tutorial, seed=7)
    game.apply(act.Statement(Side.WASHINGTON, Posture.CONCILIATORY))
    assert "has chosen a posture" not in latest_event(game)
    assert "opens" not in latest_event(game)
    game.apply(act.Statement(Side.MOSCOW, Posture.HARDLINE))
    latest = latest_event(game)
    assert "hardline" in latest.lower(), latest


def test_replay_timeline_skips_the_secret_posture_marker(tutorial: Scenario) -> None:
    game = stated(tutorial)
    first = moment_text(game, 1)
    assert "has chosen a posture" not in first
    assert "secret until both have chosen" in first
    assert "hardline" in moment_text(game, 2).lower()


def test_log_styles_lines_by_their_kind(tutorial: Scenario) -> None:
    game = stated(tutorial)
    statements = [e for _, e in game.events if e.kind is EventKind.STATEMENTS]
    opening = game.events[0][1]
    assert statements and "cyan" in str(EventLog.line(statements[-1]).spans[-1].style)
    assert "bold" in str(EventLog.line(opening).spans[-1].style)
