"""The table: legal moves in the footer, buttons and palette; dialogs; confirmations; injects; small screens."""

from __future__ import annotations

from screentext import toast_text
from textual.widgets import Button
from tuikit import patiently, screen_text, wait_for

from tabletop.engine import actions as act
from tabletop.engine.game import Game
from tabletop.engine.model import Posture, Response, Side
from tabletop.engine.state import Concession, Offer, Phase
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.dialogs import ChoiceScreen, ConfirmScreen, InjectChoiceScreen, NewsFlashScreen
from tabletop.tui.screens.end import OutcomeScreen
from tabletop.tui.screens.offer import ConcessionRow, OfferBuilderScreen
from tabletop.tui.screens.table import TableScreen

W, M = Side.WASHINGTON, Side.MOSCOW


async def to_table(pilot) -> TableScreen:
    """Through the briefing to the table."""
    app = pilot.app
    await pilot.pause()
    while not isinstance(app.screen, TableScreen):
        await pilot.press("enter")
        await pilot.pause()
    await pilot.pause()
    return app.screen


async def my_turn(pilot, phase: Phase) -> TableScreen:
    screen = pilot.app.screen
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, TableScreen) and screen.session.game.state.phase is phase
                   and screen.actor() in screen.session.game.awaiting())
    return screen


def footer_keys(app) -> set[str]:
    return {b.binding.description for b in app.screen.active_bindings.values() if b.enabled}


async def test_only_legal_moves_are_offered():
    app = TabletopApp(scenario=resolve("tutorial"), seed=2, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await to_table(pilot)
        await my_turn(pilot, Phase.STATEMENTS)
        assert {"Conciliatory", "Neutral", "Hardline"} <= footer_keys(app)
        assert "Propose" not in footer_keys(app)
        assert not screen.query_one("#move-propose", Button).display
        palette = {c.title for c in screen.palette_commands()}
        assert "Neutral (n)" in palette and not any(t.startswith("Propose") for t in palette)
        await pilot.press("p")           # not legal now: nothing happens
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("c")
        await my_turn(pilot, Phase.NEGOTIATION)
        assert {"Propose", "Gesture", "Pass", "Conclude", "Walk out"} <= footer_keys(app)
        assert "Accept" not in footer_keys(app)
        palette = {c.title for c in screen.palette_commands()}
        assert "Propose (p)" in palette
        assert screen.query_one("#move-propose", Button).display


async def test_a_refused_move_is_a_notification_not_a_crash():
    app = TabletopApp(scenario=resolve("tutorial"), seed=2, pace=0)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await to_table(pilot)
        await my_turn(pilot, Phase.STATEMENTS)
        before = len(screen.session.game.actions)
        assert screen.act(act.Pass(M)) is False
        # the player sees why, in a toast over the table, and the game did not move
        await wait_for(pilot, lambda: "Not allowed" in screen_text(app))
        assert "Not allowed pass is not allowed in the statements phase" in toast_text(app)
        assert app.screen is screen and len(screen.session.game.actions) == before


async def test_proposal_with_mouse_and_keys_shows_my_score_and_reaches_the_table():
    app = TabletopApp(scenario=resolve("tutorial"), moscow="conceder", seed=2, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await to_table(pilot)
        await my_turn(pilot, Phase.STATEMENTS)
        await pilot.click("#move-conciliatory")
        await my_turn(pilot, Phase.NEGOTIATION)
        await pilot.click("#move-propose")
        await wait_for(pilot, lambda: isinstance(app.screen, OfferBuilderScreen))
        builder = app.screen
        rows = {row.irritant.id: row for row in builder.query(ConcessionRow)}
        await pilot.press("right", "right", "space")           # visas up two rungs, linked
        await pilot.click(rows["banking"], offset=(3, 0))      # ▶ on banking
        await pilot.press("right", "space")
        await pilot.pause()
        text = screen_text(app)
        assert "Your private score" in text and "walk-away 50" in text
        offer = builder.build()
        assert offer == Offer((Concession("visas", 2), Concession("banking", 2)), (("banking", "visas"),))
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(screen.session.game.state.deals) == 1 or
                       screen.session.game.state.offer is None and isinstance(app.screen, TableScreen))
        game = screen.session.game
        first = game.actions[2] if game.actions[0].kind == "statement" else None
        assert any(isinstance(a, act.Propose) and a.offer == offer for a in game.actions), first


async def test_walking_out_asks_first():
    app = TabletopApp(scenario=resolve("tutorial"), seed=2, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await to_table(pilot)
        await my_turn(pilot, Phase.STATEMENTS)
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "Walk out of the talks?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and not screen.session.game.is_over
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, OutcomeScreen))
        assert "walked out" in screen_text(app)


