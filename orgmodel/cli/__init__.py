"""The ``orgmodel`` command: each command parses, calls the library, prints.

One module per capability registers its commands on :data:`app`:
:mod:`~orgmodel.cli.query` (show, chain, reports, common, path, oversees,
stats), :mod:`~orgmodel.cli.postings` (extract), :mod:`~orgmodel.cli.orgfile`
(schema), :mod:`~orgmodel.cli.validate` (validate, rules), :mod:`~orgmodel.cli.diff`
(diff, apply), :mod:`~orgmodel.cli.convert` (convert), :mod:`~orgmodel.cli.render`
(render), :mod:`~orgmodel.cli.snapshots` (snapshots), :mod:`~orgmodel.cli.cache`
(cache info, cache clear). The options every command
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

from orgmodel.cli import (
    cache,
    convert,
    diff,
    orgfile,
    postings,
    query,
    render,
    snapshots,
    validate,
)
from orgmodel.cli.app import app
from orgmodel.cli.options import JSON_INDENT, err
from orgmodel.errors import OrgModelError, OutputClosedError, UsageError

__all__ = ["app", "main", "run"]

# importing the command modules registers their commands
_COMMAND_MODULES = (query, postings, orgfile, validate, diff, convert, render, snapshots, cache)


def main() -> None:
    """Console entry point: clean one-paragraph errors (exit 2) unless ``--debug``.

    ``--debug`` and ``--indent N`` (indent JSON output by N spaces) are taken
    off the command line before typer reads it: any command accepts them.
    """
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        JSON_INDENT[:] = _take_indent(sys.argv)
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


def run() -> None:
    """The console script: :func:`main`, with the saved index of what it read written after
    the answer, by a background process (:func:`orgmodel.cache.flush`). Tests call
    :func:`main`, where an index is written before the command ends."""
    from orgmodel import cache

    cache.defer()
    try:
        main()
    finally:
        cache.flush()


def _take_indent(argv: list[str]) -> list[int]:
    """``--indent N`` or ``--indent=N`` removed from ``argv``: ``[N]``, or ``[]`` if not given.

    >>> argv = ["orgmodel", "diff", "a.csv", "--indent", "2", "b.csv"]
    >>> _take_indent(argv), argv
    ([2], ['orgmodel', 'diff', 'a.csv', 'b.csv'])
    """
    found: list[int] = []
    for i, arg in enumerate(argv):
        if arg == "--indent" or arg.startswith("--indent="):
            value = arg.partition("=")[2] if "=" in arg else (argv[i + 1 : i + 2] or [""])[0]
            if not value.isdigit():
                raise UsageError(f"--indent takes a number of spaces, not {value!r}")
            del argv[i : i + (1 if "=" in arg else 2)]
            found = [int(value)]
            break
    return found


_CLOSED_PIPE = 128 + 13  # what a shell reports for a process killed by SIGPIPE


def _stop_writing() -> None:
    """Exit quietly after the output's reader went away; Python's last flush goes nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(_CLOSED_PIPE)
