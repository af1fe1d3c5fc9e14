"""The subcommands of ``tabletop``; each module has ``register(subparsers)``."""

from __future__ import annotations

from tabletop.commands import (
    brief,
    compare,
    guide,
    new,
    play,
    replay,
    report,
    resume,
    scenarios,
    serve,
    simulate,
    tournament,
    validate,
)

COMMANDS = [play, scenarios, validate, simulate, tournament, guide, new, brief, serve, compare, resume, replay, report]
