"""Engine speed: a whole computer game, the engine's import, the Pareto frontier, and NegMAS beside them.

Run by hand (not in CI):

    python benchmarks/engine.py            # tabletop figures only
    pip install negmas && python benchmarks/engine.py   # adds the NegMAS comparison

It pins itself to one core, warms up, and prints medians of CPU time (the
process's own, so that a busy shared machine slows the wall clock but not the
figures). Per shipped scenario it prints the median computer game over every
ordered pair of the seven opponents (headless, not saved) and its ratio to a
NegMAS alternating-offers negotiation (6 issues of 4 values, two aspiration
negotiators) measured just before that scenario, so that both see the same load;
the target is the slowest scenario at least 10x faster. The largest scenario's pairings are printed one by one.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time


def pin_one_core() -> str:
    try:
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    except (AttributeError, OSError):
        return "not pinned"


def median_ms(fn, runs: int, warmup: int = 5) -> float:
    """The median CPU time of ``fn(n)`` for n in 0..runs-1, in milliseconds, after ``warmup`` calls."""
    for _ in range(warmup):
        fn(0)
    times = []
    for n in range(runs):
        start = time.process_time()
        fn(n)
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def largest_scenario():
    from tabletop.scenarios.library import load_path, shipped

    scenarios = [load_path(item.path) for item in shipped()]
    return max(scenarios, key=lambda s: (len(s.irritants) * s.rounds, sum(len(i.rungs) for i in s.irritants), s.id))


def import_ms() -> tuple[float, float, float]:
    """Fresh-process import times: ``import tabletop.engine`` and everything a headless game needs (the best
    wall time of 7 processes), and the median CPU time of the whole (less disturbed by a busy machine)."""
    code = (
        "import time; t=time.perf_counter(); c=time.process_time(); import tabletop.engine; "
        "a=time.perf_counter()-t; t=time.perf_counter(); import tabletop.engine.game, tabletop.engine.scenario, "
        "tabletop.engine.opponents, tabletop.engine.autoplay; b=time.perf_counter()-t; "
        "print(a, a+b, time.process_time()-c)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # cached bytecode, as installed
    best = [float("inf"), float("inf")]
    cpu = []
    subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True)  # write the bytecode
    for _ in range(7):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
        a, b, c = (float(x) for x in out.split())
        best = [min(best[0], a), min(best[1], b)]
        cpu.append(c)
    return best[0] * 1000, best[1] * 1000, statistics.median(cpu) * 1000


def negmas_ms(runs: int) -> float | None:
    """An alternating-offers negotiation in NegMAS: 6 issues of 4 values, two aspiration negotiators."""
    try:
        from negmas import AspirationNegotiator, SAOMechanism, make_issue
        from negmas.preferences import LinearAdditiveUtilityFunction
    except ImportError:
        return None
    issues = [make_issue(4, name=f"issue{k}") for k in range(6)]

    def one(n: int) -> None:
        random.seed(n)
        mechanism = SAOMechanism(issues=issues, n_steps=100)
        for name in ("a", "b"):
            ufun = LinearAdditiveUtilityFunction.random(mechanism.outcome_space, reserved_value=0.0)
            mechanism.add(AspirationNegotiator(name=name), preferences=ufun)
        mechanism.run()

    return median_ms(one, runs, warmup=3)


def pairs_median_ms(scenario, seeds: int) -> tuple[float, dict[tuple[str, str], float]]:
    """The median CPU time of a game over every ordered pair of opponents (``seeds`` seeds each), and each pair's."""
    from tabletop.engine.autoplay import simulate
    from tabletop.engine.opponents import STRATEGIES

    every: list[float] = []
    pairs: dict[tuple[str, str], float] = {}
    for w in STRATEGIES:
        for m in STRATEGIES:
            simulate(scenario, w, m, 0)  # warm up
            times = []
            for n in range(1, seeds + 1):
                start = time.process_time()
                simulate(scenario, w, m, n)
                times.append(time.process_time() - start)
            every += times
            pairs[(w, m)] = statistics.median(times) * 1000
    return statistics.median(every) * 1000, pairs


def main() -> None:
    print(f"python {sys.version.split()[0]}, {pin_one_core()}, CPU time")
    engine_ms, game_ms, game_cpu = import_ms()
    print(f"import tabletop.engine: {engine_ms:.1f} ms; with game, scenario, opponents: {game_ms:.1f} ms "
          f"(CPU time {game_cpu:.1f} ms; target < 60 ms)")

    from tabletop.engine.analysis import pareto_frontier
    from tabletop.engine.autoplay import simulate
    from tabletop.engine.opponents import STRATEGIES
    from tabletop.scenarios.library import load_path, shipped

    scenario = largest_scenario()
    print(f"largest shipped scenario: {scenario.id} ({len(scenario.irritants)} irritants, {scenario.rounds} rounds)")
    frontier = median_ms(lambda n: pareto_frontier(scenario), 50)
    print(f"Pareto frontier: {frontier:.2f} ms median ({len(pareto_frontier(scenario))} points; target < 15 ms)")
    game = median_ms(lambda n: simulate(scenario, "grit", "tit-for-tat", n), 200)
    print(f"one computer game (grit vs tit-for-tat): {game:.2f} ms median over 200 seeds (target <= 5 ms)")
    negmas = negmas_ms(30)
    if negmas is None:
        print("NegMAS not installed: `pip install negmas` to measure the comparison")
    else:
        print(f"NegMAS SAO, 6 issues x 4 values, aspiration vs aspiration: {negmas:.1f} ms median")
    print("median computer game over every ordered pair of the seven opponents (10 seeds each), each beside a "
          "NegMAS median measured just before it (a busy machine slows both alike):")
    slowest = (0.0, "", 0.0)
    for item in shipped():
        each = load_path(item.path)
        beside = negmas_ms(15) if negmas else None
        median, pairs = pairs_median_ms(each, 10)
        slowest = max(slowest, (median, each.id, beside or 0.0))
        ratio = f"; NegMAS {beside:.1f} ms, NegMAS / tabletop = {beside / median:.1f}x" if beside else ""
        print(f"  {each.id:<18} {median:6.2f} ms (slowest pair {max(pairs.values()):6.2f} ms){ratio}")
        if each.id == scenario.id:
            largest_pairs = pairs
    if negmas:
        print(f"slowest scenario: {slowest[1]}, {slowest[0]:.2f} ms: NegMAS ({slowest[2]:.1f} ms beside it) is "
              f"{slowest[2] / slowest[0]:.1f}x slower (target >= 10x)")
    print(f"{scenario.id}, pair by pair (ms):")
    for w in STRATEGIES:
        row = " ".join(f"{largest_pairs[(w, m)]:5.2f}" for m in STRATEGIES)
        print(f"  {w:<12} vs {row}   (Moscow: {', '.join(STRATEGIES)})")


if __name__ == "__main__":
    main()
