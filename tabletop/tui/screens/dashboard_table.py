"""The facilitator's view of one table of a networked class, and the class summary at the end.

:class:`TableViewScreen` shows one table as the white cell sees it (the
board, the meters, the whole log with the notes, both confidential briefs)
with the local table's widgets, kept up to date from the host's updates for
the table; from it the facilitator writes notes, fires a free-text inject
and pauses or resumes that table. :class:`SummaryScreen` shows the class
summary (``tabletop compare``'s tables) and each table's outcome.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from tabletop.engine import actions as act
from tabletop.engine.model import SIDES, Side
from tabletop.net.client import HostClient
from tabletop.net.mirror import MirrorError, SeatGame, as_object, scenario_for
from tabletop.net.protocol import one_line
from tabletop.tui.screens.console_dialogs import CustomInjectScreen, FacilitatorNoteScreen
from tabletop.tui.screens.passphrase import FacilitatorOnly
from tabletop.tui.text import lines, plain, side_name
from tabletop.tui.widgets.board import IrritantBoard
from tabletop.tui.widgets.brief import confidential_brief
from tabletop.tui.widgets.event_log import EventLog
from tabletop.tui.widgets.meters import MeterPanel
from tabletop.tui.widgets.status import PHASE_WORDS


def facilitator_game(view: dict[str, Any]) -> SeatGame:
    """A table's full view from the host (``table_view``) as a mirror game: both briefs, the whole state."""
    briefs = as_object(view.get("briefs"))
    scenario = scenario_for(view.get("scenario"), {side: briefs.get(side.value) for side in SIDES},
                            objectives=view.get("objectives") or ())
    game = SeatGame(scenario, None)
    game.follow(view)
    return game


def notes_content(view: dict[str, Any]) -> Content:
    notes = [n for n in view.get("notes") or [] if isinstance(n, dict)]
    if not notes:
        return plain("No notes yet: n writes one on this moment.", "dim italic")
    return lines([Content.assemble((f"Round {n.get('round')}, after move {n.get('at')}: ", "bold"),
                                   plain(one_line(n.get("text", ""), 2000)),
                                   plain(f"  [{n.get('objective')}]" if n.get("objective") else "", "dim"))
                  for n in notes])


