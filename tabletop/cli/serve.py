"""``tabletop serve``: the app in a browser, one game per visitor (textual-serve, locked down: see tabletop/net/browser.py).

With ``--join URL`` each visitor runs ``tabletop join URL`` instead: a student with only a browser types the
team's code and plays that seat of a class run by ``tabletop host``.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import socket
import sys
from pathlib import Path

from tabletop.cli.common import count, scenario_arg, seat, seed
from tabletop.errors import UsageError, UserError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("serve", help="serve the app to web browsers (one game per visitor)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    parser.add_argument("--port", type=port, default=8000)
    parser.add_argument("--scenario", metavar="SCENARIO", help="start every visitor straight into this scenario")
    parser.add_argument("--washington", type=seat, metavar="human|STRATEGY")
    parser.add_argument("--moscow", type=seat, metavar="human|STRATEGY")
    parser.add_argument("--seed", type=seed, metavar="N")
    parser.add_argument("--saves-dir", metavar="DIR",
                        help="where visitors' games are saved, each visitor in a folder of its own (default: ./saves)")
    parser.add_argument("--shared-saves", action="store_true",
                        help="let every visitor see and resume every game in the saves folder (off by default)")
    parser.add_argument("--scenarios-dir", metavar="DIR",
                        help="a folder of scenario files visitors may open (default: only the shipped scenarios)")
    parser.add_argument("--join", metavar="URL",
                        help="serve the client of a class run by 'tabletop host' at URL: each visitor types a "
                             "join code and plays that seat (instead of a game of its own)")
    parser.add_argument("--max-visitors", type=count, default=20, metavar="N",
                        help="visitors playing at once (default 20); the next one is asked to come back later")
    parser.set_defaults(run=run)


def port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 0 < number < 65536:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (1-65535)")
    return number


def visitor_argv(args: argparse.Namespace) -> list[str]:
    """The command each visitor's session runs: the title screen, straight into a game, or a class's seat."""
    command = [sys.executable, "-m", "tabletop"]
    if getattr(args, "join", None):
        return command + ["join", args.join]  # no code: the visitor types it on the page
    play_options = [args.scenario, args.washington, args.moscow, args.seed]
    if any(option is not None for option in play_options):
        command += ["play", args.scenario or "tutorial"]
        for flag, value in (("--washington", args.washington), ("--moscow", args.moscow), ("--seed", args.seed)):
            if value is not None:
                command += [flag, str(value)]
    return command


def check_host(host: str) -> None:
    """A one-line error for an address this machine cannot listen on."""
    try:
        ipaddress.ip_address(host)
        return
    except ValueError:
        pass
    try:
        socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        raise UserError(f"tabletop serve: --host {host[:80]!r} is not an address or a known host name") from None


def folder(value: str, option: str) -> Path:
    path = Path(value).resolve()
    if path.exists() and not path.is_dir():
        raise UserError(f"tabletop serve: {option} {value}: is a file, expected a folder")
    return path


def check_join(args: argparse.Namespace) -> None:
    """``--join URL``: a class host's address, and nothing that starts a game of the visitor's own."""
    if args.join is None:
        return
    from tabletop.net.client import socket_url

    try:
        args.join = socket_url(args.join)
    except ValueError as error:
        raise UsageError(f"tabletop serve: --join: {error}") from None
    given = [flag for flag, value in (("--scenario", args.scenario), ("--washington", args.washington),
                                      ("--moscow", args.moscow), ("--seed", args.seed)) if value is not None]
    if given:
        raise UsageError(f"tabletop serve: --join serves a class's seats; {', '.join(given)} would start a game "
                         "of the visitor's own: drop it")


def run(args: argparse.Namespace) -> int:
    check_join(args)
    if args.scenario:
        scenario_arg(args.scenario)  # a bad id or file is reported here, not in every visitor's browser
    check_host(args.host)
    saves = folder(args.saves_dir or os.environ.get("TABLETOP_SAVES") or "saves", "--saves-dir")
    scenarios = folder(args.scenarios_dir, "--scenarios-dir") if args.scenarios_dir else None
    if scenarios is not None and not scenarios.is_dir():
        raise UserError(f"tabletop serve: --scenarios-dir {args.scenarios_dir}: no such folder")
    try:
        saves.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"tabletop serve: --saves-dir {saves}: cannot be created ({error.strerror})") from None
    from tabletop.net.browser import TabletopServer

    server = TabletopServer(visitor_argv(args), saves, host=args.host, port=args.port,
                            max_visitors=args.max_visitors, shared_saves=args.shared_saves, scenario_dir=scenarios)
    where = "one shared folder" if args.shared_saves else "a folder per visitor"
    if args.join:
        print(f"Serving the class at {args.join} on http://{args.host}:{args.port} (each visitor types a join "
              f"code; at most {args.max_visitors} visitors); Ctrl+C stops.", flush=True)
    else:
        print(f"Serving tabletop on http://{args.host}:{args.port} (games saved in {saves}, {where}; "
              f"at most {args.max_visitors} visitors); Ctrl+C stops.", flush=True)
    try:
        server.serve()
    except OSError as error:
        raise UserError(f"tabletop serve: cannot listen on {args.host}:{args.port} ({error.strerror or error})") from None
    return 0
