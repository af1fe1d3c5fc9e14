"""Who may see what, decided in one place: a side, the facilitator, or the public.

Every screen, report and (later) network message that shows a game asks
these functions instead of filtering on its own:

* the log: the facilitator sees every line; a side and the public see every
  line except the white cell's private business (evaluator's notes, and the
  holding, releasing or skipping of injects, which would spoil what is coming);
* briefs: a side reads its own confidential brief, the facilitator reads both,
  the public reads neither;
* bookkeeping lines (a side "has chosen a posture", the round marker) belong
  in a live log but not in a timeline of what happened.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from tabletop.engine.actions import SetTimer
from tabletop.engine.effects import EventKind
from tabletop.engine.kinds import HIDDEN_FROM_PLAYERS
from tabletop.engine.model import Side

if TYPE_CHECKING:
    from tabletop.engine.effects import Event
    from tabletop.engine.game import Game


class Audience(enum.StrEnum):
    """Who is looking, besides a side: the white cell, or anyone (a projector, a handout)."""

    FACILITATOR = "facilitator"
    PUBLIC = "public"


Viewer = Side | Audience
"""A side, the facilitator, or the public."""

HIDDEN_ACTIONS = HIDDEN_FROM_PLAYERS
"""Facilitator actions whose log lines only the facilitator sees (``seen_by_players`` in :data:`kinds.KINDS`)."""

BOOKKEEPING_EVENTS = frozenset({EventKind.POSTURE_CHOSEN, EventKind.ROUND})
"""Log lines that mark progress rather than say what happened: left out of timelines and reports."""


def may_see_event(game: Game, index: int, event: Event, viewer: Viewer) -> bool:
    """Whether ``viewer`` may see a log line (``index``: the action that caused it, 0 the opening)."""
    if viewer is Audience.FACILITATOR:
        return True
    if event.kind is EventKind.NOTE:
        return False
    if event.kind is EventKind.FACILITATOR and 0 < index <= len(game.actions):
        action = game.actions[index - 1]
        if isinstance(action, SetTimer) and not action.seconds and not game.history[index - 1].timer:
            return False  # "no timer" where none ran changes nothing for the players (a classroom game's start)
        return action.kind not in HIDDEN_ACTIONS
    return True


def player_visible(game: Game, index: int, event: Event) -> bool:
    """Whether a log line may be shown to the players (either side, or the public)."""
    return may_see_event(game, index, event, Audience.PUBLIC)


def log_for(game: Game, viewer: Viewer) -> list[tuple[int, Event]]:
    """The log as ``viewer`` may see it: (action index, event) pairs in order."""
    return [(index, event) for index, event in game.events if may_see_event(game, index, event, viewer)]


def is_timeline_event(event: Event) -> bool:
    """Whether a log line says what happened (not a bookkeeping marker)."""
    return event.kind not in BOOKKEEPING_EVENTS


def may_read_brief(viewer: Viewer, side: Side) -> bool:
    """Whether ``viewer`` may read ``side``'s confidential brief (valuations, red lines, walk-away)."""
    return viewer is Audience.FACILITATOR or viewer is side
