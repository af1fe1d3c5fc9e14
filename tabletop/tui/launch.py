"""Opening the app on a saved game: ``tabletop resume SAVE`` and ``tabletop replay SAVE``."""

from __future__ import annotations

from tabletop.engine.game import Game
from tabletop.saves.signing import ClassSecret
from tabletop.saves.writer import LoadedSave, SaveWriter
from tabletop.tui.app import TabletopApp
from tabletop.tui.messages import OpenReplay, PlaySaved


def run_resumed(game: Game, writer: SaveWriter, saves_folder: str | None = None, warning: str | None = None,
                passphrase: str | None = None) -> int:
    """Open the app on a game loaded from a save, appending to that save; return the exit code.

    ``passphrase``: the facilitator's, asked again for a signed classroom game: it locks the console again.
    """
    app = TabletopApp(saves_dir=saves_folder, opening=PlaySaved(game, writer, warning or "", passphrase or ""))
    app.run()
    return app.return_code or 0


def run_replay(loaded: LoadedSave, game: Game | None = None, saves_folder: str | None = None,
               at: int | None = 0, secret: ClassSecret | None = None) -> int:
    """Open the app on the replay viewer, at the opening unless ``at`` says otherwise (None: the end).

    ``secret``: the class's secret given on the command line (or in the environment): notes added to a
    signed save are signed with it (when it is not given, the viewer asks for the passphrase).
    """
    app = TabletopApp(saves_dir=saves_folder, opening=OpenReplay(loaded, game, at, secret))
    app.run()
    return app.return_code or 0


__all__ = ["run_replay", "run_resumed"]
