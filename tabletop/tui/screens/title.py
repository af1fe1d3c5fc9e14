"""The title screen: new game, resume, replay, help, quit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from tabletop import __version__

BANNER = """\
╔╦╗╔═╗╔╗ ╦  ╔═╗╔╦╗╔═╗╔═╗
 ║ ╠═╣╠╩╗║  ║╣  ║ ║ ║╠═╝
 ╩ ╩ ╩╚═╝╩═╝╚═╝ ╩ ╚═╝╩  """


class TitleScreen(Screen[None]):
    """Where the program starts when run without arguments."""

    BINDINGS = [
        Binding("n", "app.new_game", "New game"),
        Binding("r", "app.resume", "Resume"),
        Binding("p", "app.replay", "Replay"),
        Binding("h", "app.help", "Help"),
        Binding("q", "app.quit", "Quit"),
        Binding("up", "app.focus_previous", show=False),
        Binding("down", "app.focus_next", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="title-box"):
            yield Static(BANNER, id="banner", markup=False)
            yield Static("Washington and Moscow sit down to remove the irritants.", id="tagline", markup=False)
            with Center(), Vertical(id="title-buttons"):
                yield Button("New game", id="new", variant="primary", action="app.new_game")
                yield Button("Resume a saved game", id="resume", action="app.resume")
                yield Button("Replay a saved game", id="replay", action="app.replay")
                yield Button("Help", id="help", action="app.help")
                yield Button("Quit", id="quit", variant="error", action="app.quit")
            yield Static(f"version {__version__} · every game is saved as you play · F1 help anywhere",
                         id="title-note", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#new", Button).focus()
