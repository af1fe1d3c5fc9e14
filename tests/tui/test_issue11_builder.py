"""Issue 11, bug 3: the package builder never throws a package away by itself.

Arrow keys stay in the rows, Enter always sends (as the hint line says), and
cancelling a package with changes asks first.
"""

from __future__ import annotations

from tuikit import screen_text, wait_for

from tabletop.engine import actions as act
from tabletop.engine.state import Phase
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.dialogs import ConfirmScreen
from tabletop.tui.screens.offer import ConcessionRow, OfferBuilderScreen
from tabletop.tui.screens.table import TableScreen


async def _builder(pilot) -> tuple[TableScreen, OfferBuilderScreen]:
    app = pilot.app
    while not isinstance(app.screen, TableScreen):
        await pilot.press("enter")
        await pilot.pause()
    table = app.screen
    game = table.session.game
    await wait_for(pilot, lambda: game.state.phase is Phase.STATEMENTS and table.actor() in game.awaiting())
    await pilot.press("c")
    await wait_for(pilot, lambda: app.screen is table and game.state.phase is Phase.NEGOTIATION
                   and table.actor() in game.awaiting() and "propose" in game.legal_kinds(table.actor()))
    await pilot.press("p")
    await wait_for(pilot, lambda: isinstance(app.screen, OfferBuilderScreen))
    return table, app.screen


def proposals(table: TableScreen) -> list[act.Propose]:
    return [a for a in table.session.game.actions if isinstance(a, act.Propose)]


async def test_up_on_the_first_row_then_right_and_enter_sends_the_package():
    app = TabletopApp(scenario=resolve("tutorial"), moscow="conceder", seed=2, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        table, builder = await _builder(pilot)
        rows = list(builder.query(ConcessionRow))
        await pilot.press("up")
        assert builder.focused is rows[0], "up on the first row must stay in the rows"
        await pilot.press("right", "enter")
        await wait_for(pilot, lambda: app.screen is not builder)
        assert len(proposals(table)) == 1
        assert proposals(table)[0].offer.concessions[0].irritant == rows[0].irritant.id


async def test_down_on_the_last_row_stays_there_and_enter_sends():
    app = TabletopApp(scenario=resolve("tutorial"), moscow="conceder", seed=2, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        table, builder = await _builder(pilot)
        rows = list(builder.query(ConcessionRow))
        await pilot.press(*["down"] * (len(rows) + 2))
        assert builder.focused is rows[-1], "down on the last row must stay in the rows"
        await pilot.press("right", "tab", "tab", "tab", "enter")
        await wait_for(pilot, lambda: app.screen is not builder)
        assert len(proposals(table)) == 1


async def test_cancel_asks_before_discarding_a_package_with_changes():
    app = TabletopApp(scenario=resolve("tutorial"), moscow="conceder", seed=2, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        table, builder = await _builder(pilot)
        await pilot.press("right", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "Discard this package?" in screen_text(app)
        await pilot.press("n")
        await wait_for(pilot, lambda: app.screen is builder)
        assert builder.build().concessions, "keeping the package keeps its changes"
        await pilot.click("#cancel")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: app.screen is table)
        assert proposals(table) == []


async def test_cancel_without_changes_closes_at_once():
    app = TabletopApp(scenario=resolve("tutorial"), moscow="conceder", seed=2, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        table, builder = await _builder(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is table)
        assert proposals(table) == []
