"""``tabletop report SAVE [-o FILE]``: the after-action report of a saved game, in Markdown.

Of a game still in progress against a computer whose style is hidden, the report keeps the computer's style
and confidential brief sealed, as the replay viewer does (:mod:`tabletop.reports.sealed`); a trainer lifts the
seal with ``--show-opponent`` (for a signed classroom save, with the class's passphrase or key file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tabletop.cli import class_secret
from tabletop.errors import UserError
from tabletop.saves.writer import load_save
from tabletop.text import inert, inert_line, message

SHOW_OPPONENT_HELP = (
    "for a trainer: {what} of a game still in progress names the computer opponent's style and opens its "
    "confidential brief (sealed by default until the game ends, as in the replay viewer; a signed classroom save "
    "needs the class passphrase or key file too). Nothing is written into the save")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("report", help="write the after-action report (Markdown) of a saved game")
    parser.add_argument("save", metavar="SAVE", help="a save file (.jsonl)")
    parser.add_argument("-o", "--output", metavar="FILE", default=None,
                        help="write the report to FILE instead of printing it")
    parser.add_argument("--show-opponent", action="store_true",
                        help=SHOW_OPPONENT_HELP.format(what="the report"))
    class_secret.add_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    loaded = load_save(args.save)
    signature = loaded.signature(class_secret.secret(args))
    game = loaded.replay(verify=True)
    from tabletop.reports.after_action import after_action_report
    from tabletop.reports.sealed import in_progress_report, lift_seal, sealed_sides

    sealed = lift_seal(loaded, signature, sealed_sides(loaded, game), args.show_opponent)
    if sealed:
        text = inert(in_progress_report(game, loaded, sealed, signature=signature.text))
    else:
        text = inert(after_action_report(game, loaded, signature=signature.text))
    if loaded.warning:
        print(f"warning: {inert_line(loaded.warning)}", file=sys.stderr)
    if signature.failed:
        print(f"warning: {loaded.name}: {signature.text}: the save was changed after it was signed",
              file=sys.stderr)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    if target.is_dir():
        raise UserError(message(args.output, "is a directory, expected a file name for the report"))
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UserError(message(args.output, f"cannot write the report ({error.strerror or error})")) from None
    sealing = "; the computer's brief sealed" if sealed else ""
    print(inert_line(f"{args.output}: after-action report written ({len(game.actions)} actions; {signature.text}"
                     f"{sealing})"))
    return 0
