"""Reading a scenario's board and briefs from TOML: the irritants and their ladders, each side's brief
(valuations, red lines), the learning objectives.

Part of the scenario reader (:mod:`tabletop.engine.scenario`, which assembles the
whole): each function reads one part with the shared :class:`_Reader`, records
every problem under its key path and returns what it could read.
"""

from __future__ import annotations

from typing import Any

from tabletop.engine.model import Irritant, Mover, Objective, RedLine, Side, SideBrief, Valuation
from tabletop.engine.toml_reader import _Reader

SIDE_KEYS = ("name", "delegation", "public", "confidential", "walk_away", "standing",
             "goals", "valuations", "sources", "hypothetical")
IRRITANT_KEYS = ("id", "name", "description", "mover", "rungs", "start", "sources", "hypothetical")
VALUATION_KEYS = ("gain", "cost", "red_line")
RED_LINE_KEYS = ("rung", "price", "absolute")
OBJECTIVE_KEYS = ("id", "text", "expected")


def _irritants(r: _Reader, data: dict) -> list[Irritant]:
    out: list[Irritant] = []
    seen: set[str] = set()
    for n, item in enumerate(r.items(data, "", "irritants")):
        key = f"irritants[{n}]"
        t = r.table(item, key, IRRITANT_KEYS, ("id", "name", "mover", "rungs", "start"))
        if not t:
            continue
        irritant_id = r.text(t, key, "id")
        if irritant_id:
            key = f"irritants.{irritant_id}"
            if irritant_id in seen:
                r.fail(key, "is defined twice, expected each irritant id once")
            seen.add(irritant_id)
        rungs = r.get(t, key, "rungs", list) or []
        if rungs and (len(rungs) < 2 or not all(isinstance(x, str) and x.strip() for x in rungs)):
            r.fail(f"{key}.rungs", "expected an array of at least two rung names (text), most restrictive first")
            rungs = [str(x) for x in rungs] if len(rungs) >= 2 else ["rung 0", "rung 1"]
        if not rungs:
            rungs = ["rung 0", "rung 1"]
        start = r.get(t, key, "start", int)
        if start is not None and not 0 <= start < len(rungs):
            r.fail(f"{key}.start", f"is {start}, off the ladder: expected a rung from 0 to {len(rungs) - 1}")
            start = 0
        mover = r.choice(t, key, "mover", Mover)
        if start is not None and start == len(rungs) - 1:
            r.fail(f"{key}.start", f"is the top rung ({start}), expected a rung below the top so there is something to negotiate")
        out.append(Irritant(
            id=irritant_id, name=r.text(t, key, "name"), rungs=tuple(rungs),
            mover=mover or Mover.BOTH, start=start or 0,
            description=r.text(t, key, "description", ""),
        ))
    if not out and "irritants" in data:
        r.fail("irritants", "is empty, expected at least one [[irritants]] table")
    return out


def _side(r: _Reader, side: Side, data: Any, irritants: dict[str, Irritant]) -> SideBrief | None:
    key = f"sides.{side.value}"
    t = r.table(data, key, SIDE_KEYS, ("name", "public", "confidential", "walk_away", "valuations"))
    if not t:
        return None
    goals = r.get(t, key, "goals", list, [])
    if not irritants:
        values_data = {}  # the irritants themselves are broken: that problem is reported already
    else:
        values_data = r.table(t.get("valuations", {}), f"{key}.valuations", tuple(irritants))
    valuations: dict[str, Valuation] = {}
    for irritant_id, irritant in irritants.items():
        vkey = f"{key}.valuations.{irritant_id}"
        if irritant_id not in values_data:
            if "valuations" in t:
                r.fail(vkey, "is missing, expected { gain = N, cost = N } for every irritant (0 if it does not matter)")
            continue
        v = r.table(values_data[irritant_id], vkey, VALUATION_KEYS)
        red = None
        if "red_line" in v:
            rl = r.table(v["red_line"], f"{vkey}.red_line", RED_LINE_KEYS, ("rung",))
            rung = r.integer(rl, f"{vkey}.red_line", "rung", 0, _top(r, irritant), 0)
            absolute = bool(r.get(rl, f"{vkey}.red_line", "absolute", bool, False))
            price = r.integer(rl, f"{vkey}.red_line", "price", 0, 100, 0)
            if not absolute and price == 0 and "price" not in rl:
                r.fail(f"{vkey}.red_line", "has no price, expected price = N or absolute = true")
            if not irritant.mover.includes(side):
                r.fail(f"{vkey}.red_line", f"is on an irritant moved by {irritant.mover.value}, expected red lines only on irritants {side.value} moves")
            red = RedLine(rung=rung, price=price, absolute=absolute)
        valuations[irritant_id] = Valuation(
            gain=r.number(v, vkey, "gain", 0.0, 100.0, 0.0),
            cost=r.number(v, vkey, "cost", 0.0, 100.0, 0.0),
            red_line=red,
        )
    return SideBrief(
        side=side,
        name=r.text(t, key, "name"),
        delegation=r.text(t, key, "delegation", ""),
        public=r.text(t, key, "public"),
        confidential=r.text(t, key, "confidential"),
        walk_away=r.number(t, key, "walk_away", 0.0, 100.0),
        standing=r.integer(t, key, "standing", 1, 100, 60),
        valuations=valuations,
        goals=tuple(g for g in goals or [] if isinstance(g, str)),
    )


def _objectives(r: _Reader, data: dict) -> list[Objective]:
    out = []
    for n, item in enumerate(r.items(data, "", "objectives", required=False)):
        key = f"objectives[{n}]"
        t = r.table(item, key, OBJECTIVE_KEYS, ("id", "text", "expected"))
        if t:
            out.append(Objective(r.text(t, key, "id"), r.text(t, key, "text"), r.text(t, key, "expected")))
    return out


def _top(r: _Reader, irritant: Irritant) -> int:
    """The irritant's top rung, for judging other keys; unbounded when its own rungs key failed."""
    return 10**6 if r.failed(f"irritants.{irritant.id}.rungs") else irritant.top
