"""The options that give a command the class's secret, to check (or go on signing) signed saves."""

from __future__ import annotations

import argparse

from tabletop.saves.signing import ENV_KEY_FILE, ENV_PASSPHRASE, ClassSecret


def add_options(parser: argparse.ArgumentParser) -> None:
    """``--passphrase`` and ``--key-file`` (defaults: ``$TABLETOP_PASSPHRASE``, ``$TABLETOP_KEY_FILE``)."""
    group = parser.add_argument_group("signed saves (facilitated games)")
    group.add_argument("--passphrase", metavar="TEXT", default=None,
                       help=f"the class passphrase, to check signatures (default: ${ENV_PASSPHRASE}; "
                            "on a shared machine prefer the variable: a command line is visible to others)")
    group.add_argument("--key-file", metavar="FILE", default=None,
                       help=f"the class key file, to check signatures (default: ${ENV_KEY_FILE})")


def secret(args: argparse.Namespace) -> ClassSecret:
    """The class secret given on the command line or in the environment (possibly nothing)."""
    return ClassSecret.from_environment(args.passphrase, args.key_file)
