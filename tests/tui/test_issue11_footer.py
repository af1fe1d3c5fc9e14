"""Issue 11, snag 7: the footer shows exactly the keys that work now.

No table keys under a dialog, no "Walk out" while the facilitator has paused the
exercise, no Gesture or Retaliate when no irritant of the player's can move that way.
"""

from __future__ import annotations

from tuikit import screen_text, wait_for

from tabletop.engine import actions as act
from tabletop.engine.model import Side
from tabletop.engine.state import Phase
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.dialogs import TextScreen
from tabletop.tui.screens.table import TableScreen

W = Side.WASHINGTON


def footer(app) -> str:
    """The bottom row of the terminal: the footer as the player reads it."""
    return screen_text(app).rstrip("\n").split("\n")[-1]


async def negotiating(pilot) -> TableScreen:
    app = pilot.app
    while not isinstance(app.screen, TableScreen):
        await pilot.press("enter")
        await pilot.pause()
    table = app.screen
    game = table.session.game
    await wait_for(pilot, lambda: game.state.phase is Phase.STATEMENTS and table.actor() in game.awaiting())
    await pilot.press("c")
    await wait_for(pilot, lambda: app.screen is table and game.state.phase is Phase.NEGOTIATION
                   and table.actor() in game.awaiting())
    await pilot.pause()
    return table


async def test_no_table_keys_in_the_footer_under_a_dialog():
    app = TabletopApp(scenario=resolve("tutorial"), moscow="conceder", seed=2, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await negotiating(pilot)
        # the footer is redrawn a moment after the keys change (longer on a loaded machine): wait for it, each time
        await wait_for(pilot, lambda: "Propose" in footer(app) and "Walk out" in footer(app))
        await pilot.press("b")
        await wait_for(pilot, lambda: isinstance(app.screen, TextScreen))
        table_keys = ("Propose", "Pass", "Walk out", "Brief", "Conclude")
        await wait_for(pilot, lambda: not any(key in footer(app) for key in table_keys))
        shown = footer(app)
        for key in table_keys:
            assert key not in shown, shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: "Propose" in footer(app))


async def test_no_retaliate_when_nothing_can_move_down():
    app = TabletopApp(scenario=resolve("tutorial"), moscow="conceder", seed=2, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await negotiating(pilot)
        assert table.seat_options(W).retaliations == ()  # every irritant of Washington's is on its lowest rung
        await wait_for(pilot, lambda: "Gesture" in footer(app))  # the negotiation's keys are drawn
        assert "Retaliate" not in footer(app)


async def test_no_walk_out_while_the_exercise_is_paused():
    app = TabletopApp(scenario=resolve("tutorial"), moscow="conceder", seed=2, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await negotiating(pilot)
        table.session.apply(act.Pause())
        await wait_for(pilot, lambda: table.session.game.state.paused)
        await wait_for(pilot, lambda: "Walk out" not in footer(app) and "Brief" in footer(app))  # redrawn
        shown = footer(app)
        assert "Walk out" not in shown and "Propose" not in shown, shown
        assert "Brief" in shown and "Help" in shown
