"""``tabletop join URL [CODE]``: play one seat of a class run by ``tabletop host``; ``--facilitator`` for the dashboard."""

from __future__ import annotations

import argparse
import os

from tabletop.errors import UsageError, UserError

PASSPHRASE_ENV = "TABLETOP_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("join", help="join a class on the network: one seat with its code, or the facilitator")
    parser.add_argument("url", metavar="URL", help="the class host, as it printed it (ws://HOST:PORT/ws, or HOST:PORT)")
    parser.add_argument("code", nargs="?", metavar="CODE",
                        help="your team's join code (asked for on screen when left out)")
    parser.add_argument("--facilitator", action="store_true",
                        help=f"open the facilitator's dashboard (the passphrase from ${PASSPHRASE_ENV}, "
                             "else asked for on screen)")
    parser.set_defaults(run=run)


def check(args: argparse.Namespace) -> str:
    """The host's web-socket address; usage errors for a malformed URL or code, before anything is opened."""
    from tabletop.net.client import socket_url
    from tabletop.net.codes import normalise

    try:
        url = socket_url(args.url)
    except ValueError as error:
        raise UsageError(f"tabletop join: {error}") from None
    if args.facilitator and args.code:
        raise UsageError("tabletop join: the facilitator joins with the passphrase, not a code: drop CODE")
    if args.code is not None and not normalise(args.code):
        raise UsageError("tabletop join: a join code is ten letters and digits, like 7Q2MX-K9D4T "
                         "(dashes, spaces and case do not matter)")
    return url


def run(args: argparse.Namespace) -> int:
    url = check(args)
    if args.facilitator:
        from tabletop.tui.screens.dashboard_app import run_dashboard

        code, problem = run_dashboard(url, os.environ.get(PASSPHRASE_ENV) or None)
    else:
        from tabletop.tui.screens.join_app import run_join

        code, problem = run_join(url, args.code)
    if problem:
        raise UserError(problem)
    return code
