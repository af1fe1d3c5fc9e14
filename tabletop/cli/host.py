"""``tabletop host``: run a whole class on one machine, every table on one server, teams joining with codes."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from tabletop.cli.common import count
from tabletop.errors import UsageError, UserError

if TYPE_CHECKING:
    from tabletop.net.classfile import ClassPlan  # imported when used: the command line starts fast

PASSPHRASE_ENV = "TABLETOP_PASSPHRASE"


def port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 0 <= number < 65536:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (1-65535, or 0 for any free one)")
    return number


def class_options(parser: argparse.ArgumentParser) -> None:
    """The options that name a class: a class file, or a number of tables of one scenario."""
    parser.add_argument("class_file", nargs="?", metavar="CLASS.toml", help="the class file (see docs/CLASSROOM.md)")
    parser.add_argument("--class", dest="class_option", metavar="CLASS.toml", help="the class file (same as CLASS.toml)")
    parser.add_argument("--tables", type=count, metavar="N", help="without a class file: N tables, every seat human")
    parser.add_argument("--scenario", metavar="SCENARIO", help="with --tables: the scenario every table plays")
    parser.add_argument("--saves-dir", metavar="DIR",
                        help="the class's folder: its saves and class-state.json (default: <saves>/class-<name>)")


def class_plan(args: argparse.Namespace) -> ClassPlan:
    """The class named on the command line; usage errors for a wrong combination of options."""
    from tabletop.cli.common import scenario_arg
    from tabletop.net.classfile import MAX_TABLES, plan_for, read_class

    path = args.class_file or args.class_option
    if args.class_file and args.class_option:
        raise UsageError("tabletop: give the class file once (CLASS.toml or --class CLASS.toml)")
    if path and (args.tables or args.scenario):
        raise UsageError("tabletop: a class file names its own tables and scenario; drop --tables and --scenario")
    if path:
        return read_class(path)
    if not args.tables or not args.scenario:
        raise UsageError("tabletop: name the class: CLASS.toml, or --tables N --scenario ID")
    if args.tables > MAX_TABLES:
        raise UsageError(f"tabletop: --tables {args.tables} is too many, expected at most {MAX_TABLES}")
    return plan_for(args.tables, scenario_arg(args.scenario), args.scenario)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("host", help="run a class: every table on this machine, teams join with codes")
    class_options(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    parser.add_argument("--port", type=port, default=8765, help="port to listen on (default 8765; 0: any free one)")
    parser.add_argument("--passphrase", metavar="TEXT",
                        help=f"the facilitator's passphrase (better: set ${PASSPHRASE_ENV}; default: one is "
                             "generated, kept in class-state.json and printed)")
    parser.add_argument("--show-opponent", action="store_true",
                        help="show each table's players the style of a computer seated against them (hidden by "
                             "default until the debrief); recorded in each table's save, so a restart keeps it")
    parser.add_argument("--allow-origin", action="append", default=[], metavar="URL",
                        help="a browser origin allowed to open the web socket (e.g. behind a TLS proxy); "
                             "repeatable; by default every browser origin is refused")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import asyncio

    from tabletop.net import codes
    from tabletop.net.host import ClassHost
    from tabletop.net.server import serve

    plan = class_plan(args)
    passphrase = args.passphrase if args.passphrase is not None else os.environ.get(PASSPHRASE_ENV, "")
    if args.passphrase is not None and not args.passphrase.strip():
        raise UsageError("tabletop host: the passphrase must not be empty")
    host = ClassHost.open(plan, args.saves_dir, passphrase, show_opponent=args.show_opponent)
    try:
        state = host.state
        print(f"Class {state.name!r} in {state.folder}" + (" (ended; debriefs only)" if state.ended else ""))
        for table in host.tables.values():
            seats = ", ".join(f"{side.title} {seat.team}: "
                              f"{codes.shown(seat.code) if seat.player == 'human' else 'computer (' + seat.player + ')'}"
                              for side, seat in table.info.seats.items())
            print(f"  {table.id} {table.info.name} ({table.game.scenario.id}): {seats}")
        if not passphrase:
            print(f"Facilitator passphrase: {state.passphrase} (kept in {state.path.name}; "
                  f"set ${PASSPHRASE_ENV} to choose one)")
        print(f"Printable codes: tabletop codes {plan.source} --saves-dir {state.folder}", flush=True)
        asyncio.run(serve(host, args.host, args.port, args.allow_origin))
    except OSError as error:
        raise UserError(f"tabletop host: cannot listen on {args.host}:{args.port} ({error.strerror or error})") from None
    finally:
        host.close()
    return 0
