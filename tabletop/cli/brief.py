"""``tabletop brief SCENARIO --side washington|moscow|public [-o FILE]``: a brief to hand out."""

from __future__ import annotations

import argparse

from tabletop.cli.common import scenario_arg, write_output


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("brief", help="print a side's brief (or the public one) as Markdown")
    parser.add_argument("scenario", metavar="SCENARIO")
    parser.add_argument("--side", required=True, choices=["washington", "moscow", "public"])
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tabletop.engine.model import Side
    from tabletop.reports.briefs import public_brief_markdown, side_brief_markdown

    scenario = scenario_arg(args.scenario)
    if args.side == "public":
        text = public_brief_markdown(scenario)
    else:
        text = side_brief_markdown(scenario, Side(args.side))
    write_output(text, args.output)
    return 0
