"""``python -m tabletop`` runs the command line."""

from tabletop.cli import run

run()
