"""Issue 11, bug 9: the facilitator's note dialog names the number the note is kept under, and a counter
pre-filled from a package past the player's red line keeps no lone link mark (nor a rung it may not offer)."""

from __future__ import annotations

from tuikit import screen_text, wait_for

from tabletop.engine import actions as act
from tabletop.engine.game import Game
from tabletop.engine.model import Posture, Side
from tabletop.engine.state import Concession, Offer, Phase
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.classroom import Classroom
from tabletop.tui.screens.console import ConsoleScreen
from tabletop.tui.screens.console_dialogs import FacilitatorNoteScreen
from tabletop.tui.screens.offer import ConcessionRow, OfferBuilderScreen
from tabletop.tui.screens.table import TableScreen

W, M = Side.WASHINGTON, Side.MOSCOW


async def test_the_note_dialog_and_the_console_give_the_note_the_same_number():
    app = TabletopApp(scenario=resolve("tutorial"), washington="human", moscow="grit", seed=5, pace=0,
                      classroom=Classroom())
    async with app.run_test(size=(140, 44)) as pilot:
        while not isinstance(app.screen, TableScreen):
            await pilot.press("enter")
            await pilot.pause()
        game = app.screen.session.game
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ConsoleScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, FacilitatorNoteScreen))
        number = len(game.actions) + 1
        assert f"A note on this moment (round 1, #{number})" in screen_text(app)
        await pilot.press(*"Opening", "ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConsoleScreen))
        await pilot.press("4")  # the notes tab
        await pilot.pause()
        assert f"Round 1, #{number}: Opening" in screen_text(app)


def countering(game_setup) -> Game:
    game = Game(resolve("istanbul-2025-02"), 4, {W: "human", M: "grit"})
    game.apply(act.Statement(W, Posture.NEUTRAL))
    game.apply(act.Statement(M, Posture.NEUTRAL))
    game_setup(game)
    assert game.state.phase is Phase.NEGOTIATION and game.state.to_move is W and game.state.offer is not None
    return game


async def open_counter(pilot, game: Game) -> OfferBuilderScreen:
    app = pilot.app
    await pilot.pause()
    app.resume_game(game)
    while not isinstance(app.screen, TableScreen):
        await pilot.press("enter")
        await pilot.pause()
    table = app.screen
    await wait_for(pilot, lambda: table.actor() in game.awaiting())
    await pilot.press("o")
    await wait_for(pilot, lambda: isinstance(app.screen, OfferBuilderScreen))
    await pilot.pause()
    return app.screen


LINKED = (("properties", "local-hires"),)


async def test_a_counter_from_a_package_past_my_red_line_keeps_no_lone_link():
    def setup(game: Game) -> None:  # the properties already at Washington's absolute red line (rung 2)
        game.apply(act.Gesture(W, "properties", 2))
        game.apply(act.Propose(M, Offer((Concession("properties", 3), Concession("local-hires", 1)), LINKED)))

    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        builder = await open_counter(pilot, countering(setup))
        assert "Mark at least two concessions to link them" not in screen_text(app)
        assert not any(row.linked for row in builder.query(ConcessionRow))
        assert builder.build() == Offer((Concession("local-hires", 1),), ())


async def test_a_counter_brings_a_rung_past_my_red_line_down_to_it():
    def setup(game: Game) -> None:
        game.apply(act.Propose(W, Offer((Concession("local-hires", 1),), ())))
        game.apply(act.Counter(M, Offer((Concession("properties", 3), Concession("local-hires", 1)), LINKED)))

    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        builder = await open_counter(pilot, countering(setup))
        text = screen_text(app)
        assert "past your absolute red line" not in text and "Mark at least two" not in text
        assert builder.build() == Offer((Concession("local-hires", 1), Concession("properties", 2)),
                                        (("local-hires", "properties"),))
