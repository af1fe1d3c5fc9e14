"""Issue 11, snags 5 to 7 (review): every move that works now is in the move bar with its key, whole.

The table's move bar carries the board moves and the process moves (ask, state
priorities, a MESO, an address). At 120x40 and at 80x24 nothing of it is cut:
it takes a second row rather than lose the last keys, and the footer keeps
Brief and Help. Which moves should show comes from the engine (the kinds of
action the seat may take now), not from the screen.
"""

from __future__ import annotations

import contextlib

import pytest
from tuikit import hot_seat_turn, patiently, screen_text, wait_for

from tabletop.engine import actions as act
from tabletop.engine.model import Side
from tabletop.engine.options import options
from tabletop.engine.state import Concession, Offer, Phase
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.dialogs import InjectChoiceScreen
from tabletop.tui.screens.table import TableScreen
from tabletop.tui.screens.table_keys import MOVES

W, M = Side.WASHINGTON, Side.MOSCOW
SIZES = [(120, 40), (80, 24)]


def move_bar(app: TabletopApp) -> str:
    """The rows of the terminal the move bar covers, as the player reads them."""
    region = app.screen.query_one("#moves").region
    rows = screen_text(app).rstrip("\n").split("\n")
    return "\n".join(row[region.x:region.right] for row in rows[region.y:region.bottom])


def expected_moves(screen: TableScreen, side: Side) -> list[str]:
    """The moves the engine lets ``side`` make now, one entry per key (a gesture only when one is open)."""
    seat = options(screen.session.game, side)
    empty = {act.Gesture.kind: seat.gestures, act.Retaliate.kind: seat.retaliations, act.Renege.kind: seat.reneges}
    kinds = {kind for kind in seat.kinds if kind not in empty or empty[kind]}
    return [move.name for move in MOVES if move.kind in kinds]


def whole(move, bar: str) -> bool:
    return f"{move.key_label} {move.label}" in bar or f"{move.label} · {move.key_label}" in bar


def footer(app: TabletopApp) -> str:
    return screen_text(app).rstrip("\n").split("\n")[-1]


async def assert_whole(pilot, screen: TableScreen, side: Side) -> None:
    app = pilot.app
    names = expected_moves(screen, side)
    assert len(names) >= 4, names
    moves = [m for m in MOVES if m.name in names]
    # the bar and the footer are redrawn a moment after the move (longer on a loaded machine): wait for them
    with contextlib.suppress(AssertionError):  # the checks below say what is missing
        await wait_for(pilot, lambda: all(whole(m, move_bar(app)) for m in moves) and "Help" in footer(app))
    bar = move_bar(app)
    for move in moves:
        assert whole(move, bar), f"{move.label} ({move.key_label}) is not whole in the move bar:\n{bar}"
    assert "Brief" in footer(app) and "Help" in footer(app), footer(app)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_move_of_the_negotiation_is_whole_in_the_move_bar(size):
    app = TabletopApp(scenario=resolve("autumn-2025"), washington="human", moscow="human", seed=3, pace=0)
    async with app.run_test(size=size) as pilot:
        screen = await hot_seat_turn(pilot, W, Phase.NEGOTIATION)
        await pilot.pause()
        names = expected_moves(screen, W)
        assert {"propose", "pass", "walk_out", "ask", "disclose", "meso", "address"} <= set(names), names
        await assert_whole(pilot, screen, W)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_answer_to_a_package_is_whole_in_the_move_bar(size):
    app = TabletopApp(scenario=resolve("autumn-2025"), washington="human", moscow="human", seed=3, pace=0)
    async with app.run_test(size=size) as pilot:
        screen = await hot_seat_turn(pilot, W, Phase.NEGOTIATION)
        rungs = options(screen.session.game, W).offer_rungs
        package = Offer(tuple(Concession(i, r[0]) for i, r in list(rungs.items())[:4] if r), ())
        assert screen.act(act.Propose(W, package))
        screen = await hot_seat_turn(pilot, M, Phase.NEGOTIATION)
        await pilot.pause()
        assert {"accept", "counter", "reject"} <= set(expected_moves(screen, M))
        await assert_whole(pilot, screen, M)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_statement_is_whole_in_the_move_bar(size):
    app = TabletopApp(scenario=resolve("autumn-2025"), washington="human", moscow="human", seed=3, pace=0)
    async with app.run_test(size=size) as pilot:
        screen = await hot_seat_turn(pilot, W, Phase.STATEMENTS)
        await pilot.pause()
        assert {"conciliatory", "neutral", "hardline"} <= set(expected_moves(screen, W))
        await assert_whole(pilot, screen, W)


async def test_the_widest_row_with_renege_is_whole_at_80_columns():
    app = TabletopApp(scenario=resolve("autumn-2025"), washington="human", moscow="human", seed=3, pace=0)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await hot_seat_turn(pilot, W, Phase.NEGOTIATION)
        rungs = options(screen.session.game, W).offer_rungs
        package = Offer(tuple(Concession(i, r[0]) for i, r in list(rungs.items())[:4] if r), ())
        assert screen.act(act.Propose(W, package))
        screen = await hot_seat_turn(pilot, M, Phase.NEGOTIATION)
        assert screen.act(act.Accept(M))
        game = screen.session.game
        for _ in patiently():  # both sides pass until a renege is open to Washington on its turn
            now = app.screen
            if isinstance(now, InjectChoiceScreen):
                now.action_choose("absorb")
            elif not isinstance(now, TableScreen):
                await pilot.press("enter")
            elif now.actor() in game.awaiting() and game.state.phase is Phase.STATEMENTS:
                await pilot.press("n")
            elif now.actor() in game.awaiting() and game.state.phase is Phase.NEGOTIATION:
                if now.actor() is W and options(game, W).reneges:
                    break
                assert now.act(act.Pass(now.actor()))
            await pilot.pause(0.02)
        await pilot.pause()
        names = expected_moves(screen, W)
        assert {"propose", "renege", "pass", "conclude", "walk_out"} <= set(names), names
        await assert_whole(pilot, screen, W)


async def test_at_120_columns_the_footer_cuts_no_key_when_every_talk_move_is_open():
    app = TabletopApp(scenario=resolve("autumn-2025"), washington="human", moscow="human", seed=3, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await hot_seat_turn(pilot, W, Phase.NEGOTIATION)
        assert {"ask", "disclose", "meso", "address"} <= set(expected_moves(screen, W))
        await assert_whole(pilot, screen, W)
        # every key the footer offers is whole in it, up to the palette's hint at its right end
        offered = [f"{b.binding.key_display or b.binding.key} {b.binding.description}"
                   for b in screen.active_bindings.values() if b.binding.show and b.enabled]
        assert "b Brief" in offered and "w Walk out" in offered, offered
        await wait_for(pilot, lambda: "Walk out" in footer(app))
        shown = footer(app)
        for key in offered:
            assert key in shown, f"{key!r} is cut from the footer:\n{shown}"
