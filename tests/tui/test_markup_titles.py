"""Scenario and save text in tab titles and option lists is shown as typed: ``[b]x[/b]`` and ``[red`` are data.

The replay viewer's and the console's tab titles name the sides; the note dialogs list the
learning objectives. A name that is markup must neither style the title nor crash it.
"""

from __future__ import annotations

from screentext import screen_text
from textual.widgets import Select, Tab
from tuikit import wait_for

from tabletop.engine.autoplay import simulate
from tabletop.engine.scenario import parse_scenario
from tabletop.saves.writer import load_save, write_game
from tabletop.scenarios.library import shipped_dir
from tabletop.tui.app import TabletopApp
from tabletop.tui.classroom import Classroom
from tabletop.tui.screens.console import ConsoleScreen
from tabletop.tui.screens.console_dialogs import FacilitatorNoteScreen
from tabletop.tui.screens.replay import ReplayScreen
from tabletop.tui.screens.replay_dialogs import NoteScreen
from tabletop.tui.screens.table import TableScreen

WASHINGTON = "Wash [b]x[/b]"
MOSCOW = "Mos [red"
OBJECTIVE = "[b]Trade[/b] a concession [red you value little"
REPLACEMENTS = {
    'name = "Washington"': f'name = "{WASHINGTON}"',
    'name = "Moscow"': f'name = "{MOSCOW}"',
    'text = "Trade a concession you value little for one you value a lot."': f'text = "{OBJECTIVE}"',
}


def markup_scenario():
    text = (shipped_dir() / "tutorial.toml").read_text()
    for old, new in REPLACEMENTS.items():
        assert old in text, old
        text = text.replace(old, new)
    return parse_scenario(text, "markup-names.toml")


def tab_labels(app) -> list[str]:
    return [tab.label_text for tab in app.screen.query(Tab)]


async def open_objectives(pilot, select: Select) -> str:
    """Drop the objective list down and read it off the screen."""
    select.focus()
    await pilot.press("enter")
    await wait_for(pilot, lambda: select.expanded)
    await pilot.pause()
    return screen_text(pilot.app)


async def test_the_replay_viewer_shows_markup_names_as_typed(tmp_path):
    scenario = markup_scenario()
    path = tmp_path / "names.jsonl"
    write_game(simulate(scenario, "grit", "conceder", 3), path)
    app = TabletopApp()
    async with app.run_test(size=(140, 44)) as pilot:
        await app.push_screen(ReplayScreen(load_save(path), at=3))
        await pilot.pause()
        labels = tab_labels(app)
        assert f"{WASHINGTON} brief" in labels and f"{MOSCOW} brief" in labels
        assert f"{WASHINGTON} brief" in screen_text(app)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteScreen))
        listed = await open_objectives(pilot, app.screen.query_one("#note-objective", Select))
        assert OBJECTIVE[:40] in listed


async def test_the_console_shows_markup_names_as_typed():
    app = TabletopApp(scenario=markup_scenario(), washington="human", moscow="grit", seed=5, pace=0,
                      classroom=Classroom())
    async with app.run_test(size=(140, 44)) as pilot:
        while not isinstance(app.screen, TableScreen):  # through the briefing
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ConsoleScreen))
        await pilot.pause()
        labels = tab_labels(app)
        assert f"2 {WASHINGTON} brief" in labels and f"3 {MOSCOW} brief" in labels
        assert f"2 {WASHINGTON} brief" in screen_text(app)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, FacilitatorNoteScreen))
        listed = await open_objectives(pilot, app.screen.query_one("#note-objective", Select))
        assert OBJECTIVE[:40] in listed
