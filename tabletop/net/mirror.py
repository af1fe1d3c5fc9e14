"""A client's mirror of a table held by a class host: what the host sent, read back as engine values.

The terminal client shows a networked table with the same widgets as a local
game, and those widgets read engine values (a ``Scenario``, a ``GameState``,
log ``Event`` s). This module rebuilds them from the host's messages and
nothing else: the scenario from its public part and the briefs the viewer may
read (another side's brief is *sealed*: its name and public text only, no
valuations, no walk-away value), the state from the public table, the log
from the lines sent, the moves open from the engine's ``options`` answer.
It decides no rule: :class:`SeatGame` answers "what may I do" from what the
host said, and refuses to apply anything (moves go to the host).

Whatever the host sends is data; a message this module cannot read raises
:class:`MirrorError` with a one-line reason, never anything else. A seat holds
the host to the engine's own limits: every text at most ``TEXT_LIMIT``
characters with no control character but newline and tab, a log line's text
at most :data:`LOG_TEXT_LIMIT`, a rejection's reason one line of at most
``REASON_LIMIT`` printable characters (as ``engine.deals.reject`` stores it).
"""

from __future__ import annotations

import copy
from typing import Any

import attrs

from tabletop.engine import actions as act
from tabletop.engine.action_reader import ActionError, action_from_dict
from tabletop.engine.deals import REASON_LIMIT
from tabletop.engine.effects import Event
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import (
    SIDES,
    Audience,
    Inject,
    Irritant,
    Meters,
    Objective,
    Rules,
    Scenario,
    Side,
    SideBrief,
)
from tabletop.engine.options import SeatOptions
from tabletop.engine.state import GameState, Phase, with_side
from tabletop.net.decoding import TEXT_LIMIT, MirrorError, as_object, checked_text, object_at, structure
from tabletop.net.longest import LOG_TEXT_LIMIT  # the longest line an honest host sends (how: net.longest)

HUMAN = "human"
PLAYED_ON_HOST = "this table is played on the class host: moves are sent to it"


# -- the scenario as a viewer may know it ------------------------------------------------------------


def _text(data: dict[str, Any], key: str, where: str, default: str = "") -> str:
    """``data[key]`` (``default`` if missing) as a text within the limits; :class:`MirrorError` naming ``where``."""
    return structure(str, data.get(key, default), f"{where}.{key}")


def sealed_brief(side: Side, public: dict[str, Any], standing: int) -> SideBrief:
    """Another side's brief as a viewer may know it: its name and public text; no valuations, no walk-away value."""
    where = f"scenario.sides.{side.value}"
    return SideBrief(side, _text(public, "name", where, side.title), _text(public, "delegation", where),
                     _text(public, "public", where), "", 0.0, standing, {})


def scenario_for(public: Any, briefs: dict[Side, Any], injects: tuple[Inject, ...] = (),
                 objectives: Any = ()) -> Scenario:
    """A scenario from its public part (``views.scenario_public``) and the briefs this viewer may read.

    ``objectives``: the learning objectives, for the facilitator (a seat is not sent them).
    """
    data = object_at(public, "scenario")
    meters = structure(Meters, data.get("meters", {"trust": 50, "tension": 2, "standing": [50, 50]}), "meters")
    sides_public = object_at(data.get("sides"), "scenario.sides")
    sides = {}
    for n, side in enumerate(SIDES):
        if side in briefs:
            sides[side] = structure(SideBrief, briefs[side], f"brief.{side.value}")
        else:
            sides[side] = sealed_brief(side, object_at(sides_public.get(side.value), f"scenario.sides.{side.value}"),
                                       meters.standing[n])
    audiences = tuple(Audience(_text(a, "id", f"scenario.audiences[{n}]"), _text(a, "name", f"scenario.audiences[{n}]"),
                               _text(a, "stance", f"scenario.audiences[{n}]"))
                      for n, a in enumerate(data.get("audiences") or []) if isinstance(a, dict))
    try:
        return Scenario(
            id=structure(str, data.get("id"), "scenario.id"), title=structure(str, data.get("title"), "scenario.title"),
            date=_text(data, "date", "scenario"), setting=_text(data, "setting", "scenario"),
            deadline=_text(data, "deadline", "scenario"),
            rounds=structure(int, data.get("rounds"), "scenario.rounds"),
            public_brief=_text(data, "public_brief", "scenario"),
            objectives=structure(tuple[Objective, ...], list(objectives or []), "objectives"),
            debrief_questions=(), sides=sides,
            irritants=structure(tuple[Irritant, ...], data.get("irritants"), "scenario.irritants"),
            meters=meters, rules=structure(Rules, data.get("rules", {}), "scenario.rules"), audiences=audiences,
            injects=injects, outcomes=(), hypothetical=bool(data.get("hypothetical", False)),
            first_initiative=structure(Side, data.get("first_initiative", "washington"), "scenario.first_initiative"),
        )
    except MirrorError:
        raise
    except (TypeError, ValueError) as error:
        raise MirrorError(f"scenario: {' '.join(str(error).split())[:120]}") from None


