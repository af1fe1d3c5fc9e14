"""A plain (non-editable) install from a built wheel finds the shipped scenarios.

The shipped scenarios live in the checkout's top-level ``scenarios/`` folder; the
wheel must carry real copies of the files as ``tabletop/scenarios/shipped/``. The test builds the wheel from a copy of
the source tree (so no build/ or egg-info litter lands in the checkout),
installs it into a fresh virtual environment, and runs that environment's
``tabletop scenarios`` from an unrelated folder. The dependencies (Textual,
attrs, ...) are borrowed from the running environment through a ``.pth`` line
placed after the new environment's own site-packages, so the installed wheel,
not the checkout, is what gets imported.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(p.name for p in (ROOT / "scenarios").glob("*.toml"))
_LITTER = shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", "build", "dist", ".pytest_cache",
                                 ".ruff_cache", ".mypy_cache", ".hypothesis", ".venv")
_TOP_ONLY = {"tests", "saves", "benchmarks"}  # top-level folders only: tabletop/saves is part of the package


def IGNORE(folder: str, names: list[str]) -> set[str]:
    ignored = set(_LITTER(folder, names))
    if Path(folder).resolve() == ROOT:
        ignored |= _TOP_ONLY & set(names)
    return ignored


def run(*args: str | Path, cwd: Path, timeout: int = 180) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env,
                            timeout=timeout)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    shutil.copytree(ROOT, source, symlinks=True, ignore=IGNORE)
    run(sys.executable, "-m", "pip", "wheel", source, "--no-deps", "--quiet", "-w", work / "dist", cwd=work)
    wheels = list((work / "dist").glob("tabletop-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_the_wheel_carries_the_shipped_scenarios_as_real_files(wheel):
    assert SHIPPED, "no shipped scenarios in scenarios/"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in SHIPPED:
            member = f"tabletop/scenarios/shipped/{name}"
            assert member in names, f"{member} is not in the wheel"
            assert archive.read(member) == (ROOT / "scenarios" / name).read_bytes()
        assert "tabletop/engine/game.py" in names
        assert not any(n.startswith("tests/") for n in names)


def test_an_installed_wheel_lists_the_shipped_scenarios_from_anywhere(wheel, tmp_path):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path)
                .stdout.strip())
    (site / "zz_borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    run(python, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", wheel, cwd=tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = run(python, "-c", "import tabletop; print(tabletop.__file__)", cwd=elsewhere).stdout.strip()
    assert Path(where).resolve().is_relative_to(venv.resolve()), f"imported {where}, not the installed wheel"
    tabletop = venv / ("Scripts" if os.name == "nt" else "bin") / "tabletop"
    out = run(tabletop, "scenarios", cwd=elsewhere).stdout
    listed = {line.split()[0] for line in out.splitlines()[1:] if line.strip()}
    assert listed == {Path(name).stem for name in SHIPPED}, out
    assert "invalid" not in out


def test_pyproject_lists_every_package_under_tabletop():
    import tomli

    listed = set(tomli.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "tabletop").rglob("__init__.py")}
    assert found - listed == set(), "packages missing from [tool.setuptools] packages in pyproject.toml"
    assert listed - found == {"tabletop.scenarios.shipped"}
