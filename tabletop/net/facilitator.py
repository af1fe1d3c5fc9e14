"""The facilitator's side of the host: the dashboard rows, the controls, any table's full view, the end of class.

Only a connection that joined with the passphrase reaches these functions
(:meth:`ClassHost.handle` routes by who joined). Every control is an engine
action (fire or hold an inject, a free-text inject, pause, resume, the timer,
a note) applied through the table's one door, on one table or on all.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from tabletop.engine import actions as act
from tabletop.engine.action_reader import ActionError, action_from_dict
from tabletop.engine.limits import MAX_TEXT
from tabletop.engine.model import SIDES, Side
from tabletop.engine.opponents import STRATEGIES
from tabletop.engine.views import Audience
from tabletop.net import views
from tabletop.net.protocol import PROTOCOL, ProtocolError, action_id, error
from tabletop.net.table import ENDED, HUMAN, Outcome, Table
from tabletop.saves.format import game_notes
from tabletop.text import inert, inert_line

if TYPE_CHECKING:
    from tabletop.net.host import ClassHost, Peer

FACILITATOR = Audience.FACILITATOR
ALL = "*"


def row(host: ClassHost, table: Table) -> dict[str, Any]:
    """One line of the dashboard: where the table stands and whom it waits for."""
    game = table.game
    state = game.state
    now = table.now()
    return {
        "id": table.id, "name": table.info.name, "scenario": game.scenario.id, "round": state.round,
        "rounds": game.scenario.rounds, "phase": state.phase.value,
        "awaiting": [side.value for side in game.awaiting()],
        "trust": state.trust, "tension": state.tension, "deals": len(state.deals), "paused": state.paused,
        "over": game.is_over, "outcome": state.outcome, "time_left": table.time_left(), "timer": state.timer,
        "clock_runs": table.clock_runs(), "waiting": round(table.clock.waiting(now), 1),
        "actions": len(game.actions), "frozen": table.frozen, "seats": host.seat_info(table),
    }


def overview(host: ClassHost) -> dict[str, Any]:
    return {"type": "overview", "tables": [row(host, table) for table in host.tables.values()]}


def welcome(host: ClassHost) -> dict[str, Any]:
    message = {**overview(host), "type": "welcome", "protocol": PROTOCOL, "role": "facilitator",
               "class": host.state.name, "strategies": list(STRATEGIES), "class_ended": host.state.ended}
    if host.state.ended:
        message["summary"] = summary(host)
    return message


def table_view(host: ClassHost, table: Table) -> dict[str, Any]:
    """Everything about one table: both briefs, the whole log, the notes, each side's options."""
    game = table.game
    return {"type": "table_view", "table": table.id, "name": table.info.name, "seats": host.seat_info(table),
            "scenario": views.scenario_public(game.scenario),
            "briefs": {side.value: views.brief_data(game.scenario, side, FACILITATOR) for side in SIDES},
            "objectives": views.plain(game.scenario.objectives),
            "injects": [{"id": i.id, "title": i.title, "kind": i.kind.value} for i in game.scenario.injects],
            "state": {"table": views.facilitator_table(game), "log": views.log_entries(game, FACILITATOR),
                      "options": {side.value: views.options_data(game, side) for side in SIDES},
                      "time_left": table.time_left(), "frozen": table.frozen},
            "notes": views.plain(game_notes(game)), "save": table.info.save}


def changed(host: ClassHost, table: Table, start: int) -> None:
    """After a table changed: its dashboard row to every facilitator, and the new log lines to those who opened it."""
    line = {"type": "row", "row": row(host, table)}
    for peer in list(host.facilitators):
        peer.send(line)
        if peer.member is not None and table.id in peer.member.opened:
            game = table.game
            peer.send({"type": "update", "table": table.id,
                       "state": {"table": views.facilitator_table(game),
                                 "log": views.log_entries(game, FACILITATOR, start),
                                 "options": {side.value: views.options_data(game, side) for side in SIDES},
                                 "time_left": table.time_left(), "frozen": table.frozen}})


def _tables(host: ClassHost, message: dict[str, Any]) -> list[Table]:
    wanted = message.get("table")
    if wanted == ALL:
        return list(host.tables.values())
    if not isinstance(wanted, str) or wanted not in host.tables:
        raise ProtocolError(f"\"table\" must be a table id ({', '.join(host.tables)}) or \"*\" for every table")
    return [host.tables[wanted]]


async def handle(host: ClassHost, peer: Peer, message: dict[str, Any]) -> None:
    """Answer one message from a facilitator's connection."""
    kind = message["type"]
    request = message.get("id") if isinstance(message.get("id"), str) else None
    try:
        if kind == "overview":
            peer.send({**overview(host), "id": request})
        elif kind == "control":
            await _control(host, peer, message)
        elif kind == "seat":
            await _seat(host, peer, message)
        elif kind == "open":
            table = _tables(host, message)
            if len(table) != 1:
                raise ProtocolError("open one table at a time")
            assert peer.member is not None
            peer.member.opened.add(table[0].id)
            async with table[0].lock:
                peer.send({**table_view(host, table[0]), "id": request})
        elif kind == "close_view":
            if peer.member is not None:
                peer.member.opened.discard(str(message.get("table")))
        elif kind == "end_class":
            await end_class(host)
            peer.send({"type": "result", "id": request, "ok": True})
        else:
            peer.send(error(f"{kind!r} is a seat's message; the facilitator controls tables with \"control\"",
                            request))
    except (ProtocolError, ActionError) as problem:
        peer.send(error(str(problem), request))


