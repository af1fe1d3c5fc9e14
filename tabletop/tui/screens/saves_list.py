"""Lists of saved games, to resume or to replay.

The lists show the saves folder newest first, with scenario, round, seats and
date. Opening a save verifies it first: a damaged or tampered save is reported
in one line and never shown. A game in play elsewhere (its save is locked) is
never resumed a second time: the list says so in one line and offers it
read-only in the replay viewer; a signed (facilitated) game asks for its
facilitator's passphrase first. ``o`` does what ``tabletop resume SAVE
--show-opponent`` does: asked first (y / n: it cannot be hidden again), it
records in a save whose computer style is hidden that the trainer shows it,
then opens the game with the style named (played on from the resume list,
replayed from the replay list); the list names it from then on. The save chosen goes up to the app as a message:
:class:`~tabletop.tui.messages.PlaySaved` to play on, or
:class:`~tabletop.tui.messages.OpenReplay` for the replay viewer (over the list).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from tabletop.engine.game import Game
from tabletop.saves.writer import (
    ClassSecret,
    LoadedSave,
    SaveError,
    SaveInUse,
    SaveKey,
    SaveSummary,
    SaveWriter,
    check_not_in_play,
    list_saves,
    load_save,
    reveal_opponent,
)
from tabletop.saves.writer import saves_dir as find_saves_dir
from tabletop.tui.messages import OpenReplay, PlaySaved
from tabletop.tui.screens.dialogs import ConfirmScreen
from tabletop.tui.screens.save_dialogs import UnlockSaveScreen
from tabletop.tui.text import plain


def state_text(summary: SaveSummary) -> str:
    if summary.problem:
        return f"unreadable: {summary.problem}"
    text = "over" if summary.ended else "in play elsewhere" if summary.in_play else "in progress"
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
        # What a row means first (a narrow terminal scrolls the table sideways and cuts the last columns).
        table.add_columns("Scenario", "State", "Round", "Moves", "Started", "Seats")
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
            table.add_row(Text(title), Text(state_text(summary)), Text(str(summary.round or "")),
                          Text(str(summary.actions)), Text(summary.date), Text(summary.seats_shown),
                          key=str(summary.path))
        empty.update(plain("" if self.summaries else "No saved games yet: every game you play is saved here.",
                           "dim italic"))

    @on(DataTable.RowSelected, "#saves-table")
    def selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.open_save(Path(event.row_key.value))

    def open_save(self, path: Path) -> None:
        """Load and verify a save, then hand it to :meth:`opened`; a bad save is reported in one line."""
        opened = self.load(path)
        if opened is not None:
            self.opened(*opened)

    def load(self, path: Path) -> tuple[LoadedSave, Game] | None:
        """The save at ``path``, read and verified, and its game; None (said in one line) if it cannot be used."""
        try:
            loaded = load_save(path)
            game = loaded.replay(verify=True)
        except SaveError as error:
            self.notify(str(error), title="Cannot open this save", severity="error", markup=False)
            return None
        if loaded.warning:
            self.notify(loaded.warning, title="Save", severity="warning", markup=False)
        return loaded, game

    def opened(self, loaded: LoadedSave, game: Game) -> None:
        raise NotImplementedError

    def with_key(self, loaded: LoadedSave, then: Callable[[SaveKey | None, str], None], title: str) -> None:
        """``then(key, passphrase)`` with the key to write to ``loaded``: its facilitator's passphrase is asked
        for a signed game (``title`` heads the dialog), the class key file read from ``$TABLETOP_KEY_FILE``."""
        if loaded.signed_with_passphrase:

            def unlocked(answer: tuple[str, SaveKey] | None) -> None:
                if answer is not None:
                    then(answer[1], answer[0])

            self.app.push_screen(UnlockSaveScreen(loaded, title), unlocked)
            return
        try:  # unsigned, or signed with the class key file named by $TABLETOP_KEY_FILE
            key = loaded.unlock(None, ClassSecret.from_environment().key_file)
        except SaveError as error:
            self.notify(str(error), title=title, severity="error", markup=False)
            return
        then(key, "")

    # -- o: the opponent shown ---------------------------------------------------

    SHOW_TITLE = "Show the computer's style"

    def highlighted(self) -> SaveSummary | None:
        table = self.query_one("#saves-table", DataTable)
        if not self.summaries or not 0 <= table.cursor_row < table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((summary for summary in self.summaries if str(summary.path) == key), None)

    def action_show_opponent(self) -> None:
        """Record in the highlighted save that the trainer shows the computer's style, then open the game; asked
        first (it is for good), then a signed game's passphrase."""
        summary = self.highlighted()
        if summary is None:
            return
        if summary.problem is None and summary.seats_shown == summary.seats_text:
            why = "it is over, and the list names it" if summary.ended else \
                "the trainer shows it already" if summary.show_opponent else "no person plays against a computer"
            self.notify(f"{summary.path.name}: no computer style is hidden in this game ({why}).",
                        title=self.SHOW_TITLE, markup=False)
            return
        try:
            check_not_in_play(summary.path)
        except SaveInUse as error:
            self.notify(str(error), title=self.SHOW_TITLE, severity="error", markup=False)
            return
        opened = self.load(summary.path)
        if opened is None:
            return
        loaded, game = opened

        def answered(yes: bool | None) -> None:
            if yes:
                self.with_key(loaded, lambda key, passphrase: self.reveal(loaded, game, key, passphrase),
                              self.SHOW_TITLE)

        question = Content.assemble(plain(f"{summary.path.name}: the computer's style is hidden from its players."),
                                    "\n\n", ("Show the computer's style in this save? It cannot be hidden again.",
                                               "bold"))
        self.app.push_screen(ConfirmScreen(question, yes="Show it", no="Keep it hidden"), answered)

    def reveal(self, loaded: LoadedSave, game: Game, key: SaveKey | None, passphrase: str) -> None:
        """The save written again with the trainer's choice in its header (as ``resume --show-opponent`` does)."""
        try:
            writer = SaveWriter.resume(loaded, key)
        except SaveError as error:
            self.notify(str(error), title=self.SHOW_TITLE, severity="error", markup=False)
            return
        try:
            writer = reveal_opponent(writer, game)
        except SaveError as error:
            writer.close()
            self.notify(str(error), title=self.SHOW_TITLE, severity="error", markup=False)
            return
        self.revealed(game, writer, passphrase)

    def revealed(self, game: Game, writer: SaveWriter, passphrase: str) -> None:
        """Open the game whose style is now shown (``writer`` holds its save, locked)."""
        raise NotImplementedError

    def replay(self, loaded: LoadedSave, game: Game, at: int | None = 0) -> None:
        self.post_message(OpenReplay(loaded, game, at))

    def action_back(self) -> None:
        self.app.pop_screen()


