"""Helpers for the class-host tests: a real host on a free loopback port, scripted seats, time limits."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator, Awaitable
from pathlib import Path
from typing import Any, TypeVar

from tabletop.engine.model import Side
from tabletop.net.classfile import ClassPlan, plan_for
from tabletop.net.client import HostClient
from tabletop.net.guard import Throttle
from tabletop.net.host import ClassHost
from tabletop.net.scripted import scripted_move
from tabletop.net.server import start
from tabletop.scenarios.library import resolve

T = TypeVar("T")
PASSPHRASE = "owl-at-dusk"
LIMIT = 90.0


async def bounded(awaitable: Awaitable[T], seconds: float = LIMIT) -> T:
    """Every test body runs under a time limit: a hang fails instead of blocking the suite."""
    return await asyncio.wait_for(awaitable, seconds)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Running:
    """A class host serving on loopback, with its URL and each seat's code."""

    def __init__(self, host: ClassHost, port: int) -> None:
        self.host = host
        self.port = port
        self.url = f"ws://127.0.0.1:{port}/ws"

    def code(self, table: str, side: Side) -> str:
        return self.host.state.table(table).seats[side].code

    def seat(self, table: str, side: Side, **options: Any) -> HostClient:
        return HostClient(self.url, code=self.code(table, side), **options)

    def facilitator(self, passphrase: str = PASSPHRASE) -> HostClient:
        return HostClient(self.url, passphrase=passphrase)

    def fingerprint(self, table: str) -> tuple[int, str]:
        game = self.host.tables[table].game
        return len(game.actions), game.fingerprint()


def tutorial_plan(tables: int = 2, scenario: str = "tutorial") -> ClassPlan:
    return plan_for(tables, resolve(scenario), scenario)


@contextlib.asynccontextmanager
async def running_host(folder: Path, plan: ClassPlan | None = None, throttle: Throttle | None = None,
                       origins: tuple[str, ...] = (), port: int = 0) -> AsyncIterator[Running]:
    host = ClassHost.open(plan or tutorial_plan(), folder, PASSPHRASE, throttle)
    runner, port = await start(host, "127.0.0.1", port, origins)
    try:
        yield Running(host, port)
    finally:
        await runner.cleanup()
        host.close()


def actions_of(client: HostClient) -> int:
    return int(client.view["table"]["actions"])


async def play_to_end(client: HostClient, limit: int = 500) -> list[dict[str, Any]]:
    """Play this seat with the scripted policy until the game is over; returns every result received."""
    results = []
    for _ in range(limit):
        table = client.view["table"]
        if table["over"]:
            return results
        move = scripted_move(client.view)
        if move is None:
            seen = table["actions"]
            await client.wait_for(lambda c, seen=seen: actions_of(c) != seen or c.view["table"]["over"], 20)
            continue
        result = await client.act(move)
        assert result.get("ok"), (move, result)
        results.append(result)
    raise AssertionError("the game did not end")


async def wait_until(predicate: Any, timeout: float = 20.0) -> None:
    """Let the loop run until ``predicate()`` holds (a condition, never a fixed sleep)."""
    async def poll() -> None:
        while not predicate():
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), timeout)
