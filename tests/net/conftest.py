"""Class-host tests: each runs a real host on a free loopback port, with its saves in a temporary folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def temporary_saves(tmp_path, monkeypatch):
    folder = tmp_path / "saves"
    monkeypatch.setenv("TABLETOP_SAVES", str(folder))
    monkeypatch.delenv("TABLETOP_PASSPHRASE", raising=False)
    return folder
