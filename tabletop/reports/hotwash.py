"""The classroom's view of a game: the events list as it stands, and each objective against what happened.

Pure functions of a game (no Textual, no files): the facilitator console lists
the injects with :func:`inject_schedule`, and the hotwash after the end sets
each learning objective's expected outcome beside what happened
(:func:`objective_reviews`): the outcome tier, the objective's injects (fired
or not, how they were answered, whether the expected action happened) and the
facilitator's notes tagged with it.
"""

from __future__ import annotations

from itertools import groupby

import attrs

from tabletop.engine import actions as act
from tabletop.engine.actions import Note as NoteAction
from tabletop.engine.effects import EventKind
from tabletop.engine.facilitation import awaiting_sides
from tabletop.engine.game import Game
from tabletop.engine.injects import choice_label
from tabletop.engine.model import SIDES, Inject, InjectKind, Objective, Response, Scenario, Side
from tabletop.engine.scoring import grade, holds
from tabletop.engine.state import Fired
from tabletop.reports.guide import describe_condition, when_it_fires


def chosen(inject: Inject, response: Response) -> str:
    """The answer to a forced choice in the inject's own words (its label, quoted): "respond" and "absorb" are
    the engine's names for the two answers, and mean opposite things in different injects."""
    return f"\u201c{choice_label(inject, response)}\u201d"


@attrs.frozen
class ScheduledInject:
    """One line of the master scenario events list, as it stands in this game."""

    number: int
    inject: Inject
    status: str
    """``fired``, ``held``, ``skipped``, ``missed`` (released after its round had passed) or ``upcoming``."""
    when: str
    fired: Fired | None = None

    @property
    def can_fire(self) -> bool:
        return self.fired is None and self.status != "skipped"

    @property
    def status_text(self) -> str:
        """The status in a few words: "fired R2 by hand, answered “Let the words pass”", "held", "upcoming"."""
        if self.fired is None:
            return {"missed": "missed its round"}.get(self.status, self.status)
        text = f"fired R{self.fired.round}" + (" by hand" if self.fired.by_hand else "")
        if self.fired.response is not None:
            text += f", answered {chosen(self.inject, self.fired.response)}"
        elif self.inject.forces_choice:
            text += ", awaiting an answer"
        return text


def inject_schedule(game: Game) -> list[ScheduledInject]:
    """Every inject of the scenario, numbered as in the facilitator's guide, with its status now."""
    state = game.state
    fired = {f.inject: f for f in state.fired}
    out = []
    for number, inject in enumerate(game.scenario.injects, 1):
        if inject.id in fired:
            status = "fired"
        elif inject.id in state.skipped:
            status = "skipped"
        elif inject.id in state.held:
            status = "held"
        elif inject.kind is InjectKind.SCHEDULED and inject.round is not None and inject.round < state.round:
            status = "missed"
        else:
            status = "upcoming"
        out.append(ScheduledInject(number, inject, status, when_it_fires(game.scenario, inject), fired.get(inject.id)))
    return out


@attrs.frozen
class NoteEntry:
    """A facilitator's note as the game recorded it: the action's number, its round and objective."""

    at: int
    round: int
    text: str
    objective: str


def game_note_entries(game: Game) -> list[NoteEntry]:
    """The Note actions of a game, in order."""
    return [NoteEntry(n, game.history[n].round, action.text, action.objective)
            for n, action in enumerate(game.actions, 1) if isinstance(action, NoteAction)]


@attrs.frozen
class ObjectiveReview:
    """A learning objective, its expected outcome, and what happened in this game."""

    objective: Objective
    happened: tuple[str, ...]
    notes: tuple[NoteEntry, ...]


