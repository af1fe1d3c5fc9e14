"""A tournament gives the same results however it is run: here, on every core, or on Ray."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tabletop.batch.runners import chunks, run_local
from tabletop.batch.tournament import matches, run_tournament
from tabletop.scenarios.library import resolve

STRATEGIES = ("grit", "hardliner", "conceder")


def test_worker_processes_give_exactly_the_single_process_results():
    scenario = resolve("tutorial")
    alone = run_tournament(scenario, seeds=3, strategies=STRATEGIES)
    shared = run_tournament(scenario, seeds=3, strategies=STRATEGIES, jobs=2)
    assert shared.results == alone.results
    assert len(alone.results) == 3 * 3 * 3


def test_chunks_keep_every_match_once_and_in_order():
    todo = matches(STRATEGIES, seeds=5)
    for count in (1, 2, 7, 45, 100):
        parts = chunks(todo, count)
        assert [m for part in parts for m in part] == todo
        assert len(parts) <= count


def test_the_command_line_prints_the_same_json_with_jobs(tmp_path):
    def run(*extra: str) -> dict:
        out = subprocess.run([sys.executable, "-m", "tabletop", "tournament", "tutorial", "--seeds", "1", "--json",
                              *extra], capture_output=True, text=True, check=True, timeout=300).stdout
        return json.loads(out)

    assert run("--jobs", "2") == run()


def test_a_negative_job_count_is_a_command_line_error():
    result = subprocess.run([sys.executable, "-m", "tabletop", "tournament", "tutorial", "--jobs", "-1"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "expected 0 (every core) or more" in result.stderr


def test_ray_in_local_mode_gives_the_single_process_results():
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'tabletop[ray]'")
    scenario = resolve("tutorial")
    todo = matches(("grit", "conceder"), seeds=2)
    from tabletop.batch.runners import run_ray

    assert run_ray(scenario, todo) == run_local(scenario, todo)
