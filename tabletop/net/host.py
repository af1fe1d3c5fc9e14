"""The class host: every table of a class, who is connected to which seat, and the seats' messages.

Independent of the web server (:mod:`tabletop.net.server` feeds it parsed
messages and gives it a :class:`Peer` per connection), so what a connection
may do is decided here: a seat code acts for its own seat only, and what a
seat receives is built from the engine's views for that side alone.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import attrs

from tabletop.engine.action_reader import ActionError, action_from_dict, offer_from_dict
from tabletop.engine.actions import Action
from tabletop.engine.game import IllegalAction
from tabletop.engine.model import SIDES, Side
from tabletop.engine.options import package_preview
from tabletop.net import codes, facilitator, views
from tabletop.net.classfile import ClassPlan
from tabletop.net.classstate import ClassState, open_class
from tabletop.net.guard import Throttle
from tabletop.net.protocol import PROTOCOL, SEAT_MESSAGES, ProtocolError, action_id, error
from tabletop.net.table import ENDED, Table
from tabletop.saves.signing import SaveKey, facilitator_key


class Peer(Protocol):
    """One connection, as the host sees it: where it comes from, a way to send, a way to close."""

    address: str
    member: Member | None

    def send(self, message: dict[str, Any]) -> None: ...

    def close(self, reason: str) -> None: ...


@attrs.define
class Member:
    """Who a connection is once joined: a seat of a table, or the facilitator (with the tables it has open)."""

    table: Table | None = None
    side: Side | None = None
    opened: set[str] = attrs.Factory(set)

    @property
    def facilitator(self) -> bool:
        return self.table is None


class ClassHost:
    """Every table of one class, and the connections to them."""

    def __init__(self, plan: ClassPlan, state: ClassState, tables: dict[str, Table], passphrase: str,
                 throttle: Throttle | None = None) -> None:
        self.plan = plan
        self.state = state
        self.tables = tables
        self.passphrase = passphrase
        self.throttle = throttle or Throttle()
        self.seats: dict[tuple[str, Side], Peer] = {}
        self.facilitators: set[Peer] = set()
        # One writer thread per table (up to 64): synced writes issued together share the disk's commits.
        self.writers = ThreadPoolExecutor(max_workers=max(4, min(64, len(tables))), thread_name_prefix="tabletop-save")
        for table in tables.values():
            table.writers = self.writers
            table.on_change = self._changed
            table.connected = self._connected
            if state.ended:
                table.frozen = ENDED

    @classmethod
    def open(cls, plan: ClassPlan, folder: Path | str | None = None, passphrase: str = "",
             throttle: Throttle | None = None, show_opponent: bool = False) -> ClassHost:
        """Open the class in ``folder``: new tables are started, existing ones restored from their saves.

        ``show_opponent``: every table's seats are shown a computer's style (``--show-opponent``; recorded in
        each table's save, so a restarted host keeps it); by default only the debrief names it.
        """
        state = open_class(plan, folder)
        secret = passphrase or state.passphrase
        tables: dict[str, Table] = {}
        try:
            key: SaveKey | None = None
            for info, planned in zip(state.tables, plan.tables):
                if info.save is None and (state.folder / Table.save_name(info)).exists():
                    info.save = Table.save_name(info)  # made just before a crash, before the state said so
                if info.save is None:
                    # One key for the class, derived once (scrypt: about 0.1 s): every table's save is signed with it.
                    key = key or facilitator_key(secret)
                    tables[info.id] = Table.start(info, planned.scenario, state.folder, plan.timer, key,
                                                  show_opponent)
                else:
                    tables[info.id] = Table.restore(info, state.folder, secret, show_opponent)
        except BaseException:
            for table in tables.values():
                table.close()
            raise
        state.write()
        return cls(plan, state, tables, secret, throttle)

    def close(self) -> None:
        self.writers.shutdown(wait=True)
        for table in self.tables.values():
            table.close()

    # -- who is here ------------------------------------------------------------

    def _connected(self, table: Table, side: Side) -> bool:
        return (table.id, side) in self.seats

    def seat_info(self, table: Table, to_seats: bool = False) -> dict[str, Any]:
        """Who sits where; ``to_seats``: as the seats may be told (a computer's style only when it is shown)."""
        return {side.value: {"team": table.info.seats[side].team,
                             "player": table.player_shown(side) if to_seats else table.player(side),
                             "connected": self._connected(table, side)} for side in SIDES}

    def announce_seats(self, table: Table) -> None:
        message = {"type": "seats", "table": table.id, "seats": self.seat_info(table, to_seats=True)}
        for side in SIDES:
            if (peer := self.seats.get((table.id, side))) is not None:
                peer.send(message)
        self._to_facilitators({"type": "row", "row": facilitator.row(self, table)})

    def _to_facilitators(self, message: dict[str, Any]) -> None:
        for peer in list(self.facilitators):
            peer.send(message)

    def disconnect(self, peer: Peer) -> None:
        member = peer.member
        peer.member = None
        if member is None:
            return
        if member.facilitator:
            self.facilitators.discard(peer)
        elif member.table is not None and member.side is not None:
            key = (member.table.id, member.side)
            if self.seats.get(key) is peer:
                del self.seats[key]
                self.announce_seats(member.table)

    # -- joining ------------------------------------------------------------------

    async def join(self, peer: Peer, message: dict[str, Any]) -> None:
        if peer.member is not None:
            peer.send(error("this connection has already joined"))
            return
        as_facilitator = message.get("facilitator") is True
        secret = message.get("passphrase" if as_facilitator else "code")
        if not isinstance(secret, str) or len(secret) > 200:
            peer.send(error("join with {\"code\": \"XXXXX-XXXXX\"} or {\"facilitator\": true, \"passphrase\": ...}"))
            return
        async with self.throttle.attempt(peer.address):
            found = codes.same_secret(secret, self.passphrase) if as_facilitator \
                else codes.find(secret, self.state.seat_codes())
            if not found:
                self.throttle.failed(peer.address)
        if not found:
            peer.send(error("wrong passphrase" if as_facilitator else "unknown join code"))
            return
        if as_facilitator:
            peer.member = Member()
            self.facilitators.add(peer)
            peer.send(facilitator.welcome(self))
            return
        table_id, side_name = str(found).split("/")
        table, side = self.tables[table_id], Side(side_name)
        previous = self.seats.get((table_id, side))
        if previous is not None and previous is not peer:
            previous.member = None
            previous.send(error("this seat has joined from another connection"))
            previous.close("replaced")
        peer.member = Member(table, side)
        async with table.lock:
            self.seats[(table_id, side)] = peer
            peer.send(self.seat_welcome(table, side))
        self.announce_seats(table)

    def seat_welcome(self, table: Table, side: Side) -> dict[str, Any]:
        game = table.game
        seat = table.info.seats[side]
        return {"type": "welcome", "protocol": PROTOCOL, "role": "seat", "class": self.state.name,
                "table_id": table.id, "table_name": table.info.name, "side": side.value, "team": seat.team,
                "seats": self.seat_info(table, to_seats=True), "scenario": views.scenario_public(game.scenario),
                "brief": views.brief_data(game.scenario, side, side),
                "state": self.seat_state(table, side, 0), "class_ended": self.state.ended}

    def seat_state(self, table: Table, side: Side, start: int, changed: dict[str, Any] | None = None) -> dict[str, Any]:
        """What ``side`` sees of ``table``: the whole public table, or only ``changed`` fields (an update)."""
        game = table.game
        if changed is None:
            table.public.refresh(game)
        state: dict[str, Any] = {"table": table.public.data if changed is None else changed,
                                 "log": views.log_entries(game, side, start),
                                 "options": views.options_data(game, side), "time_left": table.time_left(),
                                 "alternative": game.state.alternative_of(side),  # its own walk-away, as play moved it
                                 "clock_runs": table.clock_runs(), "frozen": table.frozen}
        if game.is_over or table.frozen == ENDED:
            state["debrief"] = views.debrief_data(game, side)
        return state

    # -- after every change ----------------------------------------------------------

    async def _changed(self, table: Table, start: int) -> None:
        """Tell every seat of the table and the facilitators what changed (called once the action is on disk)."""
        changed = table.public.refresh(table.game)
        for side in SIDES:
            peer = self.seats.get((table.id, side))
            if peer is not None:
                peer.send({"type": "update", "table": table.id,
                           "state": self.seat_state(table, side, start, changed)})
        if self.facilitators:
            facilitator.changed(self, table, start)

    # -- a seat's messages -----------------------------------------------------------------

    async def handle(self, peer: Peer, message: dict[str, Any]) -> None:
        """Answer one parsed message from ``peer``."""
        kind = message["type"]
        member = peer.member
        request = message.get("id") if isinstance(message.get("id"), str) else None
        if kind == "ping":
            peer.send({"type": "pong", "time": time.time(), "id": request})
        elif kind == "join":
            await self.join(peer, message)
        elif member is None:
            peer.send(error("join first, with a seat code or as the facilitator", request))
        elif member.facilitator:
            await facilitator.handle(self, peer, message)
        elif kind not in SEAT_MESSAGES:
            peer.send(error(f"only the facilitator may send {kind!r}", request))
        else:
            await self._seat_message(peer, member, message)

    async def _seat_message(self, peer: Peer, member: Member, message: dict[str, Any]) -> None:
        table, side = member.table, member.side
        assert table is not None and side is not None
        kind = message["type"]
        if kind == "refresh":
            async with table.lock:
                peer.send(self.seat_welcome(table, side))
            return
        request = message.get("id") if isinstance(message.get("id"), str) else None
        try:
            request = action_id(message, required=kind == "act")
            if kind == "preview" and "offer" in message:
                offer = offer_from_dict(message["offer"])
                async with table.lock:
                    shown = package_preview(table.game, side, offer)
                peer.send({"type": "preview", "id": request, "preview": views.plain(shown)})
                return
            action = action_from_dict(message.get("action"))
            refused = self._refusal(table, side, action)
            if refused:
                raise ProtocolError(refused)
            if kind == "preview":
                async with table.lock:
                    seen = views.preview_data(table.game, side, action)
                peer.send({"type": "preview", "id": request, "preview": seen})
                return
        except (ProtocolError, ActionError, IllegalAction, KeyError, IndexError) as problem:
            text = str(problem) if not isinstance(problem, (KeyError, IndexError)) else f"no such move ({problem})"
            peer.send(error(text, request))
            return
        outcome = await table.submit(action, (side.value, str(request)))
        if outcome.ok:
            peer.send({"type": "result", "id": request, **outcome.to_dict()})
        else:
            peer.send(error(outcome.message, request))

    @staticmethod
    def _refusal(table: Table, side: Side, action: Action) -> str:
        """Why this seat may not even ask for ``action`` ("" when the engine should judge it)."""
        if action.by_facilitator:
            return f"only the facilitator may {action.kind.replace('_', ' ')}"
        acting = getattr(action, "side", None)
        if acting is not side:
            return f"this seat plays {side.title}: it cannot move for {action.to_dict().get('side')}"
        if not table.is_human(side):
            return f"{side.title} is played by the computer ({table.player_shown(side)}) now" \
                if table.show_opponent else f"{side.title} is played by the computer now"
        return ""

    # -- the clock -------------------------------------------------------------------------------

    async def begin(self) -> None:
        """Let computer seats due to move at the opening (or after a restart) move."""
        await asyncio.gather(*(table.drive() for table in self.tables.values()))

    async def tick(self) -> None:
        """One beat of every table's round clock: a table whose time ran out passes for whoever was due."""
        due = []
        for table in self.tables.values():
            if table.lock.locked():
                continue
            table.tick(table.now())
            if table.clock_runs() and table.clock.remaining == 0:
                due.append(table.time_up())
        if due:
            await asyncio.gather(*due)
