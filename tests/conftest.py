"""Shared fixtures (shipped scenarios), ``async def`` tests run without a plugin, and the order tests are handed out."""

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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist (``-n``), hand out the Pilot tests first.

    They take nearly all of the suite's time, most of it waiting on the app (Pilot waits for the app
    to go idle after every key); started first, they overlap each other and the quick tests fill the
    gaps at the end, instead of one long game running alone on one worker while the others sit idle.
    """
    if hasattr(config, "workerinput"):
        items.sort(key=lambda item: not inspect.iscoroutinefunction(getattr(item, "obj", None)))
