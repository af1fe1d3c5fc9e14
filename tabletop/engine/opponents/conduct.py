"""The numbers of the conduct every computer opponent shares (see :mod:`base`): the concession curve, the
ultimatum rule at the deadline, cooling, and what a side can hope for in a scenario."""

from __future__ import annotations

from tabletop.engine.model import Posture, Scenario, Side
from tabletop.engine.opponents.ladders import MyRungs
from tabletop.engine.opponents.view import PlayerView

COOLING = 5.0
"""How much more a cooled opponent holds out for (points of its score)."""

FAIR_SHARE, SHARE_SPREAD = 0.35, 0.25
"""At the deadline: always accept a share of the surplus at or above 0.35, always refuse one under 0.10."""

HOLD_OUT = 0.5
"""The share of its room (best hope less alternative) an opponent's concession curve stops short of its
alternative until the other side has put a package forward before the final round (:meth:`Aims.floor`)."""

HARDER = {Posture.CONCILIATORY: Posture.NEUTRAL, Posture.NEUTRAL: Posture.HARDLINE, Posture.HARDLINE: Posture.HARDLINE}


def refusal_chance(share: float) -> float:
    """The chance of turning down a final offer that leaves one ``share`` of the surplus (ultimatum games)."""
    return min(1.0, max(0.0, (FAIR_SHARE - share) / SHARE_SPREAD))


def concession_curve(floor: float, best: float, time: float, e: float) -> float:
    """The time-dependent target (Faratin, Sierra and Jennings): ``best`` at time 0, ``floor`` at 1.

    ``e`` below 1 holds out until the deadline looms (Boulware), 1 concedes evenly, above 1 concedes early.
    """
    return floor + (best - floor) * (1 - time ** (1 / e))


def utopia(view: PlayerView) -> float:
    """My score if every irritant I value climbed as far as it may from the start: the most I could hope for."""
    rungs = list(view.start_rungs)
    for index, irritant in enumerate(view.irritants):
        if view.step_value(irritant, rungs[index], irritant.top) > 0:
            rungs[index] = max(rungs[index], view.my_ceiling(irritant))
    return view.score(rungs)


_OWN_SIDE: dict[tuple[int, Side], tuple[Scenario, tuple[MyRungs, float, float]]] = {}


def own_side(scenario: Scenario, view: PlayerView) -> tuple[MyRungs, float, float]:
    """Per scenario and side, computed once: my rung steps, the most I could hope for, and my score of the
    board the talks started from."""
    key = (id(scenario), view.side)
    cached = _OWN_SIDE.get(key)
    if cached is not None and cached[0] is scenario:
        return cached[1]
    numbers = (MyRungs(view), utopia(view), view.score(view.start_rungs))
    if len(_OWN_SIDE) >= 32:
        _OWN_SIDE.clear()  # each entry keeps its scenario alive: a long session loads scenarios again and again
    _OWN_SIDE[key] = (scenario, numbers)
    return numbers
