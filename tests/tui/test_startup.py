"""Start-up stays light: the analysis and the plots are imported only when a debrief opens."""

from __future__ import annotations

import json
import subprocess
import sys

from tabletop.cli.main import build_parser

PROBE = """
import asyncio, json, sys
from tabletop.scenarios.library import resolve
from tabletop.tui.app import TabletopApp

async def main():
    app = TabletopApp(scenario=resolve("tutorial"), seed=1, saves_dir=sys.argv[1])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(json.dumps({"screen": type(app.screen).__name__, "modules": sorted(sys.modules)}))

asyncio.run(main())
"""


def test_the_first_screen_needs_no_analysis_or_plots(tmp_path):
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["screen"] == "BriefingScreen"
    for heavy in ("tabletop.engine.analysis", "tabletop.tui.widgets.plot", "tabletop.reports.plot",
                  "tabletop.tui.screens.debrief", "tabletop.tui.screens.help", "tabletop.reports.after_action"):
        assert heavy not in report["modules"], heavy


def test_play_takes_a_saves_folder():
    args = build_parser().parse_args(["play", "tutorial", "--moscow", "hardliner", "--seed", "5",
                                      "--saves-dir", "somewhere"])
    assert (args.scenario, args.moscow, args.seed, args.saves_dir) == ("tutorial", "hardliner", 5, "somewhere")
    assert args.washington == "human"
