"""The engine stays pure (no Textual, no Rich) and games are the same in any process."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys

import tabletop.engine

ENGINE_MODULES = sorted(m.name for m in pkgutil.walk_packages(tabletop.engine.__path__, prefix="tabletop.engine."))


def run_python(code: str, env: dict | None = None, cwd: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})}, cwd=cwd)


def test_the_engine_modules_are_found():
    for name in ("game", "rules", "flow", "scenario", "opponents", "opponents.strategies", "analysis", "autoplay"):
        assert f"tabletop.engine.{name}" in ENGINE_MODULES


def test_importing_the_engine_loads_no_textual_or_rich():
    modules = ["tabletop.engine", *ENGINE_MODULES]
    code = (f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\n"
            "print([m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')])")
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_whole_game_loads_no_textual_or_rich():
    code = ("import sys\nfrom tabletop.scenarios.library import resolve\nfrom tabletop.engine.autoplay import simulate\n"
            "from tabletop.engine.analysis import debrief\n"
            "g = simulate(resolve('tutorial'), 'grit', 'hardliner', 4)\ndebrief(g)\n"
            "print([m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')])")
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_simulate_json_is_byte_identical_across_hash_seeds(tmp_path):
    outputs = set()
    for hash_seed in ("0", "1", "4242", "random"):
        result = subprocess.run([sys.executable, "-m", "tabletop", "simulate", "tutorial", "--games", "3", "--json"],
                                capture_output=True, timeout=120, cwd=tmp_path,
                                env={**os.environ, "PYTHONHASHSEED": hash_seed})
        assert result.returncode == 0, result.stderr.decode()
        outputs.add(result.stdout)
    assert len(outputs) == 1
    doc = json.loads(outputs.pop())
    assert len(doc["games"]) == 3 and len({g["seed"] for g in doc["games"]}) == 3


def test_a_game_fingerprint_is_the_same_in_another_process():
    from tabletop.engine.autoplay import simulate
    from tabletop.scenarios.library import resolve

    here = [simulate(resolve("tutorial"), a, b, 9).fingerprint()
            for a, b in (("conceder", "opportunist"), ("tit-for-tat", "grit"))]
    code = ("from tabletop.scenarios.library import resolve\nfrom tabletop.engine.autoplay import simulate\n"
            "print(' '.join(simulate(resolve('tutorial'), a, b, 9).fingerprint() "
            "for a, b in (('conceder', 'opportunist'), ('tit-for-tat', 'grit'))))")
    result = run_python(code, env={"PYTHONHASHSEED": "777"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == here
