"""A machine too loaded to keep time: the computer still moves, a demonstration still plays to its end.

On a loaded machine the app can be preempted between two readings of the clock
for longer than a computer's pace (a few milliseconds in the tests). Textual's
one-tick timer then skipped its only tick, the computer's move never came, and
the table said "Moscow is deciding…" for good. Here the clock Textual's timers
read jumps ten milliseconds at every reading, so every such delay is missed.
"""

from __future__ import annotations

import asyncio
import itertools

import pytest
import textual._time
from textual.app import App
from tuikit import screen_text, wait_for

from tabletop.engine.model import Side
from tabletop.engine.state import Phase
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.later import Later
from tabletop.tui.screens.debrief import DebriefScreen
from tabletop.tui.screens.table import TableScreen

W, M = Side.WASHINGTON, Side.MOSCOW


@pytest.fixture()
def loaded_machine(monkeypatch):
    """Ten milliseconds pass between any two readings of the clock Textual's timers (and animations) read."""
    real = textual._time.get_time
    readings = itertools.count()
    monkeypatch.setattr(textual._time, "get_time", lambda: real() + next(readings) * 0.010)


async def test_the_computer_moves_on_a_machine_too_loaded_to_keep_its_pace(loaded_machine):
    app = TabletopApp(scenario=resolve("tutorial"), seed=2, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        while not isinstance(app.screen, TableScreen):  # through the briefing
            await pilot.press("enter")
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TableScreen)
        game = screen.session.game
        await wait_for(pilot, lambda: screen.actor() in game.awaiting())
        await pilot.press("n")
        # Moscow's statement comes, and the negotiation opens with a move for a player to make
        await wait_for(pilot, lambda: game.state.phase is Phase.NEGOTIATION and len(game.awaiting()) > 0, timeout=20)
        assert "Moscow is deciding" not in screen_text(app)


async def test_a_demonstration_plays_to_the_debrief_on_a_machine_too_loaded_to_keep_its_pace(loaded_machine):
    # a pace of 2 ms (and news that moves on by itself after 8 ms): every delay is shorter than the clock's jumps
    app = TabletopApp(scenario=resolve("tutorial"), washington="grit", moscow="hardliner", seed=9, demo_pace=0.002)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefScreen), timeout=120)
        assert app.session.game.is_over


async def owner_busy_while_the_call_falls_due(stop: bool) -> list[str]:
    """A call falls due while its owner is busy with a message; it is stopped (a pause pressed) then, or not."""
    made: list[str] = []
    app: App[None] = App()
    async with app.run_test() as pilot:
        owner = app.screen
        busy, release = asyncio.Event(), asyncio.Event()

        async def redrawing() -> None:
            busy.set()
            await release.wait()

        owner.call_next(redrawing)
        await busy.wait()
        later = Later(owner, 0.0, lambda: made.append("move"))
        await asyncio.sleep(0.05)  # due, and waiting in the owner's queue behind the message
        assert later.pending
        if stop:
            later.stop()
        owner.call_next(lambda: made.append("next"))  # queued behind the due call: when it runs, that one has
        release.set()
        await wait_for(pilot, lambda: "next" in made)
    return made


async def test_a_call_that_falls_due_while_its_owner_is_busy_is_made_late():
    assert await owner_busy_while_the_call_falls_due(stop=False) == ["move", "next"]


async def test_a_call_stopped_while_it_waits_in_its_owners_queue_is_not_made():
    assert await owner_busy_while_the_call_falls_due(stop=True) == ["next"]
