"""Saves: verifying a complete game of the largest shipped scenario, and opening it in the replay viewer.

Run by hand (not in CI):

    python benchmarks/verify.py

Targets (from the issue): verifying the save in process under 50 ms; loading it
into the replay viewer with no visible wait. The viewer figures come from
Textual's headless pilot, whose frames cost more than a real terminal's, so
opening the title screen is printed beside them for scale. The game measured is the longest of every ordered
pair of computer opponents on the largest shipped scenario, saved with
``write_game``. Prints medians over several runs, pinned to one core.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def pin_one_core() -> str:
    try:
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    except (AttributeError, OSError):
        return "not pinned"


def timed(fn, runs: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def show(label: str, times: list[float], target: float | None = None) -> None:
    med = statistics.median(times)
    verdict = "" if target is None else f"  (target < {target:g} ms: {'ok' if med < target else 'MISSED'})"
    print(f"  {label:<56} median {med:7.2f} ms   min {min(times):7.2f}   max {max(times):7.2f}{verdict}")


def longest_game():
    from tabletop.engine.autoplay import simulate
    from tabletop.engine.opponents import STRATEGIES
    from tabletop.scenarios.library import load_path, shipped

    scenarios = [load_path(item.path) for item in shipped()]
    scenario = max(scenarios, key=lambda s: (len(s.irritants) * s.rounds, len(s.text), s.id))
    games = [simulate(scenario, w, m, 1) for w in STRATEGIES for m in STRATEGIES]
    return max(games, key=lambda g: (len(g.actions), g.seats[next(iter(g.seats))]))


def in_process(path: Path, runs: int) -> None:
    from tabletop.engine.scenario import parse_scenario
    from tabletop.saves.writer import load_save

    loaded = load_save(path)
    header = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    print("In process:")
    show("load_save (read, JSON, scenario, actions)", timed(lambda: load_save(path), runs))
    show("  of which: the embedded scenario (TOML)", timed(lambda: parse_scenario(header["scenario"], "x"), runs))
    show("replay without fingerprints", timed(lambda: loaded.replay(verify=False), runs))
    show("replay, every fingerprint checked", timed(lambda: loaded.replay(verify=True), runs))
    show("verify = load_save + replay(verify=True)", timed(lambda: load_save(path).replay(verify=True), runs),
         target=50)


def command_line(path: Path, runs: int) -> None:
    argv = [sys.executable, "-m", "tabletop", "replay", str(path), "--verify"]
    bare = [sys.executable, "-c", "import tabletop.cli.main"]
    print("Fresh process (Python start-up and imports included):")
    show("python -c 'import tabletop.cli.main'", timed(lambda: subprocess.run(bare, check=True), runs, warmup=1))
    show("tabletop replay SAVE --verify",
         timed(lambda: subprocess.run(argv, check=True, capture_output=True), runs, warmup=1))


async def open_ms(app, pilot, make, runs: int) -> list[float]:
    """Push a screen and wait for its first painted frame; pop it; repeat."""
    times = []
    for n in range(runs + 2):
        start = time.perf_counter()
        await app.push_screen(make())
        await pilot.pause()
        if n >= 2:
            times.append((time.perf_counter() - start) * 1000)
        await app.pop_screen()
        await pilot.pause()
    return times


def table_screen(path: Path):
    """The screen a game is played on, at the opening of the same game, two humans seated (no timers)."""
    from tabletop.engine.game import Game
    from tabletop.saves.writer import load_save
    from tabletop.tui.screens.table import TableScreen
    from tabletop.tui.session import Session

    loaded = load_save(path)
    game = Game(loaded.scenario, loaded.seed, dict.fromkeys(loaded.seats, "human"))
    return TableScreen(Session(game))


async def viewer(path: Path, runs: int) -> None:
    from tabletop.saves.writer import load_save
    from tabletop.tui.app import TabletopApp
    from tabletop.tui.screens.replay import ReplayScreen
    from tabletop.tui.screens.title import TitleScreen

    def replay_screen() -> ReplayScreen:
        loaded = load_save(path)
        return ReplayScreen(loaded, loaded.replay(verify=True), at=0)

    app = TabletopApp()
    async with app.run_test(size=(140, 44)) as pilot:
        await pilot.pause()
        opens = await open_ms(app, pilot, replay_screen, runs)
        titles = await open_ms(app, pilot, TitleScreen, runs)
        tables = await open_ms(app, pilot, lambda: table_screen(path), runs)
        screen = replay_screen()
        await app.push_screen(screen)
        await pilot.pause()
        own = timed(lambda: screen.show(screen.last - screen.moment), runs)
        moves: dict[str, list[float]] = {"right": [], "left": [], "right_square_bracket": []}
        for _ in range(runs):
            for key, found in moves.items():
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                found.append((time.perf_counter() - start) * 1000)
        idle = []
        for _ in range(runs):
            start = time.perf_counter()
            await pilot.pause()
            idle.append((time.perf_counter() - start) * 1000)
    print("Replay viewer (headless Textual pilot, 140x44, until the next frame is painted):")
    show("load + verify + open the viewer at the start", opens)
    show("open the title screen, for comparison", titles)
    show("open the game table at the same moment, for comparison", tables)
    show("the viewer's own work to show a moment", own)
    show("one action forward (key to frame)", moves["right"])
    show("one action back (key to frame)", moves["left"])
    show("to the start of the next round (key to frame)", moves["right_square_bracket"])
    show("an idle pilot frame, for comparison", idle)


def main() -> None:
    print(f"tabletop save benchmarks ({pin_one_core()}, Python {sys.version.split()[0]})")
    from tabletop.saves.writer import write_game

    game = longest_game()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "longest.jsonl"
        write_game(game, path)
        seats = " vs ".join(game.seats.values())
        print(f"Save: {game.scenario.id}, {seats}, seed {game.seed}: {len(game.actions)} actions, "
              f"{len(game.events)} events, {path.stat().st_size:,} bytes")
        in_process(path, runs=30)
        command_line(path, runs=5)
        asyncio.run(viewer(path, runs=5))


if __name__ == "__main__":
    main()
