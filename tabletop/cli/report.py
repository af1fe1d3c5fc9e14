"""``tabletop report SAVE [-o FILE]``: the after-action report of a saved game, in Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tabletop.cli import class_secret
from tabletop.errors import UserError
from tabletop.saves.writer import load_save
from tabletop.text import inert, inert_line, message


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("report", help="write the after-action report (Markdown) of a saved game")
    parser.add_argument("save", metavar="SAVE", help="a save file (.jsonl)")
    parser.add_argument("-o", "--output", metavar="FILE", default=None,
                        help="write the report to FILE instead of printing it")
    class_secret.add_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    loaded = load_save(args.save)
    signature = loaded.signature(class_secret.secret(args))
    game = loaded.replay(verify=True)
    from tabletop.reports.after_action import after_action_report

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
    print(inert_line(f"{args.output}: after-action report written ({len(game.actions)} actions; {signature.text})"))
    return 0
