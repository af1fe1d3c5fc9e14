"""Consequences of the facilitator's controls: holding and skipping injects, pause, timer, notes.

Like every rule these are pure functions of (scenario, state, action); each
control is an ordinary action in the game's log, so saves, replays and
reports show what the facilitator did and when.
"""

from __future__ import annotations

from tabletop.engine import actions as act
from tabletop.engine import deals, injects, process, rounds, rules
from tabletop.engine.effects import Event, EventKind, MoveError, Result
from tabletop.engine.model import SIDES, TIMER_MAX, TIMER_MIN, Posture, Response, Scenario, Side, timer_problem
from tabletop.engine.state import GameState, Phase

FACILITATOR = "Facilitator"


def _inject(scenario: Scenario, inject_id: str):
    if inject_id not in scenario.by_inject:
        raise MoveError(f"there is no inject {inject_id!r}")
    return scenario.inject(inject_id)


def hold(scenario: Scenario, state: GameState, action: act.HoldInject) -> Result:
    inject = _inject(scenario, action.inject)
    if state.has_fired(inject.id):
        raise MoveError(f"inject {inject.id!r} has already fired")
    if inject.id in state.skipped:
        raise MoveError(f"inject {inject.id!r} was skipped: it will not come in")
    if inject.id in state.held:
        raise MoveError(f"inject {inject.id!r} is already held")
    state = state.evolve(held=tuple(sorted(state.held + (inject.id,))))
    return state, [Event(state.round, EventKind.FACILITATOR, f"{FACILITATOR} holds the inject \u201c{inject.title}\u201d.",
                          inject=inject.id)]


def release(scenario: Scenario, state: GameState, action: act.ReleaseInject) -> Result:
    inject = _inject(scenario, action.inject)
    if inject.id not in state.held:
        raise MoveError(f"inject {inject.id!r} is not held")
    state = state.evolve(held=tuple(i for i in state.held if i != inject.id))
    return state, [Event(state.round, EventKind.FACILITATOR, f"{FACILITATOR} releases the inject \u201c{inject.title}\u201d.",
                          inject=inject.id)]


def skip(scenario: Scenario, state: GameState, action: act.SkipInject) -> Result:
    inject = _inject(scenario, action.inject)
    if state.has_fired(inject.id):
        raise MoveError(f"inject {inject.id!r} has already fired")
    if inject.id in state.skipped:
        raise MoveError(f"inject {inject.id!r} is already skipped")
    state = state.evolve(skipped=tuple(sorted(state.skipped + (inject.id,))),
                         held=tuple(i for i in state.held if i != inject.id))
    return state, [Event(state.round, EventKind.FACILITATOR, f"{FACILITATOR} skips the inject \u201c{inject.title}\u201d.",
                          inject=inject.id)]


def pause(scenario: Scenario, state: GameState, action: act.Pause) -> Result:
    state = state.evolve(paused=True)
    return state, [Event(state.round, EventKind.FACILITATOR, f"{FACILITATOR} pauses the exercise.")]


def resume(scenario: Scenario, state: GameState, action: act.Resume) -> Result:
    state = state.evolve(paused=False)
    return state, [Event(state.round, EventKind.FACILITATOR, f"{FACILITATOR} resumes the exercise.")]


def set_timer(scenario: Scenario, state: GameState, action: act.SetTimer) -> Result:
    if timer_problem(action.seconds):
        raise MoveError(f"a round timer of {action.seconds} s is out of range, expected {TIMER_MIN} to {TIMER_MAX} "
                        "(or 0 for none)")
    state = state.evolve(timer=action.seconds or None)
    text = f"{FACILITATOR} sets the round timer to {action.seconds} s." if action.seconds \
        else f"{FACILITATOR} turns the round timer off."
    return state, [Event(state.round, EventKind.FACILITATOR, text)]


def note(scenario: Scenario, state: GameState, action: act.Note) -> Result:
    if not action.text.strip():
        raise MoveError("a note needs some text")
    objectives = {o.id for o in scenario.objectives}
    if action.objective and action.objective not in objectives:
        raise MoveError(f"there is no objective {action.objective!r}")
    state = state.evolve(notes=state.notes + 1)
    tag = f" [{action.objective}]" if action.objective else ""
    return state, [Event(state.round, EventKind.NOTE, f"Note{tag}: {action.text}")]


def time_up(scenario: Scenario, state: GameState, action: act.TimeUp, awaiting: tuple[Side, ...]) -> Result:
    """The timer ran out: whoever is due to move passes (neutral words, reject, decline, absorb)."""
    events: list[Event] = []
    for side in awaiting:
        name = scenario.sides[side].name
        phase = state.phase
        if phase is Phase.STATEMENTS:
            state, more = rounds.statement(scenario, state, act.Statement(side, Posture.NEUTRAL))
            what = "a neutral statement"
        elif phase is Phase.INJECT_RESPONSE:
            state, more = injects.respond_inject(scenario, state, act.RespondInject(side, state.pending[0], Response.ABSORB))
            what = "absorbing the inject"
        elif phase is Phase.CONCLUDE_PENDING:
            state, more = rules.answer_conclude(scenario, state, act.DeclineConclude(side))
            what = "declining to conclude"
        elif state.offer is not None or state.meso:
            state, more = deals.reject(scenario, state, act.Reject(side))
            what = "rejecting the offer on the table"
        elif state.question is side:
            state, more = process.disclose(scenario, state, act.DisclosePriorities(side, ()))
            what = "declining to say"
        else:
            state, more = rules.pass_turn(scenario, state, act.Pass(side))
            what = "a pass"
        events.append(Event(state.round, EventKind.TIMER, f"Time is up for {name}: the move counts as {what}.", side))
        events.extend(more)
    return state, events


def awaiting_sides(scenario: Scenario, state: GameState) -> tuple[Side, ...]:
    """The sides whose move the game waits for (the same answer as ``Game.awaiting``)."""
    phase = state.phase
    if phase is Phase.STATEMENTS:
        return tuple(s for s, p in zip(SIDES, state.statements) if p is None)
    if phase is Phase.INJECT_RESPONSE and state.pending:
        return (Side(scenario.inject(state.pending[0]).target.value),)
    if phase in (Phase.NEGOTIATION, Phase.CONCLUDE_PENDING) and state.to_move is not None:
        return (state.to_move,)
    return ()
