"""Small typed dialogs: confirm, choose one of several, a news flash, an inject's forced choice, a page of text."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from tabletop.engine.injects import choice_label, public_effects
from tabletop.engine.model import Inject, Response, Scenario
from tabletop.tui.later import Later
from tabletop.tui.text import lines, para, plain
from tabletop.tui.widgets.round_clock import StopsTheClock

T = TypeVar("T")


class ConfirmScreen(ModalScreen[bool]):
    """Ask before something that cannot be taken back."""

    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: Content, yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(f"{self.yes} · y"), variant="error", id="yes", action="screen.answer(True)", compact=True)
                yield Button(Content(f"{self.no} · n"), variant="primary", id="no", action="screen.answer(False)", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class ChoiceScreen(ModalScreen[T | None], Generic[T]):
    """Pick one of several labelled values (Enter or a click); Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: Content, choices: list[tuple[Content, T]], note: Content | None = None) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.choices = choices
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Static(self.title_text, classes="dialog-title")
            if self.note is not None:
                yield Static(self.note, classes="dialog-note")
            yield OptionList(*[Option(label, id=str(n)) for n, (label, _) in enumerate(self.choices)],
                             id="choices", markup=False)
            yield Static(plain("↑↓ choose · Enter confirm · Esc cancel", "dim"), classes="dialog-hint")

    @on(OptionList.OptionSelected, "#choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)


class TextScreen(ModalScreen[None]):
    """A page of text (a brief) over the table; any of Escape, Enter or q closes it."""

    BINDINGS = [Binding("escape,enter,q,b", "close", "Close")]

    def __init__(self, body: Content) -> None:
        super().__init__(classes="dialog")
        self.body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box wide tall"):
            yield Static(self.body)

    def action_close(self) -> None:
        self.dismiss(None)


class NewsFlashScreen(StopsTheClock, ModalScreen[None]):
    """An inject arrives: it stays until acknowledged (or, in a demonstration, for a few seconds)."""

    BINDINGS = [Binding("enter,escape,space", "close", "Acknowledge")]

    def __init__(self, text: str, inject: Inject | None, scenario: Scenario, auto_after: float | None = None) -> None:
        super().__init__(classes="dialog news")
        self.text = text
        self.inject = inject
        self.scenario = scenario
        self.auto_after = auto_after

    def compose(self) -> ComposeResult:
        rows: list[Content | str] = [plain("NEWS FLASH", "bold reverse $warning")]
        if self.inject is not None:
            rows += [plain(self.inject.title, "bold"), "", para(self.inject.text)]
            effect = public_effects(self.scenario, self.inject.effects)  # an outside option's number stays private
            if effect:
                rows += ["", Content.assemble(("Effect: ", "bold"), plain(effect))]
        else:
            rows += ["", plain(self.text.removeprefix("NEWS: "))]
        with Vertical(classes="dialog-box news-box"):
            yield Static(lines(rows), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                label = "Noted · Enter" if self.auto_after is None else "Noted · Enter (moves on by itself)"
                yield Button(Content(label), variant="warning", id="noted", action="screen.close", compact=True)

    def on_mount(self) -> None:
        if self.auto_after is not None:
            Later(self, self.auto_after, self.action_close)

    def action_close(self) -> None:
        if self.is_current:
            self.dismiss(None)


class InjectChoiceScreen(ModalScreen[Response]):
    """An inject forces a choice on the viewer between its two answers, each in the inject's own words.

    The players see what the inject says and the two answers, never the answer expected of them nor what each
    does to the meters: that is for the facilitator and the debrief (issue 10). Nothing is chosen when the
    dialog opens and no default key (Enter, Space) answers: a news flash just dismissed with Enter must not
    answer the choice behind it. Each answer has its own key (1 or 2) or is clicked.
    """

    AUTO_FOCUS = None
    BINDINGS = [Binding("1", "choose('respond')", "First answer"), Binding("2", "choose('absorb')", "Second answer")]

    def __init__(self, inject: Inject, scenario: Scenario) -> None:
        super().__init__(classes="dialog")
        self.inject = inject
        self.scenario = scenario

    @property
    def labels(self) -> tuple[str, str]:
        """The two answers as the inject words them (the engine's :func:`~tabletop.engine.injects.choice_label`)."""
        return choice_label(self.inject, Response.RESPOND), choice_label(self.inject, Response.ABSORB)

    def compose(self) -> ComposeResult:
        inject = self.inject
        first, second = self.labels
        rows: list[Content | str] = [
            plain("You must answer", "bold reverse $warning"), plain(inject.title, "bold"), para(inject.text), "",
            plain("Press 1 or 2 (or click) to choose; there is no default answer.", "dim"),
        ]
        with Vertical(classes="dialog-box"):
            yield Static(lines(rows), classes="dialog-text")
            with Vertical(classes="dialog-buttons inject-answers"):
                for key, label, response in (("1", first, "respond"), ("2", second, "absorb")):
                    button = Button(Content(f"{key} · {label}"), variant="primary", id=f"answer-{response}",
                                    action=f"screen.choose('{response}')", compact=True)
                    button.can_focus = False  # a focused button would answer on Enter
                    yield button

    def action_choose(self, response: str) -> None:
        self.dismiss(Response(response))
