"""A small client for a class host: join as a seat (a code) or as the facilitator, act, follow, reconnect.

::

    async with HostClient("ws://127.0.0.1:8765/ws", code="7Q2MX-K9D4T") as seat:
        print(seat.view["table"]["phase"], seat.view["options"]["kinds"])
        result = await seat.act({"type": "statement", "side": seat.side, "posture": "neutral"})
        await seat.wait_for(lambda c: c.view["table"]["phase"] == "negotiation")

The client keeps the latest view merged from the host's messages (``view``
for a seat, ``rows``/``opened``/``summary`` for the facilitator), calls every
listener with each message, and when the connection drops it reconnects by
itself (``status`` is then ``"reconnecting"``), joins again with the same code
and resends every action not yet answered with the same id, which the host
applies at most once (:mod:`tabletop.net.connection`). This module holds what
a client asks: a seat's actions and previews, waiting for a view, and the
facilitator's requests. It never renders anything: what it holds is data.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from tabletop.net.connection import FATAL, REPLACED, Connection, JoinRefused, Listener, socket_url


class HostClient(Connection):
    """One connection to a class host, as a seat (``code``) or as the facilitator (``passphrase``), that asks."""

    # -- asking -----------------------------------------------------------------

    async def request(self, message: dict[str, Any], timeout: float = 10.0) -> dict[str, Any]:
        """Send ``message`` with an id (one is chosen if missing) and wait for the host's answer to it."""
        message = dict(message)
        message.setdefault("id", self.new_id())
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[message["id"]] = (message, future)
        if self.status == "joined":
            await self._send(message)
        try:
            return await asyncio.wait_for(asyncio.shield(future), timeout)
        finally:
            if future.done():
                self._pending.pop(message["id"], None)

    async def act(self, action: Any, action_id: str | None = None, timeout: float = 10.0) -> dict[str, Any]:
        """Send an action (an engine ``Action`` or its dict) and wait for its result (``ok``, ``n`` or ``message``)."""
        data = action.to_dict() if hasattr(action, "to_dict") else dict(action)
        return await self.request({"type": "act", "id": action_id or self.new_id(), "action": data}, timeout)

    async def preview(self, action: Any = None, offer: dict[str, Any] | None = None) -> dict[str, Any]:
        """What an action (or a package, ``offer``) would do for this seat: its score and the meters."""
        if offer is not None:
            return await self.request({"type": "preview", "offer": offer})
        data = action.to_dict() if hasattr(action, "to_dict") else dict(action)
        return await self.request({"type": "preview", "action": data})

    async def send(self, message: dict[str, Any]) -> None:
        """Send a message without waiting for an answer (``refresh``, ``close_view``, ``ping``)."""
        await self._send(message)

    async def wait_for(self, predicate: Callable[[HostClient], bool], timeout: float = 10.0) -> None:
        """Wait until ``predicate(self)`` holds (checked after every message); ``TimeoutError`` otherwise."""
        async def until() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: predicate(self))

        await asyncio.wait_for(until(), timeout)

    # -- the facilitator's requests --------------------------------------------------

    async def control(self, table: str, action: Any, action_id: str | None = None) -> dict[str, Any]:
        """Apply a facilitator's action on one table, or on every table with ``table="*"``."""
        data = action.to_dict() if hasattr(action, "to_dict") else dict(action)
        return await self.request({"type": "control", "id": action_id or self.new_id(), "table": table,
                                   "action": data})

    async def seat(self, table: str, side: str, player: str) -> dict[str, Any]:
        """Seat a computer strategy (or ``"human"`` again) at one side of a table."""
        return await self.request({"type": "seat", "table": table, "side": side, "player": player})

    async def open_table(self, table: str) -> dict[str, Any]:
        """A table's full view (both briefs, notes, the whole log); kept up to date in ``opened``."""
        return await self.request({"type": "open", "table": table})

    async def end_class(self) -> dict[str, Any]:
        """End the class: every table stops, seats get their debriefs, ``summary`` the class summary."""
        return await self.request({"type": "end_class"}, timeout=60)


__all__ = ["FATAL", "REPLACED", "HostClient", "JoinRefused", "Listener", "socket_url"]
