"""The facilitator's dashboard: every table of the class live, and the host's controls on one table or all.

One row per table (round, phase, whom it waits for, trust, tension, deals,
time left, how long it has waited, both teams and whether they are here),
kept up to date from the host's ``row`` and ``overview`` messages. The keys
send the host's controls (:mod:`tabletop.tui.screens.dashboard_controls`).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static

from tabletop.net.mirror import as_object
from tabletop.net.protocol import one_line
from tabletop.tui.screens.dashboard_controls import DashboardControls
from tabletop.tui.screens.dashboard_table import SummaryScreen, TableViewScreen
from tabletop.tui.screens.join_session import connection_text
from tabletop.tui.text import plain

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


class DashboardScreen(DashboardControls):
    """Every table of the class (see the module's docstring)."""

    CSS_PATH = "dashboard.tcss"
    BINDINGS = [
        Binding("enter,o", "open", "Open table"),
        Binding("p", "pause", "Pause/resume"),
        Binding("P", "pause_all", "Pause all"),
        Binding("R", "resume_all", "Resume all"),
        Binding("f", "fire(False)", "Inject: fire, hold, skip"),
        Binding("F", "fire(True)", "…on all"),
        Binding("i", "custom(False)", "Free-text inject"),
        Binding("I", "custom(True)", "…on all"),
        Binding("t", "timer", "Timer (all)"),
        Binding("c", "seat", "Seat a computer"),
        Binding("E", "end_class", "End class"),
        Binding("s", "summary", "Summary", show=False),
    ]

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
        if not self.is_mounted:  # the host spoke before the first frame: on_mount draws what it said
            return
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

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_open()  # Enter on a row: the table's own key, before the screen's

    def action_open(self) -> None:
        if (chosen := self.chosen()) is not None:
            self.open_table(chosen, lambda view: self.app.push_screen(TableViewScreen(self.client, chosen)))

    def action_summary(self) -> None:
        if self.client.summary is None:
            self.notify("The class summary comes when the class ends (E).", markup=False)
        else:
            self.app.push_screen(SummaryScreen(self.client))


__all__ = ["DashboardScreen", "row_cells", "seat_cell"]
