"""A capital's public tone: what moves it, the word for it, and the headlines it makes.

Play drives the tone (postures, retaliations, deals, a delegation short of standing at
home); the round's seeded drift adds only a little noise. The tone itself is moved
within the scenario's range by :func:`tabletop.engine.effects.move_tone`.
"""

from __future__ import annotations

from tabletop.engine.effects import Event, EventKind, move_tone
from tabletop.engine.model import SIDES, Posture, Scenario, Side
from tabletop.engine.state import GameState

# Tone: what moves a capital's public tone (-1 hardline to +1 conciliatory). Play drives it; the seeded
# drift only adds a little day-to-day noise (TONE_NOISE of the scenario's tone_drift).
TONE_NOISE = 0.25
POSTURE_TONE = {Posture.CONCILIATORY: 0.2, Posture.NEUTRAL: 0.0, Posture.HARDLINE: -0.3}
RETALIATED_TONE = -0.3
DEAL_TONE = 0.1
LOW_STANDING = 30
LOW_STANDING_TONE = -0.2


def tone_headlines(scenario: Scenario, before: GameState, after: GameState, quiet_until: int = 0) -> list[Event]:
    """A headline for each capital whose public tone changed its word (measured, hardline, conciliatory)."""
    out = []
    for side in SIDES:
        old, new = tone_word(before.tone_of(side)), tone_word(after.tone_of(side))
        if old != new:
            verb = "hardens" if after.tone_of(side) < before.tone_of(side) else "softens"
            out.append(Event(after.round, EventKind.TONE,
                             f"Headline: {scenario.sides[side].name}'s tone {verb} (now {new}).", side))
    return out


def with_tone(scenario: Scenario, state: GameState, events: list[Event], changes: dict[Side, float]) -> GameState:
    """Move tones by ``changes`` and add the headlines they make."""
    before = state
    for side, delta in changes.items():
        if delta:
            state = move_tone(scenario, state, side, delta)
    events.extend(tone_headlines(scenario, before, state))
    return state


def tone_word(tone: float) -> str:
    """Plain word for a capital's tone of the day."""
    if tone <= -0.34:
        return "hardline"
    if tone >= 0.34:
        return "conciliatory"
    return "measured"
