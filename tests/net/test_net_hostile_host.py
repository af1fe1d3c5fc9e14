"""Issue 10 review: a seat holds what a host sends to the same limits as the engine, and refuses the rest in one line.

A hostile or broken host may send a rejection reason, a log line, a news
headline or a team name of any length and any characters. The seat's mirror
refuses such a message with a :class:`MirrorError` naming the field and the
problem: never a traceback, never a megabyte in the team's log, never a control
character on the team's terminal. The host here is a real one on loopback,
made "hostile" by changing what it sends (its views), so the frames cross a real
socket exactly as a broken host's would.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from netkit import bounded, running_host, tutorial_plan
from test_net_join import SIZE, to_table, until

from tabletop.engine import actions as act
from tabletop.engine.deals import REASON_LIMIT
from tabletop.engine.model import Effects, Posture, Side
from tabletop.net import views
from tabletop.net.client import HostClient
from tabletop.net.mirror import LOG_TEXT_LIMIT, TEXT_LIMIT, MirrorError, SeatGame, scenario_for, structure
from tabletop.tui.screens.join_app import SeatApp
from tabletop.tui.widgets.event_log import EventLog

W, M = Side.WASHINGTON, Side.MOSCOW
MEGABYTE = "x" * 1_000_000
ESCAPE = "Moscow rejects\x1b[2J\x1b]0;owned\x07 the package"


def mirror_of(client: HostClient) -> SeatGame:
    """The seat's mirror as the terminal client builds it from its welcome."""
    view = client.view
    side = structure(Side, view.get("side"), "side")
    game = SeatGame(scenario_for(view.get("scenario"), {side: view.get("brief")}), side)
    game.follow(view)
    return game


def forging(monkeypatch: pytest.MonkeyPatch, **fields: Any) -> None:
    """From now on the host sends every new log line with ``fields`` changed (the rest of its frames as before)."""
    honest = views.log_entries

    def forged(game, viewer, start=0):
        return [{**entry, **fields} for entry in honest(game, viewer, start)]

    monkeypatch.setattr(views, "log_entries", forged)


@pytest.mark.parametrize(("fields", "said"), [
    # past the engine's limits: the seat's mirror refuses the table it would show
    ({"reason": "r" * 1000}, f"log line.reason: is 1000 characters long, expected one line of at most "
                             f"{REASON_LIMIT} printable characters"),
    ({"reason": "no\nthanks"}, f"log line.reason: is not one line of at most {REASON_LIMIT} printable characters"),
    ({"text": "x" * (LOG_TEXT_LIMIT + 1)},
     f"log line.text: is {LOG_TEXT_LIMIT + 1} characters long, expected at most {LOG_TEXT_LIMIT}"),
    ({"ranking": ["x" * 20_000]}, "log line.ranking[0]: is 20000 characters long"),
    # past all reason, or a control character: the client sets the whole frame aside before anything reads it
    ({"reason": MEGABYTE}, "the host sent a message this client cannot read (state.log[0].reason: is 1000000 "
                           "characters long"),
    ({"reason": ESCAPE}, "the host sent a message this client cannot read (state.log[0].reason: holds a control "
                         "character (\\x1b))"),
    ({"text": MEGABYTE}, "state.log[0].text: is 1000000 characters long"),
    ({"text": ESCAPE}, "state.log[0].text: holds a control character (\\x1b)"),
    ({"irritant": "\x1b[31m"}, "state.log[0].irritant: holds a control character (\\x1b)"),
])
async def test_a_log_line_past_the_engines_limits_is_refused_in_one_line(tmp_path, monkeypatch, fields, said):
    async def body():
        async with running_host(tmp_path / "class", tutorial_plan(1)) as net, net.seat("t1", W) as washington:
            mirror = mirror_of(washington)
            before = list(mirror.events)
            log_before = list(washington.view["log"])
            forging(monkeypatch, **fields)
            assert (await washington.act(act.Statement(W, Posture.NEUTRAL)))["ok"]
            await washington.wait_for(lambda c: c.view["table"]["chosen"].get("washington") is True
                                      or bool(c.problem))
            if washington.problem:  # set aside whole by the client: its view is as it was
                message = washington.problem
                assert washington.view["log"] == log_before
            else:
                with pytest.raises(MirrorError) as refused:
                    mirror.follow(washington.view)
                message = str(refused.value)
            assert said in message, message
            assert "\n" not in message and "\x1b" not in message and len(message) <= 300
            assert mirror.events == before  # nothing of the refused message was taken
    await bounded(body())


