"""Hostile scenarios: mutate the shipped scenario files many ways and count what the commands make of them.

    python benchmarks/hostile_scenarios.py [--cases N] [--seed S]

N cases of every mutation (a line deleted, a value made hostile, a table repeated past the limits, a
cut, a flipped byte, two lines swapped, a quote stripped) on each shipped scenario. Each case is
validated; one that validates is played and reported. Prints the figures the README quotes: cases
tried, refused, validated and played, tracebacks, hangs, messages that are not one clean line naming
the file. The generator is ``tests/hostile.py`` (CI runs it with N = 6). Exit 1 on any bad case.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hostile import MUTATIONS, run  # noqa: E402 - the generator lives with the tests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=40, help="cases per mutation and scenario (default 40)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        figures = run(args.cases, Path(folder), args.seed)
    print(f"{len(MUTATIONS)} kinds of damage on every shipped scenario, {args.cases} cases each "
          f"(seed {args.seed}), {time.perf_counter() - start:.0f} s")
    print("\n".join(figures.lines()))
    for failure in figures.failures[:20]:
        print("  " + failure)
    return 1 if figures.bad else 0


if __name__ == "__main__":
    sys.exit(main())
