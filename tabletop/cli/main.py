"""The ``tabletop`` command line; ``python -m tabletop`` runs the same.

Exit codes: 0 done; 1 a file given is missing, unreadable or invalid, or a
verification failed; 2 the command line itself is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from tabletop.cli import (
    brief,
    codes,
    compare,
    guide,
    host,
    join,
    new,
    play,
    replay,
    report,
    resume,
    scenarios,
    serve,
    simulate,
    tournament,
    validate,
)
from tabletop.errors import UsageError, UserError

COMMANDS = [play, scenarios, validate, simulate, tournament, guide, new, brief, serve, compare, resume, replay, report,
            host, codes, join]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit with code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tabletop", description="A Washington-Moscow negotiation tabletop exercise.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser()
        args = parser.parse_args(args_list)
        if args.command is None:
            from tabletop.cli.play import open_title

            return open_title(args)
        return int(args.run(args) or 0)
    except UsageError as error:
        print(str(error), file=sys.stderr)
        return 2
    except UserError as error:
        print(str(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
