"""One seat of a networked class: the same table a local player sees, played on a class host.

:class:`JoinTableScreen` is the local :class:`~tabletop.tui.screens.table.TableScreen`
with its widgets, keys, dialogs and news flashes, but the game behind it is a
:class:`~tabletop.net.mirror.SeatGame`: the table as the host last described it,
and the moves open as the engine's ``options`` answer the host sent. A move is
not applied here; it goes to the host (the app's :meth:`send <SeatConnection.send>`),
and the table redraws when the host's update comes back, like any other
change. No hand-over, no computer moves, no local clock: the other side plays
on its own machine and the host keeps the time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive

from tabletop.engine import actions
from tabletop.engine.effects import Event
from tabletop.engine.model import SIDES, Side
from tabletop.engine.options import SeatOptions, package_preview
from tabletop.engine.state import Concession, GameState, Offer, Phase
from tabletop.net.mirror import SeatGame
from tabletop.tui.messages import GameChanged
from tabletop.tui.screens.table import TableScreen
from tabletop.tui.session import Session
from tabletop.tui.text import lines, plain, side_name, signed
from tabletop.tui.widgets.status import PHASE_WORDS, TableStatus

ENDED = "the class has ended"


class SeatChanged(GameChanged):
    """The host reported a change to the table: the new state and log lines (a seat is not told the action itself).

    ``action`` is not set: the seat's screens read only the state, the log lines and the moment.
    """

    def __init__(self, state: GameState, events: tuple[tuple[int, Event], ...], moment: int) -> None:
        Message.__init__(self)  # not GameChanged's: there is no action to give it
        self.state = state
        self.events = events
        self.moment = moment


class SeatConnection(Protocol):
    """What the table needs of the app's connection to the host."""

    def send(self, action: actions.Action) -> bool:
        """Send a move to the host (False when one is already on its way)."""
        ...


class SeatSession(Session):
    """A game session for one seat of a networked table: its side is the only human here.

    The other seat (a team on its own machine, or a computer on the host) is
    neither driven nor timed here; ``players`` and ``connected`` are what the
    host says about both seats.
    """

    def __init__(self, game: SeatGame, side: Side, team: str) -> None:
        super().__init__(game)
        self.seat_game = game
        self.side = side
        self.team = team
        self.teams: dict[Side, str] = {side: team}
        self.players: dict[Side, str] = {s: "human" for s in SIDES}
        self.connected: dict[Side, bool] = {s: s is side for s in SIDES}

    def take_seats(self, seats: Any) -> None:
        """The host's ``seats``: each side's team, who plays it and whether it is connected."""
        if not isinstance(seats, dict):
            return
        for side in SIDES:
            seat = seats.get(side.value)
            if isinstance(seat, dict):
                self.teams[side] = str(seat.get("team", ""))[:80]
                self.players[side] = str(seat.get("player", "human"))[:40]
                self.connected[side] = seat.get("connected") is True

    @property
    def humans(self) -> tuple[Side, ...]:
        return (self.side,)

    def seat_label(self, side: Side) -> str:
        team = self.teams.get(side) or "?"
        player = self.players.get(side, "human")
        if player != "human":
            return f"{team}: computer ({player})"
        return f"{team}: {'here' if self.connected.get(side) else 'away'}"

    def next_side(self) -> Side | None:
        """This seat when the host waits for it (the other side's moves are not this screen's to drive)."""
        return self.side if self.side in self.game.awaiting() else None

    def options(self) -> SeatOptions | None:
        return self.seat_game.options.get(self.side)


def connection_text(status: str, failures: int) -> Content:
    """The connection in a few words, for the status line."""
    if status == "joined":
        return plain("● joined", "bold $success")
    if status == "reconnecting" and failures >= 2:
        return plain("✖ host gone: trying again", "bold reverse $error")
    if status == "reconnecting":
        return plain("◌ reconnecting…", "bold reverse $warning")
    if status == "replaced":
        return plain("✖ this seat joined from another device", "bold reverse $error")
    return plain(f"✖ {status}", "bold reverse $error")


def clock_text(time_left: float | None) -> Content:
    if time_left is None:
        return Content("")
    minutes, seconds = divmod(int(max(0.0, time_left)), 60)
    return Content.assemble(" · ⏱ ", (f"{minutes}:{seconds:02d}", "bold reverse"), " left")


def seat_status_content(session: SeatSession, state: GameState, turn: Content, latest: str, connection: Content,
                        clock: Content) -> Content:
    """The status line of a seat: connection, round, phase and whose move; the seats; the latest news."""
    scenario = session.game.scenario
    first = Content.assemble(connection, "  ", (f"Round {state.round} of {scenario.rounds}", "bold"), " · ",
                             plain(PHASE_WORDS.get(state.phase, state.phase.value), "italic"), clock, "  ▸ ", turn)
    seats: list[Content | str] = []
    for side in SIDES:
        if seats:
            seats.append(" · ")
        seats += [side_name(session.name(side), side), plain(f" {session.seat_label(side)}", "dim")]
    second = Content.assemble("Initiative: ", side_name(session.name(state.initiative), state.initiative), " · ",
                              *seats)
    third = Content.assemble(("Latest: ", "bold $accent"), plain(latest)) if latest else Content("")
    return lines([first, second, third])


