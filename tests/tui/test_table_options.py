"""The table builds its choices from the engine's answers (options): rungs, gestures, and a refused acceptance."""

from __future__ import annotations

from textual.widgets import Button
from tuikit import screen_text, wait_for

from tabletop.engine import actions as act
from tabletop.engine.game import Game
from tabletop.engine.model import Posture, Side
from tabletop.engine.options import options
from tabletop.engine.state import Concession, Offer, Phase
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.dialogs import ChoiceScreen
from tabletop.tui.screens.offer import OfferBuilderScreen
from tabletop.tui.screens.table import TableScreen

W, M = Side.WASHINGTON, Side.MOSCOW


def istanbul_at_negotiation() -> Game:
    """Istanbul, February 2025 (Washington may not let the properties past rung 2): Washington to move."""
    game = Game(resolve("istanbul-2025-02"), 4, {W: "human", M: "grit"})
    game.apply(act.Statement(W, Posture.NEUTRAL))
    game.apply(act.Statement(M, Posture.NEUTRAL))
    assert game.state.phase is Phase.NEGOTIATION and game.state.to_move is W
    return game


async def open_table(pilot, game: Game) -> TableScreen:
    app = pilot.app
    await pilot.pause()
    app.resume_game(game)
    await pilot.pause()
    while not isinstance(app.screen, TableScreen):   # through the briefing
        await pilot.press("enter")
        await pilot.pause()
    screen = app.screen
    await wait_for(pilot, lambda: screen.actor() in screen.session.game.awaiting())
    return screen


def footer(app) -> dict[str, bool]:
    """Each key's description in the footer, and whether it is enabled."""
    return {b.binding.description: b.enabled for b in app.screen.active_bindings.values()}


async def test_an_offer_past_my_absolute_red_line_greys_accept_and_says_why():
    game = istanbul_at_negotiation()
    game.apply(act.Pass(W))
    game.apply(act.Propose(M, Offer((Concession("properties", 3), Concession("local-hires", 1)))))
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_table(pilot, game)
        await wait_for(pilot, lambda: "You cannot accept" in screen_text(app))
        text = screen_text(app)   # the panel wraps the sentence: read it in its two lines
        assert "You cannot accept: the offer crosses one of Washington's absolute" in text
        assert "red lines (on The six Russian properties). Counter or reject." in text
        assert screen.query_one("#offer-accept", Button).disabled
        keys = footer(app)
        assert keys.get("Accept") is False        # shown, greyed out: the engine refuses it
        assert keys.get("Counter") is True and keys.get("Reject") is True
        assert not screen.can_accept()


async def test_the_builder_stops_at_the_rungs_the_engine_offers():
    game = istanbul_at_negotiation()
    assert options(game, W).offer_rungs["properties"] == (1, 2)
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_table(pilot, game)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, OfferBuilderScreen))
        builder = app.screen
        assert "(your absolute red line: no higher than “Roadmap for their" in screen_text(app)
        await pilot.press("right", "right", "right")      # the first row is the properties, mine to give
        await pilot.pause()
        assert "Held, no access → Roadmap for their status" in screen_text(app)
        assert builder.build() == Offer((Concession("properties", 2),))


async def test_gestures_are_the_engines_list():
    game = istanbul_at_negotiation()
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_table(pilot, game)
        await pilot.press("g")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        text = screen_text(app)
        assert "Site visits allowed" in text and "Roadmap for their status" in text
        assert "Some properties returned" not in text       # past Washington's absolute red line
        listed = sum(1 for line in text.splitlines() if "your score" in line)
        # two rungs of the properties, two of the visas for Russian diplomats (Washington's cheap gesture, issue 10)
        assert listed == len(options(game, W).gestures) == 4


async def test_walking_out_states_the_score_the_engine_gives_it():
    game = istanbul_at_negotiation()
    after = game.copy()
    after.apply(act.WalkOut(W))
    expected = after.final_scores()[W]
    assert expected < game.scenario.sides[W].walk_away    # walking out costs something
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_table(pilot, game)
        await pilot.press("w")
        await wait_for(pilot, lambda: "Walk out of the talks?" in screen_text(app))
        text = " ".join(screen_text(app).split())
        assert f"you score {expected:.1f}" in text and "walk-away value is 55" in text
        assert not screen.session.game.is_over           # only asked, nothing done
