"""Finds and reads scenario files: shipped ones (package data) by id, others by path."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import attrs

from tabletop.engine.model import Scenario
from tabletop.engine.scenario import MAX_SCENARIO_BYTES, Problem, ScenarioError, parse_scenario
from tabletop.text import InputError, read_limited, shown_path


class UnknownScenario(LookupError):
    """A scenario asked for by an id that is not shipped (and is not a path)."""


@attrs.frozen
class ShippedScenario:
    """A scenario file that travels with the package."""

    id: str
    path: Path


def shipped_dir() -> Path:
    """The folder of the shipped scenarios.

    An installed wheel carries them as the package data of ``tabletop.scenarios.shipped``; a checkout
    (or an editable install of one) reads the top-level ``scenarios/`` folder they are built from.
    """
    packaged = Path(str(resources.files("tabletop.scenarios"))) / "shipped"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "scenarios"


def shipped() -> list[ShippedScenario]:
    """The shipped scenarios, sorted by id."""
    folder = shipped_dir()
    if not folder.is_dir():
        return []
    return [ShippedScenario(p.stem, p) for p in sorted(folder.glob("*.toml"))]


def shipped_ids() -> list[str]:
    return [s.id for s in shipped()]


def read_text(path: Path | str, limit: int = MAX_SCENARIO_BYTES, what: str = "scenario") -> str:
    """Read a small UTF-8 text file or raise ScenarioError with a one-line reason starting with the path.

    Only a regular file is read (a FIFO, a device or a directory is refused at once), and never more
    than ``limit`` bytes (:func:`tabletop.text.read_limited`).
    """
    source = shown_path(path)
    try:
        data = read_limited(path, limit, f"a TOML {what} file")
    except InputError as error:
        raise ScenarioError(source, [Problem("", str(error).removeprefix(f"{source}: "))]) from None
    if not data.strip():
        raise ScenarioError(source, [Problem("", f"is empty, expected a TOML {what}")])
    if b"\x00" in data:
        raise ScenarioError(source, [Problem("", f"is binary, expected a TOML {what} (text)")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScenarioError(source, [Problem("", f"is not UTF-8 text (bad byte at offset {error.start}), expected a TOML {what}")]) from None


def load_path(path: Path | str) -> Scenario:
    """Read and validate a scenario file; raise ScenarioError naming the file."""
    return parse_scenario(read_text(path), shown_path(path))


def looks_like_path(spec: str) -> bool:
    return spec.endswith(".toml") or os.sep in spec or "/" in spec or Path(spec).exists()


def resolve(spec: str) -> Scenario:
    """A shipped scenario by id, or a scenario file by path.

    Raises UnknownScenario for an id that is not shipped, ScenarioError for a bad file.
    """
    for item in shipped():
        if item.id == spec:
            return load_path(item.path)
    if looks_like_path(spec):
        return load_path(spec)
    known = ", ".join(shipped_ids()) or "none"
    raise UnknownScenario(f"unknown scenario {spec!r}: expected a shipped id ({known}) or a path to a .toml file")


SERVE_ENV = "TABLETOP_SERVE"
SCENARIO_DIR_ENV = "TABLETOP_SCENARIO_DIR"


class ForbiddenScenario(PermissionError):
    """A scenario file a browser visitor may not open (outside the folder the trainer named)."""


def open_by_visitor(path: Path | str) -> Scenario:
    """A scenario file opened from the interface: in a browser session (``tabletop serve``), only under the
    folder the trainer named with ``--scenarios-dir`` (none: no files at all, only the shipped scenarios)."""
    if os.environ.get(SERVE_ENV):
        folder = os.environ.get(SCENARIO_DIR_ENV, "")
        if not folder:
            raise ForbiddenScenario(f"{path}: only the shipped scenarios can be opened here "
                                    "(the trainer started tabletop serve without --scenarios-dir)")
        real, allowed = Path(path).resolve(), Path(folder).resolve()
        if not real.is_relative_to(allowed):
            raise ForbiddenScenario(f"{path}: only the shipped scenarios and files under {allowed} can be opened here")
    return load_path(path)
