"""How the computer opponents negotiate: repeated offers, acceptances below the walk-away, and what
the scripted students earn against each of them.

Run by hand (not in CI), from a checkout with the project installed:

    python benchmarks/opponents.py [--seeds 20] [--jobs 2] [--scenarios DIR]

Over the six shipped scenarios (or every ``*.toml`` in DIR, to compare two versions of the
opponents on the same scenario texts) it prints:

* the share of computer offers (proposals and counters) that repeat, word for word, a package already
  put on the table in the same game, and the share that repeat a package of the same side that the
  other side turned down (rejected or countered);
* how often a computer opponent accepted, or agreed to conclude on, a board scoring below its
  walk-away, and how many games end with an agreement standing and a computer side below its walk-away
  (collapses aside: a collapse scores the walk-away minus a penalty, agreement or not);
* the mean surplus over the walk-away (final score minus walk-away) of each scripted student against
  each computer opponent, both sides, all scenarios.
"""

from __future__ import annotations

import argparse
import statistics
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from itertools import product
from pathlib import Path

from tabletop.engine import actions as act
from tabletop.engine.autoplay import simulate
from tabletop.engine.game import Game
from tabletop.engine.model import EndReason, Scenario, Side
from tabletop.engine.opponents import STRATEGIES, STUDENTS
from tabletop.engine.scoring import board_after, score
from tabletop.engine.state import Offer
from tabletop.scenarios.library import load_path, shipped

Task = tuple[str, str, str, int]


def scenarios(folder: str | None) -> dict[str, Scenario]:
    paths = sorted(Path(folder).glob("*.toml")) if folder else [item.path for item in shipped()]
    loaded = [load_path(path) for path in paths]
    return {scenario.id: scenario for scenario in loaded}


_LIBRARY: dict[str, Scenario] = {}


def _init(library: dict[str, Scenario]) -> None:
    _LIBRARY.update(library)


def audit(game: Game) -> dict[str, float]:
    """Count, for the computer seats of one finished game, offers repeated and acceptances below walk-away."""
    scenario = game.scenario
    out: dict[str, float] = defaultdict(float)
    seen: set[Offer] = set()
    turned_down: dict[Side, set[Offer]] = {Side.WASHINGTON: set(), Side.MOSCOW: set()}
    last_offer: tuple[Side, Offer] | None = None
    for n, action in enumerate(game.actions):
        side: Side | None = getattr(action, "side", None)
        if side is None:
            continue
        computer = game.seats[side] in STRATEGIES
        before = game.history[n]
        if isinstance(action, (act.Propose, act.Counter)):
            if last_offer is not None and isinstance(action, act.Counter):
                turned_down[last_offer[0]].add(last_offer[1])
            if computer:
                out["offers"] += 1
                out["repeats"] += action.offer in seen
                out["repeats_turned_down"] += action.offer in turned_down[side]
            seen.add(action.offer)
            last_offer = (side, action.offer)
        elif isinstance(action, act.Reject) and last_offer is not None:
            turned_down[last_offer[0]].add(last_offer[1])
            last_offer = None
        elif isinstance(action, act.Accept):
            if computer and before.offer is not None:
                after = board_after(scenario, before.rungs, before.offer)
                out["accepts"] += 1
                out["accepts_below"] += score(scenario, side, after) < scenario.sides[side].walk_away
            last_offer = None
        elif isinstance(action, act.AgreeConclude) and computer:
            out["concludes"] += 1
            out["concludes_below"] += score(scenario, side, before.rungs) < scenario.sides[side].walk_away
    agreement = any(len(d.undone) < len(d.offer.concessions) for d in game.state.deals)
    collapse = game.state.ended is EndReason.COLLAPSE  # scored as walk-away minus the penalty, deal or no deal
    scores = game.final_scores()
    for side in (Side.WASHINGTON, Side.MOSCOW):
        if game.seats[side] in STRATEGIES:
            out["computer_seats"] += 1
            out["collapses"] += collapse
            out["agreement_seats"] += agreement and not collapse
            out["agreement_below"] += agreement and not collapse and scores[side] < scenario.sides[side].walk_away
    return dict(out)


def play(tasks: list[Task]) -> list[tuple[Task, dict[str, float], tuple[float, float]]]:
    library = _LIBRARY
    out = []
    for task in tasks:
        scenario_id, washington, moscow, seed = task
        scenario = library[scenario_id]
        game = simulate(scenario, washington, moscow, seed)
        scores = game.final_scores()
        surplus = (scores[Side.WASHINGTON] - scenario.sides[Side.WASHINGTON].walk_away,
                   scores[Side.MOSCOW] - scenario.sides[Side.MOSCOW].walk_away)
        out.append((task, audit(game), surplus))
    return out


