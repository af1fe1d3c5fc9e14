"""A game being played in the interface: the game, who sits in each seat, and its autosave.

No Textual here: the screens ask the session whose turn it is, hand it actions
and redraw from ``session.game.state``.
"""

from __future__ import annotations

from tabletop.engine import actions as act
from tabletop.engine.game import HUMAN, Game
from tabletop.engine.model import SIDES, Side
from tabletop.engine.opponents import Strategy, make_opponent
from tabletop.engine.rules import Event
from tabletop.tui.autosave import Autosave
from tabletop.tui.classroom import Classroom


class Session:
    """Seats (human or a computer strategy), the game, and the autosave."""

    def __init__(self, game: Game, autosave: Autosave | None = None, classroom: Classroom | None = None) -> None:
        self.game = game
        self.autosave = autosave or Autosave()
        self.classroom = classroom  # set when a facilitator runs the game: the console's passphrase and timer
        self.opponents: dict[Side, Strategy] = {
            side: make_opponent(name, side, game.seed)
            for side, name in game.seats.items() if name != HUMAN
        }

    # -- seats -------------------------------------------------------------

    @property
    def humans(self) -> tuple[Side, ...]:
        return tuple(side for side in SIDES if self.game.seats.get(side, HUMAN) == HUMAN)

    @property
    def is_demo(self) -> bool:
        """Both seats are computers: the game plays itself."""
        return not self.humans

    @property
    def is_hotseat(self) -> bool:
        """Two people share one keyboard: private briefs need a hand-over between turns."""
        return len(self.humans) == 2

    def is_human(self, side: Side) -> bool:
        return side in self.humans

    def name(self, side: Side) -> str:
        return self.game.scenario.sides[side].name

    def seat_label(self, side: Side) -> str:
        seat = self.game.seats.get(side, HUMAN)
        return "human" if seat == HUMAN else f"computer ({seat})"

    # -- turns -------------------------------------------------------------

    def next_side(self) -> Side | None:
        """The side whose decision comes next (humans before computers when both are awaited)."""
        waiting = self.game.awaiting()
        for side in waiting:
            if self.is_human(side):
                return side
        return waiting[0] if waiting else None

    def legal(self, side: Side | None) -> set[str]:
        if side is None or self.game.is_over:
            return set()
        return set(self.game.legal_kinds(side))

    def apply(self, action: act.Action) -> list[Event]:
        """Apply an action (raises IllegalAction, the game unchanged) and autosave it."""
        events = self.game.apply(action)
        self.autosave.append(self.game)
        return events

    def decide(self, side: Side) -> act.Action:
        """The computer opponent's choice for ``side`` now."""
        return self.opponents[side].decide(self.game)
