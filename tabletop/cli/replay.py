"""``tabletop replay SAVE``: step through a saved game; ``--verify`` checks it without any interface."""

from __future__ import annotations

import argparse
import sys

from tabletop.engine.game import Game
from tabletop.saves.writer import LoadedSave, load_save


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("replay", help="step through a saved game move by move (or --verify it)")
    parser.add_argument("save", metavar="SAVE", help="a save file (.jsonl)")
    parser.add_argument("--verify", action="store_true",
                        help="no interface: re-apply every action and check every fingerprint (exit 1 on a mismatch)")
    parser.add_argument("--saves-dir", metavar="DIR", default=None,
                        help="where 'play on from here' writes its new save (default: $TABLETOP_SAVES or ./saves)")
    parser.set_defaults(run=run)


def verified_summary(loaded: LoadedSave, game: Game) -> str:
    """The one line ``--verify`` prints when every fingerprint matches."""
    state = game.state
    if state.is_over:
        tier = next((t.name for t in game.scenario.outcomes if t.id == state.outcome), state.outcome)
        where = f"game over in round {state.round}: {tier}"
    else:
        where = f"in progress, round {state.round}"
    notes = f", {len(loaded.notes)} note{'s' if len(loaded.notes) != 1 else ''}" if loaded.notes else ""
    return (f"{loaded.name}: ok, {len(loaded.actions)} action{'s' if len(loaded.actions) != 1 else ''} verified "
            f"({game.scenario.id}, seed {loaded.seed}, {where}{notes})")


def run(args: argparse.Namespace) -> int:
    loaded = load_save(args.save)
    game = loaded.replay(verify=True)
    if args.verify:
        if loaded.warning:
            print(f"warning: {loaded.warning}", file=sys.stderr)
        print(verified_summary(loaded, game))
        return 0
    from tabletop.tui.screens.replay import run_replay

    return run_replay(loaded, game, saves_folder=args.saves_dir)
