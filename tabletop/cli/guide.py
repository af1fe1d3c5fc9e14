"""``tabletop guide SCENARIO [--class] [-o FILE]``: the facilitator's guide (the instructor's class pack).

Markdown by default; ``-o FILE.html`` writes one printable, self-contained HTML
file. ``--class`` adds the players' handouts (public brief, Washington's and
Moscow's briefs), each on its own printed page, after the guide.
"""

from __future__ import annotations

import argparse

from tabletop.cli.common import scenario_arg, write_output
from tabletop.text import inert_line


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("guide", help="print a scenario's facilitator's guide: run-sheets, teaching notes, "
                                          "answer key, sources (Markdown, or HTML with -o FILE.html)")
    parser.add_argument("scenario", metavar="SCENARIO")
    parser.add_argument("--class", dest="class_pack", action="store_true",
                        help="the instructor's full class pack: the guide, then the three handouts to print")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE instead of printing (a name ending .html or .htm writes printable HTML)")
    parser.set_defaults(run=run)


def wants_html(path: str | None) -> bool:
    return path is not None and path.lower().endswith((".html", ".htm"))


def run(args: argparse.Namespace) -> int:
    from tabletop.reports.guide import guide_html, guide_markdown

    scenario = scenario_arg(args.scenario)
    render = guide_html if wants_html(args.output) else guide_markdown
    write_output(render(scenario, args.class_pack), args.output)
    if args.output is not None:  # say what was written, as 'report -o' does
        what = "class pack (guide and handouts)" if args.class_pack else "facilitator's guide"
        kind = "printable HTML" if wants_html(args.output) else "Markdown"
        print(inert_line(f"{args.output}: {what} for {scenario.title} written ({kind})"))
    return 0
