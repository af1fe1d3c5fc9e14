"""The hotwash after a facilitated game: the debrief in short, objectives against what happened, notes, questions."""

from __future__ import annotations

from classkit import all_text, to_table, wait_for
from textual.widgets import TabbedContent

from tabletop.engine import actions as act
from tabletop.engine.game import HUMAN, Game
from tabletop.engine.model import Posture, Side
from tabletop.engine.state import Phase
from tabletop.reports.hotwash import inject_schedule, objective_reviews
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.debrief import DebriefScreen
from tabletop.tui.screens.end import OutcomeScreen
from tabletop.tui.screens.hotwash import HotwashScreen
from tabletop.tui.screens.table import TableScreen

W, M = Side.WASHINGTON, Side.MOSCOW


def next_move(game: Game) -> act.Action:
    """A dull but legal move for whoever is due: neutral words, absorb, pass, decline."""
    side = game.awaiting()[0]
    phase = game.state.phase
    if phase is Phase.STATEMENTS:
        return act.Statement(side, Posture.NEUTRAL)
    if phase is Phase.INJECT_RESPONSE:
        return act.RespondInject(side, game.state.pending[0], act.Response.ABSORB)
    if phase is Phase.CONCLUDE_PENDING:
        return act.DeclineConclude(side)
    return act.Reject(side) if game.state.offer is not None else act.Pass(side)


def nearly_over(facilitated: bool = True) -> Game:
    """A tutorial game one move from its deadline, with a note and a retaliation on the way."""
    game = Game(resolve("tutorial"), 5, {W: HUMAN, M: HUMAN})
    if facilitated:
        game.apply(act.Note("Both sides open cautiously", "logroll"))
    while True:
        move = next_move(game)
        trial = game.copy()
        trial.apply(move)
        if trial.is_over:
            return game
        game.apply(move)
        if facilitated and game.state.round == 3 and not any(isinstance(a, act.Note) and a.objective == "composure"
                                                             for a in game.actions):
            game.apply(act.Note("The leak landed; nobody retaliated", "composure"))


def test_objectives_beside_what_happened():
    game = nearly_over()
    game.apply(next_move(game))
    assert game.is_over
    reviews = {r.objective.id: r for r in objective_reviews(game)}
    assert set(reviews) == {"logroll", "composure"}
    composure = reviews["composure"]
    assert composure.objective.expected.startswith("After the press leak")
    assert composure.happened[0].startswith("Outcome: ")
    leak = next(line for line in composure.happened if "A press leak" in line)
    assert leak.startswith("“A press leak” fired in round 3.")
    assert "Then: in rounds 3–4, Washington: neutral words" in leak and "Moscow: neutral words" in leak
    assert [n.text for n in composure.notes] == ["The leak landed; nobody retaliated"]
    assert [n.text for n in reviews["logroll"].notes] == ["Both sides open cautiously"]
    assert reviews["logroll"].notes[0].round == 1 and reviews["logroll"].notes[0].at == 1


def test_the_events_list_as_it_stands():
    game = Game(resolve("istanbul-2025-02"), 3)
    game.apply(act.HoldInject("harsh-words"))
    game.apply(act.SkipInject("left-out"))
    game.apply(act.FireInject("press-leak"))
    status = {item.inject.id: item for item in inject_schedule(game)}
    assert status["harsh-words"].status == "held" and status["left-out"].status == "skipped"
    assert status["press-leak"].status_text == "fired R1 by hand"
    assert status["agrement"].status == "upcoming" and status["agrement"].when == "round 2"
    assert [item.number for item in inject_schedule(game)] == list(range(1, len(game.scenario.injects) + 1))


async def finish_at_the_table(app: TabletopApp, game: Game, pilot) -> None:
    app.resume_game(game)
    table = await to_table(pilot)
    key = {"statements": "n", "negotiation": "s"}[game.state.phase.value]
    side = game.awaiting()[0]
    await wait_for(pilot, lambda: app.screen is table and table.actor() is side)
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.screen, OutcomeScreen))
    await pilot.press("enter")


async def test_a_facilitated_game_ends_in_the_hotwash():
    game = nearly_over()
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await finish_at_the_table(app, game, pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, HotwashScreen))
        hotwash = app.screen
        text = all_text(app)
        assert "Value left on the table" in text or "value left on the table" in text
        await pilot.press("tab", "tab", "2")  # (with the focus in a pane, too)
        await pilot.pause()
        assert hotwash.query_one(TabbedContent).active == "objectives"
        text = all_text(app)
        assert "Expected outcome" in text and "What happened" in text
        assert "After the press leak in" in text  # the expected outcome, wrapped in its column
        assert "fired in round 3" in text and "The leak landed; nobody retaliated" in text
        await pilot.press("3")
        await pilot.pause()
        text = all_text(app)
        assert "Round 1, #1" in text and "Both sides open cautiously" in text
        assert "Trade a concession you value little" in text  # the objective the note is tagged with
        await pilot.press("4")
        await pilot.pause()
        assert "How did the press leak change your posture" in all_text(app)
        depth = len(app.screen_stack)
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.press("w")  # back to the hotwash, not a new one on top
        await wait_for(pilot, lambda: app.screen is hotwash)
        assert len(app.screen_stack) == depth


async def test_a_game_without_a_facilitator_ends_in_the_debrief_which_opens_the_hotwash():
    game = nearly_over(facilitated=False)
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await finish_at_the_table(app, game, pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, HotwashScreen))
        await pilot.press("3")
        await pilot.pause()
        assert "No notes were taken." in all_text(app)
        assert not isinstance(app.screen, TableScreen)


def test_the_hotwash_analysis_needs_no_textual():
    import subprocess
    import sys

    code = ("import sys, tabletop.reports.hotwash\n"
            "print([m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
