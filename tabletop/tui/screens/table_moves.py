"""The moves a human makes at the table: who may do what now, the actions, and the dialogs behind them.

Each move (see :mod:`tabletop.tui.screens.table_keys`) names the action kind
it needs; ``check_action`` hides the moves of other phases and greys out those
not legal right now, so the footer, the buttons and the command palette
(:class:`MovesCommands`) always show what may be done. Every answer, and every
choice a dialog lists, comes from the engine's :func:`~tabletop.engine.options.options`:
the table keeps no rule of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen

from tabletop.engine import actions
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import Posture, Response, Side
from tabletop.engine.options import SeatOptions, options
from tabletop.engine.state import GameState, Offer
from tabletop.tui.screens.dialogs import ChoiceScreen, ConfirmScreen, InjectChoiceScreen, TextScreen
from tabletop.tui.screens.offer import OfferBuilderScreen
from tabletop.tui.screens.process_dialogs import ProcessMoves
from tabletop.tui.screens.table_choices import (
    gesture_choices,
    renege_choices,
    renege_preview,
    retaliation_choices,
    walk_out_score,
)
from tabletop.tui.screens.table_keys import BY_ACTION, DEMO_ACTIONS, MOVES
from tabletop.tui.session import Session
from tabletop.tui.text import plain, side_name
from tabletop.tui.widgets.brief import confidential_brief

BY_KIND_ACCEPT = next(move.action_name for move in MOVES if move.kind == actions.Accept.kind)


class TableMoves(ProcessMoves, Screen[None]):
    """The table screen's moves: what a human may do now, and the actions (and dialogs) that do it."""

    viewer: reactive[Side | None] = reactive(None)
    """The side whose private view is on screen (None between hot-seat turns, and in a demonstration)."""
    paused: reactive[bool] = reactive(False)
    """The demonstration is paused (or, in a human game, a computer's move failed)."""

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.demo = session.is_demo
        self._dialogs: list[Screen[Any]] = []
        self._blocked = False
        """A dialog the game waits for is open (a news flash, a hand-over, an inject's forced choice)."""
        self._options: dict[Side, tuple[Game, GameState, SeatOptions]] = {}

    def act(self, action: actions.Action) -> bool:
        """Hand a move to the game; a refused move becomes a notification (and False)."""
        try:
            self.session.apply(action)
        except IllegalAction as error:
            self.notify(str(error), title="Not allowed", severity="warning", markup=False)
            return False
        return True

    # -- dialogs ---------------------------------------------------------------------

    def open_dialog(self, screen: Screen[Any], then: Callable[[Any], object], hold: bool = False) -> None:
        """Show a dialog over the table; ``then`` gets its result. With ``hold`` the game waits until it closes.

        The table carries on with the game when it is back on top (see ``on_screen_resume``).
        """
        self._dialogs.append(screen)
        self._blocked = self._blocked or hold

        def closed(result: Any) -> None:
            if screen in self._dialogs:
                self._dialogs.remove(screen)
            if hold:
                self._blocked = False
            then(result)

        self.app.push_screen(screen, closed)

    def close_dialogs(self) -> None:
        """Close the dialogs the table opened, if one is on top (a facilitator's screen over them stays)."""
        if self.app.screen in self._dialogs:
            self.pop_until_active()

    # -- who may do what ---------------------------------------------------------

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

    # -- statements and simple moves ----------------------------------------------

    def action_posture(self, posture: str) -> None:
        if (side := self.actor()) is not None:
            self.act(actions.Statement(side, Posture(posture)))

    def action_pass_turn(self) -> None:
        if (side := self.actor()) is not None:
            self.act(actions.Pass(side))

    def action_conclude(self) -> None:
        if (side := self.actor()) is not None:
            self.act(actions.ProposeConclude(side))

    def action_accept(self) -> None:
        if (side := self.actor()) is not None:
            self.act(actions.Accept(side))

    def action_reject(self) -> None:
        if (side := self.actor()) is not None:
            self.act(actions.Reject(side))

    def action_agree(self) -> None:
        if (side := self.actor()) is not None:
            self.act(actions.AgreeConclude(side))

    def action_decline(self) -> None:
        if (side := self.actor()) is not None:
            self.act(actions.DeclineConclude(side))

    def action_focus_log(self) -> None:
        self.query_one("#log").focus()

    # -- moves behind a dialog ---------------------------------------------------------

    def action_propose(self) -> None:
        self._build_offer(counter=False)

    def action_counter(self) -> None:
        self._build_offer(counter=True)

    def _build_offer(self, counter: bool) -> None:
        side = self.actor()
        if side is None:
            return
        base = self.session.game.state.offer if counter else None

        def send(offer: Offer | None) -> None:
            if offer is not None:
                self.act(actions.Counter(side, offer) if counter else actions.Propose(side, offer))

        self.open_dialog(OfferBuilderScreen(self.session, side, base, counter), send)

    def _choose(self, title: str, choices: list[tuple[Content, actions.Action]], empty: str,
                confirm: Callable[[actions.Action], Content] | None = None) -> None:
        if not choices:
            self.notify(empty, severity="warning")
            return

        def chosen(action: actions.Action | None) -> None:
            if action is None:
                return
            if confirm is None:
                self.act(action)
            else:
                self._confirm(confirm(action), lambda: self.act(action))

        self.open_dialog(ChoiceScreen(plain(title, "bold"), choices), chosen)

    def _confirm(self, question: Content, then: Callable[[], object]) -> None:
        self.open_dialog(ConfirmScreen(question), lambda yes: then() if yes else None)

    def action_gesture(self) -> None:
        side = self.actor()
        if side is None:
            return
        choices = gesture_choices(self.session.game, self.seat_options(side))
        self._choose("A gesture: move one of your irritants up, asking nothing", choices,
                     "You have no irritant of your own left to move up.")

    def action_retaliate(self) -> None:
        side = self.actor()
        if side is None:
            return
        choices = retaliation_choices(self.session.game, self.seat_options(side))
        self._choose("Retaliate: move one of your irritants down (costs trust)", choices,
                     "There is nothing you can move down.")

    def action_renege(self) -> None:
        side = self.actor()
        if side is None:
            return
        choices = renege_choices(self.session.game, self.seat_options(side))

        def question(action: actions.Action) -> Content:
            assert isinstance(action, actions.Renege)
            return Content.assemble(("Renege on an agreed deal?", "bold"), "\n\nIt undoes the concession and "
                                    "everything linked to it, costs heavy trust, some standing, and raises tension.",
                                    "\n\n", renege_preview(self.session.game, action))

        self._choose("Renege on one of your concessions", choices, "You have no concession to renege on.", question)

    def ask_inject(self, side: Side) -> None:
        """An inject forces ``side`` to choose: respond, or absorb the blow (the game waits for the answer)."""
        game = self.session.game
        inject = game.scenario.inject(game.state.pending[0])

        def answered(response: Response | None) -> None:
            if response is not None:  # None: closed without an answer (the round timer ran out)
                self.act(actions.RespondInject(side, inject.id, response))

        self.open_dialog(InjectChoiceScreen(inject, game.scenario), answered, hold=True)

    def action_walk_out(self) -> None:
        side = self.actor()
        if side is None:
            return
        game = self.session.game
        walk_out = actions.WalkOut(side)
        try:
            then = walk_out_score(game, side)
        except IllegalAction as error:
            self.notify(str(error), title="Not allowed", severity="warning", markup=False)
            return
        walk = game.scenario.sides[side].walk_away
        question = Content.assemble(("Walk out of the talks?", "bold"), "\n\n", side_name(self.session.name(side), side),
                                    f" leaves the table. The talks collapse and you score {then:.1f} "
                                    f"(your walk-away value is {walk:g}; your score now {game.score(side):.1f}).")
        self._confirm(question, lambda: self.act(walk_out))

    def action_brief(self) -> None:
        if self.viewer is not None:
            game = self.session.game
            self.open_dialog(TextScreen(confidential_brief(game.scenario, self.viewer, game.state.rungs)),
                             lambda _: None)


class MovesCommands(Provider):
    """The command palette's entries for the moves legal right now at the table."""

    def _moves(self) -> list[SystemCommand]:
        screen = self.screen
        return list(screen.palette_commands()) if isinstance(screen, TableMoves) else []

    async def discover(self) -> Hits:
        for command in self._moves():
            yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._moves():
            if (match := matcher.match(command.title)) > 0:
                yield Hit(match, matcher.highlight(command.title), command.callback, help=command.help)
