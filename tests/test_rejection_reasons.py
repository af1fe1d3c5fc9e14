"""Issue 11, snag 1 (review): a rejection says why everywhere a game is read again, as the live table does.

The replay viewer's log and the after-action report's timeline show the
engine's words for a package turned down by rule (the part past an absolute
red line) and the words a side gave with its rejection (a computer opponent's
reason), the latter as data, never markup.
"""

from __future__ import annotations

import asyncio

import pytest

from tabletop.engine import actions as act
from tabletop.engine.effects import EventKind
from tabletop.engine.game import Game
from tabletop.engine.model import Posture, Response, Side
from tabletop.engine.state import Concession, Offer, Phase
from tabletop.reports.after_action import after_action_report
from tabletop.saves.writer import load_save, write_game
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.replay import ReplayScreen, moment_text
from tabletop.tui.widgets.event_log import EventLog

W, M = Side.WASHINGTON, Side.MOSCOW
STATED = "Moscow will not trade [b]Visas[/b] for that"
"""A reason given with a rejection (as a computer opponent gives one), with text that looks like markup."""


def washington_may_propose(game: Game) -> None:
    """Answer news with "absorb", state neutral and pass until Washington may put a package on the table."""
    for _ in range(40):
        state = game.state
        if state.phase is Phase.NEGOTIATION and W in game.awaiting() and "propose" in game.legal_kinds(W):
            return
        side = game.awaiting()[0]
        if state.phase is Phase.INJECT_RESPONSE:
            game.apply(act.RespondInject(side, state.pending[0], Response.ABSORB))
        elif state.phase is Phase.STATEMENTS:
            game.apply(act.Statement(side, Posture.NEUTRAL))
        else:
            game.apply(act.Pass(side))
    raise AssertionError("Washington never had the floor")


@pytest.fixture()
def rejected(tmp_path) -> tuple[Game, str]:
    """A saved hot-seat game: Moscow turns down a package past its absolute red line (the rules' reason),
    then one with a reason of its own."""
    scenario = resolve("new-start-2026")
    game = Game(scenario, 51, {W: "human", M: "human"})
    washington_may_propose(game)
    china = scenario.irritant("china")
    game.apply(act.Propose(W, Offer((Concession("china", china.top),), ())))
    game.apply(act.Reject(M))
    washington_may_propose(game)
    game.apply(act.Propose(W, Offer((Concession("china", 1),), ())))
    game.apply(act.Reject(M, reason=STATED))
    path = tmp_path / "rejected.jsonl"
    write_game(game, path)
    return game, str(path)


def rule_reason(game: Game) -> str:
    china = game.scenario.irritant("china")
    return f"Moscow cannot accept “{china.name}” going past its absolute red line."


def test_the_after_action_report_says_why_each_package_was_rejected(rejected):
    game, path = rejected
    loaded = load_save(path)
    text = " ".join(after_action_report(loaded.replay(), loaded).split())
    assert rule_reason(game) in text, text
    assert "Moscow will not trade" in text and "Visas" in text


def test_the_replay_viewer_shows_why_each_package_was_rejected(rejected):
    game, path = rejected
    loaded = load_save(path)
    rejects = [i for i, e in game.events if e.kind is EventKind.REJECT]
    assert len(rejects) == 2
    assert rule_reason(game) in moment_text(loaded.replay(), rejects[0])

    async def run() -> str:
        app = TabletopApp()
        async with app.run_test(size=(140, 44)) as pilot:
            await app.push_screen(ReplayScreen(loaded, at=len(game.actions)))
            await pilot.pause()
            log = app.screen.query_one("#replay-log", EventLog)
            return " ".join(" ".join(strip.text.split()) for strip in log.lines)

    shown = asyncio.run(run())
    assert rule_reason(game) in shown, shown
    assert f"{STATED}." in shown, shown  # as written: text from a save is never markup
