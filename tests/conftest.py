"""Shared fixtures (shipped scenarios), and ``async def`` tests run without a plugin."""

from __future__ import annotations

import asyncio
import gc
import inspect

import pytest

from tabletop.engine.model import Scenario
from tabletop.scenarios.library import resolve

# Speed only: Python's default collector thresholds (700, 10, 10) make a Textual test spend about a quarter of its
# CPU in full (generation 2) collections of a heap that only grows; raised, they cut the TUI tests' CPU by about a
# quarter (tests/tui/test_table.py: 34 -> 25 s) for some 25 MB more memory per worker. No test asserts anything
# about the collector, and every object is still collected.
gc.set_threshold(10_000, 50, 50)


@pytest.fixture(scope="session")
def tutorial() -> Scenario:
    return resolve("tutorial")


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests (the Textual Pilot ones) with ``asyncio.run``."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = inspect.signature(pyfuncitem.obj).parameters
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True

