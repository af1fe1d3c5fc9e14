"""The table: the board, the meters, the log, and the game as it goes on, shown to the players.

The screen never changes the game itself: moves are built in
:mod:`tabletop.tui.screens.table_moves` (which moves may be made now:
:mod:`tabletop.tui.screens.table_legal`) and handed to ``Session.apply``. Every
applied action comes back from the app as a change (``TabletopApp.game_change``,
which this screen watches): the new state goes down to the widgets through
``data_bind``, the new log lines into the log, and the flow of turns
(:meth:`~tabletop.tui.screens.table_flow.TurnFlow.drive`) decides what happens
next: a news flash, the end, a computer's move after a pause, a hand-over
between two players, or waiting for a key. While saving has failed it waits for
the player's choice (the app asks), and the status line says why, or that the
game is no longer saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from textual import events, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Button, Footer, Header, Label, OptionList

from tabletop.engine.effects import Event, EventKind
from tabletop.engine.options import told
from tabletop.engine.state import GameState
from tabletop.engine.views import player_visible
from tabletop.tui.messages import GameChanged
from tabletop.tui.screens.table_demo import DemoControls
from tabletop.tui.screens.table_keys import MOVES, TABLE_BINDINGS, Move
from tabletop.tui.screens.table_legal import MovesCommands
from tabletop.tui.session import Session
from tabletop.tui.widgets.board import IrritantBoard, LadderDetail
from tabletop.tui.widgets.event_log import EventLog
from tabletop.tui.widgets.meters import MeterPanel
from tabletop.tui.widgets.offer_panel import OfferPanel, on_the_table
from tabletop.tui.widgets.private import PrivatePanel
from tabletop.tui.widgets.round_clock import RoundClock
from tabletop.tui.widgets.status import TableStatus, latest_event, turn_text

WIDE = 110
"""Columns from which the footer lists the moves too: below, it is compact and leaves them to the move bar."""
MOVE_ACTIONS = frozenset(move.action for move in MOVES)


class TableScreen(DemoControls):
    """Where the game is played; when the talks are over (and their last news shown) it calls ``talks_over``."""

    # Brief and Help first: a narrow footer cuts from the right, and the moves have their own buttons.
    BINDINGS = [*[b for b in TABLE_BINDINGS if isinstance(b, Binding) and b.action == "brief"],
                Binding("f1", "app.help", "Help", tooltip="Rules, keys and the computer opponents"),
                *[b for b in TABLE_BINDINGS if not (isinstance(b, Binding) and b.action == "brief")]]
    COMMANDS = {MovesCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
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
        super().__init__(session, demo_wait, talks_over, classes="table")
        self.sub_title = session.game.scenario.title
        self.set_reactive(TableScreen.state, session.game.state)
        self.set_reactive(TableScreen.viewer, session.humans[0] if len(session.humans) == 1 else None)
        self.set_reactive(TableScreen.pace, pace)
        self._moment = len(session.game.actions)
        self._keys: tuple[object, ...] = ()
        self._narrow = False
        """Narrower than :data:`WIDE`: the footer is compact and leaves the moves to the move bar."""

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
        narrow = event.size.width < WIDE
        if narrow != self._narrow:
            self._narrow = narrow
            self.query_one(Footer).compact = narrow  # more keys fit on a narrow terminal
            self.refresh_bindings()  # and the moves leave the footer or come back (see active_bindings)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys as the footer lists them: on a narrow terminal, without the moves. The move bar just above
        shows every move open now whole with its key; with Retaliate and Renege open the footer's list ran off
        the edge at 80 columns and cut Conclude, Walk out and the palette's key. The keys all work as before."""
        active = super().active_bindings
        if not self._narrow:
            return active
        return {key: found._replace(binding=replace(found.binding, show=False))
                if found.binding.action in MOVE_ACTIONS else found for key, found in active.items()}

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


__all__ = ["TableScreen"]
