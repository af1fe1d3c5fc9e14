"""``tabletop play``: start a game in the terminal interface (and the bare title screen)."""

from __future__ import annotations

import argparse

from tabletop.cli.common import scenario_arg, seat, seed
from tabletop.engine.model import TIMER_MAX, TIMER_MIN, timer_problem


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("play", help="play a game in the terminal")
    parser.add_argument("scenario", nargs="?", default="tutorial", metavar="SCENARIO",
                        help="a shipped scenario id or a path to a TOML file (default: tutorial)")
    parser.add_argument("--washington", type=seat, default="human", metavar="human|STRATEGY",
                        help="who plays Washington (default: human)")
    parser.add_argument("--moscow", type=seat, default="grit", metavar="human|STRATEGY",
                        help="who plays Moscow (default: grit)")
    parser.add_argument("--seed", type=seed, default=None, metavar="N",
                        help="the game's seed (default: a random one, shown on screen)")
    parser.add_argument("--saves-dir", default=None, metavar="DIR",
                        help="where the game is saved as it is played (default: $TABLETOP_SAVES or ./saves)")
    parser.add_argument("--show-opponent", action="store_true",
                        help="show the players which style the computer opponent plays (by default it is hidden "
                             "until the debrief; the choice is kept in the save, so resuming keeps it)")
    classroom = parser.add_argument_group("classroom mode (a facilitator runs the game)")
    classroom.add_argument("--facilitator", action="store_true",
                           help="add the facilitator console (F9 or ctrl+f): injects, pause, timer, briefs, notes; "
                                "a hotwash follows the end")
    classroom.add_argument("--passphrase", type=passphrase, default=None, metavar="TEXT",
                           help="ask for this passphrase before opening the console (implies --facilitator)")
    classroom.add_argument("--timer", type=timer_seconds, default=None, metavar="SECONDS",
                           help=f"round timer: seconds each side has for a move, {TIMER_MIN} to {TIMER_MAX}, 0 for none "
                                "(default: the scenario's own; implies --facilitator)")
    parser.set_defaults(run=run)


def passphrase(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("the passphrase must not be empty")
    return value


def timer_seconds(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of seconds") from None
    problem = timer_problem(number)
    if problem:
        raise argparse.ArgumentTypeError(f"{value}: {problem}")
    return number


def run(args: argparse.Namespace) -> int:
    scenario = scenario_arg(args.scenario)
    from tabletop.tui.app import TabletopApp
    from tabletop.tui.classroom import Classroom

    classroom = None
    if args.facilitator or args.passphrase is not None or args.timer is not None:
        classroom = Classroom(passphrase=args.passphrase or "", timer=args.timer)
    app = TabletopApp(scenario=scenario, washington=args.washington, moscow=args.moscow, seed=args.seed,
                      saves_dir=args.saves_dir, classroom=classroom, show_opponent=args.show_opponent)
    app.run()
    return app.return_code or 0


def open_title(args: argparse.Namespace) -> int:
    from tabletop.tui.app import TabletopApp

    app = TabletopApp()
    app.run()
    return app.return_code or 0
