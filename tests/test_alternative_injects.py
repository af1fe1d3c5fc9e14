"""Issue 10, point 1: injects move a side's outside option (its walk-away), and only that side sees by how much.

The shipped scenarios carry such injects where the facts support them (sanctions on the oil majors worsen
Moscow's, a new EU package and a threat of US sanctions firm up Washington's; in the hypothetical freeze,
Moscow courting Beijing and allies expelling in solidarity). The shared log and the news flash say which way
the option moved, never the number; the side's own panel shows its walk-away as the inject left it.
"""

from __future__ import annotations

import pytest

from tabletop.engine.actions import FireInject
from tabletop.engine.game import Game
from tabletop.engine.model import SIDES, Side
from tabletop.scenarios.library import resolve
from tabletop.tui.widgets.private import score_line

W, M = Side.WASHINGTON, Side.MOSCOW

MOVED = [
    ("autumn-2025", "oil-majors", M, -2),
    ("autumn-2025", "eu-package", W, 2),
    ("istanbul-2025-04", "sanctions-threat", W, 2),
    ("freeze", "looks-east", M, 3),
    ("freeze", "allies-expel", W, 2),
]


def test_the_shipped_injects_that_move_an_outside_option_are_these():
    found = []
    for scenario_id in ("autumn-2025", "freeze", "istanbul-2025-02", "istanbul-2025-04", "new-start-2026",
                        "summer-2025", "tutorial"):
        for inject in resolve(scenario_id).injects:
            for effects in (inject.effects, inject.respond, inject.absorb):
                for side, change in (effects.alternative.items() if effects else ()):
                    found.append((scenario_id, inject.id, Side(side), change))
    assert sorted(found) == sorted(MOVED)
    # both directions, and each side's option moves somewhere
    assert {side for _, _, side, _ in found} == set(SIDES) and {c > 0 for *_, c in found} == {True, False}


@pytest.mark.parametrize("scenario_id, inject_id, side, change", MOVED)
def test_an_inject_moves_one_sides_walk_away_and_only_that_side_sees_the_number(scenario_id, inject_id, side, change):
    game = Game(resolve(scenario_id), 7, {W: "human", M: "human"})
    before = {s: game.state.alternative_of(s) for s in SIDES}
    game.apply(FireInject(inject_id))
    after = {s: game.state.alternative_of(s) for s in SIDES}
    assert after[side] == before[side] + change and after[side.other] == before[side.other]
    name = game.scenario.sides[side].name
    news = next(event.text for _, event in game.events if event.inject == inject_id)
    assert f"{name}'s outside option looks {'firmer' if change > 0 else 'weaker'}" in news
    assert "alternative" not in news and f"{change:+d}" not in news.split("(")[-1]
    # the side's own panel shows the walk-away as the inject left it
    assert f"Walk-away value {after[side]:g}" in score_line(game.scenario, game.state, side).plain
    assert f"Walk-away value {after[side.other]:g}" in score_line(game.scenario, game.state, side.other).plain


async def test_the_news_flash_says_which_way_an_outside_option_moved_never_the_number():
    from screentext import screen_text
    from textual.app import App

    from tabletop.tui.screens.dialogs import NewsFlashScreen

    scenario = resolve("freeze")
    inject = scenario.inject("looks-east")
    app: App[None] = App()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(NewsFlashScreen("", inject, scenario))
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "Moscow looks east" in text and "Moscow's outside option looks firmer" in text
        assert "+3" not in text and "alternative" not in text


def test_an_audience_reaction_that_moves_an_outside_option_prints_no_number():
    from tabletop.engine import actions as act
    from tabletop.engine.model import Posture
    from tabletop.engine.scenario import parse_scenario
    from tabletop.engine.state import Concession, Offer
    from tabletop.scenarios.library import shipped_dir

    text = (shipped_dir() / "tutorial.toml").read_text(encoding="utf-8")
    old = "effects = { standing = { washington = -2 } }"  # Europe's reaction to flights resuming
    assert text.count(old) == 1
    scenario = parse_scenario(text.replace(old, old[:-2] + ", alternative = { washington = -3 } }"), "x.toml")
    game = Game(scenario, 1, {W: "human", M: "human"})
    for action in (act.Statement(W, Posture.NEUTRAL), act.Statement(M, Posture.NEUTRAL),
                   act.Propose(W, Offer((Concession("flights", 1), Concession("banking", 1)))), act.Accept(M)):
        game.apply(action)
    assert game.state.alternative_of(W) == 47
    line = next(event.text for _, event in game.events if event.text.startswith("European capitals:"))
    assert "Washington's outside option looks weaker" in line and "-3" not in line and "alternative" not in line
