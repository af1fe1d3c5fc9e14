"""The replay viewer shows a computer opponent's style as the game did (issue 10 point 2, reviewer's point 1).

A game the trainer played with the opponent shown (``tabletop play --show-opponent``, or resumed with
``tabletop resume SAVE --show-opponent``) names the style in the replay from the opening on; a hidden one
names it only at the end of a finished game, where the game's own debrief reveals it.
"""

from __future__ import annotations

import re
from pathlib import Path

from screentext import screen_text
from tuikit import wait_for

from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.opponents import make_opponent
from tabletop.saves.writer import SaveWriter, load_save, reveal_opponent
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.messages import OpenReplay
from tabletop.tui.screens.replay import ReplayScreen

W, M = Side.WASHINGTON, Side.MOSCOW
STYLE = "opportunist"  # the tutorial's text names no style but GRIT


def saved(folder: Path, moves: int | None, show: bool = False,
          seats: tuple[str, str] = ("human", STYLE)) -> tuple[Path, Game]:
    """A tutorial game, by default of a person (played here by a script) against STYLE: ``moves`` actions, or to
    its end."""
    game = Game(resolve("tutorial"), 12, {W: seats[0], M: seats[1]})
    scripts = ("conceder" if seats[0] == "human" else seats[0], seats[1])
    players = {W: make_opponent(scripts[0], W, game.seed), M: make_opponent(scripts[1], M, game.seed)}
    with SaveWriter.create(game, folder, show_opponent=show) as writer:
        while not game.is_over and (moves is None or len(game.actions) < moves):
            game.apply(players[game.awaiting()[0]].decide(game))
            writer.append(game)
    return writer.path, game


SEATS = re.compile(r"Washington (?:human|computer(?: \([^)]*\))?), Moscow computer(?: \([^)]*\))?")
MOVES = {"right": lambda at, last: min(at + 1, last), "left": lambda at, last: max(at - 1, 0),
         "end": lambda at, last: last}


def seats_on_screen(app: TabletopApp) -> str | None:
    """The seats as the replay's status line shows them on screen (``Washington human, Moscow computer``)."""
    found = SEATS.search(" ".join(screen_text(app).split()))
    return found.group(0) if found else None


async def seats_at(path: Path, keys: tuple[str, ...]) -> list[str]:
    """What the status line says of the seats at the opening, then after each key (``right``, ``left``, ``end``).

    Each is read once the screen shows the moment the key leads to and the seats (not after a pause, which a
    loaded machine may end before the key is handled or the line redrawn).
    """
    loaded = load_save(path)
    last = len(loaded.replay().actions)
    app = TabletopApp(opening=OpenReplay(loaded, loaded.replay(), 0), pace=0)
    async with app.run_test(size=(120, 40)) as pilot:  # the size the guides assume: the seats must fit

        async def read(moment: int) -> str:
            await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen)
                           and f"moment {moment} of {last}" in screen_text(app) and seats_on_screen(app) is not None)
            said = seats_on_screen(app)
            assert said is not None, screen_text(app)
            return said

        moment = 0
        said = [await read(moment)]
        for key in keys:
            await pilot.press(key)
            moment = MOVES[key](moment, last)
            said.append(await read(moment))
        return said


async def test_a_game_played_with_the_opponent_shown_shows_it_in_the_replay(tmp_path):
    path, _ = saved(tmp_path, 12, show=True)
    said = await seats_at(path, ("right", "end"))
    assert said == [f"Washington human, Moscow computer ({STYLE})"] * 3


async def test_a_game_resumed_with_the_opponent_shown_shows_it_in_the_replay(tmp_path):
    path, game = saved(tmp_path, 12)
    writer = reveal_opponent(SaveWriter.resume(load_save(path)), game)  # what `tabletop resume --show-opponent` does
    writer.close()
    said = await seats_at(path, ("right",))
    assert said == [f"Washington human, Moscow computer ({STYLE})"] * 2


async def test_a_hidden_style_is_named_only_at_the_end_of_a_finished_game(tmp_path):
    path, game = saved(tmp_path, None)
    assert game.is_over
    said = await seats_at(path, ("right", "end", "left", "end"))
    hidden, shown = "Washington human, Moscow computer", f"Washington human, Moscow computer ({STYLE})"
    assert said == [hidden, hidden, shown, hidden, shown]


async def test_a_game_between_two_computers_names_their_styles_throughout(tmp_path):
    # Nothing is hidden when no person plays against a computer: the file name, the saves list and the fork
    # dialog name both styles, and so does the replay, from the opening of a game still in progress.
    path, game = saved(tmp_path, 12, seats=("grit", "conceder"))
    assert not game.is_over
    said = await seats_at(path, ("right", "end", "left"))
    assert said == ["Washington computer (grit), Moscow computer (conceder)"] * 4


async def fork_dialog(path: Path, folder: Path) -> tuple[str, Path]:
    """Open "play on from here" at moment 6, read what the dialog shows, play on with its defaults."""
    from textual.widgets import Input

    from tabletop.tui.screens.replay_dialogs import ForkScreen

    app = TabletopApp(saves_dir=str(folder))
    loaded = load_save(path)
    async with app.run_test(size=(140, 45)) as pilot:
        await app.push_screen(ReplayScreen(loaded, at=6, saves_folder=str(folder)))
        await pilot.pause()
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ForkScreen))
        dialog = app.screen
        shown = screen_text(app)
        dialog.query_one("#fork-name", Input).value = "what-if"
        dialog.submit()
        await wait_for(pilot, lambda: not isinstance(app.screen, (ForkScreen, ReplayScreen)))
    return shown, folder / "what-if.jsonl"


async def test_playing_on_from_a_hidden_game_keeps_its_opponent_without_naming_it(tmp_path):
    path, _ = saved(tmp_path, 12)
    shown, forked = await fork_dialog(path, tmp_path / "forks")
    assert not re.search(rf"\b{STYLE}\b", shown, re.IGNORECASE), shown
    assert "computer: as played" in shown
    fork = load_save(forked)
    assert fork.seats == {W: "human", M: STYLE}  # the same opponent plays on
    assert fork.header["seats"] == {"washington": "human", "moscow": "computer"}  # still hidden in its header


async def test_playing_on_from_a_shown_game_names_its_opponent(tmp_path):
    path, _ = saved(tmp_path, 12, show=True)
    shown, forked = await fork_dialog(path, tmp_path / "forks")
    assert f"computer: {STYLE}" in shown
    assert load_save(forked).seats == {W: "human", M: STYLE}
