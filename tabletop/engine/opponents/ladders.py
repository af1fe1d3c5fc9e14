"""The rung steps a package of mine may contain: my side of each (fixed for a game) and the terms a strategy
builds its packages on.

Per irritant, a ladder holds the steps open now: from the board's rung up to ``ask_rungs`` above it (an
irritant the other side moves or we share, no higher than a limit its counters suggest) or ``give_rungs``
above it (one of mine), never past my ceiling, and stopping at the first step worth nothing to either side,
by my numbers and my guess of theirs. :class:`tabletop.engine.opponents.chooser.Chooser` walks the ladders
and builds packages from them.
"""

from __future__ import annotations

import attrs

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
