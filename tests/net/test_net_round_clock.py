"""Issue 10 review, point 5: on the class host, the round clock of the statements runs from the round's start.

Statements are chosen by both sides at once: whatever seat chooses first (a
computer seat, or the other team), or answers a news item in between, the
countdown of the side still to choose goes on from where it stood; it never
starts again. The table's clock is driven by hand (``table.now``).
"""

from __future__ import annotations

from netkit import bounded, running_host, tutorial_plan

from tabletop.engine import actions as act
from tabletop.engine.model import Posture, Response, Side
from tabletop.engine.state import Concession, Offer, Phase

W, M = Side.WASHINGTON, Side.MOSCOW


def manual_clock(net, table_id: str = "t1") -> list[float]:
    now = [1000.0]
    net.host.tables[table_id].now = lambda: now[0]
    return now


async def test_a_computer_seat_choosing_its_words_does_not_restart_the_other_teams_clock(tmp_path):
    async def body():
        async with running_host(tmp_path / "class", tutorial_plan(1, "istanbul-2025-02")) as net, \
                net.facilitator() as white_cell, net.seat("t1", M) as moscow:
            table = net.host.tables["t1"]
            now = manual_clock(net)
            assert (await white_cell.control("t1", act.SetTimer(60)))["ok"]
            assert table.game.state.phase is Phase.STATEMENTS and table.game.awaiting() == (W, M)
            # Washington's team has left the room: the facilitator seats a computer in its place, 20 s in
            await net.host.tick()
            now[0] += 20
            await net.host.tick()
            assert not table.clock_runs()  # Washington's team is away: the clock waits for it
            assert (await white_cell.seat("t1", "washington", "grit"))["ok"]
            assert table.game.awaiting() == (M,)  # the computer chose its words at once
            await net.host.tick()
            start = table.time_left()
            now[0] += 15
            await net.host.tick()
            assert table.time_left() == start - 15
            # news for the computer seat to answer, in the middle of the statements: it answers at once
            assert (await white_cell.control("t1", act.FireInject("harsh-words")))["ok"]
            assert table.game.state.phase is Phase.STATEMENTS and table.game.state.has_fired("harsh-words")
            await net.host.tick()
            assert table.time_left() == start - 15, "the computer's answer restarted Moscow's countdown"
            now[0] += 5
            await net.host.tick()
            assert table.time_left() == start - 20
            assert moscow.view["table"]["phase"] == "statements"
    await bounded(body())


async def test_one_team_choosing_its_words_does_not_restart_the_other_teams_clock(tmp_path):
    async def body():
        async with running_host(tmp_path / "class", tutorial_plan(1)) as net, net.facilitator() as white_cell, \
                net.seat("t1", W) as washington, net.seat("t1", M):
            table = net.host.tables["t1"]
            now = manual_clock(net)
            assert (await white_cell.control("t1", act.SetTimer(60)))["ok"]
            await net.host.tick()
            assert table.time_left() == 60 and table.clock_runs()
            now[0] += 25
            await net.host.tick()
            assert table.time_left() == 35
            assert (await washington.act(act.Statement(W, Posture.NEUTRAL)))["ok"]
            await net.host.tick()
            assert table.game.awaiting() == (M,)
            assert table.time_left() == 35, "Washington's words gave Moscow a fresh minute"
            assert table.clock.waiting(now[0]) == 25  # the table has waited since the phase's start
            now[0] += 35
            await net.host.tick()  # Moscow's time is up: its words count as neutral, and the round goes on
            await washington.wait_for(lambda c: c.view["table"]["phase"] != "statements")
            assert isinstance(table.game.actions[-1], act.TimeUp) or table.game.state.phase is not Phase.STATEMENTS
            assert table.time_left() == 60  # the negotiation's first move: a new turn, a new countdown
    await bounded(body())


async def test_each_move_of_the_negotiation_gets_the_full_timer(tmp_path):
    """Issue 10 review (H7): the same side's turn comes back several times in one round of negotiation; each of
    its moves gets the whole timer, not what its last turn had left, and the table's wait starts again too."""
    async def body():
        async with running_host(tmp_path / "class", tutorial_plan(1)) as net, net.facilitator() as white_cell, \
                net.seat("t1", W) as washington, net.seat("t1", M) as moscow:
            table = net.host.tables["t1"]
            now = manual_clock(net)
            assert (await white_cell.control("t1", act.SetTimer(60)))["ok"]
            await net.host.tick()
            for client, side in ((washington, W), (moscow, M)):
                assert (await client.act(act.Statement(side, Posture.NEUTRAL)))["ok"]
            await net.host.tick()
            game = table.game
            assert game.state.phase is Phase.NEGOTIATION and game.awaiting() == (W,)
            seats = {W: washington, M: moscow}
            moves = [act.Propose(W, Offer((Concession("visas", 1), Concession("banking", 1)))),
                     act.Counter(M, Offer((Concession("visas", 2), Concession("banking", 1)))),
                     act.Counter(W, Offer((Concession("visas", 1), Concession("banking", 2))))]
            for move in moves:
                assert game.awaiting() == (move.side,)
                assert table.time_left() == 60, f"{move.side.value}'s move started with {table.time_left()} s"
                assert table.clock.waiting(now[0]) == 0
                now[0] += 20
                await net.host.tick()
                assert table.time_left() == 40 and table.clock.waiting(now[0]) == 20
                assert (await seats[move.side].act(move))["ok"]
                await net.host.tick()
            assert game.state.phase is Phase.NEGOTIATION and game.awaiting() == (M,)
            assert table.time_left() == 60  # Moscow's second turn of the round: the full minute again
    await bounded(body())


async def test_news_answered_in_the_middle_of_a_move_resumes_its_clock(tmp_path):
    """A detour to answer news in the middle of a turn goes back to that turn's clock (and wait) as it stood;
    the move after it gets the full timer."""
    async def body():
        async with running_host(tmp_path / "class", tutorial_plan(1, "istanbul-2025-02")) as net, \
                net.facilitator() as white_cell, net.seat("t1", W) as washington, net.seat("t1", M) as moscow:
            table = net.host.tables["t1"]
            now = manual_clock(net)
            assert (await white_cell.control("t1", act.SetTimer(60)))["ok"]
            await net.host.tick()
            for client, side in ((washington, W), (moscow, M)):
                assert (await client.act(act.Statement(side, Posture.NEUTRAL)))["ok"]
            await net.host.tick()
            game = table.game
            first = game.awaiting()[0]
            seats = {W: washington, M: moscow}
            now[0] += 25
            await net.host.tick()
            assert table.time_left() == 35
            # news for Washington to answer, fired in the middle of the first move of the negotiation
            assert (await white_cell.control("t1", act.FireInject("harsh-words")))["ok"]
            assert game.state.phase is Phase.INJECT_RESPONSE
            await net.host.tick()
            assert table.time_left() == 60  # the answer has its own countdown
            now[0] += 10
            await net.host.tick()
            assert (await washington.act(act.RespondInject(W, "harsh-words", Response.ABSORB)))["ok"]
            await net.host.tick()
            assert game.state.phase is Phase.NEGOTIATION and game.awaiting() == (first,)
            assert table.time_left() == 35, "the news restarted the move's clock"
            assert table.clock.waiting(now[0]) == 35
            assert (await seats[first].act(act.Pass(first)))["ok"]
            await net.host.tick()
            assert table.time_left() == 60 and table.clock.waiting(now[0]) == 0
    await bounded(body())
