"""Computer opponents: seven strategies, each deterministic for a game's seed.

``make_opponent(name, side, seed)`` builds one; ``opponent.decide(game)``
returns the action it takes when the game is waiting for its side. It decides
from its own side's :class:`PlayerView` only, and learns the other side from
the public record (:mod:`.model`). The scripted students (:mod:`.students`,
:mod:`.taught`) are built the same way, by name, for measuring balance.
"""

from __future__ import annotations

from tabletop.engine.model import Side
from tabletop.engine.opponents.strategies import STRATEGIES, Strategy
from tabletop.engine.opponents.student_lines import STUDENTS
from tabletop.engine.opponents.view import PlayerView


class UnknownStrategy(LookupError):
    """A strategy name that is neither a computer opponent nor a scripted student."""


def make_opponent(name: str, side: Side, seed: int) -> Strategy:
    """The computer opponent called ``name`` playing ``side`` in a game with ``seed``."""
    try:
        cls = STRATEGIES[name] if name in STRATEGIES else STUDENTS[name]
    except KeyError:
        raise UnknownStrategy(
            f"unknown strategy {name!r}: expected one of {', '.join(STRATEGIES)}"
        ) from None
    return cls(side, seed)


def describe(name: str) -> str:
    """The paragraph a player reads about a strategy (its docstring, unwrapped)."""
    doc = STRATEGIES[name].__doc__ or ""
    return " ".join(doc.split())


__all__ = ["STRATEGIES", "STUDENTS", "PlayerView", "Strategy", "UnknownStrategy", "describe", "make_opponent"]
