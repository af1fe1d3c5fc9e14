"""Classroom mode: the facilitator's settings, and what the players may see of the white cell's work.

A game run by a facilitator (the exercise's white cell) carries a
:class:`Classroom`: an optional passphrase for the console and the round
timer to set at the start. Everything the facilitator does is an engine
action applied through the game's session (so it is autosaved and every
screen redraws). What players see of it, and the timer's range, are the
engine's rules (:mod:`tabletop.engine.views`, :func:`tabletop.engine.model.timer_problem`).
"""

from __future__ import annotations

import hmac
from collections.abc import Hashable

import attrs

from tabletop.engine import actions as act
from tabletop.engine.game import Game


@attrs.define
class Classroom:
    """A facilitator runs this game: the console's passphrase and the round timer to start with.

    ``timer`` is seconds; None means the scenario's own ``rules.round_timer``
    and 0 means no timer.
    """

    passphrase: str = ""
    timer: int | None = None

    def unlocks(self, attempt: str) -> bool:
        """Whether ``attempt`` opens the console (always, without a passphrase)."""
        if not self.passphrase:
            return True
        return hmac.compare_digest(attempt.encode(), self.passphrase.encode())

    def start_seconds(self, game: Game) -> int:
        """The round timer this game starts with (0: none)."""
        if self.timer is None:
            return game.scenario.rules.round_timer or 0
        return self.timer

    def start(self, game: Game) -> None:
        """Set the round timer at the start of a new game, as an action in its log, even when it is none.

        That first facilitator action is what tells a resumed game it had a facilitator (see :meth:`detect`):
        an unsigned save (no passphrase, no class key file) carries nothing else that says so.
        """
        game.apply(act.SetTimer(self.start_seconds(game)))

    @classmethod
    def detect(cls, game: Game, passphrase: str = "", signed: bool = False) -> Classroom | None:
        """The facilitator of a resumed game, if it had one: its save is signed or its log holds a facilitator action.

        Passphrases are never saved: ``passphrase`` is the one asked again on resuming, and locks the console again.
        """
        if signed or passphrase or any(action.by_facilitator for action in game.actions):
            return cls(passphrase=passphrase, timer=game.state.timer or 0)
        return None


@attrs.define
class Countdowns:
    """The turns of the round under way, and the time each had left when the game went on to another.

    A turn the game comes back to within the round goes on from where it stood: news answered in the middle of
    the statements (by a computer seat, or by a team with its own countdown) does not give the side still to
    choose a fresh countdown. A turn's key starts with its round; a new round forgets the turns of the last.
    """

    key: tuple[Hashable, ...] | None = None
    left: dict[tuple[Hashable, ...], int | None] = attrs.field(factory=dict)

    def switch(self, key: tuple[Hashable, ...], remaining: int | None, timer: int | None) -> int | None:
        """The game is now at turn ``key`` (``remaining``: what the last turn had left); returns its time left."""
        if self.key is not None and self.key[:1] == key[:1]:
            self.left[self.key] = remaining
        else:
            self.left.clear()
        self.key = key
        return self.left.pop(key, timer)


__all__ = ["Classroom", "Countdowns"]
