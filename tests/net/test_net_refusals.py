"""Who may do what: every refused message is answered in one line and changes nothing at any table."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest
from netkit import PASSPHRASE, bounded, running_host

from tabletop.engine.model import Side
from tabletop.net.client import JoinRefused
from tabletop.net.guard import Throttle
from tabletop.net.protocol import MAX_MESSAGE_BYTES

W, M = Side.WASHINGTON, Side.MOSCOW


async def test_a_seat_code_acts_for_its_own_seat_only(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net, net.seat("t1", W) as washington:
            before = {t: net.fingerprint(t) for t in ("t1", "t2")}
            refused = {
                "the other seat's move": {"type": "statement", "side": "moscow", "posture": "hardline"},
                "a facilitator's control": {"type": "pause"},
                "a facilitator's news": {"type": "custom_inject", "title": "x", "text": "y"},
                "a malformed action": {"type": "statement", "side": "washington", "posture": "sneaky"},
                "an unknown action": {"type": "launch", "side": "washington"},
            }
            for what, action in refused.items():
                answer = await washington.act(action)
                assert answer["type"] == "error", what
                assert "\n" not in answer["message"] and answer["message"], what
            assert "moscow" in (await washington.act(refused["the other seat's move"]))["message"]
            assert "facilitator" in (await washington.act(refused["a facilitator's control"]))["message"]
            # facilitator-only messages from a seat
            for message in ({"type": "control", "table": "t1", "action": {"type": "pause"}},
                            {"type": "open", "table": "t2"}, {"type": "end_class"},
                            {"type": "seat", "table": "t1", "side": "moscow", "player": "grit"}):
                answer = await washington.request(message)
                assert answer["type"] == "error" and "facilitator" in answer["message"]
            assert {t: net.fingerprint(t) for t in ("t1", "t2")} == before
            assert not net.host.state.ended
            assert net.host.tables["t1"].player(M) == "human"
    await bounded(body())


async def test_a_forged_or_resent_action_id_is_never_applied_twice(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net, net.seat("t1", W) as washington:
            neutral = {"type": "statement", "side": "washington", "posture": "neutral"}
            first = await washington.act(neutral, action_id="w-1")
            assert first["ok"]
            after = net.fingerprint("t1")
            resent = await washington.act(neutral, action_id="w-1")
            assert resent["ok"] and resent["duplicate"] and resent["n"] == first["n"]
            forged = await washington.act({**neutral, "posture": "hardline"}, action_id="w-1")
            assert forged["type"] == "error" and "already used" in forged["message"]
            for bad in ("", "x" * 65, "spaces are not ids"):
                answer = await washington.request({"type": "act", "id": bad, "action": neutral})
                assert answer["type"] == "error" and "id" in answer["message"]
            assert net.fingerprint("t1") == after
    await bounded(body())


async def raw_socket(url: str, session: aiohttp.ClientSession, **options) -> aiohttp.ClientWebSocketResponse:
    return await session.ws_connect(url, **options)


async def next_of(ws: aiohttp.ClientWebSocketResponse, kind: str) -> dict:
    """The next message of ``kind`` (others, such as who is connected, are skipped)."""
    while (message := await ws.receive_json(timeout=10))["type"] != kind:
        pass
    return message


async def test_invalid_json_an_oversized_message_and_binary_frames_are_refused(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net, aiohttp.ClientSession() as session:
            before = {t: net.fingerprint(t) for t in ("t1", "t2")}
            ws = await raw_socket(net.url, session)
            await ws.send_json({"type": "join", "code": net.code("t1", W)})
            assert (await ws.receive_json(timeout=10))["type"] == "welcome"
            for text, reason in (("{not json", "not valid JSON"), ("[1, 2]", "JSON object"),
                                 ('{"type": "shutdown"}', "unknown message type"),
                                 ("[" * 10000 + "]" * 10000, "nested too deeply")):
                await ws.send_str(text)
                answer = await next_of(ws, "error")
                assert reason in answer["message"], answer
            await ws.send_bytes(b"\x00\x01")
            assert "text frames" in (await next_of(ws, "error"))["message"]
            big = {"type": "act", "id": "big", "action": {"type": "statement", "side": "washington",
                                                          "posture": "neutral", "pad": "x" * MAX_MESSAGE_BYTES}}
            await ws.send_json(big)
            while (closing := await ws.receive(timeout=10)).type is aiohttp.WSMsgType.TEXT:
                pass
            assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            assert ws.close_code == aiohttp.WSCloseCode.MESSAGE_TOO_BIG
            assert {t: net.fingerprint(t) for t in ("t1", "t2")} == before
    await bounded(body())


async def test_a_wrong_passphrase_or_code_is_refused_and_repeats_are_slowed_down(tmp_path):
    async def body():
        throttle = Throttle(free=2, base=0.4)
        async with running_host(tmp_path / "class", throttle=throttle) as net:
            with pytest.raises(JoinRefused, match="wrong passphrase"):
                await net.facilitator("not-the-passphrase").connect()
            with pytest.raises(JoinRefused, match="unknown join code"):
                await _client(net.url, "AAAAA-AAAAA").connect()
            started = time.monotonic()
            with pytest.raises(JoinRefused):
                await _client(net.url, "BBBBB-BBBBB").connect()
            assert time.monotonic() - started >= 0.4  # the third wrong attempt waited
            assert throttle.delay("127.0.0.1") >= 0.8  # and the next one waits longer
            # the facilitator, with the right passphrase, sees nothing changed
            async with net.facilitator(PASSPHRASE) as facilitator:
                assert all(row["actions"] == 0 for row in facilitator.rows.values())
    await bounded(body())


def _client(url: str, code: str):
    from tabletop.net.client import HostClient

    return HostClient(url, code=code, reconnect=False)


async def test_a_foreign_browser_origin_cannot_open_the_socket(tmp_path):
    async def body():
        async with running_host(tmp_path / "class", origins=("https://class.example.org",)) as net, \
                aiohttp.ClientSession() as session:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(net.url, origin="https://evil.example.com")
            assert refused.value.status == 403
            allowed = await session.ws_connect(net.url, origin="https://class.example.org")
            await allowed.send_json({"type": "ping"})
            assert (await allowed.receive_json(timeout=10))["type"] == "pong"
            await allowed.close()
    await bounded(body())


async def test_a_second_connection_with_the_same_code_takes_the_seat_over(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net:
            first = net.seat("t1", W)
            await first.connect()
            second = net.seat("t1", W)
            await second.connect()
            await first.wait_for(lambda c: c.status == "replaced")
            assert (await second.act({"type": "statement", "side": "washington", "posture": "neutral"}))["ok"]
            await asyncio.gather(first.close(), second.close())
    await bounded(body())


async def test_a_connection_that_never_joins_is_closed(tmp_path, monkeypatch):
    from tabletop.net import server

    monkeypatch.setattr(server, "JOIN_WITHIN", 0.2)

    async def body():
        async with running_host(tmp_path / "class") as net, aiohttp.ClientSession() as session:
            ws = await raw_socket(net.url, session)
            assert "join within" in (await next_of(ws, "error"))["message"]
            while (await ws.receive(timeout=10)).type is aiohttp.WSMsgType.TEXT:
                pass
            assert ws.closed
    await bounded(body())