def _inject_story(game: Game, item: ScheduledInject) -> str:
    """What became of one inject, in a sentence."""
    scenario = game.scenario
    inject = item.inject
    head = f"\u201c{inject.title}\u201d"
    if item.fired is None:
        return {"skipped": f"{head} was skipped by the facilitator.",
                "held": f"{head} was held and never fired.",
                "missed": f"{head} was held past its round and never fired."}.get(
            item.status, f"{head} never fired ({item.when}).")
    text = f"{head} fired in round {item.fired.round}" + (" (by hand)" if item.fired.by_hand else "")
    response = item.fired.response
    if response is not None:
        target = scenario.sides[Side(inject.target.value)].name if inject.target.value in ("washington", "moscow") \
            else inject.target.value.capitalize()
        other = Response.ABSORB if response is Response.RESPOND else Response.RESPOND
        text += f"; {target} chose {chosen(inject, response)} (not {chosen(inject, other)})"
    text += "."
    parent_check = inject.check
    if parent_check is not None:
        done = holds(parent_check, scenario, game.state, response)
        text += (f" Expected: {inject.expected_action} At the end, "
                 f"{describe_condition(scenario, parent_check)}: {'yes' if done else 'no'}.")
    elif inject.forces_choice and response is not None:
        # No check: which answer was expected is in the words alone, for the facilitator to weigh.
        text += f" Expected: {inject.expected_action}"
    answers = _answers(game, inject, item.fired)
    if answers:
        text += f" Then: {answers}."
    followers = [i for i in scenario.injects if i.follows == inject.id]
    for follower in followers:
        if game.state.has_fired(follower.id):
            text += f" Its contingency \u201c{follower.title}\u201d fired: the expected action did not happen in time."
    return text


MOVE_WORDS = {"gesture": "a gesture", "retaliate": "a retaliation", "renege": "reneged", "propose": "an offer",
              "counter": "a counter-offer", "accept": "accepted", "reject": "rejected", "pass": "passed",
              "walk_out": "walked out", "propose_conclude": "proposed to conclude", "agree_conclude": "agreed to conclude",
              "decline_conclude": "declined to conclude"}


def _move_word(scenario: Scenario, action: act.Action) -> str:
    if isinstance(action, act.Statement):
        return f"{action.posture.value} words"
    if isinstance(action, act.RespondInject):
        inject = scenario.by_inject.get(action.inject)
        return chosen(inject, action.response) if inject is not None else action.response.value
    return MOVE_WORDS.get(action.kind, "")


def _answers(game: Game, inject: Inject, fired: Fired) -> str:
    """What the inject's target side(s) did from the moment it fired to the end of the next round."""
    start = next((i for i, e in game.events if e.kind is EventKind.INJECT and e.inject == inject.id
                  and e.round == fired.round), None)
    if start is None:
        return ""
    targets = SIDES if inject.target.value == "both" else (Side(inject.target.value),)
    moves: dict[Side, list[str]] = {side: [] for side in targets}
    for n in range(start + 1, len(game.actions) + 1):
        if game.history[n - 1].round > fired.round + 1:
            break
        action = game.actions[n - 1]
        if isinstance(action, act.TimeUp):
            for side in awaiting_sides(game.scenario, game.history[n - 1]):
                if side in moves:
                    moves[side].append("time ran out")
            continue
        mover = getattr(action, "side", None)
        word = _move_word(game.scenario, action)
        if isinstance(mover, Side) and mover in moves and word:
            moves[mover].append(word)
    parts = []
    for side, words in moves.items():
        counted: list[str] = []
        for word, group in groupby(words):
            times = len(list(group))
            counted.append(word if times == 1 else f"{word} ×{times}")
        name = game.scenario.sides[side].name
        parts.append(f"{name}: {', '.join(counted) if counted else 'no move yet'}")
    last = min(fired.round + 1, game.state.round)
    span = f"round {fired.round}" if last == fired.round else f"rounds {fired.round}–{last}"
    return f"in {span}, " + "; ".join(parts)


def objective_reviews(game: Game) -> list[ObjectiveReview]:
    """Each objective's expected outcome beside what happened (outcome tier, its injects, its notes)."""
    scenario = game.scenario
    state = game.state
    tier_id = state.outcome or grade(scenario, state)
    tier = next(t for t in scenario.outcomes if t.id == tier_id)
    ending = f"Outcome: {tier.name}" + ("." if state.is_over else " (as the board stands; the game is not over).")
    schedule = inject_schedule(game)
    notes = game_note_entries(game)
    out = []
    for objective in scenario.objectives:
        happened = [ending]
        happened += [_inject_story(game, item) for item in schedule if item.inject.objective == objective.id]
        tagged = tuple(n for n in notes if n.objective == objective.id)
        out.append(ObjectiveReview(objective, tuple(happened), tagged))
    return out


__all__ = ["NoteEntry", "ObjectiveReview", "ScheduledInject", "game_note_entries", "inject_schedule",
           "objective_reviews"]
