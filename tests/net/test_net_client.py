"""The client library's own guards: addresses, a host that is not there, frames it cannot read, a failing answer."""

from __future__ import annotations

import pytest
from aiohttp import web
from netkit import bounded, free_port, running_host

from tabletop.engine.model import Side
from tabletop.net import facilitator
from tabletop.net.client import HostClient, socket_url


@pytest.mark.parametrize(("typed", "expected"), [
    ("127.0.0.1:8765", "ws://127.0.0.1:8765/ws"),
    ("http://class.example.org:80", "ws://class.example.org:80/ws"),
    ("https://tabletop.example.org/class/mon-a/ws", "wss://tabletop.example.org/class/mon-a/ws"),
])
def test_an_address_as_printed_or_typed_becomes_the_socket_url(typed, expected):
    assert socket_url(typed) == expected


@pytest.mark.parametrize("typed", ["ftp://host:1", "not a url", "host:99999", "", "ws://:8765/ws"])
def test_what_is_no_address_is_one_line(typed):
    with pytest.raises(ValueError) as refused:
        socket_url(typed)
    text = str(refused.value)
    assert "\n" not in text and ("address" in text or "port" in text)


async def test_no_host_fails_at_once_when_not_patient_and_names_the_address():
    async def body():
        client = HostClient(f"ws://127.0.0.1:{free_port()}/ws", code="7Q2MX-K9D4T")
        with pytest.raises(ConnectionError) as failed:
            await client.connect(5, patient=False)
        assert "\n" not in str(failed.value)
        assert client.status == "closed"
    await bounded(body(), 20)


async def test_frames_the_client_cannot_read_are_set_aside_and_the_connection_goes_on(tmp_path):
    async def hostile(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.receive()  # the join
        for frame in ("not json", "[1, 2]", '{"type": "update", "table": "t1"}', '{"type": 7}'):
            await ws.send_str(frame)
        await ws.send_json({"type": "welcome", "role": "seat", "side": "washington", "state": {"table": {}}})
        await ws.send_json({"type": "pong", "id": "late"})
        await ws.receive()
        return ws

    async def body():
        app = web.Application()
        app.router.add_get("/ws", hostile)
        runner = web.AppRunner(app)
        await runner.setup()
        port = free_port()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            client = HostClient(f"ws://127.0.0.1:{port}/ws", code="7Q2MX-K9D4T", reconnect=False)
            heard: list[dict] = []
            client.listen(heard.append)
            welcome = await client.connect(5)
            assert welcome["side"] == "washington" and client.status == "joined"
            problems = [m["problem"] for m in heard if m.get("type") == "status" and m.get("problem")]
            assert len(problems) == 4 and all("cannot read" in p and "\n" not in p for p in problems)
            await client.wait_for(lambda c: any(m.get("type") == "pong" for m in heard), 5)
            await client.close()
        finally:
            await runner.cleanup()
    await bounded(body(), 30)


async def test_an_answer_the_host_fails_to_give_is_an_error_and_the_connection_stays(tmp_path, monkeypatch):
    def broken(host):
        raise RuntimeError("the summary broke")

    monkeypatch.setattr(facilitator, "summary", broken)

    async def body():
        async with running_host(tmp_path / "class") as net, net.facilitator() as white_cell, \
                net.seat("t1", Side.WASHINGTON) as seat:
            answer = await white_cell.end_class()
            assert answer["type"] == "error" and "could not answer" in answer["message"]
            assert white_cell.status == "joined" and white_cell.reconnects == 0
            assert (await white_cell.request({"type": "overview"}))["type"] == "overview"
            assert seat.status == "joined"
    await bounded(body(), 60)


@pytest.mark.parametrize(("argv", "said"), [
    (["join", "ftp://somewhere", "7Q2MX-K9D4T"], "is not a class host's address"),
    (["join", "127.0.0.1:8765", "not-a-code"], "a join code is ten letters and digits"),
    (["join", "127.0.0.1:8765", "7Q2MX-K9D4T", "--facilitator"], "the facilitator joins with the passphrase"),
])
def test_a_wrong_join_command_line_is_one_line_and_exit_code_2(argv, said, capsys):
    from tabletop.cli.main import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1 and "Traceback" not in err
