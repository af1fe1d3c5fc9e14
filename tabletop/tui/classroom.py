"""Classroom mode: the facilitator's settings, and what the players may see of the white cell's work.

A game run by a facilitator (the exercise's white cell) carries a
:class:`Classroom`: an optional passphrase for the console and the round
timer to set at the start. Everything the facilitator does is an engine
action applied through the game's session (so it is autosaved and every
screen redraws), and what players see is filtered by :func:`player_visible`:
notes and the holding or skipping of injects stay in the log, off the players' screens.
"""

from __future__ import annotations

import hmac

import attrs

from tabletop.engine import actions as act
from tabletop.engine.game import Game
from tabletop.engine.views import HIDDEN_ACTIONS, player_visible  # the engine decides who sees what

TIMER_MIN, TIMER_MAX = 10, 7200


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
        """Set the round timer at the start of a new game, as an action in its log."""
        seconds = self.start_seconds(game)
        if seconds and game.state.timer != seconds:
            game.apply(act.SetTimer(seconds))

    @classmethod
    def detect(cls, game: Game) -> Classroom | None:
        """A resumed game had a facilitator if its log holds any facilitator action (passphrases are never saved)."""
        if any(action.by_facilitator for action in game.actions):
            return cls(timer=game.state.timer or 0)
        return None


def timer_problem(seconds: int) -> str:
    """Why ``seconds`` is not a valid round timer ("" when it is; 0 turns the timer off)."""
    if seconds != 0 and not TIMER_MIN <= seconds <= TIMER_MAX:
        return f"a round timer runs from {TIMER_MIN} to {TIMER_MAX} seconds (0 for none)"
    return ""


__all__ = ["Classroom", "HIDDEN_ACTIONS", "TIMER_MAX", "TIMER_MIN", "player_visible", "timer_problem"]
