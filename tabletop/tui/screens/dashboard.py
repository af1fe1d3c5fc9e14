"""The facilitator's dashboard: every table of the class live, and the host's controls on one table or all.

One row per table (round, phase, whom it waits for, trust, tension, deals,
time left, how long it has waited, both teams and whether they are here),
kept up to date from the host's ``row`` and ``overview`` messages. The keys
send the host's controls; each is an engine action the host judges per
table, and its answer is a notification naming the tables that refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from tabletop.engine import actions as act
from tabletop.engine.model import SIDES, Side
from tabletop.net.client import HostClient
from tabletop.net.mirror import MirrorError, SeatGame, as_object
from tabletop.net.protocol import one_line
from tabletop.tui.screens.console_dialogs import CustomInjectScreen, TimerScreen
from tabletop.tui.screens.dashboard_table import SummaryScreen, TableViewScreen, facilitator_game
from tabletop.tui.screens.dialogs import ChoiceScreen, ConfirmScreen
from tabletop.tui.screens.join_table import connection_text
from tabletop.tui.text import plain

ALL = "*"
COLUMNS = ("Table", "Round", "Phase", "Waiting for", "Trust", "Tension", "Deals", "Time left", "Waited",
           "Washington", "Moscow", "")


def _clock(seconds: Any) -> str:
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool):
        return "—"
    minutes, rest = divmod(int(max(0, seconds)), 60)
    return f"{minutes}:{rest:02d}"


def seat_cell(seat: Any) -> Text:
    """A team, and whether it is here (● here, ○ away) or a computer plays the side."""
    if not isinstance(seat, dict):
        return Text("?")
    team = one_line(seat.get("team", ""), 18)
    if seat.get("player", "human") != "human":
        return Text(f"⚙ {team} ({one_line(seat.get('player'), 12)})", style="italic")
    return Text(f"● {team}", style="green") if seat.get("connected") else Text(f"○ {team}", style="dim")


def row_cells(row: dict[str, Any]) -> list[Text]:
    """One dashboard line from the host's row (its text is data, never markup)."""
    seats = as_object(row.get("seats"))
    state = "ended" if row.get("frozen") else "over" if row.get("over") else "paused" if row.get("paused") else ""
    waiting = ", ".join(str(s).title() for s in row.get("awaiting") or [] if isinstance(s, str))
    return [
        Text(f"{one_line(row.get('id'), 8)} {one_line(row.get('name', ''), 24)}"),
        Text(f"{row.get('round')}/{row.get('rounds')}"), Text(one_line(row.get("phase", ""), 18)),
        Text(waiting or "—"), Text(str(row.get("trust"))), Text(str(row.get("tension"))), Text(str(row.get("deals"))),
        Text(_clock(row.get("time_left")) if row.get("time_left") is not None else "—",
             style="bold" if row.get("clock_runs") else "dim"),
        Text(_clock(row.get("waiting"))), seat_cell(seats.get("washington")), seat_cell(seats.get("moscow")),
        Text(state, style="bold red" if state == "ended" else "bold yellow" if state else ""),
    ]


