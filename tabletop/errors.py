"""Errors a user can cause, each printed by the command line as one line."""

from __future__ import annotations


class UserError(Exception):
    """A file or input problem the user can fix (exit code 1); the message is one line."""


class UsageError(Exception):
    """The command line itself is wrong (exit code 2)."""
