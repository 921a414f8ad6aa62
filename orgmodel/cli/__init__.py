"""The ``orgmodel`` command: each command parses, calls the library, prints.

One module per capability registers its commands on :data:`app`:
:mod:`~orgmodel.cli.query` (show, chain, reports, common, path, oversees,
stats), :mod:`~orgmodel.cli.postings` (extract), :mod:`~orgmodel.cli.orgfile`
(schema), :mod:`~orgmodel.cli.validate` (validate, rules), :mod:`~orgmodel.cli.diff`
(diff, apply), :mod:`~orgmodel.cli.convert` (convert), :mod:`~orgmodel.cli.render`
(render), :mod:`~orgmodel.cli.snapshots` (snapshots). The options every command
shares live in :mod:`~orgmodel.cli.options`.

Exit codes scripts can rely on: 0 answered, 1 answered "no" (no common
superior, no path), 2 bad input or usage (a file that cannot be read, a
name that matches nothing). When the reader of the output goes away
(``orgmodel show | head -1``) the command stops quietly with 141, the status
a shell gives any Unix tool killed by the closed pipe.
"""

from __future__ import annotations

import os
import sys

from rich.markup import escape

from orgmodel.cli import convert, diff, orgfile, postings, query, render, snapshots, validate
from orgmodel.cli.app import app
from orgmodel.cli.options import err
from orgmodel.errors import OrgModelError, OutputClosedError

__all__ = ["app", "main"]

# importing the command modules registers their commands
_COMMAND_MODULES = (query, postings, orgfile, validate, diff, convert, render, snapshots)


def main() -> None:
    """Console entry point: clean one-paragraph errors (exit 2) unless ``--debug``."""
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        try:
            app(prog_name="orgmodel")  # also under `python -m orgmodel`: usage, completion var
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()  # a closed pipe shows here when the output was small
    except (OutputClosedError, BrokenPipeError):
        _stop_writing()
    except OrgModelError as exc:
        if debug:
            raise
        err.print(f"[red]error:[/] {escape(str(exc))}", markup=True)
        sys.exit(2)


_CLOSED_PIPE = 128 + 13  # what a shell reports for a process killed by SIGPIPE


def _stop_writing() -> None:
    """Exit quietly after the output's reader went away; Python's last flush goes nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(_CLOSED_PIPE)