class ResumeListScreen(SavesListScreen):
    """Pick a saved game and play on exactly where it stopped (a finished game opens in the replay)."""

    HEADING = "Resume a saved game"
    HELP = "Enter plays on where the game stopped; o plays on with the computer's style shown (kept in the save)."
    BINDINGS = [Binding("o", "show_opponent", "Resume, opponent shown")]

    def open_save(self, path: Path) -> None:
        """A game in play elsewhere is offered read-only, before anything is asked or loaded for playing."""
        try:
            check_not_in_play(path)
        except SaveInUse as error:
            self.offer_replay(path, error)
            return
        super().open_save(path)

    def offer_replay(self, path: Path, error: SaveInUse) -> None:
        """Say in one line that the game is in play elsewhere, and offer it read-only in the replay viewer."""

        def answered(yes: bool | None) -> None:
            if yes and (opened := self.load(path)) is not None:
                self.replay(*opened)

        question = Content.assemble(plain(str(error)), "\n\n", ("Open it read-only in the replay viewer?", "bold"))
        self.app.push_screen(ConfirmScreen(question, yes="Replay it", no="Back"), answered)

    def opened(self, loaded: LoadedSave, game: Game) -> None:
        if game.is_over:
            self.notify("That game is over: here it is in the replay viewer, at its end.", markup=False)
            self.replay(loaded, game, at=None)
            return
        self.with_key(loaded, lambda key, passphrase: self.resume(loaded, game, key, passphrase), "Cannot resume")

    def resume(self, loaded: LoadedSave, game: Game, key: SaveKey | None, passphrase: str = "") -> None:
        """Lock the save and play on; the passphrase goes on to the facilitator's console."""
        try:
            writer = SaveWriter.resume(loaded, key)
        except SaveInUse as error:  # opened elsewhere while the passphrase was typed
            self.offer_replay(loaded.path, error)
            return
        except SaveError as error:
            self.notify(str(error), title="Cannot resume", severity="error", markup=False)
            return
        self.post_message(PlaySaved(game, writer, passphrase=passphrase))

    def revealed(self, game: Game, writer: SaveWriter, passphrase: str) -> None:
        self.post_message(PlaySaved(game, writer, passphrase=passphrase))


class ReplayListScreen(SavesListScreen):
    """Pick a saved game and step through it move by move."""

    HEADING = "Replay a saved game"
    HELP = "Enter opens the replay viewer; o replays with the computer's style shown (kept in the save)."
    BINDINGS = [Binding("o", "show_opponent", "Replay, opponent shown")]

    def opened(self, loaded: LoadedSave, game: Game) -> None:
        self.replay(loaded, game)

    def revealed(self, game: Game, writer: SaveWriter, passphrase: str) -> None:
        writer.close()
        self.action_refresh()
        opened = self.load(writer.path)  # written again whole: read it afresh
        if opened is not None:
            self.replay(*opened)


__all__ = ["ReplayListScreen", "ResumeListScreen", "SavesListScreen"]
