"""What every view of one side holds whatever the moment, computed once per scenario and side, and the
view's computed-once attributes (:class:`tabletop.engine.opponents.view.PlayerView` uses both)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

from tabletop.engine.model import Scenario, Side
from tabletop.engine.scoring import utility_range

T = TypeVar("T")


class once(Generic[T]):  # noqa: N801 (used as a decorator, like functools.cached_property)
    """A value computed on first use and kept in the view's ``__dict__``: ``functools.cached_property``
    without its lock (3.11 takes one on every first use, and a game builds dozens of views)."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, view: None, owner: type) -> once[T]: ...

    @overload
    def __get__(self, view: object, owner: type) -> T: ...

    def __get__(self, view: object | None, owner: type) -> T | once[T]:
        if view is None:
            return self
        value = view.__dict__[self.name] = self.compute(view)
        return value


_OWN: dict[tuple[int, Side], tuple[Scenario, dict[str, Any]]] = {}


def own_numbers(scenario: Scenario, side: Side) -> dict[str, Any]:
    """Per scenario and side, computed once: what every view of that side holds whatever the moment (the
    scenario's fixed facts, my brief), which irritants each side moves, score points per rung, the score of
    the bare board, the board the talks started from; by attribute name (a view takes them all at once)."""
    key = (id(scenario), side)
    cached = _OWN.get(key)
    if cached is not None and cached[0] is scenario:
        return cached[1]
    low, high = utility_range(scenario, side)
    span = (high - low) or 1.0
    brief = scenario.sides[side]
    valuations = brief.valuations
    per_rung = {}
    for irritant in scenario.irritants:
        value = valuations.get(irritant.id)
        net = value.net if value else 0.0
        per_rung[irritant.id] = net / max(1, irritant.top - irritant.start) * 100.0 / span
    numbers = {
        "side": side,
        "rounds": scenario.rounds,
        "irritants": scenario.irritants,
        "position": scenario.position,
        "exchange_limit": scenario.rules.exchange_limit,
        "collapse_penalty": scenario.rules.collapse_penalty,
        "walk_away": brief.walk_away,
        "valuations": valuations,
        "start_rungs": scenario.start_rungs(),
        "_scenario": scenario,
        "_mine": frozenset(i.id for i in scenario.irritants if i.mover.value == side.value),
        "_theirs": frozenset(i.id for i in scenario.irritants if i.mover.value == side.other.value),
        "_per_rung": per_rung,
        "_base": -low * 100.0 / span,
    }
    if len(_OWN) >= 32:
        _OWN.clear()  # each entry keeps its scenario alive: a long session loads scenarios again and again
    _OWN[key] = (scenario, numbers)
    return numbers
