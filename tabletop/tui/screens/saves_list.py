"""Lists of saved games (to resume or to replay), the "play on from here" dialog, and app launchers.

The lists show the saves folder newest first, with scenario, round, seats and
date. Opening a save verifies it first: a damaged or tampered save is reported
in one line and never shown.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, Select, Static

from tabletop.engine.game import HUMAN, Game
from tabletop.engine.model import SIDES, Side
from tabletop.saves.writer import LoadedSave, SaveError, SaveSummary, SaveWriter, list_saves, load_save, safe_save_path
from tabletop.saves.writer import saves_dir as find_saves_dir
from tabletop.tui.text import plain

if TYPE_CHECKING:
    from tabletop.tui.app import TabletopApp


# -- launching the app on a saved game -----------------------------------------------


def _beside(cls: type, paths: Any) -> Any:
    """``cls``'s CSS paths made absolute (relative ones are read beside the module that defines ``cls``)."""
    folder = Path(inspect.getfile(cls)).parent
    if paths is None:
        return None
    if isinstance(paths, (str, Path)):
        return str(folder / paths)
    return [str(folder / path) for path in paths]


def started_app(saves_folder: str | None, start: Callable[[TabletopApp], Any]) -> TabletopApp:
    """The app, which will show its title screen and then call ``start(app)`` (push a screen, resume a game)."""
    from tabletop.tui.app import TabletopApp

    class StartedApp(TabletopApp):
        # A relative CSS_PATH is read beside the module of the class that runs: point it back at the app's.
        CSS_PATH = _beside(TabletopApp, TabletopApp.CSS_PATH)

        def on_mount(self) -> None:
            # Runs before TabletopApp.on_mount (which shows the title screen): start on top of it.
            self.call_later(start, self)

    return StartedApp(saves_dir=saves_folder)


def run_app(saves_folder: str | None, start: Callable[[TabletopApp], Any]) -> int:
    """Run :func:`started_app` in the terminal; return its exit code."""
    app = started_app(saves_folder, start)
    app.run()
    return app.return_code or 0


def resumed_app(game: Game, writer: SaveWriter, saves_folder: str | None = None,
                warning: str | None = None) -> TabletopApp:
    """The app playing on a game loaded from a save, appending to that save."""

    def start(app: TabletopApp) -> None:
        if warning:
            app.notify(warning, title="Save", severity="warning", markup=False)
        app.resume_game(game, writer)

    return started_app(saves_folder, start)


def run_resumed(game: Game, writer: SaveWriter, saves_folder: str | None = None, warning: str | None = None) -> int:
    """Open the app on a game loaded from a save, appending to that save (``tabletop resume SAVE``)."""
    app = resumed_app(game, writer, saves_folder, warning)
    app.run()
    return app.return_code or 0


# -- play on from here -------------------------------------------------------------


@attrs.frozen
class ForkRequest:
    """The seats and (optional) save name chosen for a what-if."""

    seats: dict[Side, str]
    name: str | None = None


def seat_choices() -> list[tuple[str, str]]:
    from tabletop.engine.opponents import STRATEGIES

    return [("human", HUMAN), *((f"computer: {name}", name) for name in STRATEGIES)]


