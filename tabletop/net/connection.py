"""The connection of a client to a class host: join as a seat (a code) or as the facilitator, read, reconnect.

:class:`Connection` joins with its code or passphrase, reads every frame the
host sends into the merged view (:class:`~tabletop.net.merged.MergedView`),
setting aside a frame it cannot read (``problem``), calls every listener with
each message, and when the connection drops it reconnects by itself
(``status`` is then ``"reconnecting"``), joins again and resends every request
not yet answered with the same id, which the host applies at most once.
:class:`~tabletop.net.client.HostClient` is a connection that asks things.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import secrets
from collections.abc import Callable
from typing import Any, Self
from urllib.parse import urlsplit

import aiohttp

from tabletop.net.decoding import text_problem
from tabletop.net.merged import MergedView
from tabletop.net.protocol import PATH, one_line

Listener = Callable[[dict[str, Any]], None]
FATAL = ("unknown join code", "wrong passphrase")
REPLACED = "this seat has joined from another connection"


class JoinRefused(ConnectionError):
    """The host refused the code or the passphrase."""


def socket_url(url: str) -> str:
    """``http://host:8765`` or ``host:8765`` -> ``ws://host:8765/ws``; ``ValueError`` (one line) for what is no URL."""
    text = url.strip()
    if "://" not in text:
        text = "ws://" + text
    scheme, rest = text.split("://", 1)
    scheme = {"http": "ws", "https": "wss"}.get(scheme.lower(), scheme.lower())
    if "/" not in rest:
        rest += PATH
    parts = urlsplit(f"{scheme}://{rest}")
    shown = one_line(url, 80)
    if scheme not in ("ws", "wss"):
        raise ValueError(f"{shown!r} is not a class host's address (expected ws://HOST:PORT, or http(s)://)")
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"{shown!r}: the port is not a number from 0 to 65535") from None
    if not parts.hostname or any(c.isspace() for c in rest) or (port is not None and port == 0):
        raise ValueError(f"{shown!r} is not a class host's address (expected ws://HOST:PORT, or http(s)://)")
    return f"{scheme}://{rest}"


