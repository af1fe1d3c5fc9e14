"""``tabletop brief SCENARIO --side washington|moscow|public [-o FILE]``: a player's handout.

Markdown by default; ``-o FILE.html`` writes one printable, self-contained HTML
file. A handout never holds the answer key or the other side's brief.
"""

from __future__ import annotations

import argparse

from tabletop.cli.common import scenario_arg, write_output
from tabletop.cli.guide import wants_html


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("brief", help="print a side's brief (or the public one) to hand out "
                                          "(Markdown, or HTML with -o FILE.html)")
    parser.add_argument("scenario", metavar="SCENARIO")
    parser.add_argument("--side", required=True, choices=["washington", "moscow", "public"])
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE instead of printing (a name ending .html or .htm writes printable HTML)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tabletop.engine.model import Side
    from tabletop.reports.briefs import brief_html, public_brief_markdown, side_brief_markdown

    scenario = scenario_arg(args.scenario)
    side = None if args.side == "public" else Side(args.side)
    if wants_html(args.output):
        text = brief_html(scenario, side)
    else:
        text = public_brief_markdown(scenario) if side is None else side_brief_markdown(scenario, side)
    write_output(text, args.output)
    return 0
