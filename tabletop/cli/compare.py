"""``tabletop compare SAVE... [-o FILE]``: a class's games side by side, against the frontier."""

from __future__ import annotations

import argparse

from tabletop.cli.common import write_output


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("compare", help="compare a class's saved games (table and frontier plot)")
    parser.add_argument("saves", nargs="+", metavar="SAVE")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the Markdown summary to FILE")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tabletop.reports.compare import compare_markdown, compare_terminal, load_class

    games = load_class(args.saves)
    if args.output:
        write_output(compare_markdown(games), args.output)
        print(f"{args.output}: class summary of {len(games)} game(s) written")
    else:
        print(compare_terminal(games), end="")
    return 0
