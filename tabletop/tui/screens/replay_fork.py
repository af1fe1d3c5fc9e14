"""The replay viewer's "play on from here": a new save (a what-if) forked from a moment of the replay.

:class:`ReplayFork` is the part of the viewer (:class:`~tabletop.tui.screens.replay.ReplayScreen`
extends it) that asks who plays each side from this moment on, writes the new save and hands
the game up to the app to play (a :class:`~tabletop.tui.messages.PlaySaved` message).
"""

from __future__ import annotations

from textual.screen import Screen

from tabletop.engine.game import Game
from tabletop.saves.hidden import hides
from tabletop.saves.signing import ClassSecret
from tabletop.saves.writer import LoadedSave, SaveError, fork, saves_dir
from tabletop.tui.messages import PlaySaved
from tabletop.tui.screens.replay_dialogs import ForkRequest, ForkScreen
from tabletop.tui.session import Session


class ReplayFork(Screen[None]):
    """Play on from the moment shown: the viewer sets ``loaded``, ``game``, ``moment``, ``saves_folder``
    and ``secret``."""

    loaded: LoadedSave
    game: Game
    moment: int
    saves_folder: str | None
    secret: ClassSecret
    """The class's secret given to the viewer (or in the environment); a signed save's what-if is signed with it."""
    session: Session
    """Its ``show_opponent`` says whether the computer's style may be named at the moment shown."""

    def action_fork(self) -> None:
        if self.game.history[self.moment].is_over:
            self.notify("The game is over at this moment: step back to play on from an earlier one.",
                        severity="warning")
            return
        folder = self.folder()
        if folder is None:
            return

        def chosen(request: ForkRequest | None) -> None:
            if request is not None:
                self.play_on(request)

        seats = dict(self.game.seats)
        hidden = hides({side.value: seat for side, seat in seats.items()}, self.session.show_opponent)
        self.app.push_screen(ForkScreen(self.moment, seats, str(folder), self.loaded, hidden, self.secret), chosen)

    def folder(self) -> str | None:
        try:
            return str(saves_dir(self.saves_folder))
        except SaveError as error:
            self.notify(str(error), title="Play on from here", severity="error", markup=False)
            return None

    def play_on(self, request: ForkRequest) -> None:
        folder = self.folder()
        if folder is None:
            return
        try:
            game, writer = fork(self.loaded, self.moment, request.seats, folder, request.name, request.key)
        except SaveError as error:
            self.notify(str(error), title="Play on from here", severity="error", markup=False)
            return
        where = f"Playing on from moment {self.moment}; saving as {writer.path}"
        if request.unsigned:  # the original is signed: say plainly that this one is not, and why
            self.notify(f"{where}. This what-if is not signed: {request.unsigned}.", title="What-if",
                        severity="warning", markup=False)
        else:
            signed = ", signed like its original" if request.key is not None else ""
            self.notify(f"{where}{signed}", title="What-if", markup=False)
        self.post_message(PlaySaved(game, writer, passphrase=request.passphrase))



__all__ = ["ReplayFork"]
