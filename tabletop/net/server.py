"""The web server around the class host: aiohttp web sockets on one asyncio loop.

It checks what is not about the game (the Origin header, the frame size, JSON
text only), gives each connection an outgoing queue of its own (a slow or
vanished client never holds up a table: past :data:`MAX_BACKLOG` messages it
is dropped, and rejoins to a fresh view), and runs the tables' clocks.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import socket
import sys
from collections.abc import Iterable
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from tabletop.net.facilitator import overview
from tabletop.net.guard import UNENCRYPTED, is_loopback, origin_allowed
from tabletop.net.host import ClassHost, Member
from tabletop.net.protocol import MAX_MESSAGE_BYTES, PATH, ProtocolError, encode, error, one_line, parse

MAX_BACKLOG = 1000
"""Messages waiting for one client before it is dropped as too slow."""
HEARTBEAT = 20.0
JOIN_WITHIN = 30.0
"""Seconds a connection may stay open without joining a seat or as the facilitator."""
TICK = 1.0
OVERVIEW_EVERY = 2


class SocketPeer:
    """One web-socket connection: its address, who it joined as, and its queue of frames to send."""

    def __init__(self, ws: web.WebSocketResponse, address: str) -> None:
        self.ws = ws
        self.address = address
        self.member: Member | None = None
        self.closed = False
        self._queue: asyncio.Queue[str | None] = asyncio.Queue()
        self._writer = asyncio.create_task(self._write())

    def send(self, message: dict[str, Any]) -> None:
        if self.closed:
            return
        if self._queue.qsize() >= MAX_BACKLOG:
            self.close("too slow: rejoin to catch up")
            return
        self._queue.put_nowait(encode(message))

    def close(self, reason: str) -> None:
        if not self.closed:
            self.closed = True
            self._reason = reason
            self._queue.put_nowait(None)

    async def _write(self) -> None:
        try:
            while (text := await self._queue.get()) is not None:
                await self.ws.send_str(text)
            await self.ws.close(code=WSCloseCode.GOING_AWAY, message=self._reason.encode()[:120])
        except (ConnectionError, RuntimeError):
            self.closed = True

    async def finish(self) -> None:
        self.close("closed")
        with contextlib.suppress(asyncio.TimeoutError, ConnectionError, RuntimeError):
            await asyncio.wait_for(self._writer, 5)


def _unjoined(peer: SocketPeer) -> None:
    if peer.member is None:
        peer.send(error(f"join within {JOIN_WITHIN:g} seconds of connecting"))
        peer.close("not joined")


def make_app(host: ClassHost, allowed_origins: Iterable[str] = ()) -> web.Application:
    """The aiohttp application: ``GET /ws`` (the class's web socket) and a plain page at ``/``."""
    origins = list(allowed_origins)
    app = web.Application()

    async def socket(request: web.Request) -> web.StreamResponse:
        if not origin_allowed(request.headers.get("Origin"), origins):
            return web.Response(status=403, text="this origin may not open the class's web socket\n")
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE_BYTES, heartbeat=HEARTBEAT)
        await ws.prepare(request)
        peer = SocketPeer(ws, request.remote or "unknown")
        doorman = asyncio.get_running_loop().call_later(JOIN_WITHIN, _unjoined, peer)
        try:
            async for frame in ws:
                if frame.type is WSMsgType.TEXT:
                    try:
                        message = parse(frame.data)
                    except ProtocolError as problem:
                        peer.send(error(str(problem)))
                        continue
                    try:
                        await host.handle(peer, message)
                    except Exception as problem:  # one message the host fails to answer must not drop its sender
                        print(f"tabletop host: could not answer a {message['type']!r} message "
                              f"({type(problem).__name__}: {one_line(problem, 200)})", file=sys.stderr, flush=True)
                        asked = message.get("id")
                        peer.send(error("the host could not answer this message (its log says why)",
                                        asked if isinstance(asked, str) else None))
                elif frame.type is WSMsgType.BINARY:
                    peer.send(error("send JSON in text frames, not binary ones"))
                else:
                    break
        finally:
            doorman.cancel()
            host.disconnect(peer)
            await peer.finish()
        return ws

    async def page(request: web.Request) -> web.Response:
        return web.Response(text=f"tabletop class host: {host.state.name}\n"
                                 f"Teams join with: tabletop join {request.scheme}://{request.host} CODE\n")

    async def clocks(app: web.Application) -> Any:
        async def run() -> None:
            beat = 0
            while True:
                await asyncio.sleep(TICK)
                beat += 1
                try:
                    await host.tick()
                    if host.facilitators and beat % OVERVIEW_EVERY == 0:
                        message = overview(host)
                        for peer in list(host.facilitators):
                            peer.send(message)
                except Exception as problem:  # a clock must never stop the host; say why and go on
                    print(f"tabletop host: the clock skipped a beat ({problem})", file=sys.stderr, flush=True)

        await host.begin()
        task = asyncio.create_task(run())
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    app.router.add_get(PATH, socket)
    app.router.add_get("/", page)
    app.cleanup_ctx.append(clocks)
    return app


async def start(host: ClassHost, address: str = "127.0.0.1", port: int = 8765,
                allowed_origins: Iterable[str] = ()) -> tuple[web.AppRunner, int]:
    """Start serving ``host``; returns the runner (``await runner.cleanup()`` stops it) and the port bound."""
    runner = web.AppRunner(make_app(host, allowed_origins), handle_signals=False, access_log=None,
                           shutdown_timeout=2.0)
    await runner.setup()
    try:
        sock = _listening_socket(address, port)
    except OSError:
        await runner.cleanup()
        raise
    await web.SockSite(runner, sock).start()
    bound = sock.getsockname()[1]
    return runner, bound


def _listening_socket(address: str, port: int) -> socket.socket:
    family, kind, proto, _, where = socket.getaddrinfo(address, port, type=socket.SOCK_STREAM,
                                                       flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(where)
    except OSError:
        sock.close()
        raise
    return sock


async def serve(host: ClassHost, address: str, port: int, allowed_origins: Iterable[str] = ()) -> None:
    """Serve until SIGINT or SIGTERM; the saves are closed on the way out."""
    if not is_loopback(address):
        print(UNENCRYPTED.format(host=address), file=sys.stderr, flush=True)
    runner, bound = await start(host, address, port, allowed_origins)
    print(f"Class {host.state.name!r}: {len(host.tables)} table(s), listening on ws://{address}:{bound}{PATH} "
          f"(saves in {host.state.folder}); Ctrl+C stops.", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
        host.close()
