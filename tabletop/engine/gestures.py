"""Cheap unilateral gestures: what lets a side play GRIT (graduated reciprocation in tension reduction).

A GRIT player opens with a small unilateral step and invites the other side to
answer it. That works only if the step is cheap for the side that makes it and
worth something to the other side, without giving away the other side's top
priority (the side's main bargaining chip). Issue 10: every shipped scenario
gives each side at least one such gesture; ``tabletop validate`` warns when a
side has none.
"""

from __future__ import annotations

import attrs

from tabletop.engine.model import Irritant, Scenario, Side
from tabletop.engine.scoring import utility_range

CHEAP = 5.0
"""The most one rung of a cheap gesture may cost its mover, in points of its 0-100 score."""


@attrs.frozen
class Gesture:
    """One rung a side can climb alone: what it costs the mover and earns the other side, in score points."""

    irritant: Irritant
    cost: float
    worth: float


def _points(scenario: Scenario, side: Side, irritant: Irritant) -> float:
    """One rung of ``irritant`` above its start, in points of ``side``'s score (negative: a loss)."""
    low, high = utility_range(scenario, side)
    span = high - low
    if span <= 0:
        return 0.0
    net = scenario.valuation(side, irritant.id).net
    return net / (irritant.top - irritant.start) * 100 / span


def top_priorities(scenario: Scenario, side: Side) -> set[str]:
    """The irritant ids ``side`` values most (net of home cost; all of them when tied)."""
    nets = {irritant.id: scenario.valuation(side, irritant.id).net for irritant in scenario.irritants}
    best = max(nets.values(), default=0.0)
    return {irritant_id for irritant_id, net in nets.items() if net == best}


def cheap_gestures(scenario: Scenario, side: Side) -> list[Gesture]:
    """The irritants ``side`` moves alone whose first rung is a cheap gesture, cheapest first.

    Cheap: one rung costs the mover at most :data:`CHEAP` points and less than
    it earns the other side; no red line of the mover's stands at the starting
    rung; and the irritant is not the other side's top priority.
    """
    other = side.other
    tops = top_priorities(scenario, other)
    out = []
    for irritant in scenario.irritants:
        if irritant.mover.value != side.value or irritant.top <= irritant.start or irritant.id in tops:
            continue
        red = scenario.valuation(side, irritant.id).red_line
        if red is not None and red.rung <= irritant.start:
            continue
        cost = max(0.0, -_points(scenario, side, irritant))
        worth = _points(scenario, other, irritant)
        if cost <= CHEAP and worth > cost:
            out.append(Gesture(irritant, round(cost, 1), round(worth, 1)))
    return sorted(out, key=lambda g: (g.cost, -g.worth, g.irritant.id))


__all__ = ["CHEAP", "Gesture", "cheap_gestures", "top_priorities"]
