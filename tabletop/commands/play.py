"""``tabletop play``: start a game in the terminal interface (and the bare title screen)."""

from __future__ import annotations

import argparse

from tabletop.commands.common import scenario_arg, seat, seed


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("play", help="play a game in the terminal")
    parser.add_argument("scenario", nargs="?", default="tutorial", metavar="SCENARIO")
    parser.add_argument("--washington", type=seat, default="human", metavar="human|STRATEGY")
    parser.add_argument("--moscow", type=seat, default="grit", metavar="human|STRATEGY")
    parser.add_argument("--seed", type=seed, default=None, metavar="N")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    scenario = scenario_arg(args.scenario)
    from tabletop.tui.app import TabletopApp

    app = TabletopApp(scenario=scenario, washington=args.washington, moscow=args.moscow, seed=args.seed)
    app.run()
    return app.return_code or 0


def open_title(args: argparse.Namespace) -> int:
    from tabletop.tui.app import TabletopApp

    app = TabletopApp()
    app.run()
    return app.return_code or 0
