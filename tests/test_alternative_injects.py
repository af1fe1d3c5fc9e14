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


def _numbers_of(scenario_id: str, inject_id: str, side: Side) -> tuple[str, ...]:
    """How the moved option's number could read on a screen or in a frame: the change (+2, -2, 2), and the walk-away
    before and after (22 and 20), each as a whole word."""
    scenario = resolve(scenario_id)
    change = scenario.inject(inject_id)
    moved = {**change.effects.alternative}
    amount = moved[side.value]
    before = scenario.sides[side].walk_away
    return tuple(dict.fromkeys((f"{amount:+d}", f"{abs(amount)}", f"{before + amount:g}")))


def _mentions(text: str, side_name: str, numbers: tuple[str, ...]) -> list[str]:
    """The sentences of ``text`` that speak of ``side_name``'s outside option or walk-away and hold one of
    ``numbers`` (as a whole word): what the other side must never read."""
    import re

    found = []
    for sentence in re.split(r"(?<=[.;:!?)])\s+|\n", text):
        lowered = sentence.lower()
        if side_name.lower() in lowered and ("outside option" in lowered or "walk-away" in lowered
                                             or "alternative" in lowered):
            found += [sentence for n in numbers if re.search(rf"(?<![\w.+-]){re.escape(n)}(?!\w|\.\d)", sentence)]
    return found


@pytest.mark.parametrize("scenario_id, inject_id, side, change", MOVED)
async def test_the_other_sides_screen_never_shows_the_moved_options_number(scenario_id, inject_id, side, change):
    """The side across the table plays at a local table (the moved side a computer): what its screens show
    (the news flash, an answer asked of it, the table with its log and private panel) says which way the
    option moved, never by how much, nor where it now stands."""
    from screentext import screen_text
    from textual.widgets import Static

    from tabletop.tui.app import TabletopApp
    from tabletop.tui.screens.briefing import BriefingScreen
    from tabletop.tui.screens.dialogs import InjectChoiceScreen, NewsFlashScreen
    from tabletop.tui.screens.table import TableScreen
    from tabletop.tui.widgets.event_log import EventLog

    other = side.other
    seats = {side: "hardliner", other: "human"}
    app = TabletopApp(scenario=resolve(scenario_id), washington=seats[W], moscow=seats[M], seed=7, pace=0)
    name = resolve(scenario_id).sides[side].name
    numbers = _numbers_of(scenario_id, inject_id, side)

    async def settle(seen: list[str]) -> TableScreen:
        """Read and answer every screen the game brings up for the other side until its table waits for it."""
        for _ in range(300):
            await pilot.pause(0.02)
            screen = app.screen
            seen.append(screen_text(app) + "\n" + "\n".join(str(w.content) for w in screen.query(Static)))
            if isinstance(screen, (BriefingScreen, NewsFlashScreen)):
                await pilot.press("enter")
            elif isinstance(screen, InjectChoiceScreen):
                await pilot.press("2")
            elif isinstance(screen, TableScreen) and not app.session.game.state.pending:
                return screen
        raise AssertionError(f"the table never came back: {type(app.screen).__name__}")

    async with app.run_test(size=(160, 50)) as pilot:
        await settle([])
        game = app.session.game
        app.session.apply(FireInject(inject_id))
        seen: list[str] = []
        table = await settle(seen)
        await pilot.pause()
        seen.append(" ".join(strip.text for strip in table.query_one(EventLog).lines))
        shown = "\n".join(seen)
        assert f"{name}'s outside option looks {'firmer' if change > 0 else 'weaker'}" in " ".join(shown.split())
        assert game.state.alternative_of(side) == resolve(scenario_id).sides[side].walk_away + change
        assert _mentions(shown, name, numbers) == []
        assert f"outside option {change:+d}" not in shown and "alternative" not in shown


@pytest.mark.parametrize("scenario_id, inject_id, side, change", MOVED)
async def test_the_other_sides_network_seat_is_never_sent_the_moved_options_number(tmp_path, scenario_id, inject_id,
                                                                                  side, change):
    """Both sides play over the network; the facilitator fires the inject. Every frame the other side's seat
    receives (and the table its client mirrors) is free of the moved option's number; the moved side's seat is
    sent its own walk-away as the inject left it."""
    import json

    from tabletop.engine.actions import Statement
    from tabletop.engine.model import Posture
    from tabletop.net.classfile import plan_for
    from tabletop.net.client import HostClient
    from tabletop.net.host import ClassHost
    from tabletop.net.mirror import SeatGame, scenario_for
    from tabletop.net.server import start

    scenario = resolve(scenario_id)
    host = ClassHost.open(plan_for(1, scenario, scenario_id), tmp_path / "class", "owl-at-dusk")
    runner, port = await start(host, "127.0.0.1", 0, ())
    url = f"ws://127.0.0.1:{port}/ws"
    other = side.other
    try:
        seats = {s: HostClient(url, code=host.state.table("t1").seats[s].code) for s in SIDES}
        seats[other].record = []
        async with seats[W], seats[M], HostClient(url, passphrase="owl-at-dusk") as white_cell:
            assert (await white_cell.control("t1", FireInject(inject_id)))["ok"]
            game = host.tables["t1"].game
            after = game.state.alternative_of(side)
            assert after == scenario.sides[side].walk_away + change
            for seat in (seats[W], seats[M]):  # the news reaches both, and play goes on past it
                await seat.wait_for(lambda c: any(e.get("inject") == inject_id for e in c.view.get("log", [])))
            await seats[other].act(Statement(other, Posture.NEUTRAL))  # refused while an answer is awaited
            for seat in (seats[W], seats[M]):  # a ping's answer comes after every frame the host sent this seat
                assert (await seat.request({"type": "ping"}))["type"] == "pong"
            assert seats[side].view["alternative"] == after  # its own walk-away, as the inject left it
            frames = [json.loads(frame) for frame in seats[other].record]

            def leaks(value, path=""):
                if isinstance(value, dict):
                    for key, item in value.items():
                        if key in ("alternative", "alternatives", "walk_away") and (
                                item == after or (isinstance(item, dict) and (side.value in item or after in
                                                                              item.values()))):
                            yield f"{path}.{key}={item!r}"
                        yield from leaks(item, f"{path}.{key}")
                elif isinstance(value, list):
                    for n, item in enumerate(value):
                        yield from leaks(item, f"{path}[{n}]")
                elif isinstance(value, str):
                    yield from (f"{path}: {s}" for s in _mentions(value, scenario.sides[side].name,
                                                                   _numbers_of(scenario_id, inject_id, side)))

            assert [leak for frame in frames for leak in leaks(frame)] == []
            mirror = SeatGame(scenario_for(seats[other].view["scenario"], {other: seats[other].view["brief"]}), other)
            mirror.follow(seats[other].view)
            assert mirror.state.alternative_of(side) == 0.0
            assert all(not i.effects.alternative for i in mirror.scenario.injects)
    finally:
        await runner.cleanup()
        host.close()
