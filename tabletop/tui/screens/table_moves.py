"""The moves a human makes at the table: the actions, and the dialogs behind them.

Which moves may be made now (the footer, the buttons, the command palette) is
:mod:`tabletop.tui.screens.table_legal`'s; each move here checks that its seat
may act and hands the action to the game. Every choice a dialog lists comes from
the engine (:func:`~tabletop.engine.options.options`, through
:mod:`tabletop.tui.screens.table_choices`): the table keeps no rule of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.content import Content
from textual.screen import Screen

from tabletop.engine import actions
from tabletop.engine.game import IllegalAction
from tabletop.engine.model import Posture, Response, Side
from tabletop.engine.state import Offer
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
from tabletop.tui.screens.table_legal import LegalMoves
from tabletop.tui.session import Session
from tabletop.tui.text import plain, side_name
from tabletop.tui.widgets.brief import confidential_brief


class TableMoves(ProcessMoves, LegalMoves):
    """The table screen's moves: the actions a human makes, and the dialogs behind them."""

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__(session, **kwargs)
        self._dialogs: list[Screen[Any]] = []
        self._blocked = False
        """A dialog the game waits for is open (a news flash, a hand-over, an inject's forced choice)."""

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


__all__ = ["TableMoves"]
