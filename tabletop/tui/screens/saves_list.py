"""Lists of saved games, to resume or to replay.

The lists show the saves folder newest first, with scenario, round, seats and
date. Opening a save verifies it first: a damaged or tampered save is reported
in one line and never shown. The save chosen goes up to the app as a message:
:class:`~tabletop.tui.messages.PlaySaved` to play on, or
:class:`~tabletop.tui.messages.OpenReplay` for the replay viewer (over the list).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from tabletop.engine.game import Game
from tabletop.saves.writer import LoadedSave, SaveError, SaveSummary, SaveWriter, list_saves, load_save
from tabletop.saves.writer import saves_dir as find_saves_dir
from tabletop.tui.messages import OpenReplay, PlaySaved
from tabletop.tui.text import plain


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
        return find_saves_dir(self.saves_folder)

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
        self.post_message(OpenReplay(loaded, game, at))

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
        self.post_message(PlaySaved(game, writer))


class ReplayListScreen(SavesListScreen):
    """Pick a saved game and step through it move by move."""

    HEADING = "Replay a saved game"
    HELP = "Enter opens the replay viewer."

    def opened(self, loaded: LoadedSave, game: Game) -> None:
        self.replay(loaded, game)


__all__ = ["ReplayListScreen", "ResumeListScreen", "SavesListScreen"]