def check_free_text(action: act.Action) -> None:
    """The facilitator's own words (a free-text inject, a note) held to the limits every seat holds the host to
    (``mirror``): at most ``MAX_TEXT`` characters, no control character (a title: one line). What a seat would
    refuse to read never enters a table's log. Raises :class:`ProtocolError`."""
    fields: tuple[tuple[str, str, bool], ...] = ()
    if isinstance(action, act.CustomInject):
        fields = (("title", action.title, True), ("text", action.text, False))
    elif isinstance(action, act.Note):
        fields = (("text", action.text, False), ("objective", action.objective, True))
    if isinstance(action, act.CustomInject):
        check_effects(action)
    for name, value, one_line in fields:
        where = f"{action.kind}.{name}"
        if len(value) > MAX_TEXT:
            raise ProtocolError(f"{where}: is {len(value)} characters long, expected at most {MAX_TEXT}")
        shown = inert_line(value) if one_line else inert(value)
        if shown != value:
            bad = next(char for char in value if (inert_line(char) if one_line else inert(char)) != char)
            raise ProtocolError(f"{where}: holds a control character ({inert_line(bad)})")


EFFECT_RANGES = {"trust": 100, "tension": 4, "standing": 100, "rungs": 20}
"""How far a free-text inject may move each meter and ladder, either way: a scenario inject's ranges
(``engine.scenario_events``), which bound the longest news line a seat must read (``net.longest``)."""


def check_effects(action: act.CustomInject) -> None:
    """A free-text inject's effects within a scenario inject's ranges. Raises :class:`ProtocolError`."""
    effects = action.effects
    numbers = {"trust": [effects.trust], "tension": [effects.tension], "standing": list(effects.standing.values()),
               "rungs": list(effects.rungs.values())}
    for name, values in numbers.items():
        bound = EFFECT_RANGES[name]
        if any(not -bound <= value <= bound for value in values):
            raise ProtocolError(f"{action.kind}.effects.{name}: expected changes of {-bound} to {bound}")


async def _control(host: ClassHost, peer: Peer, message: dict[str, Any]) -> None:
    request = action_id(message, required=False)
    tables = _tables(host, message)
    action = action_from_dict(message.get("action"))
    if not action.by_facilitator or action.kind == "time_up":
        raise ProtocolError(f"{action.kind!r} is not a facilitator's control")
    check_free_text(action)
    key = ("facilitator", request) if request is not None else None
    outcomes: list[Outcome] = await asyncio.gather(*(table.submit(action, key) for table in tables))
    results = {table.id: outcome.to_dict() for table, outcome in zip(tables, outcomes)}
    peer.send({"type": "result", "id": request, "ok": all(o.ok for o in outcomes), "tables": results})


async def _seat(host: ClassHost, peer: Peer, message: dict[str, Any]) -> None:
    request = message.get("id") if isinstance(message.get("id"), str) else None
    tables = _tables(host, message)
    if len(tables) != 1:
        raise ProtocolError("seat a player at one table at a time")
    try:
        side = Side(str(message.get("side")))
    except ValueError:
        raise ProtocolError("\"side\" must be \"washington\" or \"moscow\"") from None
    player = message.get("player")
    if player != HUMAN and player not in STRATEGIES:
        raise ProtocolError(f"\"player\" must be \"human\" or one of: {', '.join(STRATEGIES)}")
    table = tables[0]
    outcome = await table.seat(side, str(player))
    await asyncio.to_thread(host.state.write)
    host.announce_seats(table)
    peer.send({"type": "result", "id": request, **outcome.to_dict()} if outcome.ok
              else error(outcome.message, request))


async def end_class(host: ClassHost) -> None:
    """Stop every table, send each seat its debrief and the facilitators the class summary."""
    for table in host.tables.values():
        async with table.lock:
            table.frozen = ENDED
    if not host.state.ended:
        host.state.ended = True
        await asyncio.to_thread(host.state.write)
    for (table_id, side), peer in list(host.seats.items()):
        game = host.tables[table_id].game
        peer.send({"type": "debrief", "table": table_id, "debrief": views.debrief_data(game, side)})
    if host.facilitators:
        message = {"type": "summary", **summary(host)}
        for peer in list(host.facilitators):
            peer.send(message)


def summary(host: ClassHost) -> dict[str, Any]:
    """The class summary (``tabletop compare``'s Markdown, one per scenario) and every table's debrief."""
    from tabletop.engine.analysis import debrief
    from tabletop.reports.compare import LABELS, ClassGame, compare_markdown

    by_scenario: dict[str, list[ClassGame]] = {}
    labels: dict[str, str] = {}
    for n, table in enumerate(host.tables.values()):
        labels[table.id] = LABELS[n] if n < len(LABELS) else "*"
        game = table.game
        by_scenario.setdefault(game.scenario.id, []).append(
            ClassGame(labels[table.id], table.info.save or table.id, game, debrief(game)))
    markdown = "\n".join(compare_markdown(games) for games in by_scenario.values())
    return {"markdown": markdown, "labels": labels,
            "tables": {table.id: views.debrief_data(table.game, FACILITATOR) for table in host.tables.values()}}