def pending_injects(table: dict[str, Any]) -> tuple[Inject, ...]:
    """The injects waiting for an answer, as the host described them (``views.pending_inject``)."""
    found = []
    for n, item in enumerate(table.get("pending") or []):
        data = object_at(item, f"table.pending[{n}]")
        fields = dict(data)
        fields.setdefault("kind", "forced_choice")
        fields.setdefault("expected_action", "")
        fields.setdefault("objective", "")
        found.append(structure(Inject, fields, f"table.pending[{n}]"))
    return tuple(found)


# -- the state, the log, the moves -----------------------------------------------------------------------


def state_from(table: Any) -> GameState:
    """The public table (``views.PublicTable``) as a game state; the fields a seat is not sent keep their defaults."""
    data = dict(object_at(table, "table"))
    data["pending"] = [item.get("id") if isinstance(item, dict) else item for item in data.get("pending") or []]
    return structure(GameState, data, "table")


def event_from(entry: Any) -> tuple[int, Event]:
    """One log line (``views.log_entries``) as (the number of the action that caused it, the event)."""
    data = object_at(entry, "log line")
    at = data.get("at")
    if not isinstance(at, int) or isinstance(at, bool):
        raise MirrorError("log line: expected the number of its action (\"at\")")
    text = data.get("text")
    if not isinstance(text, str):
        raise MirrorError("log line.text: expected text")
    checked_text(text, "log line.text", LOG_TEXT_LIMIT)
    reason = data.get("reason", "")
    if isinstance(reason, str) and len(reason) > REASON_LIMIT:
        raise MirrorError(f"log line.reason: is {len(reason)} characters long, expected one line of at most "
                          f"{REASON_LIMIT} printable characters")
    if isinstance(reason, str) and not reason.isprintable():
        raise MirrorError(f"log line.reason: is not one line of at most {REASON_LIMIT} printable characters")
    event = structure(Event, {**data, "text": ""}, "log line")  # every other field within the common limits
    return at, attrs.evolve(event, text=text)


def options_from(side: Side, data: Any) -> SeatOptions:
    """The engine's answer to "what may this seat do now" (``views.options_data``) as its own value."""
    options = object_at(data or {}, "options")

    def moves(name: str) -> tuple[Any, ...]:
        try:
            return tuple(action_from_dict(item) for item in options.get(name) or [])
        except ActionError as error:
            raise MirrorError(f"options.{name}: {' '.join(str(error).split())[:120]}") from None

    return SeatOptions(
        side=side, kinds=structure(frozenset[str], options.get("kinds", []), "options.kinds"),
        postures=structure(tuple[Any, ...], options.get("postures", []), "options.postures"),
        inject=structure(str | None, options.get("inject"), "options.inject"),
        responses=structure(tuple[Any, ...], options.get("responses", []), "options.responses"),
        offer_rungs=structure(dict[str, tuple[int, ...]], options.get("offer_rungs", {}), "options.offer_rungs"),
        gestures=moves("gestures"), retaliations=moves("retaliations"), reneges=moves("reneges"),
        accept_refusal=structure(str, options.get("accept_refusal", ""), "options.accept_refusal"),
    )


