"""``tabletop tournament``: every ordered pair of computer opponents on each scenario."""

from __future__ import annotations

import argparse
import json

from tabletop.cli.common import count, scenario_arg, whole_number
from tabletop.errors import UserError


def jobs_count(value: str) -> int:
    return whole_number(value, 0, "is too low: expected 0 (every core) or more")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("tournament", help="play every pair of computer opponents and tabulate outcomes")
    parser.add_argument("scenarios", nargs="*", metavar="SCENARIO",
                        help="shipped ids or paths (default: every shipped scenario)")
    parser.add_argument("--seeds", type=count, default=10, metavar="N", help="seeds per pairing (default 10)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--jobs", type=jobs_count, default=1, metavar="N",
                        help="worker processes (0: every core; default 1); the results do not depend on it")
    parser.add_argument("--ray", nargs="?", const="", default=None, metavar="ADDRESS",
                        help="run on a Ray cluster at ADDRESS (a local Ray when none is given); "
                             "needs pip install 'tabletop[ray]'")
    parser.add_argument("--students", action="store_true",
                        help="set the scripted students against every computer opponent instead, and check "
                             "that good negotiation pays (mean surplus over the walk-away)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from tabletop.batch.runners import RunnerError
    from tabletop.batch.tournament import run_tournament
    from tabletop.engine.model import SIDES
    from tabletop.engine.opponents import STRATEGIES
    from tabletop.scenarios.library import shipped_ids

    specs = args.scenarios or shipped_ids()
    scenarios = [scenario_arg(spec) for spec in specs]
    if args.students:
        return run_students(args, scenarios)
    try:
        tournaments = [run_tournament(scenario, args.seeds, jobs=args.jobs, ray=args.ray is not None,
                                      ray_address=args.ray or None) for scenario in scenarios]
    except RunnerError as error:
        raise UserError(f"tabletop tournament: {error}") from None
    if args.json:
        print(json.dumps({"tournaments": [t.to_dict() for t in tournaments]}, indent=2, sort_keys=True))
        return 0
    for t in tournaments:
        s = t.scenario
        total = len(t.results)
        print(f"{s.title} ({s.id}): {total} games, {len(STRATEGIES)}x{len(STRATEGIES)} pairings x {t.seeds} seeds")
        print(f"  {'Outcome':<40} {'Games':>6} {'Share':>7}")
        names = {tier.id: tier.name for tier in s.outcomes}
        for tier_id, n in t.tier_counts().items():
            print(f"  {names[tier_id]:<40} {n:6d} {100 * n / total:6.1f}%")
        print(f"  {'Mean score':<16} {'as Washington':>14} {'as Moscow':>10}")
        for name in STRATEGIES:
            w, m = (t.mean_score(name, side) for side in SIDES)
            print(f"  {name:<16} {w:14.1f} {m:10.1f}")
        problems = t.balance_problems()
        print("  Balance: " + ("ok" if not problems else "; ".join(problems)))
        print()
    return 0


def run_students(args: argparse.Namespace, scenarios: list) -> int:
    from tabletop.batch.runners import RunnerError
    from tabletop.batch.study import run_study
    from tabletop.engine.model import SIDES

    try:
        studies = [run_study(scenario, args.seeds, jobs=args.jobs, ray=args.ray is not None,
                             ray_address=args.ray or None) for scenario in scenarios]
    except RunnerError as error:
        raise UserError(f"tabletop tournament: {error}") from None
    if args.json:
        print(json.dumps({"studies": [s.to_dict() for s in studies]}, indent=2, sort_keys=True))
        return 0
    for study in studies:
        s = study.scenario
        print(f"{s.title} ({s.id}): {len(study.results)} games, {len(study.students)} students x "
              f"{len(study.opponents)} opponents x 2 seats x {study.seeds} seeds")
        print("  Mean surplus over the walk-away, by computer opponent")
        print("  " + " " * 14 + "".join(f"{o[:9]:>10}" for o in study.opponents) + f"{'all':>8}  top tier")
        names = {tier.id: tier.name for tier in s.outcomes}
        for student in study.students:
            row = "".join(f"{study.surplus(student, o):+10.1f}" for o in study.opponents)
            tier, share = study.top_tier_share(student)
            print(f"  {student:<14}{row}{study.surplus(student):+8.1f}  {share:4.0%} {names.get(tier, tier)}")
        above = ", ".join(f"{side.value.capitalize()} {study.above_walk_away(side):.0%}" for side in SIDES)
        print(f"  Ends above its walk-away: {above}")
        problems = study.problems()
        print("  Teaching checks: " + ("ok" if not problems else ""))
        for problem in problems:
            print(f"    - {problem}")
        print()
    return 0
