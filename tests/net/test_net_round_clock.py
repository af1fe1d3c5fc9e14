"""Issue 10 review, point 5: on the class host, the round clock of the statements runs from the round's start.

Statements are chosen by both sides at once: whatever seat chooses first (a
computer seat, or the other team), or answers a news item in between, the
countdown of the side still to choose goes on from where it stood; it never
starts again. The table's clock is driven by hand (``table.now``).
"""

from __future__ import annotations

from netkit import bounded, running_host, tutorial_plan

from tabletop.engine import actions as act
from tabletop.engine.model import Posture, Side
from tabletop.engine.state import Phase

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
            now[0] += 35
            await net.host.tick()  # Moscow's time is up: its words count as neutral, and the round goes on
            await washington.wait_for(lambda c: c.view["table"]["phase"] != "statements")
            assert isinstance(table.game.actions[-1], act.TimeUp) or table.game.state.phase is not Phase.STATEMENTS
            assert table.time_left() == 60  # the negotiation's first move: a new turn, a new countdown
    await bounded(body())
