"""``python -m orgmodel`` runs the command line."""

from orgmodel.cli import run

run()
