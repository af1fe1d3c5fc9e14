"""Every error a user can cause leaves the command line as one inert line: no traceback, no raw control bytes."""

from __future__ import annotations

import pytest

from tabletop.cli import scenarios as scenarios_command
from tabletop.cli.main import main

ESCAPES = ("\x1b", "\x07", "\x9b")


def one_inert_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, repr(err[:400])
    assert not any(c in err for c in ESCAPES), repr(err[:400])
    assert "Traceback" not in err and len(err) <= 301
    return err


@pytest.mark.parametrize("argv", [
    ["play", "--\x1b]0;pwned\x07"],                      # an unknown option, echoed by argparse
    ["play", "--seed", "99999999999999999999999\n"],    # out of range, echoed with its newline
    ["play", "--seed", "9" * 600_000],                     # a value of 600 KB
])
def test_a_wrong_command_line_is_one_inert_line(argv, capsys):
    assert main(argv) == 2
    one_inert_line(capsys.readouterr().err)


def test_a_file_error_is_one_inert_line(tmp_path, capsys):
    target = tmp_path / "out\x1b]0;pwned\x07" / "x.toml"
    assert main(["new", "my-scenario", "-o", str(target)]) == 1
    assert "\\x1b" in one_inert_line(capsys.readouterr().err)


def test_what_the_machine_refuses_is_one_inert_line(monkeypatch, capsys):
    def refused(_args: object) -> int:
        raise PermissionError(13, "Permission denied", "/srv/saves\x1b]0;pwned\x07")

    monkeypatch.setattr(scenarios_command, "run", refused)
    assert main(["scenarios"]) == 1
    err = one_inert_line(capsys.readouterr().err)
    assert "Permission denied" in err and "/srv/saves\\x1b" in err
