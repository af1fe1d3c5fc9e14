"""``tabletop validate PATH...``: check scenario files, one line per problem."""

from __future__ import annotations

import argparse

from tabletop.engine.scenario import ScenarioError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("validate", help="check scenario files (exit 1 if any is invalid)")
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tabletop.library import load_path

    bad = 0
    for path in args.paths:
        try:
            load_path(path)
        except ScenarioError as error:
            bad += 1
            for line in error.lines():
                print(line)
        else:
            print(f"{path}: ok")
    return 1 if bad else 0
