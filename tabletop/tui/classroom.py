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
    """Which turn the round clock is at, and the turn a news item interrupted.

    Each move gets the whole timer: a new turn (a new key) starts a fresh countdown. News answered in the middle
    of a turn is a detour: once it is answered, the turn goes on with the time it had left when the news came
    (news in the middle of the statements, answered by a computer seat or by a team with its own countdown, does
    not give the side still to choose a fresh countdown).
    """

    key: tuple[Hashable, ...] | None = None
    news: bool = False
    """Whether the turn under way is a news item to answer."""
    detoured: tuple[tuple[Hashable, ...], int | None] | None = None
    """The turn left for the news: its key and its time left."""

    def switch(self, key: tuple[Hashable, ...], news: bool, remaining: int | None, timer: int | None) -> int | None:
        """The game is now at turn ``key``, news to answer if ``news`` (``remaining``: what the last turn had
        left); returns its time left."""
        if news and self.key is not None and not self.news:
            self.detoured = (self.key, remaining)
        was_news, self.key, self.news = self.news, key, news
        if news:
            return timer
        detoured, self.detoured = self.detoured, None
        if was_news and detoured is not None and detoured[0] == key:
            return detoured[1]
        return timer


__all__ = ["Classroom", "Countdowns"]
