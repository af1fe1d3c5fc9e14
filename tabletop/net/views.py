"""What the host sends: each viewer's window on a game, as plain JSON-ready data.

Every decision about who may see what is the engine's (:mod:`tabletop.engine.views`:
``log_for``, ``may_read_brief``); this module only turns its answers into data.
A seat gets the public table (the game state minus the secret fields listed
in :data:`SECRET_FIELDS`), its own brief, the log as ``log_for`` gives it and
``options(game, side)``; the facilitator gets everything.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from tabletop.engine.actions import Action
from tabletop.engine.analysis import debrief
from tabletop.engine.game import Game
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.options import options, preview, told
from tabletop.engine.state import GameState, Offer
from tabletop.engine.views import Audience, Viewer, may_read_brief, may_see_event
from tabletop.reports.conduct_text import seat_conduct

SECRET_FIELDS = frozenset({"statements", "held", "skipped", "notes", "alternatives"})
"""Game-state fields no seat receives in the public table: postures chosen but not yet revealed, the white
cell's business, and the walk-away values (each seat is sent its own alone, as ``alternative``)."""


def plain(value: Any) -> Any:
    """Engine values (attrs classes, enums, tuples) as JSON-ready data."""
    if isinstance(value, Offer):
        return value.to_dict()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, frozenset, set)):
        items = [plain(v) for v in value]
        return sorted(items) if isinstance(value, (set, frozenset)) else items
    if attrs.has(type(value)):
        return {f.name: plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    raise TypeError(f"cannot send a {type(value).__name__}")


def scenario_public(scenario: Scenario) -> dict[str, Any]:
    """What every player may read about the scenario: the setting, the ladders, the public briefs."""
    return {
        "id": scenario.id, "title": scenario.title, "date": scenario.date, "setting": scenario.setting,
        "deadline": scenario.deadline, "rounds": scenario.rounds, "public_brief": scenario.public_brief,
        "hypothetical": scenario.hypothetical, "rules": plain(scenario.rules), "meters": plain(scenario.meters),
        "first_initiative": scenario.first_initiative.value,
        "irritants": [plain(irritant) for irritant in scenario.irritants],
        "audiences": [{"id": a.id, "name": a.name, "stance": a.stance} for a in scenario.audiences],
        "sides": {side.value: {"name": brief.name, "delegation": brief.delegation, "public": brief.public}
                  for side, brief in scenario.sides.items()},
    }


def brief_data(scenario: Scenario, side: Side, viewer: Viewer) -> dict[str, Any]:
    """``side``'s confidential brief, for a viewer the engine lets read it."""
    if not may_read_brief(viewer, side):
        raise PermissionError(f"{viewer} may not read {side.value}'s brief")
    return plain(scenario.brief(side))


PLAYERS_SEE_OF_AN_INJECT = ("id", "title", "text", "kind", "target", "effects", "respond_label", "absorb_label")
"""What a side may read of an inject once it has landed (as a local player's news flash and answer dialog show):
its text, what it did on landing, and a forced choice's two labels. The answer expected of the side, what each
answer would do, its trigger, probability, objective and the evaluator's notes stay the white cell's."""


def pending_inject(scenario: Scenario, inject_id: str) -> dict[str, Any]:
    """An inject waiting for an answer, as both sides may read it: its text and a forced choice's two labels.

    ``respond`` and ``absorb`` go as empty effects, so that the seat's mirror knows a choice is forced
    without learning what either answer does. Its effects go without the move of an outside option: both
    sides receive this, and a side's walk-away is its own (the log says only which way it moved, and the
    side whose option moved is sent its walk-away as it now stands).
    """
    inject = scenario.inject(inject_id)
    data = {f.name: plain(getattr(inject, f.name)) for f in attrs.fields(type(inject))
            if f.name in PLAYERS_SEE_OF_AN_INJECT}
    data["effects"] = plain(attrs.evolve(inject.effects, alternative={}))
    if inject.forces_choice:
        data["respond"] = data["absorb"] = {}
    return data


PUBLIC_FIELDS = tuple(field.name for field in attrs.fields(GameState) if field.name not in SECRET_FIELDS)


class PublicTable:
    """One game's public table, kept up to date field by field.

    A new state shares every unchanged field's value with the state before it
    (states are frozen and evolved), so a field whose value is the same object
    is not converted again: the table of a change costs only what changed, and
    updates carry only the changed fields.
    """

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self._seen: dict[str, tuple[object, Any]] = {}

    def refresh(self, game: Game) -> dict[str, Any]:
        """Bring :attr:`data` up to date with ``game``; returns the fields that changed."""
        state = game.state
        fresh: dict[str, Any] = {}
        for name in PUBLIC_FIELDS:
            value = getattr(state, name)
            seen = self._seen.get(name)
            if seen is not None and seen[0] is value:
                continue
            converted = plain(value)
            self._seen[name] = (value, converted)
            fresh[name] = converted
        fresh["chosen"] = {side.value: posture is not None for side, posture in zip(SIDES, state.statements)}
        fresh["pending"] = [pending_inject(game.scenario, inject) for inject in state.pending]
        fresh["awaiting"] = [side.value for side in game.awaiting()]
        fresh["over"] = game.is_over
        fresh["actions"] = len(game.actions)
        changed = {key: value for key, value in fresh.items() if key not in self.data or self.data[key] != value}
        self.data.update(changed)
        return changed


def public_table(game: Game) -> dict[str, Any]:
    """The table as both sides see it: the board, the meters, the offer, the deals, whose move."""
    return PublicTable().refresh(game)


def facilitator_table(game: Game) -> dict[str, Any]:
    """The whole state, secret fields included, with the seed."""
    data = public_table(game)
    data.update({name: plain(getattr(game.state, name)) for name in SECRET_FIELDS})
    data["seed"] = game.seed
    return data


def log_entries(game: Game, viewer: Viewer, start: int = 0) -> list[dict[str, Any]]:
    """Log lines from position ``start`` of ``game.events`` that ``viewer`` may see (``seq``: the position)."""
    entries = []
    for seq in range(start, len(game.events)):
        index, event = game.events[seq]
        if may_see_event(game, index, event, viewer):
            event = told(game, index, event)  # a package turned down by rule says which part: a seat cannot tell
            entry = {"seq": seq, "at": index}
            for field in attrs.fields(type(event)):
                value = getattr(event, field.name)
                if value != field.default or field.default is attrs.NOTHING:
                    entry[field.name] = plain(value)
            entries.append(entry)
    return entries


def options_data(game: Game, side: Side) -> dict[str, Any]:
    """What ``side`` may do now, with the parameters of each move (the engine's ``options``)."""
    seat = options(game, side)
    return {
        "kinds": sorted(seat.kinds), "postures": plain(seat.postures), "inject": seat.inject,
        "responses": plain(seat.responses), "offer_rungs": plain(seat.offer_rungs),
        "gestures": [a.to_dict() for a in seat.gestures],
        "retaliations": [a.to_dict() for a in seat.retaliations],
        "reneges": [a.to_dict() for a in seat.reneges], "accept_refusal": seat.accept_refusal,
    }


def preview_data(game: Game, side: Side, action: Action) -> dict[str, Any]:
    """What ``action`` would do for ``side`` (the engine's ``preview``), and its final score if it ends the game.

    Raises ``IllegalAction`` when the action is refused.
    """
    data = plain(preview(game, side, action))
    trial = game.copy()
    trial.apply(action)
    if trial.is_over:
        data["final_score"] = trial.final_scores()[side]
    return data


def debrief_data(game: Game, viewer: Viewer) -> dict[str, Any]:
    """The debrief: outcome, scores, frontier, turning points; walk-away values only as the viewer may know them."""
    d = debrief(game)
    data = {
        "over": game.is_over, "tier": plain(d.tier), "cause": d.cause, "scores": plain(d.scores),
        "start_scores": plain(d.start_scores), "joint_gain": d.joint_gain, "deal": list(d.deal),
        "value_left": d.value_left, "nash": plain(d.nash), "frontier": plain(d.frontier),
        "turning_points": plain(d.turning_points), "curve": plain(d.curve),
        "audience_readings": plain(d.audience_readings), "questions": list(game.scenario.debrief_questions),
        "walk_away": {side.value: d.walk_away[side] for side in SIDES if may_read_brief(viewer, side)},
    }
    if viewer is Audience.FACILITATOR:
        data["surplus"] = d.surplus
        data["objectives"] = plain(game.scenario.objectives)
    elif isinstance(viewer, Side):
        data["conduct"] = seat_conduct(game, d, viewer)  # the opponent revealed, reciprocity, its own numbers
    return data