class Connection(MergedView):
    """One connection to a class host, as a seat (``code``) or as the facilitator (``passphrase``)."""

    def __init__(self, url: str, *, code: str | None = None, passphrase: str | None = None,
                 reconnect: bool = True, retry: tuple[float, float] = (0.2, 3.0)) -> None:
        if (code is None) == (passphrase is None):
            raise ValueError("give a seat code or the facilitator's passphrase")
        self.url = socket_url(url)
        self.join_message: dict[str, Any] = {"type": "join", "code": code} if code is not None \
            else {"type": "join", "facilitator": True, "passphrase": passphrase}
        self.reconnect = reconnect
        self.retry = retry
        super().__init__()
        self.status = "new"
        self.reconnects = 0
        self.failures = 0
        """Attempts to reconnect that failed in a row (the host may be gone)."""
        self.problem = ""
        """The last thing that went wrong with the connection or a message, in one line."""
        self._patient = True
        self.record: list[str] | None = None
        """When a list, the text of every frame received is appended to it (debugging; the privacy test)."""
        self._prefix = secrets.token_hex(4)
        self._counter = itertools.count(1)
        self._pending: dict[str, tuple[dict[str, Any], asyncio.Future[dict[str, Any]]]] = {}
        self._listeners: list[Listener] = []
        self._changed = asyncio.Condition()
        self._session: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._task: asyncio.Task[None] | None = None
        self._joined: asyncio.Future[dict[str, Any]] | None = None

    # -- the connection --------------------------------------------------------

    async def connect(self, timeout: float = 10.0, patient: bool = True) -> dict[str, Any]:
        """Connect and join; returns the welcome. Raises :class:`JoinRefused` or ``ConnectionError``.

        ``patient``: keep trying to reach the host until ``timeout`` (a host still starting up); otherwise the
        first failure to connect is raised at once. Once joined, a dropped connection is always retried.
        """
        self._patient = patient
        self._session = aiohttp.ClientSession()
        self._joined = asyncio.get_running_loop().create_future()
        self._task = asyncio.create_task(self._run())
        try:
            return await asyncio.wait_for(asyncio.shield(self._joined), timeout)
        except TimeoutError:
            await self.close()
            why = f" (last: {self.problem})" if self.problem else ""
            raise ConnectionError(f"no class host answered at {self.url} within {timeout:g} s{why}") from None
        except BaseException:
            await self.close()
            raise

    async def close(self) -> None:
        self.status = "closed"
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self._ws is not None:
            await self._ws.close()
        if self._session is not None:
            await self._session.close()
        for _, future in self._pending.values():
            if not future.done():
                future.set_exception(ConnectionError("the client was closed"))
                future.exception()  # whoever waits still gets it; nobody waiting is no error
        await self._notify({"type": "status", "status": "closed"})

    async def __aenter__(self) -> Self:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _run(self) -> None:
        delay = self.retry[0]
        assert self._session is not None and self._joined is not None
        while True:
            try:
                async with self._session.ws_connect(self.url, heartbeat=20, max_msg_size=16 * 1024 * 1024) as ws:
                    self._ws = ws
                    await ws.send_json(self.join_message)
                    async for frame in ws:
                        if frame.type is aiohttp.WSMsgType.TEXT:
                            if self.record is not None:
                                self.record.append(frame.data)
                            await self._take(frame.data)
                            if self.status == "joined":
                                delay = self.retry[0]
                        elif frame.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                            break
            except (TimeoutError, aiohttp.ClientError, OSError, ValueError) as problem:
                self.problem = one_line(problem) or type(problem).__name__
                if not self._joined.done() and (not self.reconnect or not self._patient):
                    self._joined.set_exception(ConnectionError(self.problem))
                    self.status = "closed"
                    return
            if self.status in ("closed", "refused", "replaced") or not self.reconnect:
                if self.status not in ("refused", "replaced"):
                    self.status = "closed"
                if not self._joined.done():
                    self._joined.set_exception(ConnectionError("the host closed the connection"))
                await self._notify({"type": "status", "status": self.status})
                return
            if self.status == "reconnecting":
                self.failures += 1
            self.status = "reconnecting"
            self.reconnects += 1
            await self._notify({"type": "status", "status": "reconnecting"})
            await asyncio.sleep(delay)
            delay = min(self.retry[1], delay * 2)

    async def _take(self, text: str) -> None:
        """One frame from the host: a message it cannot read is set aside (``problem``) and changes nothing."""
        message: Any = None
        try:
            message = json.loads(text)
            if not isinstance(message, dict) or not isinstance(message.get("type"), str):
                raise ValueError("not a JSON object with a \"type\"")
            if unreadable := text_problem(message):  # a control character, or a text past all reason
                raise ValueError(unreadable)
            await self._receive(message)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError) as problem:
            self.problem = f"the host sent a message this client cannot read ({one_line(problem, 200)})"
            if isinstance(message, dict) and message.get("type") == "welcome" and self._joined is not None \
                    and not self._joined.done():
                self._joined.set_exception(ConnectionError(self.problem))  # said now, not after a time-out
                self._joined.exception()
                self.status = "closed"
                if self._ws is not None:
                    await self._ws.close()
            await self._notify({"type": "status", "status": self.status, "problem": self.problem})

    async def _receive(self, message: dict[str, Any]) -> None:
        kind = message.get("type")
        if kind == "welcome":
            self.status = "joined"
            self.failures = 0
            self.take_welcome(message)
            if self._joined is not None and not self._joined.done():
                self._joined.set_result(message)
            for sent, _ in list(self._pending.values()):  # resent with the same ids: applied at most once
                await self._send(sent)
        elif kind == "error" and message.get("message") in FATAL and self.status != "joined":
            self.status = "refused"
            if self._joined is not None and not self._joined.done():
                self._joined.set_exception(JoinRefused(message["message"]))
            if self._ws is not None:
                await self._ws.close()
        elif kind == "error" and message.get("message") == REPLACED:
            self.status = "replaced"  # another device took the seat: do not take it back
        else:
            self.take(message)
        request = message.get("id")
        if isinstance(request, str) and request in self._pending and kind != "welcome":
            _, future = self._pending.pop(request)
            if not future.done():
                future.set_result(message)
        await self._notify(message)

    async def _notify(self, message: dict[str, Any]) -> None:
        for listener in list(self._listeners):
            listener(message)
        async with self._changed:
            self._changed.notify_all()

    # -- listening and sending ---------------------------------------------------

    def listen(self, listener: Listener) -> None:
        """Call ``listener(message)`` for every message from the host (and ``{"type": "status"}`` changes)."""
        self._listeners.append(listener)

    def new_id(self) -> str:
        return f"{self._prefix}-{next(self._counter)}"

    async def _send(self, message: dict[str, Any]) -> None:
        if self._ws is not None and not self._ws.closed:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await self._ws.send_json(message)


__all__ = ["FATAL", "REPLACED", "Connection", "JoinRefused", "Listener", "socket_url"]
