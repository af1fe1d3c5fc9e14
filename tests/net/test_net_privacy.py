"""The bytes sent to a seat never hold the other side's confidential brief, valuations or the white cell's notes."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from netkit import bounded, play_to_end, running_host, tutorial_plan

from tabletop.engine.model import Side
from tabletop.net.views import plain

W, M = Side.WASHINGTON, Side.MOSCOW
NOTE = "Evaluator only: Moscow bluffs about the flights"


def secrets_of(scenario, side: Side) -> list[str]:
    """Pieces of ``side``'s confidential brief as they would appear inside a JSON frame."""
    brief = scenario.brief(side)
    pieces = [line.strip() for line in brief.confidential.splitlines() if len(line.strip()) > 25]
    pieces += [goal for goal in brief.goals if len(goal) > 12]
    return [json.dumps(piece, ensure_ascii=False)[1:-1] for piece in pieces]


def holds_valuations(frames: list[str], valuations: dict[str, Any]) -> bool:
    """Whether any object inside any frame is ``valuations`` (a side's private numbers, as the host serialises them)."""
    def walk(value: Any) -> bool:
        if isinstance(value, dict):
            return value == valuations or any(walk(v) for v in value.values())
        if isinstance(value, list):
            return any(walk(v) for v in value)
        return False

    return any(walk(json.loads(frame)) for frame in frames)


def _values_named(value: Any, key: str) -> list[Any]:
    """Every value stored under ``key`` anywhere inside ``value``."""
    if isinstance(value, dict):
        return [v for k, v in value.items() if k == key] + [x for v in value.values() for x in _values_named(v, key)]
    if isinstance(value, list):
        return [x for v in value for x in _values_named(v, key)]
    return []


async def test_a_seat_receives_no_confidential_text_of_the_other_side(tmp_path):
    async def body():
        async with running_host(tmp_path / "class", tutorial_plan(1, "istanbul-2025-02")) as net:
            scenario = net.host.tables["t1"].game.scenario
            seats = {side: net.seat("t1", side) for side in (W, M)}
            frames: dict[Any, list[str]] = {W: [], M: [], "facilitator": []}
            for side, seat in seats.items():
                seat.record = frames[side]
                await seat.connect()
            facilitator = net.facilitator()
            facilitator.record = frames["facilitator"]
            await facilitator.connect()
            await facilitator.control("*", {"type": "note", "text": NOTE})
            await facilitator.control("*", {"type": "custom_inject", "title": "Wire report", "text": "Both sides talk."})
            await facilitator.control("t1", {"type": "pause"})
            await facilitator.control("t1", {"type": "resume"})
            await facilitator.open_table("t1")
            await asyncio.gather(*(play_to_end(seat) for seat in seats.values()))
            await facilitator.end_class()
            for seat in seats.values():
                await seat.wait_for(lambda c: "debrief" in c.view)
                await seat.send({"type": "refresh"})  # a rejoin's full view, too
            await facilitator.wait_for(lambda c: c.summary is not None)
            for client in (*seats.values(), facilitator):
                await client.close()
            valuations = {side: plain(scenario.brief(side).valuations) for side in (W, M)}
            for side in (W, M):
                mine, theirs = secrets_of(scenario, side), secrets_of(scenario, side.other)
                assert frames[side] and theirs
                seen = "\n".join(frames[side])
                leaked = [piece for piece in theirs if piece in seen]
                assert not leaked, f"{side} received {side.other}'s confidential text: {leaked[:2]}"
                assert not holds_valuations(frames[side], valuations[side.other])
                assert NOTE not in seen
                # walk-away values: each seat is sent its own, never the other side's (they move in play)
                assert not any(_values_named(json.loads(frame), "alternatives") for frame in frames[side])
                sent = [v for frame in frames[side] for v in _values_named(json.loads(frame), "alternative")
                        if isinstance(v, (int, float))]  # (an effect's "alternative" is a table of changes)
                assert sent and set(sent) == {scenario.brief(side).walk_away}
                # a forced choice reaches the seat as its text and its two labels: never the answer expected of
                # it nor what each answer would do (the dialog shows neither; the wire must not either)
                landed = [i for i in scenario.injects if i.forces_choice and i.respond_label and f'"{i.id}"' in seen]
                assert landed
                for inject in landed:
                    assert json.dumps(inject.expected_action, ensure_ascii=False)[1:-1] not in seen
                    assert json.dumps(inject.respond_label, ensure_ascii=False)[1:-1] in seen
                    assert plain(inject.respond) not in [
                        value for frame in frames[side] for value in _values_named(json.loads(frame), "respond")]
                # the search can find what it looks for: the seat's own brief is there, and the facilitator's
                # frames hold both briefs, both sides' valuations and the note
                assert all(piece in seen for piece in mine)
                assert holds_valuations(frames[side], valuations[side])
                everything = "\n".join(frames["facilitator"])
                assert all(piece in everything for piece in theirs)
                assert holds_valuations(frames["facilitator"], valuations[side.other])
                assert NOTE in everything
                assert any(_values_named(json.loads(frame), "alternatives") for frame in frames["facilitator"])
    await bounded(body())
