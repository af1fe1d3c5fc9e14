"""``tabletop join URL CODE``: the app for one seat of a class run by a class host.

The app holds the connection (:class:`~tabletop.net.client.HostClient`): it
joins with the seat's code (asking for it on screen when none was given),
shows the briefing and then the table (:class:`JoinTableScreen`), and turns
everything the host says into the same ``GameChanged`` a local game posts.
The client reconnects by itself when the host goes away (the status line says
so), resends a move not yet answered with the same id (the host applies it
once), and carries on where the table stands when the host is back. A code the
host refuses, a host that cannot be reached or a message it cannot read is
one line, never a traceback.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import var

from tabletop.engine import actions
from tabletop.engine.model import SIDES, Side
from tabletop.net.client import HostClient, JoinRefused
from tabletop.net.mirror import MirrorError, SeatGame, scenario_for, structure
from tabletop.net.protocol import one_line
from tabletop.tui.messages import GameChanged
from tabletop.tui.screens.briefing import Page, briefing_pages
from tabletop.tui.screens.join_debrief import SeatDebriefScreen
from tabletop.tui.screens.join_dialogs import CodeScreen, HostSaid, WaitingScreen
from tabletop.tui.screens.join_session import SeatChanged, SeatSession, connection_text
from tabletop.tui.screens.join_table import ENDED, JoinTableScreen

CONNECT_WITHIN = 10.0
MOVE_WITHIN = 30.0


class SeatApp(App[None]):
    """One seat of a networked class (see the module's docstring)."""

    CSS_PATH = "../app.tcss"
    TITLE = "tabletop"
    SUB_TITLE = "a class on the network"
    BINDINGS = [Binding("f1", "help", "Help", tooltip="Rules, keys and the computer opponents")]

    game_change: var[GameChanged | None] = var(None)
    """The last change to the table, as the host reported it: the table watches it."""

    def __init__(self, url: str, code: str | None = None) -> None:
        super().__init__()
        self.url = url
        self.code = code
        self.client: HostClient | None = None
        self.session: SeatSession | None = None
        self.table: JoinTableScreen | None = None
        self.in_flight: actions.Action | None = None
        self.problem = ""
        self._asked_fresh = False
        """A fresh view was asked for after a message this client could not read, and none readable came since."""
        """Why the app ended without a table (a refused code, no host), for the command line to print."""

    def on_mount(self) -> None:
        self.push_screen(WaitingScreen(f"Reaching the class host at {self.url}…"))
        if self.code is None:
            self.ask_code()
        else:
            self.join(self.code, asked=False)

    def ask_code(self, problem: str = "") -> None:
        def typed(code: str | None) -> None:
            if code is None:
                self.exit()
            else:
                self.join(code, asked=True)

        self.push_screen(CodeScreen(self.url, problem), typed)

    def leave(self, problem: str) -> None:
        self.problem = problem
        self.exit(return_code=1)

    # -- joining ------------------------------------------------------------------------------

    @work(exclusive=True, group="join")
    async def join(self, code: str, asked: bool) -> None:
        client = HostClient(self.url, code=code)
        client.listen(self._heard)
        try:
            await client.connect(CONNECT_WITHIN, patient=False)
        except JoinRefused as refused:
            if asked:
                self.ask_code(f"The host says: {refused}. Check the code and try again.")
            else:
                self.leave(f"tabletop join: the host at {self.url} refused the code: {refused}")
            return
        except ConnectionError as error:
            self.leave(f"tabletop join: cannot reach a class host at {self.url}: {one_line(error, 200)}")
            return
        self.client = client
        try:
            self.session = self._seat(client.view)
        except MirrorError as error:
            await client.close()
            self.leave(f"tabletop join: the host at {self.url} sent a table this client cannot read ({error})")
            return
        self._show_in_turn(briefing_pages(self.session), self._open_table)

    def _heard(self, message: dict[str, Any]) -> None:
        self.post_message(HostSaid(message))

    def _seat(self, view: dict[str, Any]) -> SeatSession:
        side = structure(Side, view.get("side"), "side")
        scenario = scenario_for(view.get("scenario"), {side: view.get("brief")})
        game = SeatGame(scenario, side)
        game.follow(view)
        session = SeatSession(game, side, str(view.get("team", ""))[:80])
        session.take_seats(view.get("seats"))
        self.sub_title = f"{one_line(view.get('table_name', ''), 60)} · {scenario.sides[side].name}"
        return session

    def _show_in_turn(self, pages: list[Page], then: Any) -> None:
        if not pages:
            then()
            return
        first, *rest = pages
        self.push_screen(first(), lambda _: self._show_in_turn(rest, then))

    def _open_table(self) -> None:
        assert self.session is not None
        self.table = JoinTableScreen(self.session, self, talks_over=self._debrief, ended=self._class_ended)
        self.switch_screen(self.table)
        self._show_connection()
        self._show_clock()

    def _class_ended(self) -> bool:
        view = self.client.view if self.client is not None else {}
        table: dict[str, Any] = view["table"] if isinstance(view.get("table"), dict) else {}
        # The end of the class reaches a seat as its debrief (and as "class_ended" when it joins afterwards).
        return view.get("frozen") == ENDED or view.get("class_ended") is True or (
            isinstance(view.get("debrief"), dict) and not table.get("over"))

    def _debrief(self) -> None:
        client, session = self.client, self.session
        if client is None or session is None:
            return
        data = client.view.get("debrief")
        names = {side: session.name(side) for side in SIDES}
        self.push_screen(SeatDebriefScreen(data if isinstance(data, dict) else {}, session.side, names,
                                           session.game.scenario.title))

    # -- what the host says ----------------------------------------------------------------------

    def on_host_said(self, event: HostSaid) -> None:
        message, client, session = event.message, self.client, self.session
        kind = message.get("type")
        if kind == "status":
            if message.get("problem"):
                self.notify(str(message["problem"]), title="Class host", severity="warning", markup=False)
            if message.get("status") == "replaced":
                self.notify("This seat has joined from another device; this one stops here.", severity="error",
                            timeout=30)
            self._show_connection()
            return
        if client is None or session is None:
            return
        if kind == "error" and not message.get("id"):
            self.notify(one_line(message.get("message", "")), title="Class host", severity="warning", markup=False)
        if kind in ("welcome", "seats"):
            session.take_seats(client.view.get("seats"))
            if self.table is not None:
                self.table.follow_seats()
        if kind in ("welcome", "update", "seats", "debrief"):
            self._follow(client.view)
        self._show_connection()

    def _follow(self, view: dict[str, Any]) -> None:
        session = self.session
        assert session is not None
        try:
            new = session.seat_game.follow(view)
        except MirrorError as error:
            # A fresh view once; a host that sends the unreadable again is not asked again until it sends one
            # this client can read (else a broken host and this client would ask and refuse for ever).
            again = "" if self._asked_fresh else "; asking for a fresh view"
            self.notify(f"The host sent something this client cannot read ({error}){again}.",
                        title="Class host", severity="warning", markup=False)
            if not self._asked_fresh:
                self._asked_fresh = True
                self._refresh()
            return
        self._asked_fresh = False
        game = session.seat_game
        self.game_change = SeatChanged(game.state, tuple(new), game.moment)
        self._show_clock()

    @work(exclusive=True, group="refresh")
    async def _refresh(self) -> None:
        if self.client is not None:
            await self.client.send({"type": "refresh"})

    def _show_connection(self) -> None:
        if self.table is not None and self.client is not None:
            self.table.connection = connection_text(self.client.status, self.client.failures)

    def _show_clock(self) -> None:
        if self.table is None or self.client is None:
            return
        view = self.client.view
        left = view.get("time_left")
        self.table.follow_clock(float(left) if isinstance(left, (int, float)) and not isinstance(left, bool)
                                else None, view.get("clock_runs") is True)

    # -- moves ---------------------------------------------------------------------------------------

    def send(self, action: actions.Action) -> bool:
        """Send a move to the host (False while the last one has not been answered)."""
        if self.in_flight is not None or self.client is None:
            return False
        self.in_flight = action
        self._send(action)
        return True

    async def preview(self, action: actions.Action) -> dict[str, Any]:
        """What a move would do for this seat, asked of the host (an ``error`` message when it cannot say)."""
        if self.client is None:
            return {"type": "error", "message": "not joined"}
        try:
            return await self.client.preview(action)
        except (TimeoutError, ConnectionError) as error:
            return {"type": "error", "message": f"the host did not answer ({one_line(error, 100) or 'no answer'})"}

    @work(group="moves")
    async def _send(self, action: actions.Action) -> None:
        assert self.client is not None
        try:
            answer = await self.client.act(action, timeout=MOVE_WITHIN)
        except TimeoutError:
            self.notify("The host has not answered your move yet: it is sent again when the connection is back.",
                        title="Class host", severity="warning")
            return
        except ConnectionError as error:
            self.notify(f"Your move was not sent ({one_line(error, 120)}).", severity="error", markup=False)
            return
        finally:
            self.in_flight = None
        if answer.get("type") == "error":
            self.notify(one_line(answer.get("message", "")), title="Not allowed", severity="warning", markup=False)

    # -- the rest ----------------------------------------------------------------------------------------

    def action_help(self) -> None:
        from tabletop.tui.screens.help import HelpScreen  # only when asked, as the local app does

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def on_unmount(self) -> None:
        if self.client is not None:
            await self.client.close()


def run_join(url: str, code: str | None) -> tuple[int, str]:
    """Run the seat's app; returns the exit code and, when it could not join, why (one line)."""
    app = SeatApp(url, code)
    app.run()
    return app.return_code or 0, app.problem


__all__ = ["CONNECT_WITHIN", "SeatApp", "run_join"]
