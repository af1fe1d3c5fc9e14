"""``tabletop resume SAVE``: continue a saved game exactly where it stopped, in the terminal interface."""

from __future__ import annotations

import argparse
import getpass
import sys

from tabletop.cli import class_secret
from tabletop.saves.signing import ClassSecret, SaveKey
from tabletop.saves.writer import (
    LoadedSave,
    PassphraseNeeded,
    SaveWriter,
    WrongPassphrase,
    check_not_in_play,
    load_save,
    reveal_opponent,
)
from tabletop.text import one_line

TRIES = 3
"""Passphrases typed at the terminal before giving up."""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("resume", help="continue a saved game where it stopped")
    parser.add_argument("save", metavar="SAVE", help="a save file (.jsonl)")
    parser.add_argument("--saves-dir", metavar="DIR", default=None,
                        help="the saves folder for new games started from here (default: $TABLETOP_SAVES or ./saves)")
    parser.add_argument("--show-opponent", action="store_true",
                        help="from now on show the players the computer opponent's style (hidden by default until "
                             "the debrief); recorded in the save, so later resumes keep it. A game started with "
                             "'tabletop play --show-opponent' shows it already: resuming keeps that choice")
    class_secret.add_options(parser)
    parser.set_defaults(run=run)


def ask(loaded: LoadedSave) -> str:
    try:
        return getpass.getpass(f"Passphrase of the facilitated game {loaded.name}: ")
    except EOFError:
        raise PassphraseNeeded(f"{loaded.name}: is a signed classroom game: its facilitator's passphrase "
                               "is needed to go on") from None


def unlock(loaded: LoadedSave, secret: ClassSecret) -> tuple[str | None, SaveKey | None]:
    """The passphrase and the key to go on signing the save (both None for an unsigned save).

    A facilitated game goes on only with its facilitator's passphrase: given (``--passphrase``,
    ``$TABLETOP_PASSPHRASE``), or asked at the terminal before anything opens, again if it is wrong.
    """
    passphrase = secret.passphrase
    asking = loaded.signed_with_passphrase and not passphrase and sys.stdin.isatty()
    for attempt in range(1, TRIES + 1):
        if asking:
            passphrase = ask(loaded)
        try:
            return passphrase, loaded.unlock(passphrase, secret.key_file)
        except WrongPassphrase as error:
            if not asking or attempt == TRIES:
                raise
            print(one_line(f"{error}; try again"), file=sys.stderr)
    raise AssertionError("unreachable: the last try returns or raises")


def run(args: argparse.Namespace) -> int:
    loaded = load_save(args.save)
    game = loaded.replay(verify=True)
    if game.is_over:
        # Nothing is left to play: show the finished game in the replay viewer, at its end.
        from tabletop.tui.launch import run_replay

        return run_replay(loaded, game, saves_folder=args.saves_dir, at=None)
    from tabletop.tui.launch import run_resumed

    check_not_in_play(loaded.path)  # before asking for a passphrase: the game may be open elsewhere
    passphrase, key = unlock(loaded, class_secret.secret(args))
    writer = SaveWriter.resume(loaded, key)
    try:
        if args.show_opponent:  # the header keeps the trainer's choice: it is written again, whole
            writer = reveal_opponent(writer, game)
        # The passphrase goes on to the facilitator's console, which asks for it again before it opens.
        return run_resumed(game, writer, saves_folder=args.saves_dir, warning=loaded.warning,
                           passphrase=passphrase if loaded.signed_with_passphrase else None)
    finally:
        writer.close()
