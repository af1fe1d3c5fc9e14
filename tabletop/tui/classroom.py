"""Classroom mode: the facilitator's settings, and the glue between the console, the clock and the table.

A game run by a facilitator (the exercise's white cell) carries a
:class:`Classroom`: an optional passphrase for the console and the round
timer to set at the start. Everything the facilitator does is an engine
action handed to the table's own ``act`` (so it is autosaved and the table
redraws), and what players see is filtered by :func:`player_visible`: notes
and the holding or skipping of injects stay in the log, off the players' screens.
"""

from __future__ import annotations

import contextlib
import hmac
from typing import TYPE_CHECKING

import attrs

from tabletop.engine import actions as act
from tabletop.engine.game import Game, IllegalAction
from tabletop.engine.views import HIDDEN_ACTIONS, player_visible  # the engine decides who sees what

if TYPE_CHECKING:
    from textual.app import App

    from tabletop.tui.screens.table import TableScreen

TIMER_MIN, TIMER_MAX = 10, 7200


@attrs.define
class Classroom:
    """A facilitator runs this game: the console's passphrase and the round timer to start with.

    ``timer`` is seconds; None means the scenario's own ``rules.round_timer``
    and 0 means no timer.
    """

    passphrase: str = ""
    timer: int | None = None

    def unlocks(self, attempt: str) -> bool:
        """Whether ``attempt`` opens the console (always, without a passphrase)."""
        if not self.passphrase:
            return True
        return hmac.compare_digest(attempt.encode(), self.passphrase.encode())

    def start_seconds(self, game: Game) -> int:
        """The round timer this game starts with (0: none)."""
        if self.timer is None:
            return game.scenario.rules.round_timer or 0
        return self.timer

    def start(self, game: Game) -> None:
        """Set the round timer at the start of a new game, as an action in its log."""
        seconds = self.start_seconds(game)
        if seconds and game.state.timer != seconds:
            game.apply(act.SetTimer(seconds))

    @classmethod
    def detect(cls, game: Game) -> Classroom | None:
        """A resumed game had a facilitator if its log holds any facilitator action (passphrases are never saved)."""
        if any(action.by_facilitator for action in game.actions):
            return cls(timer=game.state.timer or 0)
        return None


def timer_problem(seconds: int) -> str:
    """Why ``seconds`` is not a valid round timer ("" when it is; 0 turns the timer off)."""
    if seconds != 0 and not TIMER_MIN <= seconds <= TIMER_MAX:
        return f"a round timer runs from {TIMER_MIN} to {TIMER_MAX} seconds (0 for none)"
    return ""


# -- the app side: finding the table, applying, opening the console ------------


def table_of(app: App) -> TableScreen | None:
    """The table screen of the game in play, wherever it is in the screen stack."""
    from tabletop.tui.screens.table import TableScreen

    return next((s for s in reversed(app.screen_stack) if isinstance(s, TableScreen)), None)


def facilitate(app: App, action: act.Action) -> bool:
    """Apply a facilitator's action through the table (autosaved, redrawn); False if refused."""
    table = table_of(app)
    if table is not None:
        return table.act(action)
    session = getattr(app, "session", None)
    if session is None:
        return False
    try:
        session.apply(action)
    except IllegalAction as error:
        app.notify(str(error), title="Not allowed", severity="warning", markup=False)
        return False
    return True


def console_available(app: App) -> bool:
    """The console key works while a facilitated game is in play (not over)."""
    session = getattr(app, "session", None)
    return session is not None and getattr(session, "classroom", None) is not None and not session.game.is_over


def console_key_active(app: App) -> bool:
    """Whether the console key does anything now (when not, the key falls through: ctrl+f edits an input)."""
    from textual.widgets import Input, TextArea

    from tabletop.tui.screens.console import ConsoleScreen, FacilitatorOnly

    screen = app.screen
    if isinstance(screen, ConsoleScreen):
        return True
    if isinstance(screen, FacilitatorOnly) or isinstance(screen.focused, (Input, TextArea)):
        return False
    return console_available(app)


def toggle_console(app: App) -> None:
    """Open the facilitator console (asking for the passphrase first, if any), or close it."""
    from tabletop.tui.screens.console import ConsoleScreen, FacilitatorOnly, PassphraseScreen

    if isinstance(app.screen, ConsoleScreen):
        app.screen.action_close()
        return
    if isinstance(app.screen, FacilitatorOnly) or not console_available(app):
        return
    session = app.session  # type: ignore[attr-defined]
    classroom: Classroom = session.classroom

    def open_console() -> None:
        app.push_screen(ConsoleScreen(session))

    if not classroom.passphrase:
        open_console()
        return

    def tried(attempt: str | None) -> None:
        if attempt is None:
            return
        if classroom.unlocks(attempt):
            open_console()
        else:
            app.notify("Wrong passphrase.", severity="error")

    app.push_screen(PassphraseScreen(), tried)


def time_up(app: App) -> None:
    """The round timer ran out: close the move dialogs of the side whose time it was, and pass for it."""
    from textual.screen import ModalScreen

    from tabletop.tui.screens.console import FacilitatorOnly

    table = table_of(app)
    if table is None:
        return
    session = table.session
    game = session.game
    if game.state.paused or game.is_over:
        return
    # A computer seat due at the same moment (statements are chosen together) is never timed: it moves first.
    for side in [s for s in game.awaiting() if not session.is_human(s)]:
        with contextlib.suppress(IllegalAction):  # a refused computer move is timed out like any other
            session.apply(session.decide(side))
    waiting = [session.name(side) for side in game.awaiting() if session.is_human(side)]
    if not waiting or game.is_over:
        table.redraw()
        table.drive()
        return
    while app.screen is not table and isinstance(app.screen, ModalScreen) \
            and not isinstance(app.screen, FacilitatorOnly):
        app.screen.dismiss(None)
    if table.act(act.TimeUp()):
        app.notify(f"Time is up for {' and '.join(waiting)}.", title="Round timer", severity="warning",
                   markup=False)


__all__ = ["Classroom", "HIDDEN_ACTIONS", "console_available", "console_key_active", "facilitate", "player_visible",
           "table_of", "time_up", "timer_problem", "toggle_console"]
