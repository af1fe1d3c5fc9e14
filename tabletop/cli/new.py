"""``tabletop new ID``: write a commented starting scenario that validates."""

from __future__ import annotations

import argparse
import os

from tabletop.errors import UsageError, UserError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("new", help="write a commented starting scenario file")
    parser.add_argument("id", metavar="ID", help="the new scenario's id (lower-case letters, digits, dashes)")
    parser.add_argument("-o", "--output", metavar="FILE", help="where to write it (default: ID.toml here)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tabletop.scenarios.template import scenario_template

    scenario_id = args.id
    if not scenario_id or not all(c.islower() or c.isdigit() or c == "-" for c in scenario_id) \
            or scenario_id.startswith("-"):
        raise UsageError(f"tabletop new: {scenario_id!r} is not a valid id, expected lower-case letters, digits and dashes")
    path = args.output or f"{scenario_id}.toml"
    if os.path.exists(path):
        raise UserError(f"{path}: already exists, expected a new file name (choose another with -o)")
    try:
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(scenario_template(scenario_id))
    except OSError as error:
        raise UserError(f"{path}: cannot write ({error.strerror or error})") from None
    print(f"{path}: written; edit it, then check it with 'tabletop validate {path}'")
    return 0
