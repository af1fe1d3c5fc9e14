"""Start-up time and peak memory: `tabletop play tutorial` against a plain Textual app, side by side.

Each run starts a fresh Python process in a pseudo-terminal of 120x40 (the real
terminal driver, not headless), and measures the wall time from just before the
process is spawned until the first interactive screen has been drawn and the
app is idle (the briefing for tabletop; a table of 50 rows for the plain app),
and the peak resident memory of the process at that moment. Runs alternate
between the two apps so that a busy machine hurts both alike.

    python benchmarks/startup.py [--runs N]

Prints the median and best of each and the ratio (tabletop / plain); the target
is a ratio of at most 1.3.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

SIZE = (120, 40)

PLAIN_APP = '''
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Footer, Header, Static


class PlainApp(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield DataTable(id="table")
            with Vertical():
                for n in range(4):
                    yield Static(f"Static number {n}: some text to show")
                for n in range(3):
                    yield Button(f"Button {n}")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("id", "name", "value", "note")
        for n in range(50):
            table.add_row(n, f"row {n}", n * 3.5, "a note")
'''


def child(kind: str, spawned: float, out: str) -> None:
    """Run one app in this process; write the figures at its first interactive frame."""
    import resource

    from textual.app import App

    ready_type = "BriefingScreen" if kind == "tabletop" else "Screen"
    original_run = App.run

    async def first_frame(pilot) -> None:
        app = pilot.app
        while type(app.screen).__name__ != ready_type or not app.screen.is_mounted:
            await pilot.pause(0.001)
        await pilot.pause()  # the screen is composed, laid out and drawn: idle
        elapsed = time.time() - spawned
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with open(out, "w") as handle:
            json.dump({"seconds": elapsed, "peak_mb": peak_kb / 1024,
                       "modules": len(sys.modules)}, handle)
        app.exit()

    def run(self, *args, **kwargs):
        kwargs["auto_pilot"] = first_frame
        return original_run(self, *args, **kwargs)

    App.run = run  # type: ignore[method-assign]
    if kind == "tabletop":
        from tabletop.cli.main import main

        main(["play", "tutorial", "--saves-dir", tempfile.mkdtemp(prefix="tabletop-bench-")])
    else:
        namespace: dict = {}
        exec(compile(PLAIN_APP, "plain_app", "exec"), namespace)
        namespace["PlainApp"]().run()


def measure(kind: str) -> dict:
    """Spawn one child in a pseudo-terminal and collect its figures."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = handle.name
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(SIZE[0]), "LINES": str(SIZE[1])}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed: with cached bytecode, like a user
    spawned = time.time()
    process = subprocess.Popen([sys.executable, __file__, "--child", kind, "--spawned", repr(spawned), "--out", out],
                               stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    deadline = time.time() + 60
    while process.poll() is None and time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                os.read(master, 65536)  # drain the terminal so the app never blocks on output
            except OSError:
                break
    if process.poll() is None:
        process.kill()
    process.wait()
    os.close(master)
    with open(out) as handle:
        text = handle.read()
    os.unlink(out)
    if not text:
        raise SystemExit(f"{kind}: the app did not report its first frame")
    return json.loads(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=("tabletop", "plain"))
    parser.add_argument("--spawned", type=float)
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.spawned, args.out)
        return
    results: dict[str, list[dict]] = {"plain": [], "tabletop": []}
    measure("plain")  # warm the file cache for both
    measure("tabletop")
    for _ in range(args.runs):
        for kind in ("plain", "tabletop"):
            results[kind].append(measure(kind))
    print(f"start-up to the first interactive frame, {args.runs} runs each, pseudo-terminal {SIZE[0]}x{SIZE[1]}")
    print(f"{'':10} {'median s':>9} {'best s':>8} {'peak MB':>8} {'modules':>8}")
    summary = {}
    for kind, runs in results.items():
        seconds = [r["seconds"] for r in runs]
        peak = statistics.median(r["peak_mb"] for r in runs)
        summary[kind] = (statistics.median(seconds), min(seconds), peak)
        print(f"{kind:10} {summary[kind][0]:9.3f} {summary[kind][1]:8.3f} {peak:8.1f} {runs[0]['modules']:8d}")
    ratio = summary["tabletop"][0] / summary["plain"][0]
    best = summary["tabletop"][1] / summary["plain"][1]
    memory = summary["tabletop"][2] / summary["plain"][2]
    print(f"ratio tabletop/plain: median {ratio:.2f}, best {best:.2f} (target at most 1.30); peak memory {memory:.2f}")


if __name__ == "__main__":
    main()
