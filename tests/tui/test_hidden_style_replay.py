"""The replay viewer of a game still in progress names no hidden computer style (issue 10 point 2)."""

from __future__ import annotations

import re

from textual.widgets import Static
from tuikit import screen_text, wait_for

from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.opponents import make_opponent
from tabletop.saves.writer import SaveWriter, load_save
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.messages import OpenReplay
from tabletop.tui.screens.replay import ReplayScreen

W, M = Side.WASHINGTON, Side.MOSCOW
STYLE = "opportunist"  # the tutorial's text names no style but GRIT


async def test_the_replay_of_a_game_in_progress_names_no_hidden_style(tmp_path):
    game = Game(resolve("tutorial"), 12, {W: "human", M: STYLE})
    players = {W: make_opponent("conceder", W, game.seed), M: make_opponent(STYLE, M, game.seed)}
    with SaveWriter.create(game, tmp_path) as writer:
        for _ in range(12):
            game.apply(players[game.awaiting()[0]].decide(game))
            writer.append(game)
    assert not game.is_over
    loaded = load_save(writer.path)
    app = TabletopApp(opening=OpenReplay(loaded, loaded.replay(), None), pace=0)
    async with app.run_test(size=(140, 45)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen))
        for key in ("end", "home", "right", "right", "]"):
            await pilot.press(key)
            await pilot.pause()
            text = screen_text(app) + "\n".join(str(w.content) for w in app.screen.query(Static))
            assert not re.search(rf"\b{STYLE}\b", text, re.IGNORECASE), key
        assert "computer" in text  # the viewer does say a computer played Moscow


def brief_texts(app: TabletopApp) -> dict[Side, str]:
    return {side: str(app.screen.query_one(f"#replay-brief-{side.value}", Static).content) for side in (W, M)}


async def replay_briefs(tmp_path, moves: int | None) -> dict[Side, str]:
    """The two brief tabs of the replay of a person's game against a hidden computer, after ``moves`` moves
    (None: played to the end)."""
    game = Game(resolve("tutorial"), 12, {W: "human", M: STYLE})
    players = {W: make_opponent("conceder", W, game.seed), M: make_opponent(STYLE, M, game.seed)}
    with SaveWriter.create(game, tmp_path) as writer:
        while not game.is_over and (moves is None or len(game.actions) < moves):
            game.apply(players[game.awaiting()[0]].decide(game))
            writer.append(game)
    loaded = load_save(writer.path)
    app = TabletopApp(opening=OpenReplay(loaded, loaded.replay(), None), pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen) and all(brief_texts(app).values()))
        return brief_texts(app)


async def test_the_replay_of_a_game_in_progress_keeps_the_hidden_computers_brief_sealed(tmp_path):
    briefs = await replay_briefs(tmp_path, moves=12)
    assert "Your walk-away value is 40" not in briefs[M] and "Sealed while the game is in progress" in briefs[M]
    assert "walk-away value of 50" in briefs[W]  # the person's own brief stays readable


async def test_the_replay_of_a_finished_game_opens_both_briefs(tmp_path):
    briefs = await replay_briefs(tmp_path, moves=None)
    assert "Your walk-away value is 40" in briefs[M] and "walk-away value of 50" in briefs[W]
