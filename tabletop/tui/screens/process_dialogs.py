"""The table's process moves and their small dialogs: ask, state priorities, a MESO, pick one, an address.

Each move's key opens a dialog whose choices come from the engine's
:func:`~tabletop.engine.process_options.process_options` (sets of equal
packages it accepts, the packages of a set on the table with what each brings
this side, the addresses open with what each does); the table keeps no rule of
its own. The table's moves screen takes these actions from :class:`ProcessMoves`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tabletop.engine import actions
from tabletop.engine.effects import describe_offer
from tabletop.engine.model import Side
from tabletop.engine.process import MESO_TOLERANCE
from tabletop.engine.process_options import ProcessOptions, process_options
from tabletop.tui.screens.dialogs import ChoiceScreen
from tabletop.tui.text import plain, signed

if TYPE_CHECKING:
    from tabletop.tui.session import Session


class RankingScreen(ModalScreen[tuple[str, ...] | None]):
    """State which irritants matter most to you: pick them in order (Enter adds or takes one back), then say it.

    True or not: what you say is public, the truth stays in your brief. Answering a question, you may also
    decline to say. Dismissed with the ranking (empty: declined), or None when cancelled.
    """

    BINDINGS = [Binding("s", "say", "Say it"), Binding("d", "decline", "Decline to say"),
                Binding("escape", "cancel", "Cancel")]

    def __init__(self, irritants: tuple[tuple[str, str], ...], answering: bool, asked_by: str) -> None:
        super().__init__(classes="dialog")
        self.irritants = irritants
        self.answering = answering
        self.asked_by = asked_by
        self.ranking: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            title = (f"{self.asked_by} asks which irritants matter most to you" if self.answering
                     else "State which irritants matter most to you")
            yield Static(plain(title, "bold"), classes="dialog-title")
            yield Static(plain("Pick them most important first. What you say is public and need not be true; "
                               "your brief stays private.", "dim"), classes="dialog-note")
            yield OptionList(*[Option(Content(name), id=irritant) for irritant, name in self.irritants],
                             id="irritants", markup=False)
            yield Static(self._said(), id="ranking")
            hint = "↑↓ choose · Enter add/take back · s say it" + (" · d decline to say" if self.answering else "")
            yield Static(plain(hint + " · Esc cancel", "dim"), classes="dialog-hint")

    def _said(self) -> Content:
        names = dict(self.irritants)
        if not self.ranking:
            return plain("You will say: nothing yet.", "italic")
        return Content.assemble(plain("You will say: ", "bold"), plain(", then ".join(names[i] for i in self.ranking)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "decline":
            return self.answering
        if action == "say":
            return bool(self.ranking) or None
        return True

    @on(OptionList.OptionSelected, "#irritants")
    def toggled(self, event: OptionList.OptionSelected) -> None:
        irritant = event.option.id
        assert irritant is not None
        if irritant in self.ranking:
            self.ranking.remove(irritant)
        else:
            self.ranking.append(irritant)
        self.query_one("#ranking", Static).update(self._said())
        self.refresh_bindings()

    def action_say(self) -> None:
        if self.ranking:
            self.dismiss(tuple(self.ranking))

    def action_decline(self) -> None:
        if self.answering:
            self.dismiss(())

    def action_cancel(self) -> None:
        self.dismiss(None)


class ProcessMoves:
    """The process moves of the table's moves screen (a mixin of :class:`~tabletop.tui.screens.table_moves.TableMoves`)."""

    if TYPE_CHECKING:  # provided by the table's moves screen
        session: Session

        def actor(self) -> Side | None: ...
        def act(self, action: actions.Action) -> bool: ...
        def open_dialog(self, screen: Screen[Any], then: Callable[[Any], object], hold: bool = False) -> None: ...
        def notify(self, message: str, *, title: str = "", severity: Any = "information",
                   timeout: float | None = None, markup: bool = True) -> None: ...

    def _process(self) -> tuple[Side, ProcessOptions] | None:
        side = self.actor()
        if side is None:
            return None
        return side, process_options(self.session.game, side)

    def action_ask_priorities(self) -> None:
        if (side := self.actor()) is not None:
            self.act(actions.AskPriorities(side))

    def action_disclose(self) -> None:
        found = self._process()
        if found is None:
            return
        side, seat = found

        def said(ranking: tuple[str, ...] | None) -> None:
            if ranking is not None:
                self.act(actions.DisclosePriorities(side, ranking))

        asked_by = self.session.game.scenario.sides[side.other].name
        self.open_dialog(RankingScreen(seat.irritants, seat.answering, asked_by), said)

    def _pick_from(self, title: str, choices: list[tuple[Content, actions.Action]], note: str = "") -> None:
        def chosen(action: actions.Action | None) -> None:
            if action is not None:
                self.act(action)

        self.open_dialog(ChoiceScreen(plain(title, "bold"), choices, plain(note, "dim") if note else None), chosen)

    def action_meso(self) -> None:
        found = self._process()
        if found is None:
            return
        side, seat = found
        if not seat.sets:
            self.notify("No set of simple packages of equal value to you is open now: propose one package instead.",
                        severity="warning")
            return
        scenario = self.session.game.scenario
        choices: list[tuple[Content, actions.Action]] = []
        for offers, value in zip(seat.sets, seat.set_values):
            lines = [plain(f"{len(offers)} packages, each {signed(value)} for you", "bold")]
            lines += [plain(f"\n  ({n}) {describe_offer(scenario, offer)}") for n, offer in enumerate(offers, 1)]
            choices.append((Content.assemble(*lines), actions.ProposeMeso(side, offers)))
        self._pick_from("Several packages of equal value to you at once (a MESO): the other side picks one", choices,
                     f"Each set's packages are worth the same to you (within {MESO_TOLERANCE:g} points); "
                     "which one they pick tells you what they want.")

    def action_pick(self) -> None:
        found = self._process()
        if found is None:
            return
        side, seat = found
        scenario = self.session.game.scenario
        choices: list[tuple[Content, actions.Action]] = [
            (Content.assemble(plain(f"({pick.option + 1}) ", "bold"), plain(describe_offer(scenario, pick.offer)),
                              plain(f"   your score {signed(pick.change)}", "dim")),
             actions.AcceptOption(side, pick.option))
            for pick in seat.picks]
        self._pick_from("Pick one of the packages on the table: it is accepted and implemented", choices,
                     "Or close this and counter (o) or reject them all (x).")

    def action_address(self) -> None:
        found = self._process()
        if found is None:
            return
        side, seat = found
        choices: list[tuple[Content, actions.Action]] = [
            (Content.assemble(plain(f"{choice.audience_name}: ", "bold"), plain(choice.says),
                              plain(f"   ({choice.effects})" if choice.effects else "", "dim")), choice.action)
            for choice in seat.addresses]
        self._pick_from("Address an audience over the table's head (once a round)", choices)


__all__ = ["ProcessMoves", "RankingScreen"]
