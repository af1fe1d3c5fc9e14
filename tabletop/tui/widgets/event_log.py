"""Everything that has happened, in plain words, newest at the bottom."""

from __future__ import annotations

import re

from rich.text import Text
from textual import events
from textual.widgets import RichLog

from tabletop.engine.effects import Event, EventKind
from tabletop.engine.model import Side

KIND_STYLE: dict[EventKind, str] = {
    EventKind.ROUND: "bold",
    EventKind.INJECT: "bold yellow",
    EventKind.CHOICE: "yellow",
    EventKind.DEAL: "bold green",
    EventKind.ACCEPT: "green",
    EventKind.GESTURE: "green",
    EventKind.RETALIATION: "bold red",
    EventKind.RENEGE: "bold red",
    EventKind.WALKOUT: "bold red",
    EventKind.COLLAPSE: "bold red",
    EventKind.STATEMENTS: "cyan",
    EventKind.AUDIENCE: "italic",
    EventKind.OUTCOME: "bold reverse",
    EventKind.DEADLINE: "bold",
}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SIDE_MARK = {Side.WASHINGTON: ("W ", "bold blue"), Side.MOSCOW: ("M ", "bold red")}


class EventLog(RichLog):
    """The game's events as the engine tells them (rich ``Text``, so never parsed as markup)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(wrap=True, markup=False, highlight=False, min_width=20, **kwargs)
        self.events: list[Event] = []
        self._width = 0

    def on_resize(self, event: events.Resize) -> None:
        # Lines are wrapped when written: rewrap them all when the panel changes width.
        if event.size.width != self._width:
            self._width = event.size.width
            self.clear()
            for logged in self.events:
                self.write(self.line(logged))

    def add(self, event: Event) -> None:
        self.events.append(event)
        self.write(self.line(event))

    @staticmethod
    def line(event: Event) -> Text:
        line = Text()
        line.append(f"R{event.round} ", style="dim")
        if event.side is not None:
            mark, style = SIDE_MARK[event.side]
            line.append(mark, style=style)
        line.append(CONTROL.sub("", event.text), style=KIND_STYLE.get(event.kind, ""))
        return line
