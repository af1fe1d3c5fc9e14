"""``tabletop resume SAVE``: continue a saved game exactly where it stopped, in the terminal interface."""

from __future__ import annotations

import argparse
import getpass
import sys

from tabletop.cli import class_secret
from tabletop.saves.writer import PassphraseNeeded, SaveWriter, check_not_in_play, load_save


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("resume", help="continue a saved game where it stopped")
    parser.add_argument("save", metavar="SAVE", help="a save file (.jsonl)")
    parser.add_argument("--saves-dir", metavar="DIR", default=None,
                        help="the saves folder for new games started from here (default: $TABLETOP_SAVES or ./saves)")
    class_secret.add_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    loaded = load_save(args.save)
    game = loaded.replay(verify=True)
    if game.is_over:
        # Nothing is left to play: show the finished game in the replay viewer, at its end.
        from tabletop.tui.launch import run_replay

        return run_replay(loaded, game, saves_folder=args.saves_dir, at=None)
    from tabletop.tui.launch import run_resumed

    check_not_in_play(loaded.path)  # before asking for a passphrase: the game may be open elsewhere
    secret = class_secret.secret(args)
    passphrase = secret.passphrase
    if loaded.signed_with_passphrase and not passphrase and sys.stdin.isatty():
        # A facilitated game goes on only with its facilitator's passphrase, asked before anything opens.
        try:
            passphrase = getpass.getpass(f"Passphrase of the facilitated game {loaded.name}: ")
        except EOFError:
            raise PassphraseNeeded(f"{loaded.name}: is a signed classroom game: its facilitator's passphrase "
                                   "is needed to go on") from None
    key = loaded.unlock(passphrase, secret.key_file)
    writer = SaveWriter.resume(loaded, key)
    try:
        return run_resumed(game, writer, saves_folder=args.saves_dir, warning=loaded.warning)
    finally:
        writer.close()
