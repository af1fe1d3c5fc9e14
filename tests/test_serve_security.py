"""`tabletop serve` lets no one in: foreign pages, other visitors' games, too many visitors.

A real server runs as a subprocess on a free loopback port; the tests talk to it
over HTTP and web sockets as a browser would.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from test_serve import free_port

from tabletop.net.browser import COOKIE, same_origin, visitor_folder


@pytest.fixture
def server(tmp_path):
    port = free_port()
    saves = tmp_path / "saves"
    process = subprocess.Popen(
        [sys.executable, "-m", "tabletop", "serve", "--port", str(port), "--saves-dir", str(saves),
         "--max-visitors", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "COLUMNS": "120"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            asyncio.run(_get(base))
            break
        except OSError:
            time.sleep(0.2)
    yield base, saves, process
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


async def _get(base: str, cookies: dict | None = None) -> tuple[int, str, dict]:
    async with aiohttp.ClientSession(cookies=cookies) as session, session.get(base + "/") as response:
        jar = {name: morsel.value for name, morsel in response.cookies.items()}
        return response.status, await response.text(), {**(cookies or {}), **jar}


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def test_same_origin_is_this_server_only():
    assert same_origin("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert not same_origin("http://evil.example", "127.0.0.1:8000")
    assert not same_origin("http://127.0.0.1:8001", "127.0.0.1:8000")
    assert not same_origin(None, "127.0.0.1:8000")
    assert not same_origin("file://", "127.0.0.1:8000")


def test_each_visitor_has_a_folder_of_its_own(tmp_path):
    a, b = visitor_folder(tmp_path, "a" * 30), visitor_folder(tmp_path, "b" * 30)
    assert a != b and a.parent == b.parent == tmp_path / "visitors"
    assert "a" * 30 not in str(a)  # the token itself is never written


def test_a_web_socket_from_a_foreign_page_is_refused(server):
    base, _, _ = server

    async def attempt() -> int:
        status, _, jar = await _get(base)
        assert status == 200 and COOKIE in jar
        async with aiohttp.ClientSession(cookies=jar) as session:
            try:
                async with session.ws_connect(base.replace("http", "ws") + "/ws",
                                              headers={"Origin": "http://evil.example"}):
                    return 101
            except aiohttp.WSServerHandshakeError as error:
                return error.status

    assert asyncio.run(attempt()) == 403


def test_a_visitor_plays_in_its_own_folder_and_a_second_is_told_politely_to_wait(server):
    base, saves, process = server

    async def scenario() -> None:
        status, _, jar = await _get(base)
        origin = base
        async with aiohttp.ClientSession(cookies=jar) as session, \
                session.ws_connect(base.replace("http", "ws") + "/ws?width=100&height=30",
                                   headers={"Origin": origin}) as ws:
            await ws.send_json(["ping", "x"])
            for _ in range(200):
                message = await asyncio.wait_for(ws.receive(), 20)
                if message.type == aiohttp.WSMsgType.TEXT and "pong" in message.data:
                    break
            folders = list((saves / "visitors").iterdir())
            assert len(folders) == 1, folders  # this visitor's own folder
            assert children(process.pid), "the visitor's app process is running"
            full, page, _ = await _get(base)  # a second browser while the first plays
            assert full == 503 and "The exercise is full" in page
        for _ in range(100):  # the connection closed: the app process ends and the place is free again
            if not children(process.pid) and (await _get(base))[0] == 200:
                return
            await asyncio.sleep(0.2)
        raise AssertionError("the visitor's process outlived its connection")

    asyncio.run(scenario())


@pytest.mark.parametrize("args, words", [
    (["--host", "256.1.1.1"], "not an address"),
    (["--saves-dir", "__FILE__"], "is a file, expected a folder"),
])
def test_bad_serve_options_get_one_line(args, words, tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x")
    args = [str(afile) if a == "__FILE__" else a for a in args]
    result = subprocess.run([sys.executable, "-m", "tabletop", "serve", "--port", str(free_port()), *args],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_a_visitor_opens_only_files_under_the_trainers_folder(tmp_path, monkeypatch):
    from tabletop.scenarios.library import ForbiddenScenario, open_by_visitor, shipped

    allowed = tmp_path / "class"
    allowed.mkdir()
    source = next(s.path for s in shipped() if s.id == "tutorial").read_text(encoding="utf-8")
    inside, outside = allowed / "mine.toml", tmp_path / "other.toml"
    inside.write_text(source, encoding="utf-8")
    outside.write_text(source, encoding="utf-8")
    monkeypatch.setenv("TABLETOP_SERVE", "1")
    monkeypatch.setenv("TABLETOP_SCENARIO_DIR", str(allowed))
    assert open_by_visitor(inside).id == "tutorial"
    for path in (outside, allowed / ".." / "other.toml", Path("/etc/passwd")):
        with pytest.raises(ForbiddenScenario, match="only the shipped scenarios"):
            open_by_visitor(path)
    monkeypatch.setenv("TABLETOP_SCENARIO_DIR", "")
    with pytest.raises(ForbiddenScenario):
        open_by_visitor(inside)
    monkeypatch.delenv("TABLETOP_SERVE")
    assert open_by_visitor(outside).id == "tutorial"  # in a terminal, any file
