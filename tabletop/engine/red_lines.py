"""Red lines, computed in one place: how far a side may let an irritant climb, and what crossing costs.

A red line belongs to one side's confidential brief and binds only the irritants
that side moves (alone or, for reciprocal measures, together with the other).
An absolute red line is a ceiling: no package, gesture or acceptance may take
the irritant past it. A priced one may be crossed, at a cost in domestic
standing paid by the side that crosses it. Every other module asks these
functions: the phase machine, the rules, scoring, the opponents, the
interface and the reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from tabletop.engine.model import Scenario, Side
from tabletop.engine.state import Concession


@attrs.frozen
class Crossing:
    """A concession that takes an irritant past one of ``side``'s red lines."""

    side: Side
    irritant: str
    red_rung: int
    absolute: bool
    price: int = 0


def ceiling(scenario: Scenario, side: Side, irritant_id: str) -> int:
    """The highest rung ``side`` may ever let ``irritant_id`` reach: its absolute red line, or the top.

    Only irritants the side moves are bound by its red lines; the other side's
    irritants may be asked for up to their top rung. Computed once per scenario and side (:func:`ceilings`).
    """
    found = ceilings(scenario, side).get(irritant_id)
    return found if found is not None else _count_ceiling(scenario, side, irritant_id)


def ceilings(scenario: Scenario, side: Side) -> dict[str, int]:
    """:func:`ceiling` of every irritant of the scenario for ``side``, by irritant id (computed once; do not
    change it)."""
    entry = _CEILINGS.get(id(scenario))
    if entry is None or entry[0] is not scenario:
        if len(_CEILINGS) >= 16:
            _CEILINGS.clear()
        entry = _CEILINGS[id(scenario)] = (scenario, {})
    found = entry[1].get(side)
    if found is None:
        found = entry[1][side] = {i.id: _count_ceiling(scenario, side, i.id) for i in scenario.irritants}
    return found


_CEILINGS: dict[int, tuple[Scenario, dict[Side, dict[str, int]]]] = {}
"""Memo of :func:`ceilings` per scenario object (kept with it, so a new object at a reused id is never
mistaken for it), for the few scenarios a process plays at once."""


def _count_ceiling(scenario: Scenario, side: Side, irritant_id: str) -> int:
    irritant = scenario.irritant(irritant_id)
    if irritant.mover.includes(side):
        red = scenario.valuation(side, irritant_id).red_line
        if red is not None and red.absolute:
            return min(red.rung, irritant.top)
    return irritant.top


def crossing(scenario: Scenario, side: Side, irritant_id: str, before: int, to: int) -> Crossing | None:
    """The red line of ``side`` crossed by moving ``irritant_id`` from rung ``before`` up to ``to``, if any.

    An absolute line is crossed by any rung past it; a priced one only when the
    move passes it (starting at or below it), so it is paid once.
    """
    irritant = scenario.irritant(irritant_id)
    if not irritant.mover.includes(side):
        return None
    red = scenario.valuation(side, irritant_id).red_line
    if red is None:
        return None
    if red.absolute:
        return Crossing(side, irritant_id, red.rung, True) if to > red.rung else None
    if before <= red.rung < to:
        return Crossing(side, irritant_id, red.rung, False, red.price)
    return None


def crossings(scenario: Scenario, side: Side, rungs: Mapping[str, int] | Iterable[int],
              concessions: Iterable[Concession]) -> list[Crossing]:
    """Every red line of ``side`` that ``concessions`` would cross from the board ``rungs``.

    ``rungs`` is the board (a sequence in scenario order) or the rungs before, by irritant id.
    """
    before = rungs if isinstance(rungs, Mapping) else dict(zip((i.id for i in scenario.irritants), rungs))
    out = []
    for concession in concessions:
        found = crossing(scenario, side, concession.irritant, before[concession.irritant], concession.to)
        if found is not None:
            out.append(found)
    return out


def absolute_crossings(scenario: Scenario, side: Side, concessions: Iterable[Concession]) -> list[Crossing]:
    """The concessions that take an irritant past one of ``side``'s absolute red lines."""
    out = []
    tops = ceilings(scenario, side)
    for concession in concessions:
        top = tops.get(concession.irritant)
        if top is None:
            top = _count_ceiling(scenario, side, concession.irritant)  # not an irritant: its error, as ever
        if concession.to > top:
            red = scenario.valuation(side, concession.irritant).red_line
            assert red is not None
            out.append(Crossing(side, concession.irritant, red.rung, True))
    return out


def board_ceilings(scenario: Scenario) -> tuple[int, ...]:
    """Per irritant, the highest rung the two sides could ever agree on: the lower of the movers' ceilings.

    Never below the starting rung (an irritant may always stay where it starts).
    """
    out = []
    for irritant in scenario.irritants:
        top = min(ceiling(scenario, side, irritant.id) for side in scenario.sides)
        out.append(max(top, irritant.start))
    return tuple(out)
