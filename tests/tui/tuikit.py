"""Driving the real app with Textual's Pilot: reading the screen, and a player that answers it with keys."""

from __future__ import annotations

import time
from collections.abc import Iterator

from screentext import screen_text
from textual.pilot import Pilot

from tabletop.engine.model import Side
from tabletop.engine.state import Phase
from tabletop.tui.screens.briefing import BriefingScreen, HandoverScreen
from tabletop.tui.screens.debrief import DebriefScreen
from tabletop.tui.screens.dialogs import InjectChoiceScreen, NewsFlashScreen
from tabletop.tui.screens.end import OutcomeScreen
from tabletop.tui.screens.offer import ConcessionRow, OfferBuilderScreen
from tabletop.tui.screens.table import TableScreen


async def wait_for(pilot: Pilot, condition, timeout: float = 10.0, step: float = 0.02) -> None:
    """Let the app run until ``condition()`` holds (or fail after ``timeout`` seconds), then let it settle.

    A screen is current (``app.screen``) before it has composed its widgets: the last pause lets the screen on
    top process what it was sent (its compose and mount come first) and lay itself out, so that a test reading
    it next reads it whole, however loaded the machine.
    """
    waited = 0.0
    while not condition():
        await pilot.pause(step)
        waited += step
        if waited > timeout:
            raise AssertionError(f"timed out waiting; screen is {type(pilot.app.screen).__name__}:\n"
                                 + screen_text(pilot.app))
    await pilot.pause()


def patiently(timeout: float = 120.0) -> Iterator[int]:
    """The tries of a loop that waits on the app, counted for ``timeout`` seconds of wall time, not in tries.

    A loaded machine gets through fewer tries a second (the computer's moves, the redraws): a fixed number of
    tries assumes a speed. The loop fails as before when its tries run out (its code after the loop).
    """
    deadline = time.monotonic() + timeout
    tries = 0
    while time.monotonic() < deadline:
        yield tries
        tries += 1


async def builder_keys(pilot: Pilot) -> None:
    """Propose one rung of a concession of mine against one rung of theirs, linked."""
    screen = pilot.app.screen
    assert isinstance(screen, OfferBuilderScreen)
    rows = list(screen.query(ConcessionRow))
    give = [r for r in rows if r.irritant.mover.value == screen.viewer.value]
    ask = [r for r in rows if r.irritant.mover.value == screen.viewer.other.value]
    keys: list[str] = []
    if give:
        keys += ["right", "space"]
    if ask:
        keys += ["down"] * len(give) + ["right", "right", "space"]
    if not keys:
        keys = ["right"]
    await pilot.press(*keys, "enter")
    await pilot.pause()
    if pilot.app.screen is screen:  # nothing could be offered: give up on proposing
        await pilot.press("escape")
        screen.dismiss(None) if pilot.app.screen is screen else None


async def play_turn(pilot: Pilot, turn: int) -> str:
    """Press the keys for whatever the current screen asks; return a word for what was done."""
    app = pilot.app
    screen = app.screen
    if isinstance(screen, (BriefingScreen, HandoverScreen, NewsFlashScreen, OutcomeScreen)):
        await pilot.press("enter")
        return type(screen).__name__
    if isinstance(screen, InjectChoiceScreen):
        await pilot.press("2")  # the second answer (the engine's "absorb")
        return "absorb"
    if isinstance(screen, OfferBuilderScreen):
        await builder_keys(pilot)
        return "builder"
    if isinstance(screen, DebriefScreen):
        return "debrief"
    if not isinstance(screen, TableScreen):
        return "wait"
    side = screen.actor()
    game = screen.session.game
    if side is None or side not in game.awaiting():
        return "wait"
    state = game.state
    if state.phase is Phase.STATEMENTS:
        await pilot.press("cnh"[turn % 3] if turn % 5 else "c")
        return "statement"
    if state.phase is Phase.CONCLUDE_PENDING:
        await pilot.press("y")
        return "agree"
    if state.phase is Phase.NEGOTIATION and state.offer is not None:
        from tabletop.engine.scoring import board_after, score

        mine = score(game.scenario, side, board_after(game.scenario, state.rungs, state.offer))
        await pilot.press("a" if mine >= game.score(side) and screen.can_accept() else "x")
        return "answer"
    if state.phase is Phase.NEGOTIATION:
        room = any(r < i.top for r, i in zip(state.rungs, game.scenario.irritants))
        if "propose" in game.legal_kinds(side) and state.turns == 0 and room:
            await pilot.press("p")
            return "propose"
        if "gesture" in game.legal_kinds(side) and turn % 7 == 3:
            await pilot.press("g", "enter")
            return "gesture"
        await pilot.press("s")
        return "pass"
    return "wait"


async def play_to_debrief(pilot: Pilot, on_step=None, timeout: float = 300.0) -> list[str]:
    """Answer every screen until the debrief opens; ``on_step(pilot, what)`` runs after each press."""
    done: list[str] = []
    turn = 0
    for _ in patiently(timeout):
        if isinstance(pilot.app.screen, DebriefScreen):
            await pilot.pause()
            return done
        what = await play_turn(pilot, turn)
        if what == "wait":
            await pilot.pause(0.01)
            continue
        turn += 1
        done.append(what)
        await pilot.pause()
        if on_step is not None:
            on_step(pilot, what)
    raise AssertionError(f"no debrief after {timeout:g} s: {done[-20:]}\n" + screen_text(pilot.app))


async def hot_seat_turn(pilot: Pilot, side: Side, phase: Phase) -> TableScreen:
    """In a hot-seat game, answer every screen with keys until ``side`` may act in ``phase``."""
    app = pilot.app
    for _ in patiently():
        screen = app.screen
        if isinstance(screen, TableScreen):
            game = screen.session.game
            if game.state.phase is phase and screen.actor() is side and side in game.awaiting():
                return screen
            if game.state.phase is Phase.STATEMENTS and screen.actor() in game.awaiting():
                await pilot.press("n")
        elif isinstance(screen, InjectChoiceScreen):
            screen.action_choose("absorb")
        else:
            await pilot.press("enter")
        await pilot.pause(0.02)
    raise AssertionError(f"never reached {phase.value} for {side.value}\n" + screen_text(app))
