"""The round's own phases: it opens (tone, injects), postures are stated, it settles and ends; the final grade.

Each function takes a scenario and a state (and an action) and returns the new
state with the events that describe, in plain words, what happened. Which phase
comes when is the phase machine's business (:mod:`flow`).
"""

from __future__ import annotations

from tabletop.engine import actions as act
from tabletop.engine.effects import Event, EventKind, Result, shift, tone_after, words
from tabletop.engine.injects import check_collapse, due_injects, fire_inject, react
from tabletop.engine.model import SIDES, EndReason, Posture, Scenario, Side
from tabletop.engine.randomness import draw
from tabletop.engine.scoring import grade
from tabletop.engine.state import GameState, MeterPoint, with_side
from tabletop.engine.tone import (
    LOW_STANDING,
    LOW_STANDING_TONE,
    POSTURE_TONE,
    TONE_NOISE,
    tone_headlines,
    tone_word,
    with_tone,
)

# Trust and standing, in meter points. GAME.md gives the shape; these numbers tune it.
POSTURE_TRUST = {Posture.CONCILIATORY: 2, Posture.NEUTRAL: 0, Posture.HARDLINE: -3}
POSTURE_STANDING = {Posture.CONCILIATORY: -1, Posture.NEUTRAL: 0, Posture.HARDLINE: 2}
BOTH_CONCILIATORY_BONUS = 2
CALM_TRUST = 60
CRISIS_TRUST = 15


def start_round(scenario: Scenario, state: GameState, seed: int) -> Result:
    """Tone moves (a delegation short of standing at home hardens; a little noise); injects fire."""
    rules = scenario.rules
    before = state
    tones = []
    for side in SIDES:  # each side's tone moves on its own, both in one new state
        step = (draw(seed, "tone", side.value, state.round) * 2 - 1) * rules.tone_drift * TONE_NOISE
        if state.standing_of(side) < LOW_STANDING:
            step += LOW_STANDING_TONE
        tones.append(tone_after(scenario, state.tone_of(side), step))
    state = state.evolve(tone=(tones[0], tones[1]), retaliated=(0, 0))
    events = [Event(state.round, EventKind.ROUND, words(_opening_line, state.round, scenario.rounds,
                                                        scenario.sides[state.initiative].name, state.tone))]
    for inject in due_injects(scenario, state, seed):
        state, more = fire_inject(scenario, state, inject)
        events.extend(more)
    events += tone_headlines(scenario, before, state, quiet_until=len(events))
    state, more = check_collapse(scenario, state)
    return state, events + more


def _opening_line(round_: int, rounds: int, initiative: str, tones: tuple[float, float]) -> str:
    return (f"Round {round_} of {rounds} opens. {initiative} holds the initiative. "
            f"Tone: {tone_word(tones[0])} in Washington, {tone_word(tones[1])} in Moscow.")


def statement(scenario: Scenario, state: GameState, action: act.Statement) -> Result:
    """Record a posture in secret; when both are in, reveal them and apply their effects."""
    statements = with_side(state.statements, action.side, action.posture)
    state = state.evolve(statements=statements)
    events = [Event(state.round, EventKind.POSTURE_CHOSEN, f"{scenario.sides[action.side].name} has chosen a posture.",
                    action.side)]
    if None in statements:
        return state, events
    w, m = statements
    trust = POSTURE_TRUST[w] + POSTURE_TRUST[m]
    if w is Posture.CONCILIATORY and m is Posture.CONCILIATORY:
        trust += BOTH_CONCILIATORY_BONUS
    state = shift(state, trust=trust, standing={
        Side.WASHINGTON: POSTURE_STANDING[w], Side.MOSCOW: POSTURE_STANDING[m]})
    state = state.evolve(postures=statements, statements=(None, None), revealed_round=state.round,
                         to_move=state.initiative, offer=None, offer_by=None,
                         exchanges=0, quiet_turns=0, turns=0)
    events.append(Event(state.round, EventKind.STATEMENTS, words(_revealed_line, w, m, trust), postures=(w, m)))
    state = with_tone(scenario, state, events, {Side.WASHINGTON: POSTURE_TONE[w], Side.MOSCOW: POSTURE_TONE[m]})
    for side, posture in ((Side.WASHINGTON, w), (Side.MOSCOW, m)):
        state, events = react(scenario, state, events, "statement", side, posture=posture)
    state, more = check_collapse(scenario, state)
    return state, events + more


