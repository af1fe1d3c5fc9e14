"""Argument helpers shared by the subcommands."""

from __future__ import annotations

import argparse

from tabletop.engine.model import Scenario
from tabletop.engine.opponents import STRATEGIES
from tabletop.engine.scenario import ScenarioError
from tabletop.errors import UsageError, UserError


def scenario_arg(spec: str) -> Scenario:
    """A shipped scenario id or a path; bad ids are usage errors, bad files are file errors."""
    from tabletop.scenarios.library import UnknownScenario, resolve

    try:
        return resolve(spec)
    except UnknownScenario as error:
        raise UsageError(f"tabletop: {error}") from None
    except ScenarioError as error:
        lines = error.lines()
        more = f" (and {len(lines) - 1} more problem{'s' if len(lines) > 2 else ''}; run 'tabletop validate {spec}')" if len(lines) > 1 else ""
        raise UserError(lines[0] + more) from None


def strategy(value: str) -> str:
    if value not in STRATEGIES:
        raise argparse.ArgumentTypeError(f"unknown strategy {value!r}, expected one of: {', '.join(STRATEGIES)}")
    return value


def seat(value: str) -> str:
    if value == "human":
        return value
    if value not in STRATEGIES:
        raise argparse.ArgumentTypeError(
            f"unknown seat {value!r}, expected 'human' or one of: {', '.join(STRATEGIES)}")
    return value


def whole_number(value: str, low: int, too_low: str) -> int:
    """A whole number of at least ``low`` from the command line; ``too_low`` says what was expected."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < low:
        raise argparse.ArgumentTypeError(f"{value} {too_low}")
    return number


def count(value: str) -> int:
    return whole_number(value, 1, "must be at least 1")


def seed(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 0 <= number < 2**63:
        raise argparse.ArgumentTypeError(f"{value} is out of range, expected 0 to 2^63-1")
    return number


def write_output(text: str, path: str | None) -> None:
    """Print ``text``, or write it to ``path`` (a one-line error if that fails)."""
    if path is None:
        print(text, end="")
        return
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise UserError(f"{path}: cannot write ({error.strerror or error})") from None