def game_with_a_deal() -> Game:
    """One package implemented in round 1; in round 2 Moscow passed, and Washington is to move."""
    game = Game(resolve("tutorial"), 4, {W: "human", M: "grit"})
    game.apply(act.Statement(W, Posture.NEUTRAL))
    game.apply(act.Statement(M, Posture.NEUTRAL))
    game.apply(act.Propose(W, Offer((Concession("visas", 1), Concession("banking", 1)))))
    game.apply(act.Accept(M))
    game.apply(act.Statement(W, Posture.NEUTRAL))
    game.apply(act.Statement(M, Posture.NEUTRAL))
    game.apply(act.Pass(M))
    assert game.state.to_move is W and "renege" in game.legal_kinds(W)
    return game


async def test_reneging_is_chosen_from_a_list_and_confirmed():
    game = game_with_a_deal()
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.resume_game(game)
        screen = await to_table(pilot)
        await my_turn(pilot, Phase.NEGOTIATION)
        trust = game.state.trust
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "Deal 1" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: any(a.kind == "renege" for a in game.actions))
        assert game.state.trust < trust
        assert screen.session.game is game


async def test_gesture_from_a_list():
    app = TabletopApp(scenario=resolve("tutorial"), seed=2, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await to_table(pilot)
        await my_turn(pilot, Phase.STATEMENTS)
        await pilot.press("n")
        await my_turn(pilot, Phase.NEGOTIATION)
        await pilot.press("g")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        text = screen_text(app)
        assert "Visas for Russian diplomats" in text and "Russian embassy banking" in text  # Washington's two
        await pilot.press("enter")
        await wait_for(pilot, lambda: any(a.kind == "gesture" for a in screen.session.game.actions))
        assert screen.session.game.state.rung(screen.session.game.scenario, "visas") == 1


async def test_news_flash_and_forced_choice():
    app = TabletopApp(scenario=resolve("istanbul-2025-02"), seed=2, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await to_table(pilot)
        game = screen.session.game
        for _ in patiently():   # play round 1 quickly: neutral words, pass
            await pilot.pause(0.02)
            if isinstance(app.screen, NewsFlashScreen):
                break
            if screen.actor() in game.awaiting():
                await pilot.press("n" if game.state.phase is Phase.STATEMENTS else "s")
        await wait_for(pilot, lambda: isinstance(app.screen, NewsFlashScreen))
        text = screen_text(app)
        assert "NEWS FLASH" in text
        # it waits to be acknowledged: no "moves on by itself", and another key neither closes it nor moves the game
        assert "Noted · Enter" in text and "moves on by itself" not in text
        moves = len(game.actions)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, NewsFlashScreen) and len(game.actions) == moves
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, InjectChoiceScreen))
        assert "You must answer" in screen_text(app)
        await pilot.press("1")
        await wait_for(pilot, lambda: any(a.kind == "respond_inject" for a in game.actions))
        answer = next(a for a in game.actions if a.kind == "respond_inject")
        assert answer.response is Response.RESPOND and answer.side is W


async def test_small_terminal_keeps_everything_reachable():
    app = TabletopApp(scenario=resolve("istanbul-2025-02"), seed=2, pace=0)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_table(pilot)
        assert screen.has_class("-narrow")
        assert "The irritants" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert "What has happened" in screen_text(app)
        assert "Round 1 of 8 opens" in screen_text(app)
        screen.query_one("#meters").focus()
        await pilot.pause()
        assert "Trust" in screen_text(app)
        await my_turn(pilot, Phase.STATEMENTS)
        await pilot.press("n")
        await my_turn(pilot, Phase.NEGOTIATION)
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, OfferBuilderScreen))
        await pilot.press("down", "down", "down", "down", "down", "down", "down", "right")
        await pilot.pause()
        text = screen_text(app)
        assert "Send" in text and "Your private score" in text


async def test_countering_edits_the_offer_on_the_table():
    game = Game(resolve("tutorial"), 4, {W: "human", M: "grit"})
    for action in (act.Statement(W, Posture.NEUTRAL), act.Statement(M, Posture.NEUTRAL), act.Pass(W),
                   act.Pass(M), act.Statement(W, Posture.NEUTRAL), act.Statement(M, Posture.NEUTRAL),
                   act.Propose(M, Offer((Concession("visas", 3), Concession("banking", 1))))):
        game.apply(action)
    assert game.state.to_move is W and game.state.offer is not None
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.resume_game(game)
        screen = await to_table(pilot)
        text = screen_text(app)
        assert "Moscow's package" in text and "Your private score" in text
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, OfferBuilderScreen))
        builder = app.screen
        assert builder.build() == game.state.offer            # the builder starts from the offer
        # visas one rung less; past "Russian embassy banking" (also Washington's to give), banking one more
        await pilot.press("left", "down", "down", "right", "enter")
        await wait_for(pilot, lambda: any(a.kind == "counter" for a in game.actions))
        counter = next(a for a in game.actions if a.kind == "counter")
        assert counter.offer.concessions == (Concession("banking", 2), Concession("visas", 2))
        assert screen.session.game is game
