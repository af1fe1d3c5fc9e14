"""TUI tests: every test saves into a temporary folder (async tests: see tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def temporary_saves(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    monkeypatch.setenv("TABLETOP_SAVES", str(folder))
    return folder
