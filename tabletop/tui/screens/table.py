"""The table: the board, the meters, the log, and the turn-by-turn flow of a game.

The screen never changes the game itself: moves are built in
:mod:`tabletop.tui.screens.table_moves` and handed to ``Session.apply``. Every
applied action comes back from the app as a change (``TabletopApp.game_change``,
which this screen watches): the new state goes down to the widgets through
``data_bind``, the new log lines into the log, and :meth:`TableScreen.drive`
decides what happens next: a news flash, the end, a computer's move on a
timer, a hand-over between two players, or waiting for a key. While saving
has failed it waits for the player's choice (the app asks), and the status line
says why, or that the game is no longer saved.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Header, Label, OptionList

from tabletop.engine import actions
from tabletop.engine.effects import Event, EventKind
from tabletop.engine.game import IllegalAction
from tabletop.engine.model import Side
from tabletop.engine.options import told
from tabletop.engine.state import GameState, Phase
from tabletop.engine.views import player_visible
from tabletop.tui.later import Later
from tabletop.tui.messages import GameChanged
from tabletop.tui.screens.briefing import HandoverScreen
from tabletop.tui.screens.dialogs import NewsFlashScreen
from tabletop.tui.screens.table_demo import DemoControls
from tabletop.tui.screens.table_keys import MOVES, TABLE_BINDINGS, Move
from tabletop.tui.screens.table_moves import MovesCommands
from tabletop.tui.session import Session
from tabletop.tui.widgets.board import IrritantBoard, LadderDetail
from tabletop.tui.widgets.event_log import EventLog
from tabletop.tui.widgets.meters import MeterPanel
from tabletop.tui.widgets.offer_panel import OfferPanel, on_the_table
from tabletop.tui.widgets.private import PrivatePanel
from tabletop.tui.widgets.round_clock import RoundClock
from tabletop.tui.widgets.status import TableStatus, latest_event, turn_text


class TableScreen(DemoControls):
    """Where the game is played; when the talks are over (and their last news shown) it calls ``talks_over``."""

    # Brief and Help first: a narrow footer cuts from the right, and the moves have their own buttons.
    BINDINGS = [*[b for b in TABLE_BINDINGS if isinstance(b, Binding) and b.action == "brief"],
                Binding("f1", "app.help", "Help", tooltip="Rules, keys and the computer opponents"),
                *[b for b in TABLE_BINDINGS if not (isinstance(b, Binding) and b.action == "brief")]]
    COMMANDS = {MovesCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]

    state: reactive[GameState | None] = reactive(None)
    """The game's state as last announced: the widgets are bound to it."""
    turn: reactive[Content] = reactive(Content(""))
    """Who must act now, in words (for the status line)."""
    latest: reactive[str] = reactive("")
    """The latest move worth reading (for the status line)."""
    saving: reactive[str] = reactive("")
    """That saving failed, or that the game is played on unsaved, in one line ("" while it is saved)."""

    def __init__(self, session: Session, pace: float = 0.8, demo_wait: float = 6.0,
                 talks_over: Callable[[], object] | None = None) -> None:
        super().__init__(session, classes="table")
        self.sub_title = session.game.scenario.title
        self.demo_wait = demo_wait
        self.talks_over = talks_over
        self.set_reactive(TableScreen.state, session.game.state)
        self.set_reactive(TableScreen.viewer, session.humans[0] if len(session.humans) == 1 else None)
        self.set_reactive(TableScreen.pace, pace)
        self._moment = len(session.game.actions)
        self._timer: Later | None = None
        self._ended = False
        self._flashes: deque[Event] = deque()
        self._keys: tuple[object, ...] = ()

    # -- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        session, scenario = self.session, self.session.game.scenario
        yield Header()
        yield TableStatus(session, id="status").data_bind(TableScreen.state, TableScreen.turn, TableScreen.latest,
                                                          TableScreen.saving)
        yield RoundClock(session, id="round-clock").data_bind(TableScreen.state)
        with Horizontal(id="table-body"):
            with Vertical(id="left"):
                yield IrritantBoard(scenario, id="board").data_bind(TableScreen.state, TableScreen.viewer)
                yield OfferPanel(session, id="offer").data_bind(TableScreen.state, TableScreen.viewer)
                yield LadderDetail(scenario, id="ladder").data_bind(TableScreen.state, TableScreen.viewer)
            with Vertical(id="right"):
                yield MeterPanel(scenario, id="meters").data_bind(TableScreen.state)
                yield PrivatePanel(session, id="private").data_bind(TableScreen.state, TableScreen.viewer)
                yield EventLog(id="log")
        # Two rows, so that no key is cut on a narrow terminal: the talk about the talks (shown while it may be
        # had), over the board's moves, which stay put just above the footer when the talk row comes and goes.
        with Vertical(id="moves"):
            with Horizontal(id="moves-talk", classes="move-row"):
                yield Label("Talk:", classes="move-row-title")
                yield from (self._move_button(move) for move in MOVES if move.talk)
            with Horizontal(id="moves-board", classes="move-row"):
                yield from (self._move_button(move) for move in MOVES if not move.talk)
        yield Footer()

    @staticmethod
    def _move_button(move: Move) -> Button:
        """A move's button, its key first as in the footer (``k Label``)."""
        return Button(Content.assemble((move.key_label, "bold"), " ", move.label), id=f"move-{move.name}",
                      compact=True, variant=move.variant, action=f"screen.{move.action}")

    def on_mount(self) -> None:
        self.query_one("#board").border_title = "The irritants"
        self.query_one("#ladder").border_title = "Ladder"
        self.query_one("#meters").border_title = "Meters (history by round)"
        self.query_one("#private").border_title = "Private"
        self.query_one("#offer").border_title = "On the table"
        self.query_one("#log").border_title = "What has happened"
        game = self.session.game
        self._moment = len(game.actions)
        self._log(game.events, flashes=False)
        self._flashes.extend(self.session.opening_flashes())  # a resumed game does not replay its old news
        self.latest = latest_event(game)
        self.saving = self.session.autosave.status_line()
        self._make_room(game.state)
        self._update_turn()
        self._show_demo_state()
        self._refresh_moves()
        self.query_one("#board").focus()
        self.watch(self.app, "game_change", self.game_changed, init=False)
        self.call_after_refresh(self.drive)

    def on_screen_suspend(self) -> None:
        self.refresh_bindings()  # a dialog or another screen on top: the footer drops the table's keys

    def on_screen_resume(self) -> None:
        """Back from help, a brief or a dialog (saving failed: the player has chosen): carry on with the game."""
        self.refresh_bindings()
        self.saving = self.session.autosave.status_line()
        self.call_after_refresh(self.drive)

    # -- following the game ------------------------------------------------------

    def game_changed(self, change: GameChanged | None) -> None:
        """An action was applied (by anyone): show its state and log lines, then carry on."""
        if change is None or change.moment <= self._moment:
            return  # already shown when the table opened
        self._moment = change.moment
        self._log(change.events)
        self.state = change.state
        self.latest = latest_event(self.session.game)
        self.saving = self.session.autosave.status_line()
        self.drive()

    def _log(self, events: Iterable[tuple[int, Event]], flashes: bool = True) -> None:
        log = self.query_one(EventLog)
        for index, event in events:
            if not player_visible(self.session.game, index, event):
                continue  # the facilitator's notes and inject holds stay off the players' screens
            log.add(told(self.session.game, index, event))  # a package turned down by rule says why
            if flashes and event.kind is EventKind.INJECT:
                self._flashes.append(event)

    def watch_state(self, state: GameState | None) -> None:
        self._make_room(state)
        self._update_turn()
        self._refresh_moves()

    def _make_room(self, state: GameState | None) -> None:
        """The ladder gives way to the offer on the table; on a small terminal the board shrinks for it too."""
        if state is not None:
            self.query_one(LadderDetail).display = not on_the_table(state)
            self.set_class(on_the_table(state), "-offer")

    def on_resize(self, event: events.Resize) -> None:
        self.query_one(Footer).compact = event.size.width < 110  # more keys fit on a narrow terminal

    def watch_viewer(self) -> None:
        self._update_turn()
        self._refresh_moves()

    def watch_thinking(self) -> None:
        self._update_turn()

    def watch_paused(self) -> None:
        self._show_demo_state()
        self._refresh_moves()

    def _update_turn(self) -> None:
        self.turn = turn_text(self.session, self.session.next_side(), self.viewer, self.thinking is not None)

    def _refresh_moves(self) -> None:
        """Show, grey out or hide the move buttons and keys (only when what may be done has changed)."""
        keys = tuple(self.move_state(move.action_name, move.params) for move in MOVES) + (self.viewer,)
        if keys == self._keys:
            return  # recomposing the footer is the costliest part of a redraw: only when the keys change
        self._keys = keys
        self.query_one("#moves").display = not self.demo  # a demonstration has no moves to press
        for move, state in zip(MOVES, keys):
            button = self.query_one(f"#move-{move.name}", Button)
            if button.display != (state is not False):
                button.display = state is not False
            if button.disabled != (not state):
                button.disabled = not state
        talk = any(state is not False for move, state in zip(MOVES, keys) if move.talk)
        row = self.query_one("#moves-talk")
        if row.display != talk:
            row.display = talk  # no empty "Talk:" row while there is no talk to be had
            self.query_one("#moves").refresh(layout=True)  # the bar's own height follows its rows
        self.refresh_bindings()

    @on(OptionList.OptionHighlighted, "#board")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one(LadderDetail).irritant = event.option.id

    # -- the flow of turns -------------------------------------------------------

    def drive(self) -> None:
        """Decide what happens next; called after every change, closed dialog and return to the table."""
        if self._blocked or self._timer is not None or not self.is_current or self._covered():
            return  # a dialog, a pending computer move, or another screen (help, a brief) on top
        if self.session.autosave.halted:
            return  # saving failed: nothing moves (not even the end) until the player chooses what to do
        if self._flashes:
            self._show_flash(self._flashes.popleft())
            return
        game = self.session.game
        if game.is_over:
            if self.talks_over is not None and not self._ended:
                self._ended = True
                self.talks_over()
            return
        if game.state.paused:  # the facilitator paused the exercise: no one moves until it resumes
            return
        side = self.session.next_side()
        if side is None:
            return
        if not self.session.is_human(side):
            if not self.paused:
                self.thinking = side
                self._timer = Later(self, max(self.pace, 0.005), self.computer_move)
            return
        if self.session.is_hotseat and self.viewer is not side:
            self._hand_over(side)
            return
        self.viewer = side
        if game.state.phase is Phase.INJECT_RESPONSE and game.state.pending:
            self.ask_inject(side)

    def _covered(self) -> bool:
        """A full screen (help, the facilitator console) is on top: Textual still counts the table as current."""
        top = self.app.screen
        return top is not self and not isinstance(top, ModalScreen)

    def computer_move(self) -> None:
        """Let the computer seat whose turn it is make its move (the change that follows drives on)."""
        self._timer = None
        self.thinking = None
        side = self.session.next_side()
        if side is None or self.session.is_human(side) or self.session.game.is_over or self.session.game.state.paused \
                or self.session.autosave.halted:
            self.drive()
            return
        try:
            self.session.apply(self.session.decide(side))
        except IllegalAction as error:
            self.paused = True
            self.notify(f"The computer's move was refused: {error}", severity="error", markup=False)
        except Exception as error:  # an opponent's bug must not take the class's game down with it
            self.paused = True
            self.notify(f"The computer opponent failed ({type(error).__name__}: {error}); the game is saved.",
                        severity="error", markup=False, timeout=30)

    # -- what the game waits for ---------------------------------------------------

    def _show_flash(self, event: Event) -> None:
        scenario = self.session.game.scenario
        inject = scenario.by_inject.get(event.inject) if event.inject else None
        auto = self.demo_wait if self.demo else None
        self.open_dialog(NewsFlashScreen(event.text, inject, scenario, auto), lambda _: None, hold=True)

    def _hand_over(self, side: Side) -> None:
        self.viewer = None

        def ready(_: None) -> None:
            self.viewer = side

        self.open_dialog(HandoverScreen(self.session.name(side), side), ready, hold=True)

    # -- the round timer ------------------------------------------------------------

    @on(RoundClock.TimeRanOut)
    def time_ran_out(self) -> None:
        """Close the move dialogs of the side whose time it was, and pass for it (a ``TimeUp`` in the log)."""
        session = self.session
        game = session.game
        if game.state.paused or game.is_over or session.autosave.halted:
            return
        # A computer seat due at the same moment (statements are chosen together) is never timed: it moves first.
        for side in [s for s in game.awaiting() if not session.is_human(s)]:
            with contextlib.suppress(IllegalAction):  # a refused computer move is timed out like any other
                session.apply(session.decide(side))
        waiting = [session.name(side) for side in game.awaiting() if session.is_human(side)]
        if not waiting or game.is_over:
            return
        self.close_dialogs()
        if self.act(actions.TimeUp()):
            self.notify(f"Time is up for {' and '.join(waiting)}.", title="Round timer", severity="warning",
                        markup=False)


__all__ = ["TableScreen"]
