"""``tabletop serve``: the app in a browser, one game per visitor (textual-serve)."""

from __future__ import annotations

import argparse
import os
import shlex
import sys

from tabletop.cli.common import seat, seed


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("serve", help="serve the app to web browsers (one game per visitor)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    parser.add_argument("--port", type=port, default=8000)
    parser.add_argument("--scenario", metavar="SCENARIO", help="start every visitor straight into this scenario")
    parser.add_argument("--washington", type=seat, metavar="human|STRATEGY")
    parser.add_argument("--moscow", type=seat, metavar="human|STRATEGY")
    parser.add_argument("--seed", type=seed, metavar="N")
    parser.add_argument("--saves-dir", metavar="DIR", help="where visitors' games are saved (default: ./saves)")
    parser.set_defaults(run=run)


def port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 0 < number < 65536:
        raise argparse.ArgumentTypeError(f"{value} is not a port number (1-65535)")
    return number


def visitor_command(args: argparse.Namespace) -> str:
    """The command each visitor's session runs: the title screen, or straight into a game."""
    command = [sys.executable, "-m", "tabletop"]
    play_options = [args.scenario, args.washington, args.moscow, args.seed]
    if any(option is not None for option in play_options):
        command += ["play", args.scenario or "tutorial"]
        for flag, value in (("--washington", args.washington), ("--moscow", args.moscow), ("--seed", args.seed)):
            if value is not None:
                command += [flag, str(value)]
    return shlex.join(command)


def run(args: argparse.Namespace) -> int:
    from tabletop.cli.common import scenario_arg
    from tabletop.errors import UserError

    if args.scenario:
        scenario_arg(args.scenario)  # a bad id or file is reported here, not in every visitor's browser
    try:
        from textual_serve.server import Server
    except ImportError:
        raise UserError("tabletop serve: textual-serve is not installed (pip install textual-serve)") from None
    saves = os.path.abspath(args.saves_dir or os.environ.get("TABLETOP_SAVES") or "saves")
    os.makedirs(saves, exist_ok=True)
    os.environ["TABLETOP_SAVES"] = saves
    server = Server(visitor_command(args), host=args.host, port=args.port, title="tabletop")
    print(f"Serving tabletop on http://{args.host}:{args.port} (games saved in {saves}); Ctrl+C stops.", flush=True)
    server.serve()
    return 0
