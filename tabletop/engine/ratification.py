"""Standing at home: what moving an irritant costs and earns each capital, and whether it would ratify a package.

A concession's movers pay its home cost and the price of any priced red line it
crosses; each side gains in standing what it values. A capital refuses to ratify a
package that takes its standing below the scenario's bar (unless the package costs
it nothing at home). Proposing, accepting, the computer opponents and the reasons
given for a refusal all ask these functions.
"""

from __future__ import annotations

from tabletop.engine.effects import Event, shift
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.red_lines import crossing
from tabletop.engine.state import Concession, GameState, Offer, side_index


def standing_after(scenario: Scenario, state: GameState, offer: Offer) -> tuple[int, int]:
    """Both sides' domestic standing if ``offer`` were implemented now (home costs, red-line prices, wins).

    The same charges as implementing it (:func:`_standing_change`, clamped step by step as
    :func:`shift` does), without building the states: opponents ask this of every package they weigh,
    for both sides, and the rules ask it again of the package put forward, so the latest answers are kept
    (the answer depends on the board, the standing and the offer only, all immutable: the same three objects
    give the same answer, in whichever state they stand, so the responder's look and the rules' check of a
    package proposed in the state before find the proposer's answer).
    """
    rungs, standing = state.rungs, state.standing
    key = (id(rungs), id(standing), id(offer))
    seen = _AFTER.get(key)
    if seen is not None and seen[0] is rungs and seen[1] is standing and seen[2] is offer and seen[3] is scenario:
        return seen[4]
    if len(_AFTER) >= 256:
        _AFTER.clear()
    after = _count_standing_after(scenario, state, offer)
    _AFTER[key] = (rungs, standing, offer, scenario, after)
    return after


_AFTER: dict[tuple[int, int, int], tuple[tuple[int, ...], tuple[int, int], Offer, Scenario, tuple[int, int]]] = {}


def _count_standing_after(scenario: Scenario, state: GameState, offer: Offer) -> tuple[int, int]:
    washington, moscow = state.standing
    moved: dict[str, int] = {}
    rungs, position = state.rungs, scenario.position
    for concession in offer.concessions:
        irritant, to = concession.irritant, concession.to
        before = moved.get(irritant)
        if before is None:
            before = rungs[position[irritant]]
        if to > before:
            change = _standing_change(scenario, irritant, before, to)
            # clamped to 0..100 after each step, as shift does
            step = round(washington + change[0])
            washington = 0 if step < 0 else 100 if step > 100 else step
            step = round(moscow + change[1])
            moscow = 0 if step < 0 else 100 if step > 100 else step
            moved[irritant] = to
    return washington, moscow


def ratifiable(scenario: Scenario, state: GameState, offer: Offer, side: Side) -> bool:
    """Whether ``side``'s capital would ratify ``offer``: it must not take its standing below the scenario's bar.

    A package that already leaves standing no lower than it is now is always ratified (a side short of
    standing can still take what costs it nothing at home).
    """
    after = standing_after(scenario, state, offer)[side_index(side)]
    return after >= scenario.rules.ratification or after >= state.standing_of(side)


def not_ratified(scenario: Scenario, side: Side) -> str:
    name = scenario.sides[side].name
    return (f"{name}'s capital would not ratify this package: it costs more at home than {name}'s "
            "domestic standing can bear")


_CHANGES: dict[int, tuple[Scenario, dict[tuple[str, int, int], tuple[float, float]]]] = {}
"""Memo of :func:`_standing_change` per scenario object (kept with it, so a new object at a reused id is
never mistaken for it), for the few scenarios a process plays at once."""


def _standing_change(scenario: Scenario, irritant_id: str, before: int, to: int) -> tuple[float, float]:
    """What moving ``irritant_id`` from rung ``before`` up to ``to`` does to each side's standing: its
    movers pay the home cost and any priced red line crossed, each side gains what it values."""
    entry = _CHANGES.get(id(scenario))
    if entry is None or entry[0] is not scenario:
        if len(_CHANGES) >= 16:
            _CHANGES.clear()
        entry = _CHANGES[id(scenario)] = (scenario, {})
    key = (irritant_id, before, to)
    change = entry[1].get(key)
    if change is None:
        change = entry[1][key] = _count_standing_change(scenario, irritant_id, before, to)
    return change


def _count_standing_change(scenario: Scenario, irritant_id: str, before: int, to: int) -> tuple[float, float]:
    irritant = scenario.irritant(irritant_id)
    steps = max(0, to - max(before, irritant.start))
    span = irritant.top - irritant.start
    rules = scenario.rules
    change = [0.0, 0.0]
    for index, side in enumerate(SIDES):
        value = scenario.valuation(side, irritant_id)
        delta = 0.0
        if irritant.mover.includes(side):
            delta -= value.cost / span * steps * rules.standing_per_cost
            crossed = crossing(scenario, side, irritant_id, before, to)
            if crossed is not None and not crossed.absolute:
                # Paid in standing, silently: a line in the shared log would reveal a confidential red line.
                delta -= crossed.price
        delta += value.gain / span * steps * rules.standing_per_gain
        change[index] = delta
    return change[0], change[1]


def concede(scenario: Scenario, state: GameState, concession: Concession, events: list[Event]) -> GameState:
    """Move one irritant up and charge home costs and red-line prices; the other side's win shows."""
    n = scenario.position[concession.irritant]
    before = state.rungs[n]
    washington, moscow = _standing_change(scenario, concession.irritant, before, concession.to)
    rungs = list(state.rungs)
    rungs[n] = concession.to
    state = state.evolve(rungs=tuple(rungs))
    return shift(state, standing={Side.WASHINGTON: washington, Side.MOSCOW: moscow})