class ForkScreen(ModalScreen[ForkRequest | None]):
    """Choose who plays each side from this moment on, and optionally name the new save."""

    CSS_PATH = "saves_list.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, moment: int, seats: dict[Side, str], folder: str) -> None:
        super().__init__(classes="dialog")
        self.moment = moment
        self.seats = seats
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="fork-box"):
            yield Static(plain(f"Play on from moment {self.moment}", "bold"), classes="dialog-text")
            yield Static(plain("A new save (a what-if) starts here; the original save is not changed.", "dim"))
            for side in SIDES:
                with Horizontal(classes="fork-row"):
                    yield Label(side.title, classes="fork-label")
                    yield Select(seat_choices(), value=self.seats.get(side, HUMAN), allow_blank=False,
                                 id=f"fork-{side.value}")
            with Horizontal(classes="fork-row"):
                yield Label("Save as", classes="fork-label")
                yield Input(placeholder="optional name, kept in the saves folder", id="fork-name")
            yield Static(id="fork-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Play on", variant="primary", id="fork-ok")
                yield Button("Cancel", id="fork-cancel")

    def on_mount(self) -> None:
        self.query_one("#fork-ok", Button).focus()

    @on(Button.Pressed, "#fork-ok")
    @on(Input.Submitted, "#fork-name")
    def submit(self) -> None:
        name = self.query_one("#fork-name", Input).value.strip() or None
        if name is not None:
            try:
                path = safe_save_path(name, self.folder)
                if path.exists():
                    raise SaveError(f"{path}: a save with this name already exists")
            except SaveError as error:
                self.query_one("#fork-error", Static).update(plain(str(error), "$error"))
                return
        seats = {side: str(self.query_one(f"#fork-{side.value}", Select).value) for side in SIDES}
        self.dismiss(ForkRequest(seats, name))

    @on(Button.Pressed, "#fork-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteScreen(ModalScreen["tuple[str, str | None] | None"]):
    """Write a facilitator's note on this moment of a replay, optionally tagged with a learning objective."""

    CSS_PATH = "saves_list.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, moment: int, objectives: list[tuple[str, str]]) -> None:
        super().__init__(classes="dialog")
        self.moment = moment
        self.objectives = objectives

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="note-box"):
            yield Static(plain(f"A note on moment {self.moment}", "bold"), classes="dialog-text")
            yield Static(plain("Kept in the save with the game; the report lists it.", "dim"))
            with Horizontal(classes="fork-row"):
                yield Label("Note", classes="fork-label")
                yield Input(placeholder="what the class should look at here", id="note-text")
            with Horizontal(classes="fork-row"):
                yield Label("Objective", classes="fork-label")
                yield Select([(text, oid) for oid, text in self.objectives], prompt="none", id="note-objective")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add note", variant="primary", id="note-ok")
                yield Button("Cancel", id="note-cancel")

    @on(Button.Pressed, "#note-ok")
    @on(Input.Submitted, "#note-text")
    def submit(self) -> None:
        text = self.query_one("#note-text", Input).value.strip()
        if not text:
            self.query_one("#note-text", Input).focus()
            return
        objective = self.query_one("#note-objective", Select).value
        self.dismiss((text, objective if isinstance(objective, str) else None))

    @on(Button.Pressed, "#note-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


# -- the lists ------------------------------------------------------------------------


def state_text(summary: SaveSummary) -> str:
    if summary.problem:
        return f"unreadable: {summary.problem}"
    text = "over" if summary.ended else "in progress"
    return f"{text} (what-if)" if summary.forked else text


class SavesListScreen(Screen[None]):
    """The saves in the saves folder, most recently played first; Enter opens one."""

    CSS_PATH = "saves_list.tcss"
    AUTO_FOCUS = "#saves-table"
    HEADING = "Saved games"
    HELP = "Enter opens the highlighted save."
    BINDINGS = [Binding("escape", "back", "Back"), Binding("f5", "refresh", "Refresh")]

    def __init__(self, saves_folder: str | None = None) -> None:
        super().__init__(classes="saves-list")
        self.saves_folder = saves_folder
        self.summaries: list[SaveSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(plain(self.HEADING, "bold"), id="saves-heading")
        yield Static(id="saves-folder", markup=False)
        yield DataTable(id="saves-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="saves-empty", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#saves-table", DataTable)
        table.add_columns("Scenario", "Round", "Seats", "Started", "Moves", "State")
        self.action_refresh()

    def folder(self) -> Path | None:
        return find_saves_dir(self.saves_folder or getattr(self.app, "saves_dir", None))

    def action_refresh(self) -> None:
        table = self.query_one("#saves-table", DataTable)
        empty = self.query_one("#saves-empty", Static)
        table.clear()
        try:
            folder = self.folder()
        except SaveError as error:
            empty.update(plain(str(error), "$error"))
            return
        self.query_one("#saves-folder", Static).update(plain(f"In {folder}. {self.HELP}", "dim"))
        self.summaries = list_saves(folder) if folder is not None else []
        for summary in self.summaries:
            title = summary.title or summary.scenario_id or summary.path.name
            table.add_row(Text(title), Text(str(summary.round or "")), Text(summary.seats_text),
                          Text(summary.date), Text(str(summary.actions)), Text(state_text(summary)),
                          key=str(summary.path))
        empty.update(plain("" if self.summaries else "No saved games yet: every game you play is saved here.",
                           "dim italic"))

    @on(DataTable.RowSelected, "#saves-table")
    def selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_save(Path(event.row_key.value))

    def open_save(self, path: Path) -> None:
        """Load and verify a save, then hand it to :meth:`opened`; a bad save is reported in one line."""
        try:
            loaded = load_save(path)
            game = loaded.replay(verify=True)
        except SaveError as error:
            self.notify(str(error), title="Cannot open this save", severity="error", markup=False)
            return
        if loaded.warning:
            self.notify(loaded.warning, title="Save", severity="warning", markup=False)
        self.opened(loaded, game)

    def opened(self, loaded: LoadedSave, game: Game) -> None:
        raise NotImplementedError

    def replay(self, loaded: LoadedSave, game: Game, at: int | None = 0) -> None:
        from tabletop.tui.screens.replay import ReplayScreen

        self.app.push_screen(ReplayScreen(loaded, game, at=at, saves_folder=self.saves_folder))

    def action_back(self) -> None:
        self.app.pop_screen()


class ResumeListScreen(SavesListScreen):
    """Pick a saved game and play on exactly where it stopped (a finished game opens in the replay)."""

    HEADING = "Resume a saved game"
    HELP = "Enter plays on where the game stopped."

    def opened(self, loaded: LoadedSave, game: Game) -> None:
        if game.is_over:
            self.notify("That game is over: here it is in the replay viewer, at its end.", markup=False)
            self.replay(loaded, game, at=None)
            return
        try:
            writer = SaveWriter.resume(loaded)
        except SaveError as error:
            self.notify(str(error), title="Cannot resume", severity="error", markup=False)
            return
        resume = getattr(self.app, "resume_game", None)
        if resume is None:
            writer.close()
            return
        resume(game, writer)


class ReplayListScreen(SavesListScreen):
    """Pick a saved game and step through it move by move."""

    HEADING = "Replay a saved game"
    HELP = "Enter opens the replay viewer."

    def opened(self, loaded: LoadedSave, game: Game) -> None:
        self.replay(loaded, game)


__all__ = ["ForkRequest", "ForkScreen", "NoteScreen", "ReplayListScreen", "ResumeListScreen", "resumed_app", "run_app", "run_resumed",
           "started_app"]
