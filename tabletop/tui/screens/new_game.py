"""A new game: pick a scenario (or open a file), set each seat, see and change the seed.

The screen returns the choices as a :class:`~tabletop.tui.session.GameSetup`
(or None when the user goes back); the app starts the game. A file typed in is
opened through :func:`~tabletop.scenarios.library.open_by_visitor`: in a browser
session (``tabletop serve``) only files under the folder the trainer named may
be opened, and any other is refused in one line.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from tabletop.engine.model import SIDES, Scenario, Side
from tabletop.engine.scenario import ScenarioError
from tabletop.scenarios.library import ForbiddenScenario, load_path, open_by_visitor, shipped
from tabletop.text import one_line
from tabletop.tui.session import GameSetup, new_seed, seat_names
from tabletop.tui.text import lines, para, plain
from tabletop.tui.widgets.brief import objectives
from tabletop.tui.widgets.classroom_options import ClassroomOptions
from tabletop.tui.widgets.seat_picker import SeatPicker

DEFAULT_SEATS = {Side.WASHINGTON: "human", Side.MOSCOW: "grit"}


def preview(scenario: Scenario) -> Content:
    """What a trainer needs to choose a scenario."""
    rows: list[Content | str] = [
        plain(scenario.title, "bold"),
        plain(f"{scenario.date} · {scenario.rounds} rounds · {len(scenario.irritants)} irritants · "
              f"deadline: {scenario.deadline}", "dim"),
        "", plain("Setting", "bold $accent"), para(scenario.setting),
    ]
    if scenario.objectives:
        rows += ["", plain("Learning objectives", "bold $accent"), objectives(scenario)]
    return lines(rows)


class NewGameScreen(Screen[GameSetup | None]):
    """Everything needed to start a game; ctrl+s (or the Start button) starts it."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("ctrl+s", "start", "Start game", priority=True),
        Binding("ctrl+r", "reseed", "New seed"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="new-game")
        self.scenarios: list[Scenario] = []
        self.problems: list[str] = []
        # The tutorial first (and chosen), as `tabletop play` starts it: a first game is the gentle one.
        for item in sorted(shipped(), key=lambda item: item.id != "tutorial"):
            try:
                self.scenarios.append(load_path(item.path))
            except ScenarioError as error:
                self.problems += error.lines()
        self.scenario: Scenario | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="new-body"):
            with VerticalScroll(id="new-left"):
                yield Static(plain("Scenario", "bold $accent"))
                yield OptionList(*[Option(Content.assemble(plain(s.title, "bold"), "\n", plain(f"{s.id} · {s.date}", "dim")),
                                          id=str(n)) for n, s in enumerate(self.scenarios)], id="scenario-list")
                yield Static(plain("…or open a scenario file", "bold $accent"))
                with Horizontal(id="path-row"):
                    yield Input(placeholder="path/to/scenario.toml", id="path")
                    yield Button("Open", id="open", compact=True)
                yield Static(plain("Seats (← → to change)", "bold $accent"), classes="new-label")
                for side in SIDES:
                    yield SeatPicker(side, side.title, seat_names(), DEFAULT_SEATS[side], id=f"seat-{side.value}")
                yield Checkbox("Show the players the computer's style (else only the debrief names it)",
                               id="show-opponent", compact=True)
                yield Static(plain("Seed (same seed, same game)", "bold $accent"), classes="new-label")
                with Horizontal(id="seed-row"):
                    yield Input(str(new_seed()), type="integer", id="seed", max_length=19)
                    yield Button("New", id="reseed", compact=True, action="screen.reseed")
                yield ClassroomOptions(id="classroom")
                yield Button("Start game · ctrl+s", id="start", variant="success", action="screen.start")
            with VerticalScroll(id="new-preview"):
                yield Static(id="problems", classes="problems")
                yield Static(id="preview-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#new-preview").border_title = "About this scenario"
        listing = self.query_one("#scenario-list", OptionList)
        if self.scenarios:
            listing.highlighted = 0
        if self.problems:
            self.show_problems(self.problems)
        listing.focus()

    @on(OptionList.OptionHighlighted, "#scenario-list")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.choose(self.scenarios[event.option_index])

    @on(OptionList.OptionSelected, "#scenario-list")
    def selected(self, event: OptionList.OptionSelected) -> None:
        self.choose(self.scenarios[event.option_index])
        self.query_one("#seat-washington").focus()

    def choose(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.query_one("#preview-text", Static).update(preview(scenario))
        self.show_problems([])

    def show_problems(self, problems: list[str]) -> None:
        box = self.query_one("#problems", Static)
        box.display = bool(problems)
        box.update(lines([plain("This scenario cannot be played:", "bold $error"),
                          *[plain(p) for p in problems]]) if problems else "")

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#open")
    def open_file(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        if not path:
            self.notify("Type the path of a scenario file first.", severity="warning")
            return
        try:
            scenario = open_by_visitor(path)
        except ForbiddenScenario as error:
            self.refuse([one_line(error)])
            return
        except ScenarioError as error:
            self.refuse(error.lines())
            return
        self.query_one("#scenario-list", OptionList).highlighted = None
        self.choose(scenario)
        self.notify(Content.assemble("Opened ", plain(scenario.title)).plain, markup=False)

    def refuse(self, problems: list[str]) -> None:
        """A file that cannot be played here: no scenario is chosen, and the problems say why."""
        self.scenario = None
        self.query_one("#preview-text", Static).update("")
        self.show_problems(problems)

    def action_reseed(self) -> None:
        self.query_one("#seed", Input).value = str(new_seed())

    def action_start(self) -> None:
        if self.scenario is None:
            self.notify("Choose a scenario first (or fix the file's problems).", severity="warning")
            return
        text = self.query_one("#seed", Input).value.strip()
        try:
            seed = int(text) if text else None
        except ValueError:
            seed = -1
        if seed is not None and not 0 <= seed < 2**63:
            self.notify("The seed must be a whole number from 0 to 2^63-1.", severity="error")
            return
        seats = {side: self.query_one(f"#seat-{side.value}", SeatPicker).value for side in SIDES}
        try:
            classroom = self.query_one(ClassroomOptions).classroom()
        except ValueError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.dismiss(GameSetup(self.scenario, seats, seed, classroom,
                               show_opponent=self.query_one("#show-opponent", Checkbox).value))

    def action_back(self) -> None:
        self.dismiss(None)
