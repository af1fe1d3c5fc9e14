"""Issue 11 at the table: what the player is told and shown (rejection reasons, red-line costs, previews, keys)."""

from __future__ import annotations

from tuikit import hot_seat_turn, patiently, screen_text, wait_for

from tabletop.engine import actions as act
from tabletop.engine.game import Game
from tabletop.engine.model import Posture, Side
from tabletop.engine.state import Concession, Offer, Phase
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.dialogs import ChoiceScreen, ConfirmScreen, InjectChoiceScreen
from tabletop.tui.screens.table import TableScreen
from tabletop.tui.widgets.event_log import EventLog

W, M = Side.WASHINGTON, Side.MOSCOW


def log_text(screen: TableScreen) -> str:
    """The log panel's lines joined again (they are wrapped at the panel's width)."""
    return " ".join(" ".join(strip.text.split()) for strip in screen.query_one(EventLog).lines)


async def to_my_turn(pilot, phase: Phase) -> TableScreen:
    """Answer briefings, news and forced choices with keys until the human may act in ``phase``."""
    app = pilot.app
    for _ in patiently():
        screen = app.screen
        if isinstance(screen, TableScreen):
            game = screen.session.game
            if game.state.phase is phase and screen.actor() in game.awaiting():
                return screen
            if game.state.phase is Phase.STATEMENTS and screen.actor() in game.awaiting():
                await pilot.press("n")
        elif isinstance(screen, InjectChoiceScreen):
            screen.action_choose("absorb")  # its keys are another issue's (bug 2): answer as a click would
        else:
            await pilot.press("enter")
        await pilot.pause(0.02)
    raise AssertionError("never reached " + phase.value + "\n" + screen_text(app))


async def test_a_package_past_the_computers_absolute_red_line_is_turned_down_with_the_part_named():
    app = TabletopApp(scenario=resolve("new-start-2026"), moscow="tit-for-tat", seed=51, pace=0)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await to_my_turn(pilot, Phase.NEGOTIATION)
        game = screen.session.game
        china = game.scenario.irritant("china")
        package = Offer((Concession("china", china.top),), ())
        move = act.Counter if game.state.offer is not None else act.Propose
        assert screen.act(move(W, package))
        await wait_for(pilot, lambda: game.state.offer != package or game.state.offer_by is not W)
        await pilot.pause()
        said = f"Moscow cannot accept “{china.name}” going past its absolute red line."
        assert said in log_text(screen)
        assert not any(ch.isdigit() for ch in said)


async def test_accepting_past_my_priced_red_line_shows_its_cost_on_the_table():
    app = TabletopApp(scenario=resolve("tutorial"), washington="human", moscow="human", seed=3, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await hot_seat_turn(pilot, W, Phase.NEGOTIATION)
        game = screen.session.game
        banking = game.scenario.irritant("banking")  # Moscow's priced red line: rung 2, 4 standing
        assert screen.act(act.Propose(W, Offer((Concession("visas", 1), Concession("banking", banking.top)), ())))
        screen = await hot_seat_turn(pilot, M, Phase.NEGOTIATION)
        text = " ".join(screen_text(app).split())
        assert f"⚑ Accepting crosses your red line on {banking.name} (−4 standing)" in text
        before = game.state.standing_of(M)
        assert f"your standing {before} → " in text


async def test_a_package_without_a_priced_red_line_shows_no_flag():
    app = TabletopApp(scenario=resolve("tutorial"), washington="human", moscow="human", seed=3, pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await hot_seat_turn(pilot, W, Phase.NEGOTIATION)
        assert screen.act(act.Propose(W, Offer((Concession("visas", 1), Concession("banking", 1)), ())))
        await hot_seat_turn(pilot, M, Phase.NEGOTIATION)
        assert "Accepting crosses your red line" not in " ".join(screen_text(app).split())


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


async def test_the_renege_dialog_previews_score_trust_and_standing():
    game = game_with_a_deal()
    renege = act.Renege(W, 1, "visas")
    trial = game.copy()
    trial.apply(renege)
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.resume_game(game)
        while not (isinstance(app.screen, TableScreen) and app.screen.actor() is W and W in game.awaiting()):
            await pilot.press("enter")  # the briefing
            await pilot.pause()
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        text = " ".join(screen_text(app).split())
        assert f"your score {game.score(W):.1f} → {trial.score(W):.1f}" in text
        assert f"trust {game.state.trust} → {trial.state.trust}" in text
        assert f"your standing {game.state.standing_of(W)} → {trial.state.standing_of(W)}" in text
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, TableScreen))
        assert not any(a.kind == "renege" for a in game.actions)
