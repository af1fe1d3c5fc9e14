"""The console's dialogs: a free-text inject with chosen effects, a note on this moment, the round timer.

Each returns the engine action to apply (or None when cancelled); the console
applies it. Limits are checked here so that what the log says is
what happens: every meter stays in its range and every rung on its ladder.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from tabletop.engine import actions as act
from tabletop.engine.effects import STANDING_RANGE, TENSION_RANGE, TRUST_RANGE, describe_effects
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.model import SIDES, TIMER_MAX, TIMER_MIN, Effects, EndReason, timer_problem
from tabletop.tui.screens.passphrase import FacilitatorOnly
from tabletop.tui.text import lines, plain
from tabletop.tui.widgets.round_clock import StopsTheClock

INPUT_LIMIT = 400


def _number(text: str) -> int | None:
    text = text.strip()
    if not text or text in ("+", "-"):
        return 0
    try:
        return int(text)
    except ValueError:
        return None


class CustomInjectScreen(FacilitatorOnly, StopsTheClock, ModalScreen[act.CustomInject | None]):
    """A free-text inject: a headline, its text, and changes to meters and rungs within their ranges."""

    CSS_PATH = "classroom.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "send", "Send", priority=True)]

    def __init__(self, game: Game) -> None:
        super().__init__(classes="dialog")
        self.game = game

    def compose(self) -> ComposeResult:
        scenario, state = self.game.scenario, self.game.state
        with Vertical(classes="dialog-box wide tall", id="custom-box"):
            yield Static(plain("A free-text inject", "bold"), classes="dialog-title")
            with VerticalScroll(id="custom-form"):
                yield Label(plain("Headline"))
                yield Input(id="ci-title", placeholder="e.g. A diplomat is expelled", max_length=120)
                yield Label(plain("What happened (the teams read this)"))
                yield Input(id="ci-text", placeholder="one or two sentences", max_length=INPUT_LIMIT)
                yield Static(plain("Effects: whole numbers, + or -; blank for none", "bold $accent"),
                             classes="new-label")
                yield self._row("ci-trust", f"Trust (now {state.trust}, {TRUST_RANGE[0]}–{TRUST_RANGE[1]})")
                yield self._row("ci-tension", f"Tension (now {state.tension}, {TENSION_RANGE[0]}–{TENSION_RANGE[1]})")
                for n, side in enumerate(SIDES):
                    yield self._row(f"ci-standing-{side.value}",
                                    f"{scenario.sides[side].name} standing (now {state.standing[n]}, "
                                    f"{STANDING_RANGE[0]}–{STANDING_RANGE[1]})")
                for n, irritant in enumerate(scenario.irritants):
                    rung = state.rungs[n]
                    yield self._row(f"ci-rung-{n}", f"{irritant.name} (rung {rung}: {irritant.rungs[rung]}; "
                                                    f"0–{irritant.top})")
            yield Static(id="ci-preview")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Send · ctrl+s"), variant="warning", id="ci-send", action="screen.send",
                             compact=True)
                yield Button(Content("Cancel · esc"), id="ci-cancel", action="screen.cancel", compact=True)

    @staticmethod
    def _row(input_id: str, label: str) -> Horizontal:
        return Horizontal(Label(plain(label), classes="ci-label"),
                          Input(id=input_id, type="integer", placeholder="0", classes="ci-number", max_length=5),
                          classes="ci-row")

    def on_mount(self) -> None:
        self.query_one("#ci-title", Input).focus()
        self._preview()

    @on(Input.Changed)
    def _preview(self) -> None:
        action, problems = self.build()
        rows: list[Content | str] = []
        if problems:
            rows += [plain(p, "$warning") for p in problems]
        else:
            effect = describe_effects(self.game.scenario, action.effects) if action else ""
            rows.append(Content.assemble(("Effects: ", "bold"), plain(effect or "none (news only)")))
            if action is not None and self._collapses(action):
                rows.append(plain("Warning: this ends the talks in collapse.", "bold $error"))
        self.query_one("#ci-preview", Static).update(lines(rows))

    def _value(self, input_id: str) -> int | None:
        return _number(self.query_one(f"#{input_id}", Input).value)

    def build(self) -> tuple[act.CustomInject | None, list[str]]:
        """The inject as typed, or the problems that stop it being sent."""
        scenario, state = self.game.scenario, self.game.state
        problems: list[str] = []
        title = self.query_one("#ci-title", Input).value.strip()
        text = self.query_one("#ci-text", Input).value.strip()
        if not title:
            problems.append("Give the inject a headline.")

        def ranged(input_id: str, name: str, now: int, low: int, high: int) -> int:
            delta = self._value(input_id)
            if delta is None:
                problems.append(f"{name}: type a whole number.")
                return 0
            if not low <= now + delta <= high:
                problems.append(f"{name}: {now} {delta:+d} leaves its range {low}–{high}.")
                return 0
            return delta

        trust = ranged("ci-trust", "Trust", state.trust, *TRUST_RANGE)
        tension = ranged("ci-tension", "Tension", state.tension, *TENSION_RANGE)
        standing = {}
        for n, side in enumerate(SIDES):
            delta = ranged(f"ci-standing-{side.value}", f"{scenario.sides[side].name} standing",
                           state.standing[n], *STANDING_RANGE)
            if delta:
                standing[side.value] = delta
        rungs = {}
        for n, irritant in enumerate(scenario.irritants):
            delta = ranged(f"ci-rung-{n}", irritant.name, state.rungs[n], 0, irritant.top)
            if delta:
                rungs[irritant.id] = delta
        if problems:
            return None, problems
        effects = Effects(trust=trust, tension=tension, standing=standing, rungs=rungs)
        return act.CustomInject(title, text, effects), []

    def _collapses(self, action: act.CustomInject) -> bool:
        """Whether the engine would end the talks in collapse on this inject (tried on a copy of the game)."""
        trial = self.game.copy()
        try:
            trial.apply(action)
        except IllegalAction:
            return False
        return trial.state.ended is EndReason.COLLAPSE

    def action_send(self) -> None:
        action, problems = self.build()
        if action is None:
            self.notify(" ".join(problems), title="Not sent", severity="warning", markup=False)
            return
        self.dismiss(action)

    def action_cancel(self) -> None:
        self.dismiss(None)


class FacilitatorNoteScreen(FacilitatorOnly, StopsTheClock, ModalScreen[act.Note | None]):
    """An evaluator's note on the current moment, optionally tagged with a learning objective."""

    CSS_PATH = "classroom.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save note", priority=True)]

    def __init__(self, game: Game) -> None:
        super().__init__(classes="dialog")
        self.game = game

    def compose(self) -> ComposeResult:
        game = self.game
        options = [(Content(f"{o.text} [{o.id}]"), o.id) for o in game.scenario.objectives]
        with Vertical(classes="dialog-box wide"):
            # The note is itself the next entry of the game's log: say the number the console and hotwash show.
            yield Static(plain(f"A note on this moment (round {game.state.round}, #{len(game.actions) + 1})",
                               "bold"), classes="dialog-title")
            yield TextArea(id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Label(plain("Objective (optional)"))
            yield Select(options, prompt="No objective", allow_blank=True, id="note-objective")
            yield Static(plain("ctrl+s save · Esc cancel · the teams see notes only in the hotwash", "dim"), classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Save · ctrl+s"), variant="primary", id="note-save", action="screen.save",
                             compact=True)
                yield Button(Content("Cancel · esc"), id="note-cancel", action="screen.cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#note-text", TextArea).focus()

    def action_save(self) -> None:
        text = self.query_one("#note-text", TextArea).text.strip()
        if not text:
            self.notify("Write something first.", severity="warning")
            return
        value = self.query_one("#note-objective", Select).value
        objective = value if isinstance(value, str) else ""
        self.dismiss(act.Note(text, objective))

    def action_cancel(self) -> None:
        self.dismiss(None)


class TimerScreen(FacilitatorOnly, StopsTheClock, ModalScreen[int | None]):
    """Set the round timer in seconds (0 turns it off)."""

    CSS_PATH = "classroom.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, seconds: int) -> None:
        super().__init__(classes="dialog")
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(plain("Round timer", "bold"), classes="dialog-title")
            yield Static(plain(f"Seconds each side has for a move, {TIMER_MIN} to {TIMER_MAX}; 0 turns the timer off. "
                               "When it runs out, the move counts as a pass (a neutral statement, a rejection, a "
                               "forced choice's second answer)."))
            yield Input(str(self.seconds), id="timer-seconds", type="integer", max_length=len(str(TIMER_MAX)))
            yield Static(plain("Enter set · Esc cancel", "dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#timer-seconds", Input).focus()

    @on(Input.Submitted, "#timer-seconds")
    def submitted(self, event: Input.Submitted) -> None:
        seconds = _number(event.value)
        problem = "type a whole number" if seconds is None else timer_problem(seconds)
        if problem:
            self.notify(f"Not set: {problem}.", severity="warning", markup=False)
            return
        self.dismiss(seconds)

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["CustomInjectScreen", "FacilitatorNoteScreen", "TimerScreen"]
