"""The round clock of one table on the class host: how long the seats due to move have left.

The host ticks it (``Table.tick``) after every change and on a beat; at zero,
the table passes for whoever is due (``Table.time_up``).
"""

from __future__ import annotations

from tabletop.engine.game import Game
from tabletop.engine.state import Phase


class TurnClock:
    """The round timer of one table, run by the host: it counts down for the human seats due to move.

    It starts again at the game's ``state.timer`` when a new turn begins: a new round, phase or side to move,
    a new news item to answer, a new timer. Statements are chosen by both sides at once, so their countdown runs
    from the phase's start whoever chooses first (a computer seat, or the other team); and a turn the game comes
    back to within the round (the statements, after a news item answered in their middle) goes on from where it
    stood. It stands still while the exercise is paused or a seat it would time is not connected (a table whose
    team dropped out waits).
    """

    def __init__(self) -> None:
        self.key: tuple | None = None
        self.since = 0.0
        self.remaining: float | None = None
        self._last = 0.0
        self._left: dict[tuple, tuple[float, float | None]] = {}
        """The turns of this round left for another (a news item in the statements): when each began, its time left."""

    @staticmethod
    def turn(game: Game) -> tuple:
        """What identifies a turn: a new value starts a new countdown."""
        state = game.state
        due = () if state.phase is Phase.STATEMENTS else game.awaiting()  # chosen together: not who is left
        pending = state.pending[:1] if state.phase is Phase.INJECT_RESPONSE else ()
        return state.round, state.phase, due, state.timer, pending, len(game.actions) == 0

    def observe(self, game: Game, runs: bool, now: float) -> None:
        key = self.turn(game)
        if key != self.key:
            if self.key is not None and self.key[0] == key[0]:
                self._left[self.key] = (self.since, self.remaining)
            else:
                self._left.clear()  # a new round: every turn starts afresh
            self.key, self._last = key, now
            timer = game.state.timer
            self.since, self.remaining = self._left.pop(key, (now, float(timer) if timer else None))
            return
        if runs and self.remaining is not None:
            self.remaining = max(0.0, self.remaining - (now - self._last))
        self._last = now

    def waiting(self, now: float) -> float:
        """Seconds since the table started waiting for its current move."""
        return now - self.since


__all__ = ["TurnClock"]
