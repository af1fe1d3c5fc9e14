"""Damaged saves: mutate real saves many ways and count what reading them gives.

    python benchmarks/save_damage.py [--cases N] [--seed S]

N cases of every mutation on each of three real saves (a computer game, a classroom game,
the same classroom game signed), and N of the deliberate edits (values, scenario, notes changed
and the hash chain recomputed; the signature removed) on the signed one. Prints the figures the
README quotes: cases tried, detected at the right line, loaded identically, clean prefixes,
tracebacks, hangs, undetected changes, wrong lines. The generator is ``tests/damage.py`` (CI runs
it with N = 8). Exit 1 if any case is a traceback, a hang, an undetected change or a wrong line.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from damage import MUTATIONS, SIGNED_ONLY, run  # noqa: E402 - the generator lives with the tests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=40, help="cases per mutation and save (default 40)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        figures = run(args.cases, Path(folder), args.seed)
    print(f"{len(MUTATIONS)} kinds of damage on 3 real saves, {len(SIGNED_ONLY)} deliberate edits on the signed "
          f"one, {args.cases} cases each (seed {args.seed}), {time.perf_counter() - start:.0f} s")
    print("\n".join(figures.lines()))
    for failure in figures.failures[:20]:
        print("  " + failure)
    return 1 if figures.bad else 0


if __name__ == "__main__":
    sys.exit(main())
