"""Injects and audiences: what fires at the start of a round or by hand, how forced choices are
answered, how Europe and China react to moves, and the collapse check that can follow any of them."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from tabletop.engine import actions as act
from tabletop.engine.effects import (
    TENSION_MAX,
    Event,
    EventKind,
    MoveError,
    Result,
    apply_effects,
    describe_effects,
    words,
)
from tabletop.engine.model import (
    SIDES,
    Effects,
    EndReason,
    Inject,
    InjectKind,
    Posture,
    Response,
    Scenario,
    Side,
)
from tabletop.engine.randomness import draw
from tabletop.engine.scoring import holds
from tabletop.engine.state import Fired, GameState


def check_collapse(scenario: Scenario, state: GameState) -> Result:
    """End the game at once if trust hit 0, tension hit 5 or a delegation lost all standing."""
    if state.ended is not None:
        return state, []
    cause = ""
    recalled = None
    if state.trust <= 0:
        cause = "trust fell to 0"
    elif state.tension >= TENSION_MAX:
        cause = "tension reached crisis (5)"
    else:
        for side in SIDES:
            if state.standing_of(side) <= 0:
                recalled = side
                cause = f"{scenario.sides[side].name}'s delegation was recalled (standing 0)"
                break
    if not cause:
        return state, []
    state = state.evolve(ended=EndReason.COLLAPSE, cause=cause, recalled=recalled)
    events = [Event(state.round, EventKind.COLLAPSE, f"The talks collapse: {cause}.")]
    return react(scenario, state, events, "collapse", None)


def react(scenario: Scenario, state: GameState, events: list[Event], on: str, side: Side | None,
          irritants: Iterable[str] = (), posture: Posture | None = None,
          movers: tuple[Side, ...] = ()) -> Result:
    """Let the audiences react to a move (each reaction at most once); they land as effects or injects.

    For a package (``movers`` given), a reaction naming a side and an irritant fires
    only if that side moved that irritant.
    """
    irritant_list = tuple(irritants)
    for audience in scenario.audiences:
        for reaction in audience.reactions:
            if reaction.on != on:
                continue
            if movers:
                candidates = [i for i in irritant_list if reaction.irritant in (None, i)]
                if reaction.side is not None:
                    candidates = [i for i in candidates if scenario.irritant(i).mover.includes(reaction.side)]
                if not candidates:
                    continue
            else:
                if reaction.side is not None and reaction.side is not side:
                    continue
                if reaction.irritant is not None and reaction.irritant not in irritant_list:
                    continue
            if reaction.posture is not None and reaction.posture is not posture:
                continue
            state = apply_effects(scenario, state, reaction.effects)
            # an outside option: which way, not how much
            events.append(Event(state.round, EventKind.AUDIENCE,
                                words(_reaction_line, scenario, audience.name, reaction.text, reaction.effects)))
            if reaction.inject and not state.has_fired(reaction.inject):
                state, more = fire_inject(scenario, state, scenario.inject(reaction.inject))
                events.extend(more)
    return state, events


def _reaction_line(scenario: Scenario, audience: str, text: str, effects: Effects) -> str:
    effect = public_effects(scenario, effects)
    return f"{audience}: {text} ({effect})" if effect else f"{audience}: {text}"


def choice_label(inject: Inject, response: Response) -> str:
    """The words a forced choice's target sees for ``response`` (the scenario's own labels)."""
    label = inject.respond_label if response is Response.RESPOND else inject.absorb_label
    return label.strip() or response.value.capitalize()


def public_effects(scenario: Scenario, effects: Effects) -> str:
    """An inject's effects as the players read them: a side's outside option moves in its own brief only,
    so the shared line says which way it moved, never by how much (as an address to an audience does)."""
    shown = describe_effects(scenario, attrs.evolve(effects, alternative={}))
    moved = [f"{scenario.sides[Side(side)].name}'s outside option looks {'firmer' if change > 0 else 'weaker'}"
             for side, change in sorted(effects.alternative.items()) if change]
    return ", ".join(filter(None, [shown, *moved]))


def fire_inject(scenario: Scenario, state: GameState, inject: Inject, by_hand: bool = False) -> Result:
    """An inject lands: its effects apply, and a forced choice waits for its target."""
    state = apply_effects(scenario, state, inject.effects)
    state = state.evolve(fired=state.fired + (Fired(inject.id, state.round, None, by_hand),))
    events = [Event(state.round, EventKind.INJECT, words(_news_line, scenario, inject), inject=inject.id)]
    if inject.forces_choice:
        state = state.evolve(pending=state.pending + (inject.id,))
        target = Side(inject.target.value)
        # The players read this line: the inject's own two answers, never the answer expected of them.
        events.append(Event(state.round, EventKind.CHOICE, words(_choice_line, scenario, target, inject),
                            target, inject=inject.id))
    return state, events


def _choice_line(scenario: Scenario, target: Side, inject: Inject) -> str:
    return (f"{scenario.sides[target].name} must choose: \u201c{choice_label(inject, Response.RESPOND)}"
            f"\u201d or \u201c{choice_label(inject, Response.ABSORB)}\u201d.")


def _news_line(scenario: Scenario, inject: Inject) -> str:
    effect = public_effects(scenario, inject.effects)
    text = f"NEWS: {inject.title}. {inject.text}"
    return f"{text} ({effect})" if effect else text


def due_injects(scenario: Scenario, state: GameState, seed: int) -> list[Inject]:
    """The injects that fire at the start of the current round, in scenario order."""
    due = []
    fired_round = {f.inject: f for f in state.fired}
    for inject in scenario.injects:
        if inject.id in fired_round or inject.id in state.held or inject.id in state.skipped:
            continue
        kind = inject.kind
        if kind is InjectKind.SCHEDULED:
            fire = inject.round == state.round
        elif kind is InjectKind.CONDITIONAL:
            fire = inject.from_round <= state.round <= (inject.to_round or scenario.rounds) \
                and holds(inject.when, scenario, state)
        elif kind is InjectKind.RANDOM:
            in_window = inject.from_round <= state.round <= (inject.to_round or scenario.rounds)
            fire = in_window and holds(inject.when, scenario, state) and \
                draw(seed, "inject", inject.id, state.round) < inject.probability
        else:
            parent = fired_round.get(inject.follows or "")
            fire = parent is not None and state.round == parent.round + inject.after_rounds \
                and not _expected_action_done(scenario, state, scenario.inject(parent.inject), parent)
        if fire:
            due.append(inject)
    return due


def _expected_action_done(scenario: Scenario, state: GameState, parent: Inject, fired: Fired) -> bool:
    if parent.check is not None:
        return holds(parent.check, scenario, state, fired.response)
    return fired.response is Response.RESPOND


def respond_inject(scenario: Scenario, state: GameState, action: act.RespondInject) -> Result:
    if not state.pending or state.pending[0] != action.inject:
        raise MoveError(f"no inject {action.inject!r} is waiting for an answer")
    inject = scenario.inject(action.inject)
    effects = inject.respond if action.response is Response.RESPOND else inject.absorb
    state = apply_effects(scenario, state, effects or Effects())
    fired = tuple(
        attrs.evolve(f, response=action.response) if f.inject == inject.id and f.response is None else f
        for f in state.fired
    )
    state = state.evolve(fired=fired, pending=state.pending[1:])
    text = words(_answer_line, scenario, scenario.sides[action.side].name, inject, action.response, effects)
    state, more = check_collapse(scenario, state)
    return state, [Event(state.round, EventKind.CHOICE, text, action.side, inject=inject.id, response=action.response),
                   *more]


def _answer_line(scenario: Scenario, name: str, inject: Inject, response: Response, effects: Effects | None) -> str:
    effect = public_effects(scenario, effects or Effects())
    return (f"{name} answers \u201c{inject.title}\u201d: "
            f"{choice_label(inject, response)}" + (f" ({effect})." if effect else "."))


def fire_by_hand(scenario: Scenario, state: GameState, action: act.FireInject) -> Result:
    if action.inject not in scenario.by_inject:
        raise MoveError(f"there is no inject {action.inject!r}")
    if state.has_fired(action.inject):
        raise MoveError(f"inject {action.inject!r} has already fired")
    if action.inject in state.skipped:
        raise MoveError(f"inject {action.inject!r} was skipped: it will not come in")
    state, events = fire_inject(scenario, state, scenario.inject(action.inject), by_hand=True)
    state, more = check_collapse(scenario, state)
    return state, events + more


def custom_inject(scenario: Scenario, state: GameState, action: act.CustomInject) -> Result:
    for irritant_id in action.effects.rungs:
        if irritant_id not in scenario.position:
            raise MoveError(f"there is no irritant {irritant_id!r}")
    for side in action.effects.standing:
        if side not in ("washington", "moscow"):
            raise MoveError(f"there is no side {side!r}")
    if not action.title.strip():
        raise MoveError("a free-text inject needs a title")
    state = apply_effects(scenario, state, action.effects)
    state = state.evolve(custom_injects=state.custom_injects + 1)
    effect = describe_effects(scenario, action.effects)
    text = f"NEWS: {action.title}. {action.text}" + (f" ({effect})" if effect else "")
    events = [Event(state.round, EventKind.INJECT, text)]
    state, more = check_collapse(scenario, state)
    return state, events + more
