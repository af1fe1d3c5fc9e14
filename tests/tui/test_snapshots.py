"""Snapshots of the main screens (Textual is pinned in pyproject.toml: its releases move pixels).

Update after a deliberate change with ``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

from tuikit import play_to_debrief, screen_text, wait_for

from tabletop.engine.state import Phase
from tabletop.scenarios.library import load_path
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.offer import OfferBuilderScreen
from tabletop.tui.screens.table import TableScreen


async def to_negotiation(pilot) -> None:
    """Through the briefing, a conciliatory statement, to Washington's first move."""
    app = pilot.app
    while not isinstance(app.screen, TableScreen):
        await pilot.press("enter")
        await pilot.pause()
    screen = app.screen
    await wait_for(pilot, lambda: screen.actor() in screen.session.game.awaiting())
    await pilot.press("c")
    await wait_for(pilot, lambda: screen.session.game.state.phase is Phase.NEGOTIATION
                   and screen.actor() in screen.session.game.awaiting())
    await pilot.pause()


DATA = Path(__file__).parent / "data"


def game_app(scenario: str = "tutorial", **kwargs) -> TabletopApp:
    """A game on a frozen copy of a shipped scenario, so that tuning the scenario moves no pixels here."""
    return TabletopApp(scenario=load_path(DATA / f"{scenario}-frozen.toml"), seed=1234, pace=0, **kwargs)


def test_title_screen(snap_compare):
    assert snap_compare(TabletopApp(), terminal_size=(120, 40))


def test_table_screen(snap_compare):
    assert snap_compare(game_app("istanbul"), terminal_size=(120, 40), run_before=to_negotiation)


def test_table_screen_small(snap_compare):
    assert snap_compare(game_app(), terminal_size=(80, 24), run_before=to_negotiation)


def test_offer_builder(snap_compare):
    async def build(pilot) -> None:
        await to_negotiation(pilot)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, OfferBuilderScreen))
        await pilot.press("right", "right", "space", "down", "right", "right", "right", "space")
        await pilot.pause()

    assert snap_compare(game_app(), terminal_size=(120, 40), run_before=build)


def test_debrief_screen(snap_compare):
    async def finish(pilot) -> None:
        await play_to_debrief(pilot)
        await wait_for(pilot, lambda: "Value left on the table" in screen_text(pilot.app))

    assert snap_compare(game_app(moscow="conceder"), terminal_size=(120, 40), run_before=finish)
