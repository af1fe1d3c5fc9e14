"""``tabletop serve --join URL``: a student with only a browser types the team's code and takes the seat.

A real class host and a real ``tabletop serve --join`` run as subprocesses on free loopback ports; the test
talks to the served page's web socket as a browser does (keystrokes in, terminal output out).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys

import aiohttp
import pytest
from netkit import PASSPHRASE, bounded, free_port
from test_net_restart import HostProcess

from tabletop.cli.main import main
from tabletop.net.client import HostClient


class ServeProcess:
    def __init__(self, url: str, port: int, saves) -> None:
        self.port = port
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tabletop", "serve", "--join", url, "--port", str(port), "--saves-dir", str(saves)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "COLUMNS": "120"})

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


async def test_a_browser_visitor_types_a_code_and_takes_the_seat(tmp_path):
    host_port, web_port = free_port(), free_port()
    host = HostProcess(tmp_path / "class", host_port)
    served: ServeProcess | None = None

    async def body():
        nonlocal served
        await host.start()
        state = json.loads((tmp_path / "class" / "class-state.json").read_text())
        code = state["tables"][0]["seats"]["moscow"]["code"]
        url = f"ws://127.0.0.1:{host_port}/ws"
        served = ServeProcess(url, web_port, tmp_path / "saves")
        base = f"http://127.0.0.1:{web_port}"
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser, \
                HostClient(url, passphrase=PASSPHRASE) as white_cell:
            for _ in range(150):  # the page, once the server listens
                try:
                    async with browser.get(base + "/") as page:
                        assert page.status == 200
                        break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.2)
            async with browser.ws_connect(base.replace("http", "ws") + "/ws?width=120&height=40",
                                          headers={"Origin": base}) as ws:
                screen = ""

                async def read_until(words: str) -> None:
                    nonlocal screen
                    while words not in screen:
                        message = await asyncio.wait_for(ws.receive(), 30)
                        if message.type is aiohttp.WSMsgType.BINARY:
                            screen += message.data.decode("utf-8", "replace")
                        elif message.type is not aiohttp.WSMsgType.TEXT:
                            raise AssertionError(f"the page closed: {message.type}")

                await read_until("join code")
                await ws.send_json(["stdin", code + "\r"])
                await white_cell.wait_for(lambda c: c.rows["t1"]["seats"]["moscow"]["connected"], 30)
                await read_until("Public brief")
    try:
        await bounded(body(), 90)
    finally:
        if served is not None:
            served.stop()
        host.stop()


@pytest.mark.parametrize(("argv", "said"), [
    (["serve", "--join", "ftp://nowhere"], "is not a class host's address"),
    (["serve", "--join", "127.0.0.1:8765", "--scenario", "tutorial"], "would start a game of the visitor's own"),
])
def test_wrong_serve_join_options_are_one_line(argv, said, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1


def test_each_visitor_runs_the_join_client_without_a_code():
    from tabletop.cli.main import build_parser
    from tabletop.cli.serve import check_join, visitor_argv

    args = build_parser().parse_args(["serve", "--join", "127.0.0.1:8765"])
    check_join(args)
    assert visitor_argv(args)[-3:] == ["tabletop", "join", "ws://127.0.0.1:8765/ws"]
