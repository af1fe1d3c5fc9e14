"""A seat of a networked table as the local table's widgets need it: the session, the status line, the changes.

:class:`SeatSession` is a :class:`~tabletop.tui.session.Session` whose game is
the host's mirror (:class:`~tabletop.net.mirror.SeatGame`) and whose only
human is this seat; :class:`SeatStatus` is the table's status line with the
connection to the host first; :class:`SeatChanged` is the change the app posts
when the host reports one.
"""

from __future__ import annotations

from typing import Any, Protocol

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive

from tabletop.engine import actions
from tabletop.engine.effects import Event
from tabletop.engine.model import SIDES, Side
from tabletop.engine.options import SeatOptions
from tabletop.engine.state import GameState
from tabletop.net.mirror import SeatGame
from tabletop.tui.messages import GameChanged
from tabletop.tui.session import Session
from tabletop.tui.text import lines, plain, side_name
from tabletop.tui.widgets.status import PHASE_WORDS, TableStatus


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

    async def preview(self, action: actions.Action) -> dict[str, Any]:
        """What the move would do for this seat, as the host's engine says (an ``error`` message if refused)."""
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
        if player != "human":  # the host names its style only when the trainer shows it (else the debrief does)
            return f"{team}: computer" if player == "computer" else f"{team}: computer ({player})"
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


__all__ = ["SeatChanged", "SeatConnection", "SeatSession", "SeatStatus", "clock_text", "connection_text",
           "seat_status_content"]
