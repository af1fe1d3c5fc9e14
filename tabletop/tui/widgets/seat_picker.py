"""A seat at the table: a human, or one of the computer opponents; ← → (or a click) cycles."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tabletop.engine.model import Side
from tabletop.tui.text import side_name


class SeatPicker(Widget, can_focus=True):
    """Shows ``Washington  ◀ human ▶``; the value is ``human`` or a strategy name."""

    BINDINGS = [Binding("left", "cycle(-1)", "Previous", show=False),
                Binding("right,space", "cycle(1)", "Next", show=False)]

    index: reactive[int] = reactive(0)

    class Changed(Message):
        def __init__(self, picker: SeatPicker) -> None:
            super().__init__()
            self.picker = picker

    def __init__(self, side: Side, label: str, choices: list[str], value: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.side = side
        self.label = label
        self.choices = choices
        self.set_reactive(SeatPicker.index, choices.index(value) if value in choices else 0)

    @property
    def value(self) -> str:
        return self.choices[self.index]

    def render(self) -> Content:
        value = self.value
        kind = "at this keyboard" if value == "human" else "computer"
        room = self.size.width >= 44
        return Content.assemble(side_name(f"{self.label[:11]:<11} ", self.side), ("◀ ", "bold $accent"),
                                (f"{value:^12}", "bold reverse" if self.has_focus else "bold"),
                                (" ▶", "bold $accent"), (f"  {kind}" if room else "", "dim"))

    def action_cycle(self, step: int) -> None:
        self.index = (self.index + step) % len(self.choices)
        self.post_message(self.Changed(self))

    def on_click(self, event: events.Click) -> None:
        self.focus()
        self.action_cycle(-1 if event.x < 20 else 1)