class SeatGame(Game):
    """One table as a seat (or the facilitator) knows it from the host: never applies anything itself.

    ``state``, ``events`` and the moves open come from the host's messages
    (:meth:`follow`); the rules are the host's: :meth:`apply` refuses, and
    :meth:`legal_kinds` and :meth:`is_legal` answer from the engine's
    ``options`` as the host sent them.
    """

    def __init__(self, scenario: Scenario, viewer: Side | None, seats: dict[Side, str] | None = None) -> None:
        # Not Game.__init__: a mirror opens no round and builds no phase machine; it only shows.
        self.scenario = scenario
        self.viewer = viewer
        self.seed = 0
        """Not sent to a seat (it would tell which random news is coming)."""
        self.seats = dict(seats or {side: HUMAN for side in SIDES})
        self.actions: list[act.Action] = []
        """Always empty: a seat is told what happened (the log), not the actions themselves."""
        self.events: list[tuple[int, Event]] = []
        self.seen = -1
        """The position (``seq``) of the last log line taken."""
        self.moment = 0
        """How many actions the host has applied."""
        self.waiting: tuple[Side, ...] = ()
        self.over = False
        self.options: dict[Side, SeatOptions] = {}
        self.state = GameState(1, Phase.ROUND_START, scenario.start_rungs(), scenario.meters.trust,
                               scenario.meters.tension, scenario.meters.standing, (0.0, 0.0), scenario.first_initiative)
        self.history = [self.state]

    def follow(self, view: dict[str, Any]) -> list[tuple[int, Event]]:
        """Take the host's latest view of the table; returns the log lines not seen before."""
        table = object_at(view.get("table"), "table")
        state = state_from(table)
        mine = view.get("alternative")  # a seat's own walk-away; the other side's is never sent
        if self.viewer is not None and isinstance(mine, (int, float)) and not isinstance(mine, bool):
            state = state.evolve(alternatives=with_side((0.0, 0.0), self.viewer, float(mine)))
        log = view.get("log") or []
        if not isinstance(log, list):
            raise MirrorError("log: expected a list")
        new, seen = [], self.seen
        for entry in log:
            seq = entry.get("seq") if isinstance(entry, dict) else None
            if not isinstance(seq, int) or isinstance(seq, bool):
                raise MirrorError("log line: expected its position (\"seq\")")
            if seq > seen:
                new.append(event_from(entry))
                seen = seq
        options = view.get("options") or {}
        if self.viewer is not None:
            mine = {self.viewer: options_from(self.viewer, options)}
        else:
            mine = {side: options_from(side, options.get(side.value)) for side in SIDES}
        injects = pending_injects(table)
        if injects and any(i.id not in self.scenario.by_inject for i in injects):
            known = {i.id: i for i in self.scenario.injects}
            known.update({i.id: i for i in injects})
            self.scenario = attrs.evolve(self.scenario, injects=tuple(known.values()))
        self.state = state
        self.history = [state]
        self.events.extend(new)
        self.seen = seen
        self.options = mine
        self.waiting = tuple(structure(Side, s, "table.awaiting") for s in table.get("awaiting", []))
        self.over = bool(table.get("over", state.is_over))
        self.moment = structure(int, table.get("actions", self.moment), "table.actions")
        return new

    # -- what the host says, asked the way a Game is asked ---------------------------------------

    def awaiting(self) -> tuple[Side, ...]:
        return self.waiting

    def legal_kinds(self, side: Side | None) -> list[str]:
        seat = self.options.get(side) if side is not None else None
        return sorted(seat.kinds) if seat is not None else []

    def is_legal(self, action: act.Action) -> bool:
        side = getattr(action, "side", None)
        seat = self.options.get(side) if isinstance(side, Side) else None
        if seat is None or action.kind not in seat.kinds:
            return False
        listed = {"gesture": seat.gestures, "retaliate": seat.retaliations, "renege": seat.reneges}.get(action.kind)
        return listed is None or action in listed

    def apply(self, action: act.Action) -> list[Event]:
        """Refused: the host applies moves. An acceptance the host refused is refused for the host's reason, so
        the engine's answers asked of a mirror (``options``, ``refusal``) say what the host said."""
        side = getattr(action, "side", None)
        seat = self.options.get(side) if isinstance(side, Side) else None
        if isinstance(action, act.Accept) and seat is not None and seat.accept_refusal:
            raise IllegalAction(seat.accept_refusal)
        raise IllegalAction(PLAYED_ON_HOST)

    def at(self, moment: int) -> Game:
        """The table now, as a separate mirror (a what-if on it is refused like any move: the host judges)."""
        if moment != len(self.actions):
            raise IllegalAction("a networked table keeps no history of its own")
        return copy.copy(self)


__all__ = ["LOG_TEXT_LIMIT", "TEXT_LIMIT", "MirrorError", "as_object", "SeatGame", "event_from", "options_from", "pending_injects", "scenario_for",
           "sealed_brief", "state_from", "structure"]
