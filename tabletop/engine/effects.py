"""What happened and what it did: events for the log, and changes to meters and rungs within range."""

from __future__ import annotations

import attrs

from tabletop.engine.model import (
    Effects,
    Mover,
    Scenario,
    Side,
)
from tabletop.engine.state import Concession, GameState, Offer, with_side

TENSION_MAX = 5


class MoveError(ValueError):
    """A move whose content the rules refuse (the state is left unchanged)."""


@attrs.frozen
class Event:
    """Something that happened, in plain words, for the log."""

    round: int
    kind: str
    text: str
    side: Side | None = None
    inject: str | None = None


Result = tuple[GameState, list[Event]]


Result = tuple[GameState, list[Event]]


def _clamp(value: float, low: int, high: int) -> int:
    return int(max(low, min(high, round(value))))


def irritant_name(scenario: Scenario, irritant_id: str) -> str:
    return scenario.irritant(irritant_id).name


def describe_concession(scenario: Scenario, concession: Concession) -> str:
    irritant = scenario.irritant(concession.irritant)
    who = "both move" if irritant.mover is Mover.BOTH else f"{irritant.mover.value.capitalize()} moves"
    return f"{who} {irritant.name} to \u201c{irritant.rungs[concession.to]}\u201d"


def describe_offer(scenario: Scenario, offer: Offer) -> str:
    parts = [describe_concession(scenario, c) for c in offer.concessions]
    text = "; ".join(parts) if parts else "nothing"
    if offer.links:
        links = ", ".join(
            f"{irritant_name(scenario, a)} \u2194 {irritant_name(scenario, b)}" for a, b in offer.links
        )
        text += f" (linked: {links})"
    return text


def shift(state: GameState, trust: float = 0, tension: int = 0,
          standing: dict[Side, float] | None = None) -> GameState:
    """Move the meters, each kept within its range."""
    new_standing = state.standing
    for side, delta in (standing or {}).items():
        value = _clamp(state.standing_of(side) + delta, 0, 100)
        new_standing = with_side(new_standing, side, value)
    return state.evolve(
        trust=_clamp(state.trust + trust, 0, 100),
        tension=_clamp(state.tension + tension, 1, TENSION_MAX),
        standing=new_standing,
    )


def apply_effects(scenario: Scenario, state: GameState, effects: Effects) -> GameState:
    """Apply an inject's or reaction's effects, within each meter's and ladder's range."""
    state = shift(state, effects.trust, effects.tension,
                  {Side(s): d for s, d in effects.standing.items()})
    if effects.rungs:
        rungs = list(state.rungs)
        for irritant_id, delta in effects.rungs.items():
            n = scenario.position[irritant_id]
            rungs[n] = max(0, min(scenario.irritants[n].top, rungs[n] + delta))
        state = state.evolve(rungs=tuple(rungs))
    return state


def describe_effects(scenario: Scenario, effects: Effects) -> str:
    parts = []
    if effects.trust:
        parts.append(f"trust {effects.trust:+d}")
    if effects.tension:
        parts.append(f"tension {effects.tension:+d}")
    for side, delta in sorted(effects.standing.items()):
        parts.append(f"{side.capitalize()} standing {delta:+d}")
    for irritant_id, delta in sorted(effects.rungs.items()):
        parts.append(f"{irritant_name(scenario, irritant_id)} {delta:+d} rung{'s' if abs(delta) != 1 else ''}")
    return ", ".join(parts)
