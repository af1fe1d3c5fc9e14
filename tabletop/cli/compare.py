"""``tabletop compare SAVE... [-o FILE]``: a class's games side by side, against the frontier.

A game still in progress against a computer whose style is hidden is sealed, as in ``tabletop report``
(:mod:`tabletop.reports.sealed`); ``--show-opponent`` lifts it for a trainer.
"""

from __future__ import annotations

import argparse
import sys

from tabletop.cli import class_secret
from tabletop.cli.common import write_output
from tabletop.cli.report import SHOW_OPPONENT_HELP
from tabletop.text import inert, inert_line


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("compare", help="compare a class's saved games (table and frontier plot)")
    parser.add_argument("saves", nargs="+", metavar="SAVE")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the Markdown summary to FILE")
    parser.add_argument("--show-opponent", action="store_true",
                        help=SHOW_OPPONENT_HELP.format(what="the summary"))
    class_secret.add_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tabletop.reports.compare import compare_markdown, compare_terminal, load_class

    games = load_class(args.saves, class_secret.secret(args), args.show_opponent)
    for g in games:
        if g.signature is not None and g.signature.failed:
            print(inert_line(f"warning: {g.path}: {g.signature.text}: the save was changed after it was signed"),
                  file=sys.stderr)
    if args.output:
        write_output(inert(compare_markdown(games)), args.output)
        print(inert_line(f"{args.output}: class summary of {len(games)} game(s) written"))
    else:
        print(inert(compare_terminal(games)), end="")
    return 0
