"""A game being played in the interface: the game, who sits in each seat, its autosave, and who hears of changes.

Every change to the game in play goes through :meth:`Session.apply`, whoever
makes it (a human at the table, a computer seat, the facilitator, the round
timer): the action is applied, autosaved, and announced to the session's host
(the app) as one :class:`~tabletop.tui.messages.GameChanged` message. The
screens never poll the game; they redraw when the change reaches them. When
saving fails the host also hears :class:`~tabletop.tui.messages.SavingFailed`,
and no further action is taken until the player has chosen what to do about it.
"""

from __future__ import annotations

import random

import attrs
from textual.message_pump import MessagePump

from tabletop.engine import actions as act
from tabletop.engine.effects import Event, EventKind
from tabletop.engine.game import HUMAN, Game
from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.opponents import STRATEGIES, Strategy, make_opponent
from tabletop.engine.views import player_visible
from tabletop.tui.autosave import Autosave, SavingHalted
from tabletop.tui.classroom import Classroom
from tabletop.tui.messages import GameChanged, SavingFailed


def new_seed() -> int:
    """A fresh random seed, short enough to read out to a class."""
    return random.SystemRandom().randrange(100_000, 1_000_000)


def seat_names() -> list[str]:
    """The choices for a seat: a human, or one of the computer strategies."""
    return [HUMAN, *STRATEGIES]


@attrs.frozen
class GameSetup:
    """What a new game needs: the scenario, who sits in each seat, the seed (None: a fresh one), a facilitator."""

    scenario: Scenario
    seats: dict[Side, str]
    seed: int | None = None
    classroom: Classroom | None = None
    show_opponent: bool = False
    """A trainer chose to show the players the computer opponent's style (hidden by default)."""


class Session:
    """Seats (human or a computer strategy), the game, the autosave, and the host told of every change."""

    def __init__(self, game: Game, autosave: Autosave | None = None, classroom: Classroom | None = None,
                 host: MessagePump | None = None, resumed: bool = False) -> None:
        self.game = game
        self.resumed = resumed
        """Loaded from a save (resumed or forked) rather than started here."""
        self.autosave = autosave or Autosave()
        self.classroom = classroom  # set when a facilitator runs the game: the console's passphrase and timer
        self.host = host
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

    show_opponent = False
    """Whether the players may see a computer opponent's style (a trainer's choice, kept in the save's header);
    hidden by default: the debrief reveals it."""

    def seat_label(self, side: Side) -> str:
        """``human``, or ``computer`` (its style named only when the trainer chose to show it)."""
        seat = self.game.seats.get(side, HUMAN)
        if seat == HUMAN:
            return "human"
        return f"computer ({seat})" if self.show_opponent else "computer"

    # -- news --------------------------------------------------------------

    def opening_flashes(self) -> list[Event]:
        """The news flashes to show when the table opens: every one of a new game; of a resumed game, at most
        the latest that may not have been seen (landed at or after the last move of a human seat).

        Earlier news was acknowledged before that move (a flash holds the game until it is), and stays in
        the log; replaying it as a chain of pop-ups only hides what the game waits for now.
        """
        game = self.game
        since = 0
        if self.resumed:
            since = max((n for n, action in enumerate(game.actions, 1)
                         if getattr(action, "side", None) in self.humans), default=0)
        flashes = [event for index, event in game.events
                   if index >= since and event.kind is EventKind.INJECT and player_visible(game, index, event)]
        return flashes[-1:] if self.resumed else flashes

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
        """Apply an action (raises IllegalAction, the game unchanged), autosave it and tell the host.

        While saving has failed and the player has not chosen what to do, every action is refused
        (:class:`SavingHalted`): a game never runs on unsaved without the player's say-so.
        """
        if self.autosave.halted:
            raise SavingHalted(f"Saving failed ({self.autosave.failed}): save elsewhere, retry or play on "
                               "unsaved first.")
        first = len(self.game.events)
        events = self.game.apply(action)
        self.autosave.append(self.game)
        if self.host is not None:
            self.host.post_message(GameChanged(action, self.game.state, tuple(self.game.events[first:]),
                                               len(self.game.actions)))
            if self.autosave.halted:
                self.host.post_message(SavingFailed())
        return events

    def decide(self, side: Side) -> act.Action:
        """The computer opponent's choice for ``side`` now."""
        return self.opponents[side].decide(self.game)


__all__ = ["GameSetup", "Session", "new_seed", "seat_names"]
