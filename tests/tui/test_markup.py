"""Scenario text is data, never markup: `[bold]`, `[/]` and `[$accent]` show as typed."""

from __future__ import annotations

from textual.widgets import Static
from tuikit import play_to_debrief, screen_text, wait_for

from tabletop.engine.scenario import parse_scenario
from tabletop.scenarios.library import shipped_dir
from tabletop.tui.app import TabletopApp
from tabletop.tui.screens.debrief import DebriefScreen
from tabletop.tui.screens.dialogs import NewsFlashScreen
from tabletop.tui.screens.table import TableScreen

REPLACEMENTS = {
    'title = "First Steps: Visas for Banking"': 'title = "First [bold]Steps[/] [$accent]"',
    "Both delegations have been told": "Both [/] delegations [$accent] have been [bold]told",
    'name = "Visas for Russian diplomats"': 'name = "Visas [bold]for[/] diplomats"',
    '"Quarterly quota"': '"[$accent]Quarterly quota"',
    'title = "A press leak"': 'title = "A [b]press[/b] leak [/]"',
    "Your embassy cannot pay its bills": "Your [red]embassy[/red] cannot pay its bills",
    'name = "Moscow"': 'name = "Moscow [/]"',
    'name = "Beijing"': 'name = "Beijing [$warning]"',
}
SHOWN = ["First [bold]Steps[/] [$accent]", "Visas [bold]for[/] diplomats", "Moscow [/]",
         "A [b]press[/b] leak [/]", "Both [/] delegations [$accent] have been [bold]told",
         "Your [red]embassy[/red] cannot pay its bills", "[$accent]Quarterly quota", "Beijing [$warning]"]


def markup_scenario():
    text = (shipped_dir() / "tutorial.toml").read_text()
    for old, new in REPLACEMENTS.items():
        assert old in text, old
        text = text.replace(old, new)
    return parse_scenario(text, "markup.toml")


def texts(app) -> str:
    return screen_text(app) + "\n".join(str(w.content) for w in app.screen.query(Static))


async def test_markup_in_a_scenario_is_shown_literally():
    scenario = markup_scenario()
    app = TabletopApp(scenario=scenario, moscow="conceder", seed=3, pace=0)
    seen: list[str] = []
    rendered: list[str] = []

    def record(pilot, _what) -> None:
        seen.append(texts(pilot.app))
        rendered.append(screen_text(pilot.app))

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        record(pilot, "")
        flashes = []

        def watch(pilot, what) -> None:
            record(pilot, what)
            if isinstance(pilot.app.screen, NewsFlashScreen):
                flashes.append(screen_text(pilot.app))
            if isinstance(pilot.app.screen, TableScreen):
                rendered.append(screen_text(pilot.app))

        await play_to_debrief(pilot, watch)
        for tab in "2345":
            await pilot.press(tab)
            await pilot.pause()
            record(pilot, tab)
        assert isinstance(app.screen, DebriefScreen)
    everything = "\n".join(seen)
    for text in SHOWN:
        assert text in everything, f"{text!r} was never shown as typed"
    on_screen = "\n".join(rendered)
    for text in ("First [bold]Steps[/] [$accent]", "Visas [bold]for[/] diplomats", "Moscow [/]"):
        assert text in on_screen
    assert flashes and "A [b]press[/b] leak [/]" in flashes[0]


async def test_markup_in_a_file_opened_from_the_new_game_screen(tmp_path):
    path = tmp_path / "markup.toml"
    text = (shipped_dir() / "tutorial.toml").read_text()
    for old, new in REPLACEMENTS.items():
        text = text.replace(old, new)
    path.write_text(text)
    app = TabletopApp(pace=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await wait_for(pilot, lambda: app.screen.query("#path"))
        field = app.screen.query_one("#path")
        field.focus()
        field.value = str(path)
        await pilot.press("enter")
        await pilot.pause()
        assert "First [bold]Steps[/] [$accent]" in screen_text(app)
