"""Helpers for driving a facilitated game with Pilot: to the table, into the console, reading the screen."""

from __future__ import annotations

from screentext import screen_text
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.classroom import Classroom
from tabletop.tui.screens.console import ConsoleScreen
from tabletop.tui.screens.table import TableScreen


def classroom_app(scenario: str = "tutorial", washington: str = "human", moscow: str = "human", seed: int = 5,
                  **classroom) -> TabletopApp:
    return TabletopApp(scenario=resolve(scenario), washington=washington, moscow=moscow, seed=seed, pace=0,
                       classroom=Classroom(**classroom))


def all_text(app: App) -> str:
    """What is rendered, plus every Static on the active screen (even scrolled out of view)."""
    return screen_text(app) + "\n" + "\n".join(str(w.content) for w in app.screen.query(Static))


async def wait_for(pilot: Pilot, condition, timeout: float = 10.0, step: float = 0.02) -> None:
    """Let the app run until ``condition()`` holds (or fail after ``timeout`` seconds), then let it settle (a
    screen is current before it has composed its widgets: see tests/tui/tuikit.py)."""
    waited = 0.0
    while not condition():
        await pilot.pause(step)
        waited += step
        if waited > timeout:
            raise AssertionError(f"timed out waiting; screen is {type(pilot.app.screen).__name__}:\n"
                                 + screen_text(pilot.app))
    await pilot.pause()


async def to_table(pilot: Pilot) -> TableScreen:
    """Through the briefing (and hand-overs) to the table."""
    app = pilot.app
    await pilot.pause()
    while not isinstance(app.screen, TableScreen):
        await pilot.press("enter")
        await pilot.pause()
    await pilot.pause()
    return app.screen


async def open_console(pilot: Pilot, key: str = "f9") -> ConsoleScreen:
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConsoleScreen))
    await pilot.pause()
    return pilot.app.screen


async def close_console(pilot: Pilot) -> None:
    await pilot.press("escape")
    await wait_for(pilot, lambda: not isinstance(pilot.app.screen, ConsoleScreen))
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    """Type ``text`` into the focused widget, a key a character."""
    await pilot.press(*text)


async def turn_of(pilot: Pilot, side, phase=None) -> TableScreen:
    """Answer hand-overs and news flashes until ``side`` may move at the table (in ``phase`` if given)."""
    from tabletop.tui.screens.briefing import HandoverScreen
    from tabletop.tui.screens.dialogs import NewsFlashScreen

    app = pilot.app
    for _ in range(500):
        screen = app.screen
        if isinstance(screen, (HandoverScreen, NewsFlashScreen)):
            await pilot.press("enter")
        elif isinstance(screen, TableScreen):
            game = screen.session.game
            if screen.actor() is side and side in game.awaiting() and (phase is None or game.state.phase is phase):
                return screen
        await pilot.pause(0.02)
    raise AssertionError(f"never {side}'s turn; screen is {type(app.screen).__name__}:\n{screen_text(app)}")


async def play_step(pilot: Pilot, turn: int) -> str:
    """Answer whatever a player's screen asks with a plain move; return a word for it ("wait" if nothing)."""
    from tabletop.engine.state import Phase
    from tabletop.tui.screens.briefing import BriefingScreen, HandoverScreen
    from tabletop.tui.screens.dialogs import InjectChoiceScreen, NewsFlashScreen
    from tabletop.tui.screens.end import OutcomeScreen

    screen = pilot.app.screen
    if isinstance(screen, (BriefingScreen, HandoverScreen, NewsFlashScreen, OutcomeScreen)):
        await pilot.press("enter")
        return type(screen).__name__
    if isinstance(screen, InjectChoiceScreen):
        await pilot.press("2")  # the second answer (the engine's "absorb")
        return "absorb"
    if not isinstance(screen, TableScreen):
        return "wait"
    side = screen.actor()
    game = screen.session.game
    if side is None or side not in game.awaiting() or game.state.paused:
        return "wait"
    phase = game.state.phase
    if phase is Phase.STATEMENTS:
        await pilot.press("cnh"[turn % 3])
        return "statement"
    if phase is Phase.CONCLUDE_PENDING:
        await pilot.press("n")
        return "decline"
    if game.state.offer is not None:
        await pilot.press("x")
        return "reject"
    await pilot.press("s")
    return "pass"