@pytest.mark.parametrize(("where", "value", "said"), [
    ("title", "t" * 5000, "table.pending[0].title: is 5000 characters long"),
    ("text", "Breaking\nnews " + "n" * 4100, "table.pending[0].text: is 4114 characters long"),
    ("respond_label", "y" * 5000, "table.pending[0].respond_label: is 5000 characters long"),
])
async def test_a_news_item_past_the_limits_is_refused(tmp_path, monkeypatch, where, value, said):
    async def body():
        async with running_host(tmp_path / "class", tutorial_plan(1, "istanbul-2025-02")) as net, \
                net.seat("t1", W) as washington:
            mirror = mirror_of(washington)
            honest = views.pending_inject
            monkeypatch.setattr(views, "pending_inject", lambda scenario, inject: {**honest(scenario, inject),
                                                                                    where: value})
            inject = next(i for i in net.host.tables["t1"].game.scenario.injects if i.forces_choice)
            async with net.facilitator() as white_cell:
                assert (await white_cell.control("t1", act.FireInject(inject.id)))["ok"]
            await washington.wait_for(lambda c: bool(c.view["table"].get("pending")))
            with pytest.raises(MirrorError, match="^" + re.escape(said)):
                mirror.follow(washington.view)
    await bounded(body())


async def test_the_public_scenario_and_briefs_are_held_to_the_limits_too(tmp_path):
    async def body():
        async with running_host(tmp_path / "class", tutorial_plan(1)) as net, net.seat("t1", W) as washington:
            view = washington.view
            scenario = view["scenario"]
            for key, value, said in (
                    ("setting", MEGABYTE, "scenario.setting: is 1000000 characters long"),
                    ("public_brief", "a\x1b[2Jb", "scenario.public_brief: holds a control character"),
                    ("audiences", [{"id": "eu", "name": MEGABYTE, "stance": ""}],
                     "scenario.audiences[0].name: is 1000000 characters long"),
                    ("sides", {**scenario["sides"], "moscow": {"name": "\x9bMoscow", "public": ""}},
                     "scenario.sides.moscow.name: holds a control character (\\x9b)")):
                with pytest.raises(MirrorError) as refused:
                    scenario_for({**scenario, key: value}, {W: view["brief"]})
                assert str(refused.value).startswith(said), str(refused.value)
            with pytest.raises(MirrorError, match=r"^brief\.washington\.confidential: is 1000000 characters long"):
                scenario_for(scenario, {W: {**view["brief"], "confidential": MEGABYTE}})
    await bounded(body())


async def test_a_team_is_warned_in_one_line_and_its_log_never_holds_the_megabyte(tmp_path, monkeypatch):
    async def body():
        async with running_host(tmp_path / "class", tutorial_plan(1)) as net:
            app = SeatApp(net.url, net.code("t1", W))
            async with app.run_test(size=SIZE) as pilot:
                screen = await to_table(pilot)
                forging(monkeypatch, text="x" * (LOG_TEXT_LIMIT + 1), reason="r" * 1000)
                refreshes = 0
                honest = net.host.seat_welcome

                def counted(table, side):
                    nonlocal refreshes
                    refreshes += 1
                    return honest(table, side)

                monkeypatch.setattr(net.host, "seat_welcome", counted)
                await pilot.press("n")  # a neutral statement: the host's answer carries the forged log line
                await until(pilot, lambda: any("cannot read" in n.message for n in app._notifications))
                await pilot.pause(0.5)
                shown = [n.message for n in app._notifications if "cannot read" in n.message]
                assert f"log line.text: is {LOG_TEXT_LIMIT + 1} characters long" in shown[0]
                assert all("\n" not in n and len(n) < 400 for n in shown)
                log = " ".join(strip.text for strip in screen.query_one(EventLog).lines)
                assert "x" * 100 not in log and "\x1b" not in log
                # asking once for a fresh view is right; asking again for every unreadable answer is a storm
                assert refreshes <= 1, refreshes
    await bounded(body())


