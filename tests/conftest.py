"""Shared fixtures (shipped scenarios), and ``async def`` tests run without a plugin."""

from __future__ import annotations

import asyncio
import inspect

import pytest

from tabletop.engine.model import Scenario
from tabletop.scenarios.library import resolve


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

