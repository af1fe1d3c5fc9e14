"""``python -m tabletop`` runs the command line."""

from tabletop.cli.main import run

run()
