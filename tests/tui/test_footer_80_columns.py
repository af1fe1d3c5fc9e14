"""At 80 columns the table's footer shows every key it offers whole, even with Retaliate and Renege open.

The move bar showed every move whole at 80x24 (tests/tui/test_move_bar.py), but the footer's key list ran
off the right edge once Retaliate and Renege were offered: a player on a small terminal read half a key.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from textual.widgets import Footer
from tuikit import screen_text, wait_for

from tabletop.engine import actions as act
from tabletop.engine.game import Game
from tabletop.engine.model import Posture, Side
from tabletop.engine.options import options
from tabletop.engine.state import Concession, Offer
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.table import TableScreen
from tabletop.tui.screens.table_keys import MOVES

W, M = Side.WASHINGTON, Side.MOSCOW


def moscow_may_retaliate_and_renege() -> Game:
    """A tutorial game in which Moscow (the person) is to move with Retaliate and Renege both open: a deal in
    round 1, Moscow's gesture in round 2 (which it may take back), Washington (the computer) passing in round 3."""
    game = Game(resolve("tutorial"), 4, {W: "grit", M: "human"})
    neutral = [act.Statement(W, Posture.NEUTRAL), act.Statement(M, Posture.NEUTRAL)]
    for action in [*neutral, act.Propose(W, Offer((Concession("visas", 1), Concession("banking", 1)))),
                   act.Accept(M), *neutral, act.Gesture(M, "us-visas", 1), act.Pass(W), *neutral, act.Pass(W)]:
        game.apply(action)
    seat = options(game, M)
    assert game.awaiting() == (M,) and seat.retaliations and seat.reneges
    return game


def footer(app: TabletopApp) -> str:
    """The bottom row of the terminal: the footer as the player reads it."""
    return screen_text(app).rstrip("\n").split("\n")[-1]


def listed(app: TabletopApp) -> list[str]:
    """What the footer lists (its keys, and the palette's at its right end), each as it writes it: key, description."""
    return [f"{key.key_display} {key.description}" for key in app.screen.query_one(Footer).query("FooterKey")]


def open_now(screen: TableScreen, side: Side) -> list[str]:
    """The keys the player may press now, as "key Label": every move the engine opens to ``side`` (a gesture,
    retaliation or renege only when one is open), and Brief and Help."""
    seat = options(screen.session.game, side)
    empty = {act.Gesture.kind: seat.gestures, act.Retaliate.kind: seat.retaliations, act.Renege.kind: seat.reneges}
    kinds = {kind for kind in seat.kinds if kind not in empty or empty[kind]}
    return [f"{move.key_label} {move.label}" for move in MOVES if move.kind in kinds] + ["b Brief", "f1 Help"]


async def test_every_key_is_whole_at_80_columns_with_retaliate_and_renege(tmp_path):
    game = moscow_may_retaliate_and_renege()
    app = TabletopApp(pace=0, saves_dir=str(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.resume_game(game)
        while not (isinstance(app.screen, TableScreen) and app.screen.actor() is M and M in game.awaiting()):
            await pilot.press("enter")  # the briefing
            await pilot.pause()
        screen = app.screen
        keys = open_now(screen, M)
        assert "r Retaliate" in keys and "e Renege" in keys, keys

        def whole() -> bool:
            text = screen_text(app)
            return all(key in text for key in keys) and all(entry in footer(app) for entry in listed(app))

        # the footer is redrawn a moment after the keys change (longer on a loaded machine): wait for it
        with contextlib.suppress(AssertionError):  # the checks below say what is missing
            await wait_for(pilot, whole)
        if os.environ.get("TABLETOP_SCREENSHOT"):  # to look at it: an SVG, for rsvg-convert
            app.save_screenshot(str(Path(os.environ["TABLETOP_SCREENSHOT"]).resolve()))
        text, shown = screen_text(app), footer(app)
        for key in keys:  # every key open now is on the screen whole (in the move bar or the footer)
            assert key in text, f"{key!r} is not whole on the screen at 80 columns:\n{text}"
        for entry in listed(app):  # and nothing the footer lists runs off its edge
            assert entry in shown, f"{entry!r} is cut from the footer at 80 columns:\n{shown}"
        assert "b Brief" in shown and "f1 Help" in shown, shown
