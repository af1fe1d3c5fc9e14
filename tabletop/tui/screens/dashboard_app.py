"""``tabletop join URL --facilitator``: the facilitator's dashboard of a class run by a class host.

The app joins with the facilitator's passphrase (from ``$TABLETOP_PASSPHRASE``,
else asked for on screen), shows every table live (:class:`DashboardScreen`)
and sends the host's controls: fire or free-text injects on one table or all,
pause and resume, the round timer for all, a computer in an empty seat, any
table's full view with notes, the end of the class and then its summary.
Every control is an engine action judged by the host; its answer (per table)
is a notification. A wrong passphrase asks again; no host is one line.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import App
from textual.binding import Binding

from tabletop.net.client import HostClient, JoinRefused
from tabletop.net.protocol import one_line
from tabletop.tui.screens.dashboard import DashboardScreen
from tabletop.tui.screens.dashboard_table import SummaryScreen, TableViewScreen
from tabletop.tui.screens.join_app import CONNECT_WITHIN
from tabletop.tui.screens.join_dialogs import HostSaid, WaitingScreen
from tabletop.tui.screens.passphrase import PassphraseScreen


class DashboardApp(App[None]):
    """The facilitator's dashboard (see the module's docstring)."""

    CSS_PATH = "../app.tcss"
    TITLE = "tabletop"
    SUB_TITLE = "the facilitator's dashboard"
    BINDINGS = [Binding("f1", "help", "Help", show=False)]

    def __init__(self, url: str, passphrase: str | None = None) -> None:
        super().__init__()
        self.url = url
        self.passphrase = passphrase
        self.client: HostClient | None = None
        self.dashboard: DashboardScreen | None = None
        self.problem = ""
        """Why the app ended without a dashboard (no host), for the command line to print."""

    def on_mount(self) -> None:
        self.push_screen(WaitingScreen(f"Reaching the class host at {self.url}…"))
        if self.passphrase is None:
            self.ask_passphrase()
        else:
            self.join(self.passphrase)

    def ask_passphrase(self) -> None:
        def typed(passphrase: str | None) -> None:
            if passphrase is None:
                self.exit()
            else:
                self.join(passphrase)

        self.push_screen(PassphraseScreen(), typed)

    def leave(self, problem: str) -> None:
        self.problem = problem
        self.exit(return_code=1)

    @work(exclusive=True, group="join")
    async def join(self, passphrase: str) -> None:
        client = HostClient(self.url, passphrase=passphrase)
        client.listen(self._heard)
        try:
            await client.connect(CONNECT_WITHIN, patient=False)
        except JoinRefused as refused:
            self.notify(f"The host says: {refused}.", title="Not joined", severity="error", markup=False)
            self.ask_passphrase()
            return
        except ConnectionError as error:
            self.leave(f"tabletop join: cannot reach a class host at {self.url}: {one_line(error, 200)}")
            return
        self.client = client
        self.sub_title = f"the facilitator's dashboard · {one_line(client.welcome.get('class', ''), 60)}"
        self.dashboard = DashboardScreen(client)
        self.switch_screen(self.dashboard)

    def _heard(self, message: dict[str, Any]) -> None:
        self.post_message(HostSaid(message))

    def on_host_said(self, event: HostSaid) -> None:
        message = event.message
        kind = message.get("type")
        if kind == "status" and message.get("problem"):
            self.notify(str(message["problem"]), title="Class host", severity="warning", markup=False)
        if kind == "error" and not message.get("id"):
            self.notify(one_line(message.get("message", "")), title="Class host", severity="warning", markup=False)
        for screen in self.screen_stack:
            if isinstance(screen, (DashboardScreen, TableViewScreen, SummaryScreen)):
                screen.host_said(message)

    def action_help(self) -> None:
        self.notify("Keys are in the footer and the command palette (ctrl+p).", markup=False)

    async def on_unmount(self) -> None:
        if self.client is not None:
            await self.client.close()


def run_dashboard(url: str, passphrase: str | None) -> tuple[int, str]:
    """Run the dashboard; returns the exit code and, when it could not join, why (one line)."""
    app = DashboardApp(url, passphrase)
    app.run()
    return app.return_code or 0, app.problem


__all__ = ["DashboardApp", "run_dashboard"]
