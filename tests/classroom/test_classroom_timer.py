"""The round timer: set at the start, counted down on the table, and at zero the side due to move passes."""

from __future__ import annotations

import pytest
from classkit import all_text, classroom_app, close_console, open_console, to_table, turn_of, wait_for

from tabletop.cli.main import main
from tabletop.engine import actions as act
from tabletop.engine.model import Posture, Response, Side
from tabletop.engine.state import Concession, Offer, Phase
from tabletop.saves.writer import load_save
from tabletop.tui.screens.briefing import HandoverScreen
from tabletop.tui.screens.dialogs import ChoiceScreen, NewsFlashScreen
from tabletop.tui.widgets.round_clock import RoundClock

W, M = Side.WASHINGTON, Side.MOSCOW


@pytest.fixture(autouse=True)
def manual_clock(monkeypatch):
    """The tests drive the countdown by calling ``tick``; the wall clock never ticks during a test."""
    monkeypatch.setattr(RoundClock, "TICK", 3600.0)


async def test_time_running_out_passes_for_the_side_to_move():
    app = classroom_app(timer=30)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await to_table(pilot)
        game = app.session.game
        assert game.actions[0] == act.SetTimer(30)  # set at the start, as an action in the log
        clock = table.query_one(RoundClock)
        assert clock.display and "0:30 left for Washington and Moscow" in all_text(app)
        clock.tick(10)
        await pilot.pause()
        assert clock.remaining == 20 and "0:20 left" in all_text(app)
        clock.tick(20)
        await pilot.pause()
        # both sides were due: both statements count as neutral, and the log says so
        assert game.actions[-1] == act.TimeUp()
        assert game.state.phase is Phase.NEGOTIATION
        assert [e.text for _, e in game.events if e.kind == "timer"] == [
            "Time is up for Washington: the move counts as a neutral statement.",
            "Time is up for Moscow: the move counts as a neutral statement."]
        assert "Time is up for Washington" in all_text(app)
        assert clock.remaining == 30  # a new turn, a new countdown
        loaded = load_save(app.session.autosave.path)
        assert loaded.replay(verify=True).actions == game.actions


async def test_the_wall_clock_runs_the_countdown(monkeypatch):
    monkeypatch.setattr(RoundClock, "TICK", 0.1)  # a tenth of a second a "second": 10 s pass in 1 s
    app = classroom_app(timer=10)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_table(pilot)
        game = app.session.game
        await wait_for(pilot, lambda: any(isinstance(a, act.TimeUp) for a in game.actions), timeout=5)
        assert game.state.postures == (Posture.NEUTRAL, Posture.NEUTRAL)


async def test_the_countdown_restarts_for_each_side_and_stops_while_paused():
    app = classroom_app(timer=60)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await to_table(pilot)
        game = app.session.game
        clock = table.query_one(RoundClock)
        clock.tick(25)
        assert clock.remaining == 35
        await pilot.press("c")  # Washington chooses: now only Moscow is due, with a fresh minute
        await wait_for(pilot, lambda: isinstance(app.screen, HandoverScreen))
        clock.tick(5)  # a hand-over holds the clock
        assert clock.remaining == 60
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is table and table.viewer is M)
        clock.tick(5)
        assert clock.remaining == 55 and "0:55 left for Moscow" in all_text(app)
        await open_console(pilot)
        clock.tick(5)  # so does the console
        await pilot.press("p")
        await close_console(pilot)
        clock.tick(30)  # paused: the clock stands still and nobody passes
        assert clock.remaining == 55 and not any(isinstance(a, act.TimeUp) for a in game.actions)
        assert "paused the exercise" in all_text(app)
        await open_console(pilot)
        await pilot.press("p")
        await close_console(pilot)
        clock.tick(55)
        await pilot.pause()
        assert isinstance(game.actions[-1], act.TimeUp)
        assert game.state.postures == (Posture.CONCILIATORY, Posture.NEUTRAL)


async def test_time_up_closes_an_open_move_dialog():
    app = classroom_app(washington="human", moscow="human", timer=45)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await to_table(pilot)
        game = app.session.game
        await pilot.press("n")
        await turn_of(pilot, M)
        await pilot.press("n")
        await turn_of(pilot, W, Phase.NEGOTIATION)
        await pilot.press("g")  # Washington opens the gesture dialog, and dawdles
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        table.query_one(RoundClock).tick(45)
        await wait_for(pilot, lambda: not isinstance(app.screen, ChoiceScreen))
        assert game.actions[-1] == act.TimeUp()
        assert any(e.text == "Time is up for Washington: the move counts as a pass." for _, e in game.events)
        assert game.state.to_move is M


async def test_computer_seats_are_never_timed():
    app = classroom_app(washington="human", moscow="hardliner", timer=20)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await to_table(pilot)
        game = app.session.game
        clock = table.query_one(RoundClock)
        await pilot.press("n")
        await wait_for(pilot, lambda: game.state.phase is Phase.NEGOTIATION and table.actor() is W
                       and W in game.awaiting())
        assert "left for Washington" in all_text(app)
        clock.tick(20)
        await pilot.pause()
        assert any(isinstance(a, act.TimeUp) for a in game.actions)
        # the computer answers in its own time, and the game goes on to Washington again
        await wait_for(pilot, lambda: W in game.awaiting() and table.actor() is W)
        timeups = sum(isinstance(a, act.TimeUp) for a in game.actions)
        assert timeups == 1


