"""``tabletop replay SAVE``: step through a saved game; ``--verify`` checks it without any interface."""

from __future__ import annotations

import argparse
import sys

from tabletop.cli import class_secret
from tabletop.engine.game import Game
from tabletop.saves.signing import SignatureCheck
from tabletop.saves.writer import LoadedSave, SaveError, load_save
from tabletop.text import inert_line


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "replay", help="step through a saved game move by move (or --verify it)",
        description="Step through a saved game move by move, or --verify it. In the viewer, a note added to a "
                    "signed (classroom) save, and a what-if played on from it, are signed with the class "
                    "passphrase or key file given here or in the environment; when none is given, the viewer "
                    "asks for the passphrase.")
    parser.add_argument("save", metavar="SAVE", help="a save file (.jsonl)")
    parser.add_argument("--verify", action="store_true",
                        help="no interface: check every line's hash, the signature, and re-apply every action "
                             "checking every fingerprint (exit 1 on the first difference, naming its line)")
    parser.add_argument("--saves-dir", metavar="DIR", default=None,
                        help="where 'play on from here' writes its new save (default: $TABLETOP_SAVES or ./saves)")
    class_secret.add_options(parser)
    parser.set_defaults(run=run)


def verified_summary(loaded: LoadedSave, game: Game, signature: SignatureCheck | None = None) -> str:
    """The one line ``--verify`` prints when every line and fingerprint matches (inert: safe to print)."""
    state = game.state
    if state.is_over:
        tier = next((t.name for t in game.scenario.outcomes if t.id == state.outcome), state.outcome)
        where = f"game over in round {state.round}: {tier}"
    else:
        where = f"in progress, round {state.round}"
    notes = f", {len(loaded.notes)} note{'s' if len(loaded.notes) != 1 else ''}" if loaded.notes else ""
    check = signature or loaded.signature()
    chain = f"{len(loaded.seals)} lines chained; {check.text}" if loaded.version >= 2 else check.text
    return inert_line(f"{loaded.name}: ok, {len(loaded.actions)} action{'s' if len(loaded.actions) != 1 else ''} "
                      f"verified ({game.scenario.id}, seed {loaded.seed}, {where}{notes}); {chain}")


def run(args: argparse.Namespace) -> int:
    loaded = load_save(args.save)
    if not args.verify:
        game = loaded.replay(verify=True)
        from tabletop.tui.launch import run_replay

        return run_replay(loaded, game, saves_folder=args.saves_dir, secret=class_secret.secret(args))
    signature = loaded.signature(class_secret.secret(args))
    if signature.failed:  # before the replay: the signature names the first line changed
        raise SaveError(f"{loaded.name}: {signature.text}: the save was changed after it was signed")
    game = loaded.replay(verify=True)
    if loaded.warning:
        print(f"warning: {inert_line(loaded.warning)}", file=sys.stderr)
    print(verified_summary(loaded, game, signature))
    return 0
