"""What a human may do at the table now: the moves the footer, the buttons and the command palette offer.

Each move (see :mod:`tabletop.tui.screens.table_keys`) names the action kind
it needs; ``check_action`` hides the moves of other phases and greys out those
not legal right now, so the footer, the buttons and the command palette
(:class:`MovesCommands`) always show what may be done. The answer is the
engine's :func:`~tabletop.engine.options.options`, asked once per state: the
table keeps no rule of its own. The moves themselves are in
:mod:`tabletop.tui.screens.table_moves`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.reactive import reactive
from textual.screen import Screen

from tabletop.engine import actions
from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.options import SeatOptions, options
from tabletop.engine.state import GameState
from tabletop.tui.screens.table_keys import BY_ACTION, DEMO_ACTIONS, MOVES
from tabletop.tui.session import Session

BY_KIND_ACCEPT = next(move.action_name for move in MOVES if move.kind == actions.Accept.kind)


class LegalMoves(Screen[None]):
    """The table screen's seat: whose view is on screen, and which moves it may make now."""

    viewer: reactive[Side | None] = reactive(None)
    """The side whose private view is on screen (None between hot-seat turns, and in a demonstration)."""
    paused: reactive[bool] = reactive(False)
    """The demonstration is paused (or, in a human game, a computer's move failed)."""

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.demo = session.is_demo
        self._options: dict[Side, tuple[Game, GameState, SeatOptions]] = {}

    def actor(self) -> Side | None:
        """The human side that may act now: the viewer, when the game awaits them."""
        viewer = self.viewer
        if viewer is None or not self.session.is_human(viewer) or self.session.game.is_over:
            return None
        return viewer

    def seat_options(self, side: Side) -> SeatOptions:
        """The engine's answer to "what may ``side`` do now", asked once per state (``check_action`` asks often)."""
        game = self.session.game
        known = self._options.get(side)
        if known is not None and known[0] is game and known[1] is game.state:
            return known[2]
        answer = options(game, side)
        self._options[side] = (game, game.state, answer)
        return answer

    def covered(self) -> bool:
        """A dialog or another screen is on top: the table's keys do nothing until it is back."""
        return self.is_attached and self.app.screen is not self

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer (and the keys) offer exactly what works now: nothing under a dialog, no greyed-out move."""
        if action in DEMO_ACTIONS:
            return (self.demo or self.paused) and not self.covered()  # a human game pauses when a computer move failed
        if action == "brief":
            return self.viewer is not None and not self.covered()
        if action not in BY_ACTION:
            return True
        if self.covered():
            return False
        state = self.move_state(action, parameters)
        if state is None and action == BY_KIND_ACCEPT and self.can_answer():
            return None  # the engine refuses this acceptance and the offer panel says why: shown, greyed out
        return state is True

    def move_state(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A move's button: True to press, None shown greyed out (its phase, not legal now), False hidden."""
        move = BY_ACTION[action]
        game = self.session.game
        if game.is_over:
            return False
        waiting = game.awaiting()
        actor = self.actor()
        seat = self.seat_options(actor) if actor is not None else None
        mine = seat.kinds if seat is not None else frozenset()
        if move.kind == actions.WalkOut.kind:
            return True if move.kind in mine else (None if not self.demo else False)
        if seat is not None and actor in waiting:
            if move.kind in mine:
                return None if self._nothing_to_move(move.kind, seat) else True
            if move.kind == actions.Accept.kind and seat.accept_refusal:
                return None  # refused (the offer panel says why): shown, greyed out
        # Another human's moves show greyed (hot-seat); a computer's answer is never offered to the human waiting on it.
        anyone = set().union(*(self.seat_options(side).kinds for side in waiting if self.session.is_human(side)))
        return None if move.kind in anyone and not self.demo else False

    @staticmethod
    def _nothing_to_move(kind: str, seat: SeatOptions) -> bool:
        """The phase allows the move, but the engine lists no irritant (or deal) it could be made on."""
        lists = {actions.Gesture.kind: seat.gestures, actions.Retaliate.kind: seat.retaliations,
                 actions.Renege.kind: seat.reneges}
        return kind in lists and not lists[kind]

    def can_answer(self) -> bool:
        """The actor is due to answer a package it may not accept (the engine's refusal is on the panel)."""
        side = self.actor()
        return side is not None and side in self.session.game.awaiting() and bool(self.seat_options(side).accept_refusal)

    def can_accept(self) -> bool:
        """Whether the engine lets the actor accept the package on the table now."""
        side = self.actor()
        return side is not None and self.seat_options(side).may_accept

    def palette_commands(self) -> Iterator[SystemCommand]:
        """The moves legal right now, for the command palette."""
        for move in MOVES:
            if self.move_state(move.action_name, move.params) is True:  # the palette itself covers the table
                yield SystemCommand(f"{move.label} ({move.key_label})", move.help,
                                    lambda move=move: self.run_action(move.action))


class MovesCommands(Provider):
    """The command palette's entries for the moves legal right now at the table."""

    def _moves(self) -> list[SystemCommand]:
        screen = self.screen
        return list(screen.palette_commands()) if isinstance(screen, LegalMoves) else []

    async def discover(self) -> Hits:
        for command in self._moves():
            yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._moves():
            if (match := matcher.match(command.title)) > 0:
                yield Hit(match, matcher.highlight(command.title), command.callback, help=command.help)


__all__ = ["BY_KIND_ACCEPT", "LegalMoves", "MovesCommands"]
