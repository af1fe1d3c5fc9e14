"""The Textual application: title, new game, briefing, the table, the end and the debrief.

The app holds the game in play (its :class:`Session`) and moves between app
modes, each opened fresh (a new screen stack) when the last is left behind:
the title (new game, saved games and the replay viewer are pushed over the
title screen), a game (the table; the briefing pages are pushed one after
another before it opens) and the end of a game (the outcome, then the debrief
or the hotwash over it). Messages come up to the app: every applied action as a
:class:`GameChanged`, which the app hands down to the screens showing the game
through its ``game_change`` attribute, and a saved game to play on or to
replay as a :class:`PlaySaved` or an :class:`OpenReplay`.

Start-up: ``tabletop play`` draws its first briefing page without importing the
screens it does not need yet (the table, new game, saved games, replay, console,
help, debrief: together more than half as much import time again, measured),
so each is imported where it is first opened; those are the only imports
inside functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen

from tabletop.engine.game import HUMAN, Game
from tabletop.engine.model import Scenario, Side
from tabletop.tui.autosave import Autosave
from tabletop.tui.classroom import Classroom
from tabletop.tui.console_key import FacilitatorConsoleKey
from tabletop.tui.later import Later
from tabletop.tui.messages import GameChanged, OpenReplay, PlaySaved, SavingFailed
from tabletop.tui.screens.briefing import Page, briefing_pages
from tabletop.tui.screens.end import OutcomeScreen
from tabletop.tui.screens.title import TitleScreen
from tabletop.tui.session import GameSetup, Session, new_seed

if TYPE_CHECKING:
    from tabletop.saves.writer import SaveWriter


class TabletopApp(FacilitatorConsoleKey):
    """A Washington–Moscow negotiation tabletop exercise."""

    CSS_PATH = "app.tcss"
    TITLE = "tabletop"
    SUB_TITLE = "a Washington–Moscow negotiation exercise"
    BINDINGS = [
        Binding("f1", "help", "Help", tooltip="Rules, keys and the computer opponents"),
        Binding("question_mark", "help", "Help", show=False),
        # Classroom mode: the facilitator's console (only in a facilitated game; not in the key panel).
        Binding("f9,ctrl+f", "console", "Facilitator console", show=False, priority=True, system=True),
    ]

    HUMAN_PACE = 0.8
    """Seconds between a computer's moves when a human plays, so each can be read."""
    DEMO_PACE = 1.5
    """Seconds between moves when two computers play each other (adjustable with + and -)."""
    AUTOSAVE_DELAY = 0.02
    """Seconds after a new game starts before its save file is created (see :meth:`start_game`)."""

    game_change: var[GameChanged | None] = var(None)
    """The last change to the game in play: the screens showing the game watch it."""

    def __init__(
        self,
        scenario: Scenario | None = None,
        washington: str = HUMAN,
        moscow: str = "grit",
        seed: int | None = None,
        saves_dir: str | None = None,
        pace: float | None = None,
        demo_pace: float | None = None,
        classroom: Classroom | None = None,
        opening: PlaySaved | OpenReplay | None = None,
        show_opponent: bool = False,
    ) -> None:
        """With ``scenario`` the app starts that game; with ``opening`` a saved one; else the title screen.

        ``show_opponent``: the players see the computer opponent's style (by default only the debrief names it).
        """
        super().__init__()
        self.start_classroom = classroom
        self.start_show_opponent = show_opponent
        self.start_scenario = scenario
        self.start_seats = {Side.WASHINGTON: washington, Side.MOSCOW: moscow}
        self.start_seed = seed
        self.opening = opening
        self.saves_dir = saves_dir
        self.pace = self.HUMAN_PACE if pace is None else pace
        self.demo_pace = self.DEMO_PACE if demo_pace is None else demo_pace
        self.session: Session | None = None
        self._modes_opened = 0
        self._console: Screen[None] | None = None

    @property
    def demo_wait(self) -> float:
        """How long a page or news flash stays up in a demonstration before moving on."""
        return min(8.0, 4 * self.demo_pace)

    def on_mount(self) -> None:
        opening = self.opening
        if self.start_scenario is not None:
            self.start_game(GameSetup(self.start_scenario, self.start_seats, self.start_seed, self.start_classroom,
                                      self.start_show_opponent))
        elif isinstance(opening, PlaySaved):
            self.on_play_saved(opening)
        else:
            self.action_home()
            if isinstance(opening, OpenReplay):
                self.on_open_replay(opening)

    # -- app modes ------------------------------------------------------------

    def _open_mode(self, first: Callable[[], Screen[None]]) -> None:
        """Switch to a fresh app mode whose first screen is ``first()``; the mode left behind is closed."""
        self._modes_opened += 1
        mode = f"mode {self._modes_opened}"
        left = self.current_mode
        self.add_mode(mode, first)
        self.switch_mode(mode)
        if left != self.DEFAULT_MODE:
            self.remove_mode(left)

    def action_home(self) -> None:
        """Back to the title screen (a fresh one: the game or the saved games left behind are closed)."""
        self.session = None
        self._open_mode(TitleScreen)

    # -- starting and ending games -------------------------------------------

    def start_game(self, setup: GameSetup) -> None:
        """Start a new game: autosave it, brief the players, then open the table.

        With a classroom a facilitator runs it: the round timer is set first, as an action in the log.
        """
        game = Game(setup.scenario, new_seed() if setup.seed is None else setup.seed, setup.seats)
        if setup.classroom is not None:
            setup.classroom.start(game)
        session = Session(game, Autosave(), setup.classroom, host=self)
        session.show_opponent = setup.show_opponent
        self.play(session)
        # The save file (created, written and fsynced) starts just after start-up, off the path to the first
        # frame; it writes every action already applied, so nothing is lost in between. A timer, not
        # call_after_refresh: that callback waits on the screen current then (the briefing), and was lost
        # when the briefing was dismissed before it had refreshed, leaving the game unsaved in silence. And
        # not Textual's set_timer, whose one tick a loaded machine can skip (see tabletop.tui.later).
        Later(self, self.AUTOSAVE_DELAY, lambda: self._start_autosave(session))

    def _start_autosave(self, session: Session) -> None:
        """A facilitated game's save is signed with its passphrase (or the class key file)."""
        if self.session is not session:
            return  # the game was left before its save started
        classroom = session.classroom
        session.autosave = Autosave.start(session.game, self.saves_dir, facilitated=classroom is not None,
                                          passphrase=classroom.passphrase if classroom is not None else None,
                                          show_opponent=session.show_opponent)
        self.ask_about_saving()

    def resume_game(self, game: Game, writer: SaveWriter | None = None, passphrase: str = "") -> None:
        """Continue a game loaded from a save; ``writer`` keeps appending to that save (else a new one starts).

        ``passphrase``: the facilitator's, asked again for a signed game; it locks the console again.
        """
        autosave = Autosave.resume(writer) if writer is not None else Autosave.start(game, self.saves_dir)
        classroom = Classroom.detect(game, passphrase, signed=writer is not None and writer.key is not None)
        self.play(Session(game, autosave, classroom, host=self, resumed=True))

    def on_play_saved(self, message: PlaySaved) -> None:
        if message.warning:
            self.notify(message.warning, title="Save", severity="warning", markup=False)
        self.resume_game(message.game, message.writer, message.passphrase)

    def play(self, session: Session) -> None:
        """Brief the players, then open a game mode for ``session``: the table, the outcome and the debrief."""
        self.session = session
        if session.autosave.show_opponent:  # a resumed game keeps the trainer's choice, read from its save
            session.show_opponent = True
        self._show_in_turn(briefing_pages(session, self.demo_wait), lambda: self._open_mode(
            lambda: self._table(session)))
        self.ask_about_saving()

    def _show_in_turn(self, pages: list[Page], then: Callable[[], object]) -> None:
        """Push each page when the one before it is dismissed; after the last, ``then()``."""
        if not pages:
            then()
            return
        first, *rest = pages
        self.push_screen(first(), lambda _: self._show_in_turn(rest, then))

    def _table(self, session: Session) -> Screen[None]:
        from tabletop.tui.screens.table import TableScreen  # start-up: see the module's docstring

        pace = self.demo_pace if session.is_demo else self.pace
        return TableScreen(session, pace, self.demo_wait,
                           talks_over=lambda: self._open_mode(lambda: self._outcome(session)))

    def _outcome(self, session: Session) -> Screen[None]:
        auto = self.demo_wait if session.is_demo else None
        return OutcomeScreen(session, lambda: self._review(session), auto)

    def _review(self, session: Session) -> Screen[None]:
        """After the outcome: the hotwash when a facilitator ran the game, else the debrief; each opens the other."""
        # Start-up: the analysis and the plots come with these modules (see the module's docstring).
        from tabletop.tui.screens.debrief import DebriefScreen
        from tabletop.tui.screens.hotwash import HotwashScreen

        if session.classroom is not None:
            return HotwashScreen(session, debrief=lambda: DebriefScreen(session))
        return DebriefScreen(session, hotwash=lambda: HotwashScreen(session))

    def on_game_changed(self, message: GameChanged) -> None:
        """Hand the change down to the screens showing the game."""
        self.game_change = message

    def on_saving_failed(self, _: SavingFailed) -> None:
        self.ask_about_saving()

    def ask_about_saving(self) -> None:
        """Saving the game in play failed: ask the player what to do (no move is taken until they choose)."""
        from tabletop.tui.screens.save_dialogs import SaveFailedScreen  # start-up: see the module's docstring

        session = self.session
        if session is None or not session.autosave.halted or any(
                isinstance(screen, SaveFailedScreen) for screen in self.screen_stack):
            return
        self.push_screen(SaveFailedScreen(session.autosave, session.game))

    # -- title actions (also reachable from the command palette) ---------------

    def action_new_game(self) -> None:
        from tabletop.tui.screens.new_game import NewGameScreen  # start-up: see the module's docstring

        def chosen(setup: GameSetup | None) -> None:
            if setup is not None:
                self.start_game(setup)

        self.push_screen(NewGameScreen(), chosen)

    def action_resume(self) -> None:
        """Pick a saved game and play on."""
        from tabletop.tui.screens.saves_list import ResumeListScreen  # start-up: see the module's docstring

        self.push_screen(ResumeListScreen(self.saves_dir))

    def action_replay(self) -> None:
        """Pick a saved game and replay it move by move."""
        from tabletop.tui.screens.saves_list import ReplayListScreen  # start-up: see the module's docstring

        self.push_screen(ReplayListScreen(self.saves_dir))

    def on_open_replay(self, message: OpenReplay) -> None:
        """The replay viewer over the current screen."""
        from tabletop.tui.screens.replay import ReplayScreen  # start-up: see the module's docstring

        self.push_screen(ReplayScreen(message.loaded, message.game, message.at, self.saves_dir, message.secret))

    # -- help and the palette ----------------------------------------------------

    def action_help(self) -> None:
        from tabletop.tui.screens.help import HelpScreen  # start-up: see the module's docstring

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Help, then Textual's own commands (the table adds the moves legal now: see its COMMANDS)."""
        yield SystemCommand("Help", "The rules in short, the keys, the computer opponents", self.action_help)
        yield from super().get_system_commands(screen)


__all__ = ["TabletopApp"]
