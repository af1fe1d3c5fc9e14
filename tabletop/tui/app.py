"""The Textual application: title, new game, briefing, the table, the end and the debrief.

The app owns the flow between screens and the session of the game in play;
each screen reads the engine and hands actions to ``Session.apply``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tabletop.engine.game import HUMAN, Game
from tabletop.engine.model import Scenario, Side
from tabletop.tui.autosave import Autosave
from tabletop.tui.classroom import Classroom
from tabletop.tui.session import Session

StepFactory = Callable[[], Screen]


def new_seed() -> int:
    """A fresh random seed, short enough to read out to a class."""
    return random.SystemRandom().randrange(100_000, 1_000_000)


class TabletopApp(App[None]):
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
    ) -> None:
        super().__init__()
        self.start_classroom = classroom
        self.start_scenario = scenario
        self.start_seats = {Side.WASHINGTON: washington, Side.MOSCOW: moscow}
        self.start_seed = seed
        self.saves_dir = saves_dir
        self.pace = self.HUMAN_PACE if pace is None else pace
        self.demo_pace = self.DEMO_PACE if demo_pace is None else demo_pace
        self.session: Session | None = None
        self._steps: list[StepFactory] = []

    @property
    def demo_wait(self) -> float:
        """How long a page or news flash stays up in a demonstration before moving on."""
        return min(8.0, 4 * self.demo_pace)

    def on_mount(self) -> None:
        if self.start_scenario is not None:
            self.start_game(self.start_scenario, self.start_seats, self.start_seed, self.start_classroom)
        else:
            from tabletop.tui.screens.title import TitleScreen

            self.push_screen(TitleScreen())

    # -- starting and ending games -------------------------------------------

    def start_game(self, scenario: Scenario, seats: dict[Side, str], seed: int | None = None,
                   classroom: Classroom | None = None) -> None:
        """Start a new game: autosave it, brief the players, then open the table.

        With ``classroom`` a facilitator runs it: the round timer is set first, as an action in the log.
        """
        game = Game(scenario, new_seed() if seed is None else seed, seats)
        if classroom is not None:
            classroom.start(game)
        session = Session(game, Autosave(), classroom)
        self.play(session)
        # The save file (created, written and fsynced) starts just after the first frame, off the start-up
        # path; it writes every action already applied, so nothing is lost in between.
        self.call_after_refresh(self._start_autosave, session)

    def _start_autosave(self, session: Session) -> None:
        session.autosave = Autosave.start(session.game, self.saves_dir)
        if session.autosave.problem:
            self.notify(session.autosave.problem, title="Autosave", severity="warning", markup=False)

    def resume_game(self, game: Game, writer: object | None = None) -> None:
        """Continue a game loaded from a save; ``writer`` keeps appending to that save (hook for the saves list)."""
        autosave = Autosave.resume(writer) if writer is not None else Autosave.start(game, self.saves_dir)
        self.play(Session(game, autosave, Classroom.detect(game)))

    def play(self, session: Session) -> None:
        """Show the briefing pages for ``session``, then the table."""
        from tabletop.tui.screens.briefing import briefing_steps

        self.session = session
        if session.autosave.problem:
            self.notify(session.autosave.problem, title="Autosave", severity="warning", markup=False)

        def table() -> Screen:
            from tabletop.tui.screens.table import TableScreen

            return TableScreen(session)

        self.run_steps([*briefing_steps(session, self.demo_wait), table])

    def run_steps(self, steps: Iterable[StepFactory]) -> None:
        """Show a sequence of full screens, each replacing the last; ``next_step`` moves on."""
        self._steps = list(steps)
        self.next_step()

    def next_step(self) -> None:
        if not self._steps:
            return
        screen = self._steps.pop(0)()
        if self._on_base():
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def _on_base(self) -> bool:
        from tabletop.tui.screens.title import TitleScreen

        return len(self.screen_stack) <= 1 or isinstance(self.screen, TitleScreen)

    def show_end(self, session: Session) -> None:
        """The game is over: the outcome, then the debrief (the hotwash when a facilitator ran the game)."""
        from tabletop.tui.screens.debrief import DebriefScreen
        from tabletop.tui.screens.end import OutcomeScreen
        from tabletop.tui.screens.hotwash import HotwashScreen

        last = HotwashScreen if session.classroom is not None else DebriefScreen
        self.run_steps([lambda: OutcomeScreen(session), lambda: last(session)])

    async def go_home(self) -> None:
        """Back to the title screen."""
        from tabletop.tui.screens.title import TitleScreen

        self._steps = []
        self.session = None
        while len(self.screen_stack) > 2 or (len(self.screen_stack) == 2 and not isinstance(self.screen, TitleScreen)):
            await self.pop_screen()
        if not isinstance(self.screen, TitleScreen):
            await self.push_screen(TitleScreen())

    # -- title actions (also reachable from the command palette) ---------------

    def action_new_game(self) -> None:
        from tabletop.tui.screens.new_game import NewGameScreen

        self.push_screen(NewGameScreen())

    def action_resume(self) -> None:
        """Pick a saved game and play on (the list screen comes from the saves module)."""
        try:
            from tabletop.tui.screens.saves_list import ResumeListScreen
        except ImportError:
            self.notify("Resuming a saved game is not available in this version.", severity="warning")
            return
        self.push_screen(ResumeListScreen())

    def action_replay(self) -> None:
        """Pick a saved game and replay it move by move."""
        try:
            from tabletop.tui.screens.saves_list import ReplayListScreen
        except ImportError:
            self.notify("Replaying a saved game is not available in this version.", severity="warning")
            return
        self.push_screen(ReplayListScreen())

    def action_console(self) -> None:
        """Open (or close) the facilitator console of a facilitated game."""
        from tabletop.tui.classroom import toggle_console

        toggle_console(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "console":
            from tabletop.tui.classroom import console_key_active

            return console_key_active(self)
        return True

    def action_help(self) -> None:
        from tabletop.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers the moves legal right now, then Textual's own commands."""
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
        yield SystemCommand("Help", "The rules in short, the keys, the computer opponents", self.action_help)
        yield from super().get_system_commands(screen)


def seat_names() -> list[str]:
    """The choices for a seat: a human, or one of the computer strategies."""
    from tabletop.engine.opponents import STRATEGIES

    return [HUMAN, *STRATEGIES]


__all__ = ["TabletopApp", "new_seed", "seat_names"]
