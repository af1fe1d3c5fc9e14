"""The rung steps a package of mine may contain: my side of each (fixed for a game) and, per irritant, the
steps open now with what each is worth to me and, by my guess, to the other side.

:mod:`tabletop.engine.opponents.packages` builds packages from these ladders.
"""

from __future__ import annotations

from typing import NamedTuple

import attrs

from tabletop.engine.opponents.model import OpponentModel
from tabletop.engine.opponents.view import PlayerView


@attrs.frozen
class Terms:
    """How a strategy builds packages: how high it asks, how much it gives, what a package must gain it."""

    ask_rungs: int = 3
    """How many rungs above the board it asks for on one irritant."""
    give_rungs: int = 2
    """How many rungs of one of its own irritants it offers in one package."""
    min_gain: float = 1.0
    """The least a package must gain it (points on its own scale)."""
    slack: float = 3.0
    """How far below its target it goes when every package reaching the target was turned down."""
    demand_only: bool = False
    """Ask without giving anything of its own."""


class Step(NamedTuple):
    """One rung of one irritant in a package: up to rung ``to``, worth ``mine`` to me and ``theirs`` to them."""

    place: int
    """The irritant's place in the scenario's order."""
    irritant: str
    to: int
    mine: float
    theirs: float
    give: bool


_new_step = tuple.__new__
"""``Step(...)`` without the Python-level ``__new__`` of a named tuple (a search builds dozens of steps)."""


class MyRungs:
    """My own side of every rung step, fixed for a game: what it is worth to me (a priced red line's price
    included), how high I may let each irritant climb, and whether I move it alone."""

    def __init__(self, view: PlayerView) -> None:
        self.ids: list[str] = []
        self.ceilings: list[int] = []
        self.alone: list[bool] = []
        self.worth: list[list[float]] = []
        """``worth[i][to]``: my score change when irritant ``i`` climbs from ``to - 1`` to ``to``."""
        for irritant in view.irritants:
            alone = view.moves(irritant)
            bound = alone or view.is_shared(irritant)
            worth = [0.0]
            for to in range(1, irritant.top + 1):
                value = view.step_value(irritant, to - 1, to)
                crossed = view.crossing(irritant, to - 1, to) if bound else None
                worth.append(value - (crossed.price if crossed is not None else 0.0))
            self.ids.append(irritant.id)
            self.ceilings.append(view.my_ceiling(irritant))
            self.alone.append(alone)
            self.worth.append(worth)


def ladders(view: PlayerView, mine: MyRungs, model: OpponentModel, terms: Terms) -> list[list[Step]]:
    """Per irritant, the rung steps a package of mine may contain, lowest first (irritants with none left out)."""
    out = []
    per_rung = model.per_rung()
    limits = model.limits()
    starts = model.starts
    demand_only = terms.demand_only
    for index, current in enumerate(view.rungs):
        alone = mine.alone[index]
        if alone:
            if demand_only:
                continue
            top = min(mine.ceilings[index], current + terms.give_rungs)
        else:
            top = min(mine.ceilings[index], current + terms.ask_rungs)
            limit = limits[index]
            if limit is not None and limit < top:
                top = limit
        if top <= current:
            continue
        worth = mine.worth[index]
        start = starts[index]
        theirs = per_rung[index]
        irritant = mine.ids[index]
        steps = []
        for to in range(current + 1, top + 1):
            gain = theirs if to > start else 0.0
            if worth[to] <= 0 and gain <= 0:
                break
            steps.append(_new_step(Step, (index, irritant, to, worth[to], gain, alone)))
        if steps:
            out.append(steps)
    return out
