"""``tabletop resume SAVE``: continue a saved game exactly where it stopped, in the terminal interface."""

from __future__ import annotations

import argparse

from tabletop.saves.writer import SaveWriter, load_save


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("resume", help="continue a saved game where it stopped")
    parser.add_argument("save", metavar="SAVE", help="a save file (.jsonl)")
    parser.add_argument("--saves-dir", metavar="DIR", default=None,
                        help="the saves folder for new games started from here (default: $TABLETOP_SAVES or ./saves)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    loaded = load_save(args.save)
    game = loaded.replay(verify=True)
    if game.is_over:
        # Nothing is left to play: show the finished game in the replay viewer, at its end.
        from tabletop.tui.screens.replay import run_replay

        return run_replay(loaded, game, saves_folder=args.saves_dir, at=None)
    from tabletop.tui.screens.saves_list import run_resumed

    writer = SaveWriter.resume(loaded)
    try:
        return run_resumed(game, writer, saves_folder=args.saves_dir, warning=loaded.warning)
    finally:
        writer.close()
