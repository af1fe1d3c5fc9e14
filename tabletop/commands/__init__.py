"""The subcommands of ``tabletop``; each module has ``register(subparsers)``."""

from __future__ import annotations

from tabletop.commands import play, scenarios, simulate, validate

COMMANDS = [play, scenarios, validate, simulate]