def run(tasks: list[Task], jobs: int, library: dict[str, Scenario]) -> list:
    size = max(1, len(tasks) // (jobs * 8))
    parts = [tasks[i:i + size] for i in range(0, len(tasks), size)]
    if jobs <= 1:
        _init(library)
        return [r for part in parts for r in play(part)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(library,)) as pool:
        return [r for part in pool.map(play, parts) for r in part]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--scenarios", help="a folder of scenario files instead of the shipped ones")
    args = parser.parse_args()
    library = scenarios(args.scenarios)
    ids = sorted(library)
    seeds = range(1, args.seeds + 1)
    opponents = tuple(STRATEGIES)
    students = tuple(STUDENTS)

    pairs = [(s, w, m, n) for s in ids for w, m in product(opponents, repeat=2) for n in seeds]
    totals: dict[str, float] = defaultdict(float)
    by_opponent: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    surplus_pairs: dict[str, list[float]] = defaultdict(list)
    for (_, w, m, _), counts, surplus in run(pairs, args.jobs, library):
        for key, value in counts.items():
            totals[key] += value
        for side, name in ((0, w), (1, m)):
            surplus_pairs[name].append(surplus[side])
        for name in {w, m}:
            for key in ("offers", "repeats", "repeats_turned_down"):
                by_opponent[name][key] += counts.get(key, 0.0) / (2 if w == m else 1)
    print(f"computer against computer: {len(pairs)} games ({len(ids)} scenarios, "
          f"{len(opponents)}x{len(opponents)} pairs, {args.seeds} seeds)")
    print(f"  offers {totals['offers']:.0f}: repeat an earlier package word for word "
          f"{100 * totals['repeats'] / max(1, totals['offers']):.1f}%, "
          f"repeat one of theirs the other side turned down {100 * totals['repeats_turned_down'] / max(1, totals['offers']):.1f}%")
    for name in opponents:
        row = by_opponent[name]
        print(f"    {name:<12} repeats {100 * row['repeats'] / max(1, row['offers']):5.1f}%  "
              f"turned-down repeats {100 * row['repeats_turned_down'] / max(1, row['offers']):5.1f}%  "
              f"mean surplus {statistics.mean(surplus_pairs[name]):+5.1f}")
    print(f"  accepts {totals['accepts']:.0f}, below walk-away {totals['accepts_below']:.0f}; "
          f"agreed conclusions {totals['concludes']:.0f}, below walk-away {totals['concludes_below']:.0f}; "
          f"computer seats with an agreement standing at the end (collapses aside) {totals['agreement_seats']:.0f}, "
          f"ending below walk-away {totals['agreement_below']:.0f}; computer seats in a collapse "
          f"{totals['collapses']:.0f}")

    games = [(s, st, op, n) for s in ids for st in students for op in opponents for n in seeds]
    games += [(s, op, st, n) for s in ids for st in students for op in opponents for n in seeds]
    table: dict[tuple[str, str], list[float]] = defaultdict(list)
    below: dict[str, float] = defaultdict(float)
    seats: dict[str, float] = defaultdict(float)
    for (_, w, m, _), counts, surplus in run(games, args.jobs, library):
        student_side = 0 if w in STUDENTS else 1
        student, opponent = (w, m) if student_side == 0 else (m, w)
        table[(student, opponent)].append(surplus[student_side])
        below[opponent] += counts.get("agreement_below", 0.0) + counts.get("accepts_below", 0.0)
        seats[opponent] += counts.get("agreement_seats", 0.0)
    print(f"\nstudents against computer opponents: {len(games)} games, mean surplus over walk-away "
          f"(both sides, {len(ids)} scenarios, {args.seeds} seeds)")
    print(f"  {'student':<14}" + "".join(f"{o[:11]:>12}" for o in opponents) + f"{'mean':>9}")
    for student in students:
        means = [statistics.mean(table[(student, o)]) for o in opponents]
        print(f"  {student:<14}" + "".join(f"{v:>+12.1f}" for v in means) + f"{statistics.mean(means):>+9.1f}")

    def best_against(opponent: str) -> str:
        return max(students, key=lambda student: statistics.mean(table[(student, opponent)]))

    print("  best student per opponent: " + ", ".join(f"{o}: {best_against(o)}" for o in opponents))
    print("  computer accepts below walk-away or agreement ending below it (against students): " + ", ".join(
        f"{o} {below[o]:.0f}/{seats[o]:.0f}" for o in opponents))


if __name__ == "__main__":
    main()
