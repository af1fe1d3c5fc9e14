"""The round clock of one table on the class host: how long the seats due to move have left.

The host ticks it (``Table.tick``) after every change and on a beat; at zero,
the table passes for whoever is due (``Table.time_up``).
"""

from __future__ import annotations

from tabletop.engine.actions import RespondInject, TimeUp
from tabletop.engine.game import Game
from tabletop.engine.state import Phase


def moves_made(game: Game) -> int:
    """How many moves the sides have made (a turn passed at zero included): a new move is a new turn.

    Answers to news and the facilitator's other controls are not moves: a turn the game comes back to after
    them (news answered in its middle) is the same turn.
    """
    return sum(1 for action in game.actions
               if (not action.by_facilitator or isinstance(action, TimeUp)) and not isinstance(action, RespondInject))


class TurnClock:
    """The round timer of one table, run by the host: it counts down for the human seats due to move.

    Each move gets the whole of the game's ``state.timer``: the countdown starts again when a new turn begins (a
    new round, phase, side to move or move made, a new news item to answer, a new timer). Statements are chosen
    by both sides at once, so their countdown runs from the phase's start whoever chooses first (a computer seat,
    or the other team). News answered in the middle of a turn is a detour: the turn goes on from where it stood
    when the news came. It stands still while the exercise is paused or a seat it would time is not connected (a
    table whose team dropped out waits).
    """

    def __init__(self) -> None:
        self.key: tuple | None = None
        self.since = 0.0
        self.remaining: float | None = None
        self._last = 0.0
        self._detoured: tuple[tuple, float, float | None] | None = None
        """The turn left for news to answer: its key, when it began, its time left."""

    @staticmethod
    def turn(game: Game) -> tuple:
        """What identifies a turn: a new value starts a new countdown."""
        state = game.state
        if state.phase is Phase.STATEMENTS:  # chosen together: not who is left, nor who has chosen
            due: tuple = ()
            moves = -1
        else:
            due, moves = game.awaiting(), moves_made(game)
        pending = state.pending[:1] if state.phase is Phase.INJECT_RESPONSE else ()
        return state.round, state.phase, due, state.timer, pending, moves, len(game.actions) == 0

    def observe(self, game: Game, runs: bool, now: float) -> None:
        key = self.turn(game)
        if key != self.key:
            self._switch(key, game.state.timer, now)
            return
        if runs and self.remaining is not None:
            self.remaining = max(0.0, self.remaining - (now - self._last))
        self._last = now

    def _switch(self, key: tuple, timer: int | None, now: float) -> None:
        """The game is at a new turn: a fresh countdown, or the one a news item interrupted."""
        news = key[1] is Phase.INJECT_RESPONSE
        was_news = self.key is not None and self.key[1] is Phase.INJECT_RESPONSE
        if news and self.key is not None and not was_news:
            self._detoured = (self.key, self.since, self.remaining)  # left in the middle for the news
        self.key, self._last = key, now
        self.since, self.remaining = now, (float(timer) if timer else None)
        if not news:
            detoured, self._detoured = self._detoured, None
            if was_news and detoured is not None and detoured[0] == key:
                self.since, self.remaining = detoured[1], detoured[2]

    def waiting(self, now: float) -> float:
        """Seconds since the table started waiting for its current move."""
        return now - self.since


__all__ = ["TurnClock", "moves_made"]
