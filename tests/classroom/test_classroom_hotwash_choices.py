"""Issue 10 review, point 4: the facilitator reads a forced choice's answer in the inject's own words.

Each forced choice has its own labels ("Let the words pass", "Grant agrément
now"); "respond" means opposite things in different injects. The console's
events list, the hotwash's objectives and what the target did next name the
label chosen, beside the expectation; the hotwash judges the answer only by the
inject's own check, never by which of the engine's two answers it was.
"""

from __future__ import annotations

import io

from classkit import all_text, to_table, wait_for
from rich.console import Console
from rich.table import Table
from textual.widgets import Static

from tabletop.engine import actions as act
from tabletop.engine.game import HUMAN, Game
from tabletop.engine.model import Response, Side
from tabletop.reports.hotwash import inject_schedule, objective_reviews
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.console import ConsoleScreen
from tabletop.tui.screens.hotwash import HotwashScreen

W, M = Side.WASHINGTON, Side.MOSCOW


def answered(scenario_id: str, inject_id: str, response: Response) -> Game:
    """A game where the facilitator fired ``inject_id`` by hand and its target answered ``response``."""
    game = Game(resolve(scenario_id), 3, {W: HUMAN, M: HUMAN})
    if not game.state.has_fired(inject_id):  # (freeze's mirror lands by itself in round 1)
        game.apply(act.FireInject(inject_id))
    while game.state.pending:
        pending = game.scenario.inject(game.state.pending[0])
        answer = response if pending.id == inject_id else Response.ABSORB
        game.apply(act.RespondInject(Side(pending.target.value), pending.id, answer))
    return game


def story(game: Game, inject_id: str) -> str:
    title = game.scenario.inject(inject_id).title
    return next(line for review in objective_reviews(game) for line in review.happened if title in line)


def test_the_events_list_and_the_objectives_name_the_label_chosen_and_the_expectation():
    for response in Response:
        game = answered("istanbul-2025-02", "harsh-words", response)
        inject = game.scenario.inject("harsh-words")
        label = inject.respond_label if response is Response.RESPOND else inject.absorb_label
        other = inject.absorb_label if response is Response.RESPOND else inject.respond_label
        status = next(item for item in inject_schedule(game) if item.inject.id == "harsh-words").status_text
        assert status == f"fired R1 by hand, answered “{label}”"
        line = story(game, "harsh-words")
        assert f"Washington chose “{label}” (not “{other}”)." in line, line
        assert f"Expected: {inject.expected_action}" in line
        assert "responded" not in line and "absorbed" not in line
        # no check in the scenario: the hotwash does not pretend that either answer was the expected one
        assert "Done" not in line and "Not done" not in line


def test_an_inject_with_a_check_is_judged_by_its_check_whichever_answer_it_names():
    # agrement expects "respond" (grant it now); freeze's mirror expects "absorb": each judged by its own check
    for scenario_id, inject_id, expected in (("istanbul-2025-02", "agrement", Response.RESPOND),
                                             ("freeze", "mirror", Response.ABSORB)):
        for response in Response:
            game = answered(scenario_id, inject_id, response)
            inject = game.scenario.inject(inject_id)
            label = inject.respond_label if response is Response.RESPOND else inject.absorb_label
            line = story(game, inject_id)
            assert f"chose “{label}”" in line and f"Expected: {inject.expected_action}" in line, line
            assert (": yes." in line) == (response is expected), line


def test_what_the_target_did_next_names_the_label_too():
    game = answered("istanbul-2025-02", "harsh-words", Response.ABSORB)
    line = story(game, "harsh-words")
    assert "Then: in round 1, Washington: “Let the words pass”" in line, line


async def test_the_facilitator_reads_the_labels_in_the_console_and_the_hotwash():
    game = answered("istanbul-2025-02", "harsh-words", Response.ABSORB)
    inject = game.scenario.inject("harsh-words")
    app = TabletopApp(pace=0)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        app.resume_game(game)
        await to_table(pilot)
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ConsoleScreen))
        await pilot.press("1")  # the events list
        await pilot.pause()
        assert "answered “Let the words pass”" in " ".join(all_text(app).split())
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ConsoleScreen))
        app.push_screen(HotwashScreen(app.session))
        await wait_for(pilot, lambda: isinstance(app.screen, HotwashScreen))
        await pilot.press("2")
        await pilot.pause()
        tables = [w.content for w in app.screen.query(Static) if isinstance(w.content, Table)]
        console = Console(width=4000, record=True, file=io.StringIO())
        for table in tables:  # the objectives table, whole (the screen shows part of it, wrapped in columns)
            console.print(table)
        text = " ".join(console.export_text().split())
        assert "Washington chose “Let the words pass”" in text
        assert " ".join(inject.expected_action.split()) in text
        assert "absorbed" not in text and "responded" not in text
