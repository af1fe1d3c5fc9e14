"""The game's vocabulary: the sides, who moves a ladder, postures, messages, the kinds of inject,
how talks end, the answers to a forced choice.

Plain string enums used by every part of the engine (see :mod:`tabletop.engine.model`
for the scenario's values built from them).
"""

from __future__ import annotations

import enum


class Side(enum.StrEnum):
    """One of the two capitals at the table."""

    WASHINGTON = "washington"
    MOSCOW = "moscow"

    @property
    def other(self) -> Side:
        return Side.MOSCOW if self is Side.WASHINGTON else Side.WASHINGTON

    @property
    def title(self) -> str:  # type: ignore[override]  # the capital's name ("Washington") replaces str.title()
        return self.value.capitalize()


SIDES: tuple[Side, Side] = (Side.WASHINGTON, Side.MOSCOW)


class Mover(enum.StrEnum):
    """Who may move an irritant's ladder: one capital, or both together."""

    WASHINGTON = "washington"
    MOSCOW = "moscow"
    BOTH = "both"

    def includes(self, side: Side) -> bool:
        if self is Mover.BOTH:
            return True
        return (self is Mover.WASHINGTON) is (side is Side.WASHINGTON)


class Posture(enum.StrEnum):
    """A public statement's posture, chosen in secret and revealed together."""

    CONCILIATORY = "conciliatory"
    NEUTRAL = "neutral"
    HARDLINE = "hardline"


class Message(enum.StrEnum):
    """What a side tells an audience (Europe, Beijing) in a public address over the table's head."""

    REASSURE = "reassure"
    """The talks will not come at your expense."""
    SIGNAL = "signal"
    """We have other options (leaning on partners, courting another capital)."""


class InjectKind(enum.StrEnum):
    SCHEDULED = "scheduled"
    CONDITIONAL = "conditional"
    RANDOM = "random"
    CONTINGENCY = "contingency"


class InjectTarget(enum.StrEnum):
    WASHINGTON = "washington"
    MOSCOW = "moscow"
    BOTH = "both"


class EndReason(enum.StrEnum):
    CONCLUSION = "conclusion"
    DEADLINE = "deadline"
    COLLAPSE = "collapse"
    LAPSE = "lapse"
    """The talks faded: rounds without progress, a round cancelled, then silence."""


class Response(enum.StrEnum):
    """A side's answer to an inject that forces a choice."""

    RESPOND = "respond"
    ABSORB = "absorb"
