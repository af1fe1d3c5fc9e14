"""The ``tabletop`` command line; ``python -m tabletop`` runs the same.

Exit codes: 0 done; 1 a file given is missing, unreadable or invalid, or a
verification failed; 2 the command line itself is wrong. Every error a user can
cause is printed as one inert line (:func:`tabletop.text.one_line`, built on
:func:`tabletop.text.inert_line`): control characters and escape sequences in a
value typed or a file read are shown escaped, never sent to the terminal.
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
from tabletop.engine.scenario import ScenarioError
from tabletop.errors import UsageError, UserError
from tabletop.text import one_line

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
        say(error)
        return 2
    except (UserError, ScenarioError) as error:
        say(error)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:  # the machine refused (a full disk, a folder without permission): not a bug of ours
        where = f"{error.filename}: " if error.filename else ""
        say(f"tabletop: {where}{error.strerror or error}")
        return 1


def say(error: object) -> None:
    """An error as one inert line on standard error (at most 300 characters)."""
    print(one_line(error), file=sys.stderr)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
