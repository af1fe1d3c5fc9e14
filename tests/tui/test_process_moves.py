"""The process moves at the table, with keys (issue 10, point 3): ask (q), state priorities (i), a MESO (m),
pick one of a set (k), address Europe or Beijing (d). Each dialog lists what the engine offers."""

from __future__ import annotations

from pathlib import Path

from tuikit import screen_text, wait_for

from tabletop.engine import actions as act
from tabletop.engine.game import Game
from tabletop.engine.model import Message, Posture, Response, Side
from tabletop.engine.process_options import equal_sets
from tabletop.engine.state import Phase
from tabletop.saves.format import load_save
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.dialogs import ChoiceScreen
from tabletop.tui.screens.process_dialogs import RankingScreen
from tabletop.tui.screens.table import TableScreen

W, M = Side.WASHINGTON, Side.MOSCOW
# Istanbul, April 2025, as a rules-2 save froze it: the shipped file may be retuned, this copy does not move.
SCENARIO = load_save(Path(__file__).parent.parent / "data" / "saves-v2" / "istanbul-2025-04.jsonl").scenario


def at_negotiation(opponent: str = "tit-for-tat", moscow_first: bool = False) -> Game:
    """Round 1's negotiation, Washington to move (Moscow, holding the initiative, passed; or, with
    ``moscow_first``, Moscow to move)."""
    game = Game(SCENARIO, 4, {W: "human", M: opponent})
    while game.state.phase is not Phase.NEGOTIATION:   # neutral words; any news absorbed
        side = game.awaiting()[0]
        pending = game.state.pending
        game.apply(act.RespondInject(side, pending[0], Response.ABSORB) if pending else act.Statement(side, Posture.NEUTRAL))
    if game.state.to_move is M and not moscow_first:
        game.apply(act.Pass(M))
    assert game.state.to_move is (M if moscow_first else W)
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


def taken(screen: TableScreen, kind: type[act.Action]) -> list[act.Action]:
    return [a for a in screen.session.game.actions if isinstance(a, kind)]


async def test_ask_and_the_computer_answers_in_the_log():
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_table(pilot, at_negotiation())
        await pilot.press("q")
        await wait_for(pilot, lambda: taken(screen, act.DisclosePriorities))
        assert taken(screen, act.AskPriorities) == [act.AskPriorities(W)]
        assert any("asks Moscow which irritants matter most" in e.text for _, e in screen.session.game.events)
        await wait_for(pilot, lambda: "Moscow says what matters most to it" in screen_text(app))


async def test_state_priorities_in_the_order_picked():
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_table(pilot, at_negotiation())
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, RankingScreen))
        await pilot.press("down", "enter", "up", "enter")   # the second irritant first, then the first
        await wait_for(pilot, lambda: "You will say:" in screen_text(app))
        await pilot.press("s")
        await wait_for(pilot, lambda: taken(screen, act.DisclosePriorities))
        first, second = SCENARIO.irritants[0].id, SCENARIO.irritants[1].id
        assert taken(screen, act.DisclosePriorities) == [act.DisclosePriorities(W, (second, first))]
        await wait_for(pilot, lambda: "Washington says what matters most to it" in screen_text(app))


async def test_a_meso_from_the_engines_sets():
    game = at_negotiation()
    expected = equal_sets(game, W)[0]
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_table(pilot, game)
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "each +" in screen_text(app) and "for you" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: taken(screen, act.ProposeMeso))
        assert taken(screen, act.ProposeMeso) == [act.ProposeMeso(W, expected)]
        assert any("packages on the table" in e.text for _, e in screen.session.game.events)


async def test_pick_one_package_of_the_set_on_the_table():
    game = at_negotiation(moscow_first=True)
    game.apply(act.ProposeMeso(M, equal_sets(game, M)[0]))
    assert game.state.to_move is W and game.state.meso
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_table(pilot, game)
        await wait_for(pilot, lambda: "packages of equal value to it: pick one" in screen_text(app))
        assert "(2)" in screen_text(app) and "Your private score" in screen_text(app)
        await pilot.press("k")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "your score" in screen_text(app)
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: taken(screen, act.AcceptOption))
        assert taken(screen, act.AcceptOption) == [act.AcceptOption(W, 1)]
        assert screen.session.game.state.deals, "the package picked is implemented"


async def test_address_europe():
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_table(pilot, at_negotiation())
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "European capitals and Kyiv: the talks will not come at their expense" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: taken(screen, act.Address))
        assert taken(screen, act.Address) == [act.Address(W, "europe", Message.REASSURE)]
        assert any("Washington addresses European capitals" in e.text for _, e in screen.session.game.events)