async def test_a_computer_due_with_a_human_moves_in_its_own_right():
    app = classroom_app(washington="human", moscow="conceder", timer=20)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await to_table(pilot)
        game = app.session.game
        assert game.awaiting() == (W, M)  # statements: both due, the computer waits for the human
        table.query_one(RoundClock).tick(20)
        await pilot.pause()
        timer_lines = [e.text for _, e in game.events if e.kind == "timer"]
        assert timer_lines == ["Time is up for Washington: the move counts as a neutral statement."]
        assert [type(a).__name__ for a in game.actions] == ["SetTimer", "Statement", "TimeUp"]
        assert game.actions[1].side is M


def test_the_play_command_takes_the_classroom_options(monkeypatch):
    from tabletop.tui import app as app_module

    started = {}

    def fake_run(self):
        started["classroom"] = self.start_classroom

    monkeypatch.setattr(app_module.TabletopApp, "run", fake_run)
    assert main(["play", "tutorial", "--passphrase", "owl", "--timer", "120"]) == 0
    assert started["classroom"].passphrase == "owl" and started["classroom"].timer == 120
    assert main(["play", "tutorial", "--facilitator"]) == 0
    assert started["classroom"].passphrase == "" and started["classroom"].timer is None
    assert main(["play", "tutorial"]) == 0
    assert started["classroom"] is None


@pytest.mark.parametrize("argv", [["--timer", "5"], ["--timer", "soon"], ["--passphrase", " "]])
def test_bad_classroom_options_exit_2(argv, capsys):
    assert main(["play", "tutorial", *argv]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


async def test_a_computer_answering_news_in_the_statements_does_not_restart_the_humans_countdown():
    """Issue 10 review, point 5: the statements' countdown runs from the round's start whatever seat moves; news
    for the computer seat to answer in their middle (fired from the console) leaves it where it stood."""
    app = classroom_app("istanbul-2025-02", washington="grit", moscow="human", timer=60)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await to_table(pilot)
        game = app.session.game
        clock = table.query_one(RoundClock)
        assert game.state.phase is Phase.STATEMENTS and clock.remaining == 60
        clock.tick(20)
        assert clock.remaining == 40
        app.session.apply(act.FireInject("harsh-words"))  # for Washington, the computer, to answer
        await wait_for(pilot, lambda: isinstance(app.screen, NewsFlashScreen))
        clock.tick(5)  # the flash holds the clock
        await pilot.press("enter")
        await wait_for(pilot, lambda: game.state.has_fired("harsh-words") and not game.state.pending)
        await pilot.pause()
        assert game.state.phase is Phase.STATEMENTS and game.awaiting() == (W, M)
        assert clock.remaining == 40, "the computer's answer gave Moscow a fresh minute"
        assert "0:40 left for Moscow" in all_text(app)
        clock.tick(40)  # and at zero Moscow's words count as neutral
        await wait_for(pilot, lambda: any(isinstance(a, act.TimeUp) for a in game.actions))


async def test_each_move_of_the_negotiation_gets_the_full_timer_at_one_keyboard():
    """Issue 10 review (H7): Washington proposes, Moscow counters, Washington answers, all in one round; each
    move starts with the whole timer, not with what that side's last turn had left."""
    app = classroom_app(washington="human", moscow="human", timer=60)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await to_table(pilot)
        game = app.session.game
        clock = table.query_one(RoundClock)
        await pilot.press("n")
        await turn_of(pilot, M)
        await pilot.press("n")
        moves = [act.Propose(W, Offer((Concession("visas", 1), Concession("banking", 1)))),
                 act.Counter(M, Offer((Concession("visas", 2), Concession("banking", 1)))),
                 act.Counter(W, Offer((Concession("visas", 1), Concession("banking", 2))))]
        rounds = set()
        for move in moves:
            await turn_of(pilot, move.side, Phase.NEGOTIATION)
            rounds.add(game.state.round)
            assert clock.remaining == 60, f"{move.side.value}'s move started with {clock.remaining} s"
            clock.tick(20)
            assert clock.remaining == 40
            app.session.apply(move)
        await turn_of(pilot, M, Phase.NEGOTIATION)
        assert rounds == {game.state.round}
        assert clock.remaining == 60 and "1:00 left for Moscow" in all_text(app)


async def test_news_answered_in_the_middle_of_a_move_resumes_its_countdown_at_one_keyboard():
    """A news item fired in the middle of Washington's move: once it is answered, the move goes on with the time
    it had left; the move after it gets the whole timer."""
    app = classroom_app("istanbul-2025-02", washington="human", moscow="human", timer=60)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await to_table(pilot)
        game = app.session.game
        clock = table.query_one(RoundClock)
        await pilot.press("n")
        await turn_of(pilot, M)
        await pilot.press("n")
        first = game.state.to_move
        await turn_of(pilot, first, Phase.NEGOTIATION)
        clock.tick(25)
        assert clock.remaining == 35
        app.session.apply(act.FireInject("harsh-words"))  # for Washington to answer
        await wait_for(pilot, lambda: game.state.phase is Phase.INJECT_RESPONSE)
        await pilot.pause()
        assert clock.remaining == 60  # the answer has its own countdown
        clock.tick(10)
        app.session.apply(act.RespondInject(W, "harsh-words", Response.ABSORB))
        await turn_of(pilot, first, Phase.NEGOTIATION)
        assert clock.remaining == 35, "the news restarted the move's countdown"
        app.session.apply(act.Pass(first))
        await turn_of(pilot, first.other, Phase.NEGOTIATION)
        assert clock.remaining == 60
