"""The moves a human makes at the table: keys, buttons, palette entries, and the dialogs behind them.

Each move names the action kind it needs; ``check_action`` hides the moves of
other phases and greys out those not legal right now, so the footer, the
buttons and the command palette always show what may be done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import attrs
from textual.app import SystemCommand
from textual.binding import Binding
from textual.content import Content

from tabletop.engine import actions as act
from tabletop.engine.model import Mover, Posture, Side
from tabletop.engine.scoring import score
from tabletop.tui.text import plain, side_name, signed
from tabletop.tui.widgets.offer_panel import absolute_lines

if TYPE_CHECKING:
    from tabletop.tui.session import Session


@attrs.frozen
class Move:
    """A move at the table: its key, its action on the screen, and the action kind it needs."""

    name: str
    key: str
    label: str
    kind: str
    action: str
    variant: str = "default"
    help: str = ""

    @property
    def key_label(self) -> str:
        return self.key.split(",")[0]

    @property
    def action_name(self) -> str:
        return self.action.split("(")[0]

    @property
    def params(self) -> tuple[Any, ...]:
        if "(" not in self.action:
            return ()
        inner = self.action.split("(", 1)[1].rstrip(")")
        return (inner.strip("'\""),)


MOVES = [
    Move("conciliatory", "c", "Conciliatory", "statement", "posture('conciliatory')", "success",
         "Public statement: conciliatory (builds trust, costs a little standing)"),
    Move("neutral", "n", "Neutral", "statement", "posture('neutral')", "default", "Public statement: neutral"),
    Move("hardline", "h", "Hardline", "statement", "posture('hardline')", "error",
         "Public statement: hardline (costs trust, pleases hawks at home)"),
    Move("propose", "p", "Propose", "propose", "propose", "primary", "Build a package and put it on the table"),
    Move("gesture", "g", "Gesture", "gesture", "gesture", "success", "Move one of your own irritants up, asking nothing"),
    Move("retaliate", "r", "Retaliate", "retaliate", "retaliate", "error", "Move one of your irritants down"),
    Move("renege", "e", "Renege", "renege", "renege", "error", "Undo one of your concessions in an earlier deal"),
    Move("pass", "s", "Pass", "pass", "pass_turn", "default", "Do nothing this turn"),
    Move("conclude", "f", "Conclude", "propose_conclude", "conclude", "warning", "Propose to end the talks here"),
    Move("accept", "a", "Accept", "accept", "accept", "success", "Accept the package on the table"),
    Move("counter", "o", "Counter", "counter", "counter", "primary", "Answer with a package of your own"),
    Move("reject", "x", "Reject", "reject", "reject", "error", "Reject the package: talks close for this round"),
    Move("agree", "y", "Agree to conclude", "agree_conclude", "agree", "success", "End the talks now"),
    Move("decline", "n", "Keep talking", "decline_conclude", "decline", "primary", "Decline to conclude"),
    Move("walk_out", "w", "Walk out", "walk_out", "walk_out", "error", "Leave the table: the talks collapse"),
]
BY_ACTION = {move.action_name: move for move in MOVES}
DEMO_ACTIONS = {"pause", "step", "speed"}

TABLE_BINDINGS = [
    *[Binding(m.key, m.action, m.label, tooltip=m.help) for m in MOVES],
    Binding("b", "brief", "Brief", tooltip="Your confidential brief"),
    Binding("space", "pause", "Pause"),
    Binding("full_stop", "step", "Step"),
    Binding("plus,equals_sign", "speed(0.66)", "Faster"),
    Binding("minus", "speed(1.5)", "Slower"),
    Binding("l", "focus_log", "Log", show=False),
]


class TableMoves:
    """Mixin for the table screen: the human's moves and the rules for showing them."""

    session: Session
    viewer: Side | None
    demo: bool
    paused: bool

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
                                    lambda move=move: self.run_action(move.action))  # type: ignore[attr-defined]

    # -- statements and simple moves ----------------------------------------------

    def action_posture(self, posture: str) -> None:
        if (side := self.actor()) is not None:
            self.act(act.Statement(side, Posture(posture)))  # type: ignore[attr-defined]

    def action_pass_turn(self) -> None:
        if (side := self.actor()) is not None:
            self.act(act.Pass(side))  # type: ignore[attr-defined]

    def action_conclude(self) -> None:
        if (side := self.actor()) is not None:
            self.act(act.ProposeConclude(side))  # type: ignore[attr-defined]

    def action_accept(self) -> None:
        if (side := self.actor()) is not None:
            self.act(act.Accept(side))  # type: ignore[attr-defined]

    def action_reject(self) -> None:
        if (side := self.actor()) is not None:
            self.act(act.Reject(side))  # type: ignore[attr-defined]

    def action_agree(self) -> None:
        if (side := self.actor()) is not None:
            self.act(act.AgreeConclude(side))  # type: ignore[attr-defined]

    def action_decline(self) -> None:
        if (side := self.actor()) is not None:
            self.act(act.DeclineConclude(side))  # type: ignore[attr-defined]

    def action_focus_log(self) -> None:
        self.query_one("#log").focus()  # type: ignore[attr-defined]

    # -- moves behind a dialog ---------------------------------------------------------

    def action_propose(self) -> None:
        self._build_offer(counter=False)

    def action_counter(self) -> None:
        self._build_offer(counter=True)

    def _build_offer(self, counter: bool) -> None:
        from tabletop.tui.screens.offer import OfferBuilderScreen

        side = self.actor()
        if side is None:
            return
        base = self.session.game.state.offer if counter else None

        def send(offer) -> None:
            if offer is not None:
                self.act(act.Counter(side, offer) if counter else act.Propose(side, offer))  # type: ignore[attr-defined]

        self.app.push_screen(OfferBuilderScreen(self.session, side, base, counter), send)  # type: ignore[attr-defined]

    def _score_change(self, side: Side, irritant_id: str, to: int) -> str:
        game = self.session.game
        rungs = list(game.state.rungs)
        rungs[game.scenario.position[irritant_id]] = to
        return signed(score(game.scenario, side, rungs) - game.score(side))

    def _choose(self, title: str, choices: list[tuple[Content, act.Action]], empty: str,
                confirm: Callable[[act.Action], Content] | None = None) -> None:
        from tabletop.tui.screens.dialogs import ChoiceScreen

        if not choices:
            self.notify(empty, severity="warning")  # type: ignore[attr-defined]
            return

        def chosen(action: act.Action | None) -> None:
            if action is None:
                return
            if confirm is None:
                self.act(action)  # type: ignore[attr-defined]
            else:
                self._confirm(confirm(action), lambda: self.act(action))  # type: ignore[attr-defined]

        self.app.push_screen(ChoiceScreen(plain(title, "bold"), choices), chosen)  # type: ignore[attr-defined]

    def _confirm(self, question: Content, then: Callable[[], object]) -> None:
        from tabletop.tui.screens.dialogs import ConfirmScreen

        self.app.push_screen(ConfirmScreen(question), lambda yes: then() if yes else None)  # type: ignore[attr-defined]

    def action_gesture(self) -> None:
        side = self.actor()
        if side is None:
            return
        scenario = self.session.game.scenario
        choices = []
        for n, irritant in enumerate(scenario.irritants):
            if irritant.mover.value != side.value:
                continue
            red = scenario.valuation(side, irritant.id).red_line
            ceiling = red.rung if red is not None and red.absolute else irritant.top
            for to in range(self.session.game.state.rungs[n] + 1, ceiling + 1):
                label = Content.assemble(plain(irritant.name, "bold"), " → ", plain(irritant.rungs[to]),
                                         plain(f"   your score {self._score_change(side, irritant.id, to)}", "dim"))
                choices.append((label, act.Gesture(side, irritant.id, to)))
        self._choose("A gesture: move one of your irritants up, asking nothing", choices,
                     "You have no irritant of your own left to move up.")

    def action_retaliate(self) -> None:
        side = self.actor()
        if side is None:
            return
        game = self.session.game
        choices = []
        for n, irritant in enumerate(game.scenario.irritants):
            if not (irritant.mover.value == side.value or irritant.mover is Mover.BOTH):
                continue
            for to in range(game.state.rungs[n] - 1, -1, -1):
                action = act.Retaliate(side, irritant.id, to)
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
        choices = []
        for deal in game.state.deals:
            for concession in deal.offer.concessions:
                action = act.Renege(side, deal.number, concession.irritant)
                if concession.irritant in deal.undone or not game.is_legal(action):
                    continue
                group = sorted(deal.offer.linked_to(concession.irritant) - set(deal.undone))
                names = ", ".join(scenario.irritant(i).name for i in group)
                label = Content.assemble((f"Deal {deal.number} (round {deal.round}): ", "bold"),
                                         plain(f"undo {names}"))
                choices.append((label, action))

        def question(action: act.Action) -> Content:
            return Content.assemble(("Renege on an agreed deal?", "bold"), "\n\nIt undoes the concession and "
                                    "everything linked to it, costs heavy trust, some standing, and raises tension.")

        self._choose("Renege on one of your concessions", choices, "You have no concession to renege on.", question)

    def action_walk_out(self) -> None:
        side = self.actor()
        if side is None:
            return
        penalty = self.session.game.scenario.rules.collapse_penalty
        question = Content.assemble(("Walk out of the talks?", "bold"), "\n\n", side_name(self.session.name(side), side),
                                    f" leaves the table. The talks collapse and you score your walk-away value "
                                    f"minus {2 * penalty:g} (double the collapse penalty).")
        self._confirm(question, lambda: self.act(act.WalkOut(side)))  # type: ignore[attr-defined]

    def action_brief(self) -> None:
        from tabletop.tui.screens.dialogs import TextScreen
        from tabletop.tui.widgets.brief import confidential_brief

        if self.viewer is not None:
            game = self.session.game
            self.app.push_screen(TextScreen(confidential_brief(game.scenario, self.viewer, game.state.rungs)))  # type: ignore[attr-defined]
