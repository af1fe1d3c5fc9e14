"""The facilitator's dashboard (``tabletop join URL --facilitator``), driven with Pilot against a real class host."""

from __future__ import annotations

import asyncio

from netkit import PASSPHRASE, bounded, running_host
from screentext import screen_text, toast_text
from textual.pilot import Pilot
from textual.widgets import Input

from tabletop.engine.model import Side
from tabletop.tui.screens.console_dialogs import CustomInjectScreen, FacilitatorNoteScreen
from tabletop.tui.screens.dashboard import DashboardScreen
from tabletop.tui.screens.dashboard_app import DashboardApp
from tabletop.tui.screens.dashboard_table import SummaryScreen, TableViewScreen
from tabletop.tui.screens.dialogs import ChoiceScreen, ConfirmScreen
from tabletop.tui.screens.passphrase import PassphraseScreen

W, M = Side.WASHINGTON, Side.MOSCOW
SIZE = (170, 45)


async def until(pilot: Pilot, condition, timeout: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        if loop.time() > end:
            raise AssertionError(f"timed out; the screen reads:\n{screen_text(pilot.app)}")
        await pilot.pause(0.02)


async def test_the_dashboard_shows_every_table_and_its_controls_reach_every_table(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net, net.seat("t1", W) as eagles, \
                net.seat("t2", M) as bears:
            app = DashboardApp(net.url, PASSPHRASE)
            async with app.run_test(size=SIZE, notifications=True) as pilot:
                await until(pilot, lambda: isinstance(app.screen, DashboardScreen) and "Table 2" in screen_text(app))
                text = screen_text(app)
                assert "Table 1" in text and "2 tables" in text and "● joined" in text
                assert "● Washington team" in text  # t1's Washington is here; its Moscow is away
                # a free-text inject on every table
                await pilot.press("I")
                await until(pilot, lambda: isinstance(app.screen, CustomInjectScreen))
                app.screen.query_one("#ci-title", Input).value = "Flash: [b]talks[/b] praised"
                app.screen.query_one("#ci-text", Input).value = "Both capitals welcome the tone."
                await pilot.press("ctrl+s")
                await until(pilot, lambda: "done on 2 tables" in toast_text(app))
                for seat in (eagles, bears):
                    await seat.wait_for(lambda c: any("Flash: [b]talks[/b] praised" in e["text"]
                                                      for e in c.view["log"]))
                # pause every table, then resume the highlighted one (table 1)
                await pilot.press("P")
                await until(pilot, lambda: all(t.game.state.paused for t in net.host.tables.values()))
                await until(pilot, lambda: "paused" in screen_text(app))
                await pilot.press("p")
                await until(pilot, lambda: not net.host.tables["t1"].game.state.paused)
                assert net.host.tables["t2"].game.state.paused
                # a scenario inject held back on the highlighted table (the teams are not told)
                inject = net.host.tables["t1"].game.scenario.injects[0].id
                await pilot.press("f")
                await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
                await pilot.press("enter")  # the first inject of the list
                await until(pilot, lambda: isinstance(app.screen, ChoiceScreen) and "Hold it back" in screen_text(app))
                await pilot.press("down", "enter")
                await until(pilot, lambda: inject in net.host.tables["t1"].game.state.held)
                assert inject not in net.host.tables["t2"].game.state.held
                await pilot.press("f")  # the list now says so
                await until(pilot, lambda: isinstance(app.screen, ChoiceScreen) and f"[{inject}] held" in
                            screen_text(app))
                await pilot.press("escape")
                await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
                # the round timer for all
                await pilot.press("t")
                await until(pilot, lambda: isinstance(app.screen.focused, Input))
                app.screen.focused.value = "120"
                await pilot.press("enter")
                await until(pilot, lambda: all(t.game.state.timer == 120 for t in net.host.tables.values()))
    await bounded(body())


async def test_a_computer_takes_a_seat_a_table_is_opened_with_a_note_and_the_class_ends(tmp_path):
    async def body():
        async with running_host(tmp_path / "class") as net, net.seat("t1", W) as eagles:
            app = DashboardApp(net.url)  # no passphrase given: asked for on screen
            async with app.run_test(size=SIZE, notifications=True) as pilot:
                await until(pilot, lambda: isinstance(app.screen, PassphraseScreen))
                await pilot.press(*"not-it", "enter")
                await until(pilot, lambda: isinstance(app.screen, PassphraseScreen) and "wrong passphrase" in
                            toast_text(app))
                await pilot.press(*PASSPHRASE, "enter")
                await until(pilot, lambda: isinstance(app.screen, DashboardScreen) and "Table 1" in screen_text(app))
                # Moscow's team at table 1 never came: a computer takes its seat and plays
                await pilot.press("c")
                await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
                choices = app.screen.choices
                wanted = next(n for n, (_, value) in enumerate(choices) if value == (M, "grit"))
                await pilot.press(*["down"] * wanted, "enter")
                await until(pilot, lambda: net.host.tables["t1"].player(M) == "grit")
                assert (await eagles.act({"type": "statement", "side": "washington", "posture": "neutral"}))["ok"]
                await eagles.wait_for(lambda c: c.view["table"]["phase"] == "negotiation")
                await until(pilot, lambda: "⚙ Moscow team (grit)" in screen_text(app))
                # the full view of table 1: both briefs, the log; a note written there reaches the host
                await pilot.press("enter")
                await until(pilot, lambda: isinstance(app.screen, TableViewScreen) and "brief" in screen_text(app))
                text = screen_text(app)
                assert "Washington brief" in text and "Moscow brief" in text
                assert f"seed {net.host.tables['t1'].game.seed}" in text  # the facilitator's alone
                await pilot.press("n")
                await until(pilot, lambda: isinstance(app.screen, FacilitatorNoteScreen))
                app.screen.query_one("#note-text").text = "Eagles open softly."
                await pilot.press("ctrl+s")
                await until(pilot, lambda: any(a.kind == "note" and a.text == "Eagles open softly."
                                               for a in net.host.tables["t1"].game.actions))
                await until(pilot, lambda: "Eagles open softly." in screen_text(app))
                await pilot.press("escape")
                await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
                # the end of the class: confirm, and the summary appears
                await pilot.press("E")
                await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
                await pilot.press("y")
                await until(pilot, lambda: isinstance(app.screen, SummaryScreen) and "class summary" in
                            screen_text(app))
                await eagles.wait_for(lambda c: "debrief" in c.view)
                assert net.host.state.ended
    await bounded(body())


def test_a_host_message_that_arrives_before_the_dashboard_is_drawn_does_not_break_it():
    """The host may speak between ``switch_screen`` and the dashboard's first frame (it did so once in CI):
    the message must not reach widgets that do not exist yet (the first draw reads the client)."""
    from types import SimpleNamespace

    client = SimpleNamespace(rows={"t1": {"name": "Table 1", "seats": {}}}, status="connected", failures=0,
                             summary={"tables": {}}, opened={})
    for screen in (DashboardScreen(client), SummaryScreen(client)):
        for kind in ("row", "overview", "welcome", "status", "summary"):
            screen.host_said({"type": kind})  # not yet composed: nothing to draw, and no NoMatches
