"""The app-level messages: what flows up from the game session and the screens to the app.

Attributes go down, messages come up: the session posts :class:`GameChanged`
to the app after every applied action, and the app hands the change down to the
screens that show the game (they watch ``TabletopApp.game_change``). A screen
that has chosen a saved game posts :class:`PlaySaved` (to play on) or
:class:`OpenReplay` (to step through it); the app can also open on either. Messages that
belong to one widget (a seat picker changed, the round clock ran out) are
declared on that widget's class, as Textual does. :class:`SavingFailed` comes up
from the session when writing the save fails, for the app to ask the player
what to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from tabletop.engine.actions import Action
from tabletop.engine.effects import Event
from tabletop.engine.game import Game
from tabletop.engine.state import GameState

if TYPE_CHECKING:
    from tabletop.saves.signing import ClassSecret
    from tabletop.saves.writer import LoadedSave, SaveWriter


class GameChanged(Message):
    """An action was applied to the game in play: by a human, a computer seat, the facilitator or the round timer.

    Carries the state after it and the log lines it added, each with the number
    of the action that caused it (as in ``Game.events``); ``moment`` is the number
    of actions applied so far.
    """

    def __init__(self, action: Action, state: GameState, events: tuple[tuple[int, Event], ...], moment: int) -> None:
        super().__init__()
        self.action = action
        self.state = state
        self.events = events
        self.moment = moment


class PlaySaved(Message):
    """Play on a game loaded from a save (resumed, or forked from a replay), appending to ``writer``.

    ``warning``: something the player should know about the save (shown once). ``passphrase``: the
    facilitator's, asked again when a signed classroom game is resumed (it locks the console again).
    """

    def __init__(self, game: Game, writer: SaveWriter, warning: str = "", passphrase: str = "") -> None:
        super().__init__()
        self.game = game
        self.writer = writer
        self.warning = warning
        self.passphrase = passphrase


class SavingFailed(Message):
    """Writing the save of the game in play failed: no move is taken until the player chooses what to do."""


class OpenReplay(Message):
    """Step through a saved game in the replay viewer, from moment ``at`` (None: its end).

    ``secret``: the class's secret given to ``tabletop replay`` (None: the environment's), with which
    a note added to a signed save, or a what-if played on from it, is signed like the save.
    """

    def __init__(self, loaded: LoadedSave, game: Game | None = None, at: int | None = 0,
                 secret: ClassSecret | None = None) -> None:
        super().__init__()
        self.loaded = loaded
        self.game = game
        self.at = at
        self.secret = secret


__all__ = ["GameChanged", "OpenReplay", "PlaySaved", "SavingFailed"]
