"""Privacy in a facilitated hot-seat game: the players' screens never show the console or the other side's brief."""

from __future__ import annotations

from classkit import all_text, classroom_app, close_console, open_console, play_step, to_table, type_text, wait_for

from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.tui.screens.briefing import BriefingScreen, HandoverScreen
from tabletop.tui.screens.console import ConsoleScreen
from tabletop.tui.screens.console_dialogs import FacilitatorNoteScreen
from tabletop.tui.screens.debrief import DebriefScreen
from tabletop.tui.screens.end import OutcomeScreen
from tabletop.tui.screens.hotwash import HotwashScreen
from tabletop.tui.screens.passphrase import FacilitatorOnly, PassphraseScreen
from tabletop.tui.screens.table import TableScreen
from tabletop.tui.text import unwrap

AFTER_THE_END = (OutcomeScreen, HotwashScreen, DebriefScreen)


def private_marks(scenario: Scenario, side: Side) -> list[str]:
    """Strings only ``side``'s confidential view contains."""
    brief = scenario.sides[side]
    other = scenario.sides[side.other]
    marks = [f"Private to {brief.name}", f"CONFIDENTIAL — {brief.name}"]
    if brief.walk_away != other.walk_away:
        marks += [f"Walk-away value {brief.walk_away:g}", f"Walk-away value: {brief.walk_away:g}"]
    marks += [" ".join(p.split()[:5]) for p in unwrap(brief.confidential).split("\n\n")]
    return marks


async def add_note(pilot, text: str) -> None:
    """Through the passphrase into the console, a note on this moment, and back."""
    app = pilot.app
    await pilot.press("f9")
    await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
    await type_text(pilot, "owl")
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ConsoleScreen))
    await pilot.press("n")
    await wait_for(pilot, lambda: isinstance(app.screen, FacilitatorNoteScreen))
    app.screen.query_one("#note-text").text = text
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: isinstance(app.screen, ConsoleScreen))
    await close_console(pilot)


async def test_players_never_see_the_console_nor_the_other_brief():
    app = classroom_app(passphrase="owl", seed=11)
    scenario = app.start_scenario
    marks = {side: private_marks(scenario, side) for side in SIDES}
    console_marks = ["FACILITATOR CONSOLE", "Events list", "white cell only", "A press leak", "Facilitator holds",
                     "Note [", "SECRET-NOTE"]
    checked: dict[str, int] = {"table": 0, "handover": 0, "briefing": 0}

    def check() -> None:
        screen = app.screen
        if isinstance(screen, (FacilitatorOnly, *AFTER_THE_END)):
            return
        text = all_text(app)
        for mark in console_marks:
            assert mark not in text, f"{mark!r} is on a player's screen ({type(screen).__name__})"
        table = next((s for s in reversed(app.screen_stack) if isinstance(s, TableScreen)), None)
        if isinstance(screen, HandoverScreen):
            checked["handover"] += 1
            hidden = [*marks[Side.WASHINGTON], *marks[Side.MOSCOW]]
        elif isinstance(screen, BriefingScreen):
            checked["briefing"] += 1
            reader = next((side for side in SIDES if f"CONFIDENTIAL — {scenario.sides[side].name}" in text), None)
            hidden = marks[reader.other] if reader else [*marks[Side.WASHINGTON], *marks[Side.MOSCOW]]
        elif table is not None and table.viewer is not None:
            checked["table"] += 1
            hidden = marks[table.viewer.other]
        else:
            hidden = []
        for mark in hidden:
            assert mark not in text, f"{mark!r} is on screen during {type(screen).__name__}"

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        check()
        while not isinstance(app.screen, TableScreen):
            await pilot.press("enter")
            await pilot.pause()
            check()
        # the facilitator holds the only inject, reads both briefs, and notes the moment
        console = await open_pass(pilot)
        await pilot.press("h")
        for tab in "234":
            await pilot.press(tab)
            await pilot.pause()
            assert "CONFIDENTIAL" in all_text(app)  # the console does show the briefs, to the facilitator
        assert console.session.game.state.held == ("press-leak",)
        await close_console(pilot)
        check()
        await add_note(pilot, "SECRET-NOTE one")
        check()
        steps = 0
        for turn in range(3000):
            if isinstance(app.screen, AFTER_THE_END) and not isinstance(app.screen, OutcomeScreen):
                break
            what = await play_step(pilot, turn)
            await pilot.pause()
            if what == "wait":
                await pilot.pause(0.01)
                continue
            steps += 1
            check()
            if steps % 9 == 0 and isinstance(app.screen, TableScreen):
                await add_note(pilot, f"SECRET-NOTE {steps}")
                check()
        assert isinstance(app.screen, HotwashScreen)
        notes = [a for a in app.session.game.actions if a.kind == "note"]
        assert len(notes) >= 3
        assert checked["table"] > 10 and checked["handover"] > 5 and checked["briefing"] >= 3
        await pilot.press("3")
        await pilot.pause()
        assert "SECRET-NOTE one" in all_text(app)  # after the end, the notes are for the class


async def open_pass(pilot) -> ConsoleScreen:
    app = pilot.app
    await pilot.press("f9")
    await wait_for(pilot, lambda: isinstance(app.screen, PassphraseScreen))
    await type_text(pilot, "owl")
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ConsoleScreen))
    await pilot.pause()
    return app.screen


async def test_the_console_key_is_not_on_the_players_screens():
    app = classroom_app()
    async with app.run_test(size=(120, 40)) as pilot:
        table = await to_table(pilot)
        footer = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Facilitator console" in footer  # it works…
        binding = next(b.binding for b in app.screen.active_bindings.values()
                       if b.binding.description == "Facilitator console")
        assert binding.system and not binding.show  # …but neither the footer nor the key panel lists it
        assert "F9" not in all_text(app) and "Facilitator" not in all_text(app)
        await open_console(pilot)
        await close_console(pilot)
        assert app.screen is table
