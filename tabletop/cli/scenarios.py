"""``tabletop scenarios``: list the shipped scenarios."""

from __future__ import annotations

import argparse

from tabletop.engine.scenario import ScenarioError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("scenarios", help="list the shipped scenarios")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tabletop.scenarios.library import load_path, shipped

    rows = []
    for item in shipped():
        try:
            scenario = load_path(item.path)
        except ScenarioError as error:
            rows.append((item.id, f"(invalid: {error.lines()[0]})", "", ""))
            continue
        rows.append((scenario.id, scenario.title, scenario.date, str(scenario.rounds)))
    header = ("ID", "TITLE", "DATE", "ROUNDS")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
    return 0
