"""``tabletop validate PATH...``: check scenario files, one line per problem.

Errors (the file cannot be played, or a factual text names no source) exit 1;
warnings (it can be played but something in it is inconsistent) are printed
too but alone still exit 0.
"""

from __future__ import annotations

import argparse

from tabletop.engine.scenario import ScenarioError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("validate", help="check scenario files (exit 1 if any is invalid)")
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tabletop.engine.consistency import check_consistency
    from tabletop.engine.provenance import check_provenance
    from tabletop.scenarios.library import load_path
    from tabletop.text import one_line

    bad = 0
    for path in args.paths:
        try:
            scenario = load_path(path)
        except ScenarioError as error:
            bad += 1
            for line in error.lines():
                print(one_line(line))
            continue
        unsourced = check_provenance(scenario)
        for problem in unsourced:
            print(one_line(problem.format(path)))
        bad += bool(unsourced)
        warnings = check_consistency(scenario)
        for warning in warnings:
            print(one_line(warning.format(path)))
        if not warnings and not unsourced:
            print(one_line(f"{path}: ok"))
    return 1 if bad else 0
