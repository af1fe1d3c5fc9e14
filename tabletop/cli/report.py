"""``tabletop report SAVE [-o FILE]``: the after-action report of a saved game, in Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tabletop.errors import UserError
from tabletop.saves.writer import load_save


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("report", help="write the after-action report (Markdown) of a saved game")
    parser.add_argument("save", metavar="SAVE", help="a save file (.jsonl)")
    parser.add_argument("-o", "--output", metavar="FILE", default=None,
                        help="write the report to FILE instead of printing it")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    loaded = load_save(args.save)
    game = loaded.replay(verify=True)
    from tabletop.reports.after_action import after_action_report

    text = after_action_report(game, loaded)
    if loaded.warning:
        print(f"warning: {loaded.warning}", file=sys.stderr)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    if target.is_dir():
        raise UserError(f"{args.output}: is a directory, expected a file name for the report")
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UserError(f"{args.output}: cannot write the report ({error.strerror or error})") from None
    print(f"{args.output}: after-action report written ({len(game.actions)} actions)")
    return 0
