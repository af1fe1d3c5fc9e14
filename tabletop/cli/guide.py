"""``tabletop guide SCENARIO [-o FILE]``: the facilitator's guide, generated from the scenario file."""

from __future__ import annotations

import argparse

from tabletop.cli.common import scenario_arg, write_output


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("guide", help="print a scenario's facilitator's guide (Markdown)")
    parser.add_argument("scenario", metavar="SCENARIO")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tabletop.reports.guide import guide_markdown

    write_output(guide_markdown(scenario_arg(args.scenario)), args.output)
    return 0