async def test_the_host_holds_the_facilitators_free_text_to_the_same_limits(tmp_path):
    """The host refuses what its seats would refuse: a free-text inject or a note past the limits never enters a
    table's log (it would leave every seat of the table unable to read its log)."""
    async def body():
        async with running_host(tmp_path / "class", tutorial_plan(1)) as net, net.seat("t1", W) as washington, \
                net.facilitator() as white_cell:
            mirror = mirror_of(washington)
            before = net.fingerprint("t1")
            for action, said in (
                    (act.CustomInject("Flash", "y" * 20_000), "custom_inject.text: is 20000 characters long"),
                    (act.CustomInject("Flash\x1b[2J", "text"), "custom_inject.title: holds a control character"),
                    (act.CustomInject("Two\nlines", "text"), "custom_inject.title: holds a control character"),
                    (act.Note("n" * 5000), "note.text: is 5000 characters long"),
                    (act.CustomInject("Flash", "text", Effects(trust=10 ** 4000)),
                     "custom_inject.effects.trust: expected changes of -100 to 100"),
                    (act.CustomInject("Flash", "text", Effects(rungs={"visas": 21})),
                     "custom_inject.effects.rungs: expected changes of -20 to 20")):
                answer = await white_cell.control("t1", action)
                assert answer["type"] == "error" and answer["message"].startswith(said), answer
            assert net.fingerprint("t1") == before
            widest = Effects(trust=-100, tension=4, standing={"washington": -100, "moscow": 100},
                             rungs={irritant.id: 20 for irritant in net.host.tables["t1"].game.scenario.irritants})
            longest = act.CustomInject("T" * TEXT_LIMIT, "line one\nline two " + "y" * (TEXT_LIMIT - 20), widest)
            assert (await white_cell.control("t1", longest))["ok"]
            await washington.wait_for(lambda c: any("line two" in e.get("text", "") for e in c.view["log"]))
            new = mirror.follow(washington.view)
            assert any(e.text.startswith("NEWS: TTT") and "line two" in e.text for _, e in new)
    await bounded(body())


async def test_no_text_with_a_control_character_from_the_host_reaches_a_client_at_all(tmp_path, monkeypatch):
    """Beyond the table the mirror reads: the seats (team names), the debrief, any message. A frame holding a
    control character anywhere is set aside whole (``problem``, one line naming the field) and changes nothing."""
    async def body():
        async with running_host(tmp_path / "class", tutorial_plan(1)) as net, net.seat("t1", W) as washington:
            async with net.seat("t1", M):
                await washington.wait_for(lambda c: c.view["seats"]["moscow"]["connected"] is True)
                teams_before = dict(washington.view["seats"])
                honest_seats = net.host.seat_info
                monkeypatch.setattr(net.host, "seat_info", lambda table, to_seats=False: {
                    **honest_seats(table, to_seats), "moscow": {"team": "Bears\x1b]0;owned\x07", "player": "human",
                                                                "connected": False}})
            await washington.wait_for(lambda c: bool(c.problem))  # Moscow leaving: the host announces the seats
            assert "seats.moscow.team: holds a control character (\\x1b)" in washington.problem, washington.problem
            assert washington.view["seats"] == teams_before
            assert "\x1b" not in washington.problem and "\n" not in washington.problem
            monkeypatch.setattr(net.host, "seat_info", honest_seats)
            honest_debrief = views.debrief_data
            monkeypatch.setattr(views, "debrief_data", lambda game, viewer: {**honest_debrief(game, viewer),
                                                                             "cause": "the end\x9b2J"})
            washington.problem = ""
            async with net.facilitator() as white_cell:
                assert (await white_cell.end_class())["ok"]
            await washington.wait_for(lambda c: bool(c.problem))
            assert "debrief.cause: holds a control character (\\x9b)" in washington.problem, washington.problem
            assert "debrief" not in washington.view or "\x9b" not in str(washington.view["debrief"])
    await bounded(body())


async def test_a_welcome_holding_a_control_character_is_a_one_line_refusal_to_join(tmp_path, monkeypatch):
    async def body():
        async with running_host(tmp_path / "class", tutorial_plan(1)) as net:
            honest = net.host.seat_welcome
            monkeypatch.setattr(net.host, "seat_welcome", lambda table, side: {**honest(table, side),
                                                                               "table_name": "T1\x1b[2J"})
            with pytest.raises(ConnectionError) as refused:
                await net.seat("t1", W, reconnect=False).connect(5, patient=False)
            message = str(refused.value)
            assert "table_name: holds a control character (\\x1b)" in message, message
            assert "\x1b" not in message and "within" not in message  # said at once, not after a time-out
    await bounded(body())