class TableViewScreen(FacilitatorOnly, Screen[None]):
    """One table, everything about it, live (see the module's docstring)."""

    CSS_PATH = "dashboard.tcss"
    BINDINGS = [
        Binding("escape,q", "close", "Back to the dashboard"),
        Binding("n", "note", "Note"),
        Binding("i", "custom", "Free-text inject"),
        Binding("p", "pause", "Pause/resume"),
    ]

    def __init__(self, client: HostClient, table_id: str) -> None:
        super().__init__()
        self.client = client
        self.table_id = table_id
        self.game = facilitator_game(client.opened[table_id])
        self.sub_title = f"{table_id}: {one_line(client.opened[table_id].get('name', ''), 60)}"

    def compose(self) -> ComposeResult:
        scenario = self.game.scenario
        yield Header()
        yield Static(id="view-status")
        with Horizontal(id="view-body"):
            with Vertical(id="view-left"):
                yield IrritantBoard(scenario, id="view-board")
                yield MeterPanel(scenario, id="view-meters")
            with TabbedContent(id="view-tabs"):
                with TabPane("Log", id="view-log-tab"):
                    yield EventLog(id="view-log")
                for side in SIDES:
                    with TabPane(Content.assemble(side_name(scenario.sides[side].name, side), " brief"),
                                 id=f"view-brief-{side.value}"), VerticalScroll():
                        yield Static(confidential_brief(scenario, side, self.game.state.rungs))
                with TabPane("Notes", id="view-notes-tab"), VerticalScroll():
                    yield Static(id="view-notes")
        yield Footer()

    def on_mount(self) -> None:
        log = self.query_one(EventLog)
        for _, event in self.game.events:
            log.add(event)
        self._show(self.client.opened.get(self.table_id, {}))

    def _show(self, view: dict[str, Any]) -> None:
        game, state = self.game, self.game.state
        self.query_one(IrritantBoard).state = state
        self.query_one(MeterPanel).state = state
        waiting = ", ".join(game.scenario.sides[s].name for s in game.awaiting()) or "nobody"
        frozen = view.get("frozen") or ""
        line = Content.assemble((f"Round {state.round} of {game.scenario.rounds}", "bold"), " · ",
                                plain(PHASE_WORDS.get(state.phase, state.phase.value), "italic"),
                                f" · waiting for {waiting}", plain(" · PAUSED" if state.paused else "", "bold $warning"),
                                plain(f" · {frozen}" if frozen else "", "bold $error"),
                                plain(f" · seed {as_object(view.get('table')).get('seed', '?')}", "dim"))
        self.query_one("#view-status", Static).update(line)
        self.query_one("#view-notes", Static).update(notes_content(view))

    def host_said(self, message: dict[str, Any]) -> None:
        if message.get("type") not in ("update", "table_view") or message.get("table") != self.table_id:
            return
        view = self.client.opened.get(self.table_id)
        if view is None:
            return
        try:
            new = self.game.follow(view)
        except MirrorError as error:
            self.notify(f"The host sent an update this view cannot read ({error}).", severity="warning", markup=False)
            return
        if not self.is_mounted:  # followed, but not yet drawn: on_mount shows every event and the view
            return
        log = self.query_one(EventLog)
        for _, event in new:
            log.add(event)
        if message.get("type") == "update" and any(e.kind.value == "note" for _, e in new):
            self._reopen()  # the notes list comes with the table's full view
        self._show(view)

    @work(exclusive=True, group="reopen")
    async def _reopen(self) -> None:
        try:
            await self.client.open_table(self.table_id)
        except (TimeoutError, ConnectionError):
            return
        self._show(self.client.opened.get(self.table_id, {}))

    @work(group="controls")
    async def control(self, action: act.Action, what: str) -> None:
        try:
            answer = await self.client.control(self.table_id, action)
        except (TimeoutError, ConnectionError) as error:
            self.notify(f"{what}: not sent ({one_line(error, 100)}).", severity="error", markup=False)
            return
        result = (answer.get("tables") or {}).get(self.table_id, {}) if answer.get("type") == "result" else answer
        if not result.get("ok"):
            self.notify(f"{what}: {one_line(result.get('message', 'refused'))}", severity="warning", markup=False)

    def action_note(self) -> None:
        def write(note: act.Note | None) -> None:
            if note is not None:
                self.control(note, "Note")

        self.app.push_screen(FacilitatorNoteScreen(self.game), write)

    def action_custom(self) -> None:
        def send(action: act.CustomInject | None) -> None:
            if action is not None:
                self.control(action, "Free-text inject")

        self.app.push_screen(CustomInjectScreen(self.game), send)

    def action_pause(self) -> None:
        self.control(act.Resume() if self.game.state.paused else act.Pause(),
                     "Resume" if self.game.state.paused else "Pause")

    def action_close(self) -> None:
        self.close_view()
        self.dismiss(None)

    @work(group="close")
    async def close_view(self) -> None:
        await self.client.send({"type": "close_view", "table": self.table_id})


def summary_content(summary: dict[str, Any], rows: dict[str, dict[str, Any]]) -> Content:
    """The class summary: each table's outcome and both scores, then ``compare``'s tables (as plain text)."""
    parts: list[Content | str] = [plain("Each table", "bold $accent")]
    labels = as_object(summary.get("labels"))
    tables = as_object(summary.get("tables"))
    for table_id, data in tables.items():
        if not isinstance(data, dict):
            continue
        tier = as_object(data.get("tier"))
        scores = as_object(data.get("scores"))
        name = (rows.get(table_id) or {}).get("name", "")
        shown = " / ".join(f"{Side(s).title} {v:.1f}" for s, v in scores.items()
                           if s in ("washington", "moscow") and isinstance(v, (int, float)))
        parts.append(Content.assemble((f"{one_line(labels.get(table_id, ''), 4)} {one_line(table_id, 8)} ", "bold"),
                                      plain(one_line(name, 40)), " · ", plain(one_line(tier.get("name", ""), 60)),
                                      plain(f" · {shown}", "dim")))
    parts += ["", plain("The class summary (tabletop compare)", "bold $accent"),
              plain(str(summary.get("markdown", "")))]
    return lines(parts)


class SummaryScreen(FacilitatorOnly, Screen[None]):
    """The class summary, once the class has ended."""

    CSS_PATH = "dashboard.tcss"
    BINDINGS = [Binding("escape,q", "close", "Back to the dashboard")]

    def __init__(self, client: HostClient) -> None:
        super().__init__()
        self.client = client

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="summary-body"):
            yield Static(summary_content(self.client.summary or {}, self.client.rows), id="summary-text")
        yield Footer()

    def host_said(self, message: dict[str, Any]) -> None:
        if message.get("type") == "summary" and self.is_mounted:  # compose draws the latest summary
            self.query_one("#summary-text", Static).update(summary_content(self.client.summary or {},
                                                                           self.client.rows))

    def action_close(self) -> None:
        self.dismiss(None)


__all__ = ["SummaryScreen", "TableViewScreen", "facilitator_game", "notes_content", "summary_content"]
