"""The headless command line: listing, validating and simulating."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tabletop.cli.main import main


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tabletop", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_scenarios_lists_the_tutorial(capsys):
    assert main(["scenarios"]) == 0
    out = capsys.readouterr().out
    assert "tutorial" in out and "First Steps" in out


def test_simulate_json_has_the_promised_fields(capsys):
    assert main(["simulate", "tutorial", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    for key in ("outcome", "rounds_played", "scores", "final_rungs", "meters", "fingerprint"):
        assert key in doc
    assert set(doc["scores"]) == {"washington", "moscow"}
    assert set(doc["final_rungs"]) == {"visas", "banking", "flights", "us-visas", "ru-banking"}


def test_simulate_several_games_has_a_summary(capsys):
    assert main(["simulate", "tutorial", "--games", "3", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["games"]) == 3
    assert [g["seed"] for g in doc["games"]] == [1, 2, 3]
    assert doc["summary"]["games"] == 3


def test_simulate_output_does_not_depend_on_hash_seed():
    outputs = {run_cli("simulate", "tutorial", "--games", "2", "--json", env={"PYTHONHASHSEED": h}).stdout
               for h in ("0", "1", "12345")}
    assert len(outputs) == 1


def test_bad_command_lines_exit_2_with_one_line(capsys):
    for argv in (["simulate", "tutorial", "--washington", "nobody"], ["simulate", "tutorial", "--seed", "x"],
                 ["simulate", "no-such-scenario"], ["simulate", "tutorial", "--games", "0"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, err


def test_missing_scenario_file_exits_1(tmp_path, capsys):
    assert main(["simulate", str(tmp_path / "none.toml")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(str(tmp_path / "none.toml")) and len(err.splitlines()) == 1
