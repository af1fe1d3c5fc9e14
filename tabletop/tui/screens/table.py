"""The table: the board, the meters, the log, and the turn-by-turn flow of a game.

The screen never changes the game itself: moves are built in
:mod:`tabletop.tui.screens.table_moves` and handed to ``Session.apply``; then
everything is redrawn from ``game.state``. :meth:`TableScreen.drive` decides
what happens next: a news flash, the end, a computer's move on a timer, a
hand-over between two players, or waiting for a key.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Header, OptionList

from tabletop.engine.actions import Action
from tabletop.engine.game import IllegalAction
from tabletop.engine.model import Side
from tabletop.engine.rules import Event
from tabletop.engine.state import Phase
from tabletop.tui.classroom import player_visible
from tabletop.tui.screens.table_moves import MOVES, TABLE_BINDINGS, TableMoves
from tabletop.tui.session import Session
from tabletop.tui.widgets.board import IrritantBoard, LadderDetail
from tabletop.tui.widgets.event_log import EventLog
from tabletop.tui.widgets.meters import MeterPanel
from tabletop.tui.widgets.offer_panel import OfferPanel, offer_panel_parts
from tabletop.tui.widgets.private import PrivatePanel
from tabletop.tui.widgets.round_clock import RoundClock
from tabletop.tui.widgets.status import TableStatus, turn_text

MIN_PACE, MAX_PACE = 0.1, 6.0


class TableScreen(TableMoves, Screen[None]):
    """Where the game is played."""

    BINDINGS = TABLE_BINDINGS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]

    def __init__(self, session: Session) -> None:
        super().__init__(classes="table")
        self.sub_title = session.game.scenario.title
        self.session = session
        self.viewer: Side | None = session.humans[0] if len(session.humans) == 1 else None
        self.thinking: Side | None = None
        self.paused = False
        self.demo = session.is_demo
        self.pace = 0.0
        self._timer: Timer | None = None
        self._blocked = False
        self._seen = 0
        self._flashes: deque[Event] = deque()
        self._keys: tuple = ()

    # -- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield TableStatus(id="status")
        yield RoundClock(self.session, id="round-clock")
        with Horizontal(id="table-body"):
            with Vertical(id="left"):
                yield IrritantBoard(id="board")
                with OfferPanel(id="offer"):
                    yield from offer_panel_parts()
                yield LadderDetail(id="ladder")
            with Vertical(id="right"):
                yield MeterPanel(id="meters")
                yield PrivatePanel(id="private")
                yield EventLog(id="log")
        with Horizontal(id="moves"):
            for move in MOVES:
                yield Button(Content(f"{move.label} · {move.key_label}"), id=f"move-{move.name}", compact=True,
                             variant=move.variant, action=f"screen.{move.action}")
        yield Footer()

    def on_mount(self) -> None:
        app = self.app
        self.pace = getattr(app, "demo_pace" if self.demo else "pace", 0.8)
        self.query_one("#board").border_title = "The irritants"
        self.query_one("#ladder").border_title = "Ladder"
        self.query_one("#meters").border_title = "Meters (history by round)"
        self.query_one("#private").border_title = "Private"
        self.query_one("#offer").border_title = "On the table"
        self.query_one("#log").border_title = "What has happened"
        self.redraw()
        self.query_one("#board").focus()
        self.call_after_refresh(self.drive)

    def on_screen_resume(self) -> None:
        """Back from help, a brief or a dialog: carry on with the game."""
        self.call_after_refresh(self.drive)

    # -- drawing ---------------------------------------------------------------

    def redraw(self) -> None:
        """Redraw everything from the game's state for the current viewer."""
        session = self.session
        side = session.next_side()
        self.query_one(TableStatus).show(session, turn_text(session, side, self.viewer, self.thinking is not None))
        self.query_one(MeterPanel).show(session)
        self.query_one(IrritantBoard).show(session, self.viewer)
        self.query_one(PrivatePanel).show(session, self.viewer)
        offer = self.query_one(OfferPanel)
        offer.show(session, self.viewer)
        self.query_one(LadderDetail).display = not offer.display  # room for the offer on the table
        self._show_ladder()
        self._sync_log()
        if self.demo:
            state = "paused" if self.paused else f"{self.pace:.2g} s a move"
            self.query_one("#log").border_subtitle = f"demonstration · {state}"
        keys = tuple(self.check_action(move.action_name, move.params) for move in MOVES) + (self.viewer,)
        if keys != self._keys:
            # Recomposing the footer is the costliest part of a redraw: only when the keys change.
            self._keys = keys
            self._update_move_buttons()
            self.refresh_bindings()

    def _show_ladder(self) -> None:
        board = self.query_one(IrritantBoard)
        option = board.highlighted_option
        self.query_one(LadderDetail).show(self.session, option.id if option else None, self.viewer)

    @on(OptionList.OptionHighlighted, "#board")
    def _highlighted(self) -> None:
        self._show_ladder()

    def _sync_log(self) -> None:
        log = self.query_one(EventLog)
        events = self.session.game.events
        for index, event in events[self._seen:]:
            if not player_visible(self.session.game, index, event):
                continue  # the facilitator's notes and inject holds stay off the players' screens
            log.add(event)
            if event.kind == "inject":
                self._flashes.append(event)
        self._seen = len(events)

    def _update_move_buttons(self) -> None:
        self.query_one("#moves").display = not self.demo  # a demonstration has no moves to press
        for move in MOVES:
            button = self.query_one(f"#move-{move.name}", Button)
            state = self.check_action(move.action_name, move.params)
            if button.display != (state is not False):
                button.display = state is not False
            if button.disabled != (not state):
                button.disabled = not state

    # -- the flow of turns -------------------------------------------------------

    def drive(self) -> None:
        """Decide what happens next; called after every move and every closed dialog."""
        if self._blocked or self._timer is not None or not self.is_current or self._covered():
            return  # a dialog, a pending computer move, or another screen (help, a brief) on top
        self._sync_log()
        if self._flashes:
            self._show_flash(self._flashes.popleft())
            return
        game = self.session.game
        if game.is_over:
            self.redraw()
            self.app.show_end(self.session)  # type: ignore[attr-defined]
            return
        if game.state.paused:  # the facilitator paused the exercise: no one moves until it resumes
            self.redraw()
            return
        side = self.session.next_side()
        if side is None:
            return
        if not self.session.is_human(side):
            if not self.paused:
                self.thinking = side
                self._timer = self.set_timer(max(self.pace, 0.005), self.computer_move)
            self.redraw()
            return
        if self.session.is_hotseat and self.viewer is not side:
            self._hand_over(side)
            return
        self.viewer = side
        self.redraw()
        if game.state.phase is Phase.INJECT_RESPONSE and game.state.pending:
            self._ask_inject(side)

    def _covered(self) -> bool:
        """A full screen (help, the facilitator console) is on top: Textual still counts the table as current."""
        top = self.app.screen
        return top is not self and not isinstance(top, ModalScreen)

    def computer_move(self) -> None:
        """Let the computer seat whose turn it is make its move."""
        self._timer = None
        self.thinking = None
        side = self.session.next_side()
        if side is None or self.session.is_human(side) or self.session.game.is_over or self.session.game.state.paused:
            self.drive()
            return
        try:
            action = self.session.decide(side)
            self.session.apply(action)
        except IllegalAction as error:
            self.paused = True
            self.notify(f"The computer's move was refused: {error}", severity="error", markup=False)
        except Exception as error:  # an opponent's bug must not take the class's game down with it
            self.paused = True
            self.notify(f"The computer opponent failed ({type(error).__name__}: {error}); the game is saved.",
                        severity="error", markup=False, timeout=30)
        self.redraw()
        self.drive()

    def act(self, action: Action) -> bool:
        """Hand a human's move to the game; a refused move becomes a notification."""
        try:
            self.session.apply(action)
        except IllegalAction as error:
            self.notify(str(error), title="Not allowed", severity="warning", markup=False)
            return False
        if self.session.autosave.problem and self.session.autosave.writer is None:
            self.notify(self.session.autosave.problem, severity="warning", markup=False)
            self.session.autosave.problem = ""
        self.redraw()
        self.drive()
        return True

    def _block(self, screen: Screen[Any], then: Callable[[Any], None]) -> None:
        """Show a dialog that holds the flow until it is closed."""
        self._blocked = True

        def closed(result) -> None:
            self._blocked = False
            then(result)
            self.drive()

        self.app.push_screen(screen, closed)

    def _show_flash(self, event: Event) -> None:
        from tabletop.tui.screens.dialogs import NewsFlashScreen

        scenario = self.session.game.scenario
        inject = scenario.by_inject.get(event.inject) if event.inject else None
        auto = self.app.demo_wait if self.demo else None  # type: ignore[attr-defined]
        self.redraw()
        self._block(NewsFlashScreen(event.text, inject, scenario, auto), lambda _: None)

    def _hand_over(self, side: Side) -> None:
        from tabletop.tui.screens.briefing import HandoverScreen

        self.viewer = None
        self.redraw()
        self._blocked = True

        def done() -> None:
            self.viewer = side
            self.redraw()
            self.app.pop_screen()
            self._blocked = False
            self.call_after_refresh(self.drive)

        self.app.push_screen(HandoverScreen(self.session.name(side), side, done))

    def _ask_inject(self, side: Side) -> None:
        from tabletop.engine.actions import RespondInject
        from tabletop.tui.screens.dialogs import InjectChoiceScreen

        game = self.session.game
        inject = game.scenario.inject(game.state.pending[0])

        def answered(response) -> None:
            if response is None:  # closed without an answer (the round timer ran out)
                return
            try:
                self.session.apply(RespondInject(side, inject.id, response))
            except IllegalAction as error:
                self.notify(str(error), severity="warning", markup=False)
            self.redraw()

        self._block(InjectChoiceScreen(inject, game.scenario), answered)

    # -- demonstration controls --------------------------------------------------

    def action_pause(self) -> None:
        self.paused = not self.paused
        if self.paused and self._timer is not None:
            self._timer.stop()
            self._timer = None
            self.thinking = None
        self.redraw()
        if not self.paused:
            self.drive()

    def action_step(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.paused = True
        if not self._blocked:
            self.computer_move()

    def action_speed(self, factor: float) -> None:
        self.pace = max(MIN_PACE, min(MAX_PACE, round(self.pace * factor, 2)))
        self.notify(f"{self.pace:.1f} s a move", timeout=1.5)
        self.redraw()