class DashboardScreen(Screen[None]):
    """Every table of the class (see the module's docstring)."""

    CSS_PATH = "dashboard.tcss"
    BINDINGS = [
        Binding("enter,o", "open", "Open table"),
        Binding("p", "pause", "Pause/resume"),
        Binding("P", "pause_all", "Pause all"),
        Binding("R", "resume_all", "Resume all"),
        Binding("f", "fire(False)", "Fire inject"),
        Binding("F", "fire(True)", "…on all"),
        Binding("i", "custom(False)", "Free-text inject"),
        Binding("I", "custom(True)", "…on all"),
        Binding("t", "timer", "Timer (all)"),
        Binding("c", "seat", "Seat a computer"),
        Binding("E", "end_class", "End class"),
        Binding("s", "summary", "Summary", show=False),
    ]

    def __init__(self, client: HostClient) -> None:
        super().__init__()
        self.client = client

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="dashboard-status")
        yield DataTable(id="tables", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#tables", DataTable)
        table.add_columns(*COLUMNS)
        self.redraw()
        table.focus()

    # -- following the host --------------------------------------------------------------

    def host_said(self, message: dict[str, Any]) -> None:
        kind = message.get("type")
        if kind in ("row", "overview", "welcome", "status", "summary"):
            self.redraw()
        if kind == "summary" and self.is_current:
            self.app.push_screen(SummaryScreen(self.client))

    def redraw(self) -> None:
        """The rows as the host last described them (the highlighted table stays highlighted)."""
        table = self.query_one("#tables", DataTable)
        chosen = self.chosen()
        table.clear()
        for table_id, row in self.client.rows.items():
            if isinstance(row, dict):
                table.add_row(*row_cells(row), key=table_id)
        if chosen in self.client.rows:
            table.move_cursor(row=table.get_row_index(chosen))
        rows = [r for r in self.client.rows.values() if isinstance(r, dict)]
        here = sum(1 for r in rows for seat in (r.get("seats") or {}).values()
                   if isinstance(seat, dict) and seat.get("connected"))
        over = sum(1 for r in rows if r.get("over"))
        ended = " · the class has ended (s: summary)" if self.client.summary is not None else ""
        self.query_one("#dashboard-status", Static).update(Content.assemble(
            connection_text(self.client.status, self.client.failures), "  ",
            plain(f"{len(rows)} tables · {here} teams here · {over} finished{ended}", "bold")))

    def chosen(self) -> str | None:
        """The id of the highlighted table."""
        table = self.query_one("#tables", DataTable)
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:  # an empty or redrawn table has no cursor cell: nothing is chosen
            return None
        return str(key.value) if key.value is not None else None

    # -- controls -----------------------------------------------------------------------------

    @work(group="controls")
    async def control(self, target: str, action: act.Action | dict[str, Any], what: str) -> None:
        """Send a control to one table (or ``*``) and say what came of it."""
        try:
            answer = await self.client.control(target, action)
        except (TimeoutError, ConnectionError) as error:
            self.notify(f"{what}: not sent ({one_line(error, 100) or 'no answer'}).", severity="error", markup=False)
            return
        if answer.get("type") == "error":
            self.notify(f"{what}: {one_line(answer.get('message'))}", title="Refused", severity="warning",
                        markup=False)
            return
        tables = as_object(answer.get("tables"))
        refused = {t: r.get("message", "") for t, r in tables.items() if isinstance(r, dict) and not r.get("ok")}
        done = len(tables) - len(refused)
        text = f"{what}: done on {done} table{'s' if done != 1 else ''}"
        if refused:
            text += "; refused on " + "; ".join(f"{t} ({one_line(m, 60)})" for t, m in refused.items())
        self.notify(text, severity="warning" if refused else "information", markup=False)

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_open()  # Enter on a row: the table's own key, before the screen's

    def action_open(self) -> None:
        if (chosen := self.chosen()) is not None:
            self.open_table(chosen, lambda view: self.app.push_screen(TableViewScreen(self.client, chosen)))

    @work(group="open")
    async def open_table(self, table_id: str, then: Callable[[dict[str, Any]], object]) -> None:
        """Ask the host for a table's full view (both briefs, notes, the whole log), then ``then(view)``."""
        try:
            answer = await self.client.open_table(table_id)
        except (TimeoutError, ConnectionError) as error:
            self.notify(f"Table {table_id}: no answer ({one_line(error, 100)}).", severity="error", markup=False)
            return
        if answer.get("type") != "table_view":
            self.notify(one_line(answer.get("message", "the host refused")), severity="warning", markup=False)
            return
        then(self.client.opened.get(table_id, answer))

    def _game(self, table_id: str, view: dict[str, Any]) -> SeatGame | None:
        try:
            return facilitator_game(view)
        except MirrorError as error:
            self.notify(f"Table {table_id}: the host sent a view this dashboard cannot read ({error}).",
                        severity="warning", markup=False)
            return None

    def action_pause(self) -> None:
        if (chosen := self.chosen()) is not None:
            paused = bool(self.client.rows.get(chosen, {}).get("paused"))
            self.control(chosen, act.Resume() if paused else act.Pause(), "Resume" if paused else "Pause")

    def action_pause_all(self) -> None:
        self.control(ALL, act.Pause(), "Pause every table")

    def action_resume_all(self) -> None:
        self.control(ALL, act.Resume(), "Resume every table")

    def action_fire(self, everywhere: bool) -> None:
        """A scenario inject (from the highlighted table's scenario) fired now on it, or on every table."""
        chosen = self.chosen()
        if chosen is None:
            return

        def pick(view: dict[str, Any]) -> None:
            state = view.get("state", {}).get("table", {}) if isinstance(view.get("state"), dict) else {}
            fired = {f.get("inject") for f in state.get("fired") or [] if isinstance(f, dict)}
            choices = [(Content.assemble(plain(one_line(i.get("title", ""), 70), "bold"),
                                         plain(f"  [{one_line(i.get('id'), 30)}]{' fired' if i.get('id') in fired else ''}",
                                               "dim")), str(i.get("id")))
                       for i in view.get("injects") or [] if isinstance(i, dict)]
            where = "every table" if everywhere else f"table {chosen}"

            def fire(inject: str | None) -> None:
                if inject is not None:
                    self.control(ALL if everywhere else chosen, act.FireInject(inject), f"Inject on {where}")

            self.app.push_screen(ChoiceScreen(plain(f"Fire a scenario inject now on {where}", "bold"), choices), fire)

        self.open_table(chosen, pick)

    def action_custom(self, everywhere: bool) -> None:
        """A free-text inject (its effects checked against the highlighted table) on it, or on every table."""
        chosen = self.chosen()
        if chosen is None:
            return

        def write(view: dict[str, Any]) -> None:
            game = self._game(chosen, view)
            if game is None:
                return
            where = "every table" if everywhere else f"table {chosen}"

            def send(action: act.CustomInject | None) -> None:
                if action is not None:
                    self.control(ALL if everywhere else chosen, action, f"Free-text inject on {where}")

            self.app.push_screen(CustomInjectScreen(game), send)

        self.open_table(chosen, write)

    def action_timer(self) -> None:
        rows = [r for r in self.client.rows.values() if isinstance(r, dict)]
        now = next((r.get("timer") for r in rows if isinstance(r.get("timer"), int)), 0) or 0

        def chosen(seconds: int | None) -> None:
            if seconds is not None:
                self.control(ALL, act.SetTimer(seconds), f"Round timer {seconds} s")

        self.app.push_screen(TimerScreen(int(now)), chosen)

    def action_seat(self) -> None:
        """A computer strategy (or the team again) at one side of the highlighted table."""
        table_id = self.chosen()
        if table_id is None:
            return
        strategies = [s for s in self.client.welcome.get("strategies") or [] if isinstance(s, str)]
        choices: list[tuple[Content, tuple[Side, str]]] = []
        for side in SIDES:
            for player in [*strategies, "human"]:
                label = "its team again (human)" if player == "human" else f"the computer: {player}"
                choices.append((Content.assemble((f"{side.title}: ", "bold"), plain(label)), (side, player)))

        def seat(choice: tuple[Side, str] | None) -> None:
            if choice is not None:
                self.seat(table_id, *choice)

        self.app.push_screen(ChoiceScreen(plain(f"Who plays at table {table_id}?", "bold"), choices), seat)

    @work(group="controls")
    async def seat(self, table_id: str, side: Side, player: str) -> None:
        answer = await self.client.seat(table_id, side.value, player)
        if answer.get("type") == "error":
            self.notify(one_line(answer.get("message")), title="Refused", severity="warning", markup=False)
        else:
            self.notify(f"Table {table_id}: {side.title} is now played by {player}.", markup=False)

    def action_end_class(self) -> None:
        def confirmed(yes: bool | None) -> None:
            if yes:
                self.end_class()

        self.app.push_screen(ConfirmScreen(Content.assemble(
            ("End the class?", "bold"), "\n\nEvery table stops where it stands; each team gets its debrief and "
            "you the class summary.")), confirmed)

    @work(group="controls")
    async def end_class(self) -> None:
        answer = await self.client.end_class()
        if answer.get("type") == "error":
            self.notify(one_line(answer.get("message")), severity="warning", markup=False)

    def action_summary(self) -> None:
        if self.client.summary is None:
            self.notify("The class summary comes when the class ends (E).", markup=False)
        else:
            self.app.push_screen(SummaryScreen(self.client))


__all__ = ["DashboardScreen", "row_cells", "seat_cell"]
