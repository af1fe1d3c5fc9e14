"""Shared fixtures: shipped scenarios and quick games."""

from __future__ import annotations

import pytest

from tabletop.engine.model import Scenario
from tabletop.library import resolve


@pytest.fixture(scope="session")
def tutorial() -> Scenario:
    return resolve("tutorial")
