"""The moves a human makes at the table: who may do what now, the actions, and the dialogs behind them.

Each move (see :mod:`tabletop.tui.screens.table_keys`) names the action kind
it needs; ``check_action`` hides the moves of other phases and greys out those
not legal right now, so the footer, the buttons and the command palette
(:class:`MovesCommands`) always show what may be done.
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
from tabletop.engine.game import IllegalAction
from tabletop.engine.model import Mover, Posture, Response, Side
from tabletop.engine.scoring import score
from tabletop.engine.state import Offer
from tabletop.tui.screens.dialogs import ChoiceScreen, ConfirmScreen, InjectChoiceScreen, TextScreen
from tabletop.tui.screens.offer import OfferBuilderScreen
from tabletop.tui.screens.table_keys import BY_ACTION, DEMO_ACTIONS, MOVES
from tabletop.tui.session import Session
from tabletop.tui.text import plain, side_name, signed
from tabletop.tui.widgets.brief import confidential_brief
from tabletop.tui.widgets.offer_panel import absolute_lines


class TableMoves(Screen[None]):
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in DEMO_ACTIONS:
            return self.demo or self.paused  # a human game pauses only when a computer move failed
        if action == "brief":
            return self.viewer is not None
        move = BY_ACTION.get(action)
        if move is None:
            return True
        game = self.session.game
        if game.is_over:
            return False
        waiting = game.awaiting()
        actor = self.actor()
        mine = self.session.legal(actor) if actor is not None else set()
        if move.kind == "walk_out":
            return True if "walk_out" in mine else (None if not self.demo else False)
        if move.kind in mine and (actor in waiting):
            if move.kind == "accept" and not self.can_accept():
                return None  # the package crosses one of my absolute red lines
            return True
        anyone = set().union(*(self.session.legal(side) for side in waiting)) if waiting else set()
        return None if move.kind in anyone and not self.demo else False

    def can_accept(self) -> bool:
        """Whether the package on the table is within the actor's absolute red lines."""
        side = self.actor()
        offer = self.session.game.state.offer
        return side is not None and offer is not None and not absolute_lines(self.session.game.scenario, side, offer)

    def palette_commands(self) -> Iterator[SystemCommand]:
        """The moves legal right now, for the command palette."""
        for move in MOVES:
            if self.check_action(move.action_name, move.params) is True:
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

    def _score_change(self, side: Side, irritant_id: str, to: int) -> str:
        game = self.session.game
        rungs = list(game.state.rungs)
        rungs[game.scenario.position[irritant_id]] = to
        return signed(score(game.scenario, side, rungs) - game.score(side))

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
        scenario = self.session.game.scenario
        choices: list[tuple[Content, actions.Action]] = []
        for n, irritant in enumerate(scenario.irritants):
            if irritant.mover.value != side.value:
                continue
            red = scenario.valuation(side, irritant.id).red_line
            ceiling = red.rung if red is not None and red.absolute else irritant.top
            for to in range(self.session.game.state.rungs[n] + 1, ceiling + 1):
                label = Content.assemble(plain(irritant.name, "bold"), " → ", plain(irritant.rungs[to]),
                                         plain(f"   your score {self._score_change(side, irritant.id, to)}", "dim"))
                choices.append((label, actions.Gesture(side, irritant.id, to)))
        self._choose("A gesture: move one of your irritants up, asking nothing", choices,
                     "You have no irritant of your own left to move up.")

    def action_retaliate(self) -> None:
        side = self.actor()
        if side is None:
            return
        game = self.session.game
        choices: list[tuple[Content, actions.Action]] = []
        for n, irritant in enumerate(game.scenario.irritants):
            if not (irritant.mover.value == side.value or irritant.mover is Mover.BOTH):
                continue
            for to in range(game.state.rungs[n] - 1, -1, -1):
                action = actions.Retaliate(side, irritant.id, to)
                if game.is_legal(action):
                    label = Content.assemble(plain(irritant.name, "bold"), " ↓ ", plain(irritant.rungs[to]))
                    choices.append((label, action))
        self._choose("Retaliate: move one of your irritants down (costs trust)", choices,
                     "There is nothing you can move down.")

    def action_renege(self) -> None:
        side = self.actor()
        if side is None:
            return
        game = self.session.game
        scenario = game.scenario
        choices: list[tuple[Content, actions.Action]] = []
        for deal in game.state.deals:
            for concession in deal.offer.concessions:
                action = actions.Renege(side, deal.number, concession.irritant)
                if concession.irritant in deal.undone or not game.is_legal(action):
                    continue
                group = sorted(deal.offer.linked_to(concession.irritant) - set(deal.undone))
                names = ", ".join(scenario.irritant(i).name for i in group)
                label = Content.assemble((f"Deal {deal.number} (round {deal.round}): ", "bold"),
                                         plain(f"undo {names}"))
                choices.append((label, action))

        def question(action: actions.Action) -> Content:
            return Content.assemble(("Renege on an agreed deal?", "bold"), "\n\nIt undoes the concession and "
                                    "everything linked to it, costs heavy trust, some standing, and raises tension.")

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
        penalty = self.session.game.scenario.rules.collapse_penalty
        question = Content.assemble(("Walk out of the talks?", "bold"), "\n\n", side_name(self.session.name(side), side),
                                    f" leaves the table. The talks collapse and you score your walk-away value "
                                    f"minus {2 * penalty:g} (double the collapse penalty).")
        self._confirm(question, lambda: self.act(actions.WalkOut(side)))

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
