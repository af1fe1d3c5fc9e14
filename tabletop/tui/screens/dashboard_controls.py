"""The facilitator's controls on the dashboard: each an engine action sent to the host for one table or all.

Fire, hold, release or skip a scenario inject, a free-text inject, pause and
resume, the round timer for all, a computer (or the team again) in a seat,
and the end of the class. The host judges each per table; the answer is a
notification naming the tables that refused and why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import work
from textual.content import Content
from textual.screen import Screen

from tabletop.engine import actions as act
from tabletop.engine.model import SIDES, Side
from tabletop.net.client import HostClient
from tabletop.net.mirror import MirrorError, SeatGame, as_object
from tabletop.net.protocol import one_line
from tabletop.tui.screens.console_dialogs import CustomInjectScreen, TimerScreen
from tabletop.tui.screens.dashboard_table import facilitator_game
from tabletop.tui.screens.dialogs import ChoiceScreen, ConfirmScreen
from tabletop.tui.text import plain

ALL = "*"


class DashboardControls(Screen[None]):
    """The dashboard's controls (see the module's docstring); :meth:`chosen` names the highlighted table."""

    def __init__(self, client: HostClient) -> None:
        super().__init__()
        self.client = client

    def chosen(self) -> str | None:
        """The id of the table the controls act on (the dashboard's highlighted row)."""
        return None

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
        """A scenario inject (from the highlighted table's scenario): fire it now, hold or release it, or skip it,
        on that table or on every table."""
        chosen = self.chosen()
        if chosen is None:
            return
        where = "every table" if everywhere else f"table {chosen}"

        def pick(view: dict[str, Any]) -> None:
            state = as_object(view.get("table"))  # the opened view, merged: its table is at the top
            fired = {f.get("inject") for f in state.get("fired") or [] if isinstance(f, dict)}
            marks = {"fired": fired, "held": set(state.get("held") or []), "skipped": set(state.get("skipped") or [])}
            choices = []
            for inject in view.get("injects") or []:
                if not isinstance(inject, dict):
                    continue
                ident = str(inject.get("id"))
                status = " ".join(word for word, ids in marks.items() if ident in ids)
                choices.append((Content.assemble(plain(one_line(inject.get("title", ""), 70), "bold"),
                                                 plain(f"  [{one_line(ident, 30)}] {status}", "dim")), ident))
            self.app.push_screen(ChoiceScreen(plain(f"A scenario inject, on {where}", "bold"), choices), what)

        def what(inject: str | None) -> None:
            if inject is None:
                return
            doings: list[tuple[Content, act.Action]] = [
                (plain("Fire it now"), act.FireInject(inject)), (plain("Hold it back"), act.HoldInject(inject)),
                (plain("Release it (held)"), act.ReleaseInject(inject)),
                (plain("Skip it for the rest of the game"), act.SkipInject(inject))]

            def do(action: act.Action | None) -> None:
                if action is not None:
                    self.control(ALL if everywhere else chosen, action,
                                 f"{action.kind.replace('_', ' ').capitalize()} on {where}")

            self.app.push_screen(ChoiceScreen(plain(f"{inject}, on {where}", "bold"), doings), do)

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


__all__ = ["ALL", "DashboardControls"]