def _revealed_line(w: Posture, m: Posture, trust: int) -> str:
    return f"Statements revealed: Washington {w.value}, Moscow {m.value} (trust {trust:+d})."


def end_round(scenario: Scenario, state: GameState) -> Result:
    """Meters settle; the clock advances; the deadline or a collapse ends the game."""
    events: list[Event] = []
    calm = state.retaliated == (0, 0) and state.trust >= CALM_TRUST and state.tension > 1
    if calm:
        state = shift(state, tension=-1)
        events.append(Event(state.round, EventKind.SETTLE, "A calm round: tension eases by 1."))
    elif state.trust <= CRISIS_TRUST and state.ended is None:
        state = shift(state, tension=1)
        events.append(Event(state.round, EventKind.SETTLE, "Trust is near zero: tension rises by 1."))
    point = MeterPoint(state.round, state.trust, state.tension, state.standing)
    state = state.evolve(curve=state.curve + (point,))
    state, more = check_collapse(scenario, state)
    events.extend(more)
    if state.ended is None:
        state, more = lapse(scenario, state)
        events.extend(more)
    if state.ended is None and state.round >= scenario.rounds:
        state = state.evolve(ended=EndReason.DEADLINE, cause=f"the clock ran out ({scenario.deadline})")
        events.append(Event(state.round, EventKind.DEADLINE, f"Time is up: {scenario.deadline}."))
    if state.ended is None:
        state = state.evolve(round=state.round + 1, initiative=state.initiative.other,
                             to_move=None, offer=None, offer_by=None)
    return state, events


def lapse(scenario: Scenario, state: GameState) -> Result:
    """Back into silence: talks that make no progress fade quietly rather than break.

    After ``lapse_after`` rounds without a deal or a gesture the next round is
    cancelled (the clock skips it); if the round after that brings nothing
    either, the talks lapse and the game ends: no agreement unless one stands.
    """
    due = silence_due(scenario, state)
    if due == "lapse":
        state = state.evolve(ended=EndReason.LAPSE, cause="the talks faded: no progress after a cancelled round")
        return state, [Event(state.round, EventKind.LAPSE, "Nothing moves, again. No date is set for another "
                             "round: the channel goes quiet and the talks lapse.")]
    if due == "cancel":
        state = state.evolve(round=state.round + 1, cancelled_round=state.round + 1)
        return state, [Event(state.round, EventKind.LAPSE, f"{scenario.rules.lapse_after} rounds without progress: "
                             "the next round is cancelled and the channel goes cold.")]
    return state, []


def silence_due(scenario: Scenario, state: GameState) -> str | None:
    """What "back into silence" does at the end of this round if it brings no progress: "cancel" (the next
    round), "lapse" (the talks end), or None (nothing yet). Public: both sides can count the quiet rounds."""
    idle = state.round - max(state.progress_round, state.cancelled_round)
    if state.cancelled_round and state.progress_round < state.cancelled_round and idle >= 1:
        return "lapse"
    if not state.cancelled_round and idle >= scenario.rules.lapse_after and state.round + 1 < scenario.rounds:
        return "cancel"
    return None


def finish(scenario: Scenario, state: GameState) -> Result:
    """Grade the final board against the outcome tiers."""
    if not state.curve or state.curve[-1].round != state.round:
        point = MeterPoint(state.round, state.trust, state.tension, state.standing)
        state = state.evolve(curve=state.curve + (point,))
    tier_id = grade(scenario, state)
    tier = next(t for t in scenario.outcomes if t.id == tier_id)
    state = state.evolve(outcome=tier_id, to_move=None, offer=None, meso=(), question=None, pending=())
    return state, [Event(state.round, EventKind.OUTCOME, f"Outcome: {tier.name}. {tier.description}")]
