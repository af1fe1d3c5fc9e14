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