class SeatStatus(TableStatus):
    """The table's status line for a seat: the connection to the host first, and the teams instead of the seed."""

    connection: reactive[Content] = reactive(Content(""))
    clock: reactive[Content] = reactive(Content(""))
    seating: reactive[str] = reactive("")

    def watch_connection(self) -> None:
        self._show()

    def watch_seating(self) -> None:
        self._show()

    def watch_clock(self) -> None:
        self._show()

    def _show(self) -> None:
        if self.state is not None and isinstance(self.session, SeatSession):
            self.update(seat_status_content(self.session, self.state, self.turn, self.latest, self.connection,
                                            self.clock))


class JoinTableScreen(TableScreen):
    """The table of one seat of a networked class (see the module's docstring)."""

    connection: reactive[Content] = reactive(Content(""))
    """The connection to the host, in words."""
    clock: reactive[Content] = reactive(Content(""))
    """The round timer as the host counts it."""
    seating: reactive[str] = reactive("")
    """Who plays each side and whether they are connected, as the host last said."""

    def __init__(self, session: SeatSession, link: SeatConnection, talks_over: Callable[[], object] | None = None,
                 ended: Callable[[], bool] = lambda: False) -> None:
        super().__init__(session, pace=0.0, talks_over=talks_over)
        self.seat = session
        self.link = link
        self.class_ended = ended
        self._time: tuple[float | None, bool, float] = (None, False, 0.0)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, TableStatus):
                yield SeatStatus(self.session, id="status").data_bind(
                    JoinTableScreen.state, JoinTableScreen.turn, JoinTableScreen.latest, JoinTableScreen.connection,
                    JoinTableScreen.clock, JoinTableScreen.seating)
            else:
                yield widget

    def on_mount(self) -> None:
        # TableScreen's own on_mount runs as well (Textual calls each class's handler along the MRO).
        self.set_interval(1.0, self._count_down, name="host clock")

    # -- following the host ----------------------------------------------------------

    def game_changed(self, change: GameChanged | None) -> None:
        """Every change the host reports is shown (a seat is not told the actions, only what they did)."""
        if change is not None:
            self._moment = -1
        super().game_changed(change)

    def follow_seats(self) -> None:
        """The host said who plays and who is connected: the status line shows it."""
        self.seating = " · ".join(self.seat.seat_label(side) for side in SIDES)

    def follow_clock(self, time_left: float | None, runs: bool) -> None:
        """The host's round timer at this moment; the line counts down from it while it runs."""
        self._time = (time_left, runs, time.monotonic())
        self._count_down()

    def _count_down(self) -> None:
        left, runs, since = self._time
        if left is not None and runs:
            left -= time.monotonic() - since
        self.clock = clock_text(left)

    def _update_turn(self) -> None:
        game = self.session.game
        if game.is_over or game.state.paused or self.seat.next_side() is not None:
            super()._update_turn()
            return
        waiting = [s for s in game.awaiting() if s is not self.seat.side]
        if self.class_ended():
            self.turn = plain("The facilitator has ended the class.", "bold")
        elif waiting:
            other = waiting[0]
            self.turn = Content.assemble("Waiting for ", side_name(self.session.name(other), other))
        else:
            self.turn = plain("…")

    # -- what happens next --------------------------------------------------------------

    def drive(self) -> None:
        """As at a local table; and when the facilitator ends the class mid-game, on to the debrief."""
        if self.class_ended() and self.talks_over is not None and not self._ended and not self._blocked \
                and not self._flashes and self.is_current and not self._covered():
            self._ended = True
            self.talks_over()
            return
        super().drive()

    def computer_move(self) -> None:
        """Never: the other side moves on its own machine, or the host moves for a computer seat."""
        self._timer = None
        self.thinking = None

    # -- moves go to the host -----------------------------------------------------------------

    def act(self, action: actions.Action) -> bool:
        """Send the move to the host; its answer comes back as an update (or a refusal, as a notification)."""
        if not self.link.send(action):
            self.notify("Your last move is still on its way to the host.", severity="warning")
            return False
        return True

    def seat_options(self, side: Side) -> SeatOptions:
        """What this seat may do now: the engine's answer, as the host sent it."""
        seat = self.seat.options()
        if side is not self.seat.side or seat is None:
            return SeatOptions(side, frozenset(), (), None, (), {}, (), (), (), "")
        return seat

    def action_gesture(self) -> None:
        """The gestures the host's options list, each with what it does to this side's own score."""
        side = self.actor()
        if side is None:
            return
        game = self.session.game
        choices: list[tuple[Content, actions.Action]] = []
        for gesture in self.seat_options(side).gestures:
            irritant = game.scenario.irritant(gesture.irritant)
            seen = package_preview(game, side, Offer((Concession(gesture.irritant, gesture.to),)))
            note = f"   your score {signed(seen.score_change)}"
            note += "".join(f" · crosses your red line (−{c.price} standing)" for c in seen.crossings if not c.absolute)
            choices.append((Content.assemble(plain(irritant.name, "bold"), " → ", plain(irritant.rungs[gesture.to]),
                                             plain(note, "dim")), gesture))
        self._choose("A gesture: move one of your irritants up, asking nothing", choices,
                     "You have no irritant of your own left to move up.")

    def can_accept(self) -> bool:
        return self.actor() is not None and "accept" in self.seat_options(self.seat.side).kinds

    def ask_inject(self, side: Side) -> None:
        if self.session.game.state.phase is Phase.INJECT_RESPONSE and self.seat_options(side).inject:
            super().ask_inject(side)


__all__ = ["JoinTableScreen", "SeatChanged", "SeatConnection", "SeatSession", "SeatStatus", "connection_text", "seat_status_content"]
