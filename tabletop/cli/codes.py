"""``tabletop codes CLASS.toml``: the printable sheet of a class's join codes (the same codes the host uses)."""

from __future__ import annotations

import argparse

from tabletop.cli.common import write_output
from tabletop.cli.host import class_options


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("codes", help="print a class's join codes (Markdown table or slips to cut)")
    class_options(parser)
    parser.add_argument("--url", default="", metavar="URL", help="the host's address, printed on the sheet")
    parser.add_argument("--format", choices=("markdown", "slips"), default="markdown",
                        help="one Markdown table (default), or one slip per human seat")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the sheet to FILE (default: print it)")
    parser.set_defaults(run=run)


def _write_private(text: str, path: str) -> None:
    """Write the sheet readable by its owner only: a code lets anyone play its seat."""
    import os

    from tabletop.errors import UserError

    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as error:
        raise UserError(f"{path}: cannot write ({error.strerror or error})") from None


def run(args: argparse.Namespace) -> int:
    from tabletop.cli.host import class_plan
    from tabletop.net.classstate import open_class
    from tabletop.net.sheet import sheet_markdown, sheet_text

    state = open_class(class_plan(args), args.saves_dir)
    text = sheet_markdown(state, args.url) if args.format == "markdown" else sheet_text(state, args.url)
    if args.output is None:
        write_output(text, None)
    else:
        _write_private(text, args.output)
        print(f"{args.output}: the join codes of {state.name!r} ({len(state.tables)} table(s)); "
              "keep it out of sight: a code lets anyone play its seat")
    return 0
