"""Never write over a file the same command reads: ``convert -o`` a source, ``apply -o BASE``.

Converting a hand-written org file onto itself replaces it with the
converter's output, and every comment in it is gone; ``apply BASE SCENARIO
-o BASE`` replaces the current structure with the proposal. Both are
refused as a :class:`UsageError` (exit 2) before anything is read. Standard
output (``-o -``, ``/dev/stdout``) replaces nothing. An input
is matched whatever it is called (``./org.yaml``, a symlink, ``org.csv#2024``
for one snapshot of a table), and a folder input matches the files orgmodel
reads from it.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "org.yaml").write_text("organizations: []\\n")
>>> refuse_overwriting(d / "other.yaml", [d / "org.yaml"], role="one of the sources")
>>> refuse_overwriting(d / "org.yaml", [d], role="one of the sources")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
orgmodel.errors.UsageError: -o .../org.yaml is one of the sources (read from the folder ...); ...
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from orgmodel.errors import UsageError
from orgmodel.fileio import STDIO, is_stdio
from orgmodel.readers import expand_sources
from orgmodel.readers.snapshots import parse_spec

__all__ = ["refuse_overwriting"]


def refuse_overwriting(
    output: str | Path, inputs: Iterable[str | Path], *, role: str, why: str = ""
) -> None:
    """Raise :class:`UsageError` when ``output`` is one of ``inputs``.

    ``role`` names what the output would overwrite ("one of the sources",
    "the BASE"); ``why`` says what would be lost. An output that does not
    exist yet overwrites nothing and passes without reading anything.
    """
    target = Path(output)
    if is_stdio(output) or not target.is_file():
        return
    for raw in inputs:
        if str(raw) == STDIO:
            continue  # standard input is no file the output could replace
        path = parse_spec(raw).path  # org.csv#2024 reads org.csv
        if path.is_dir():
            inside = target.resolve().is_relative_to(path.resolve())
            if inside and any(_same(target, f) for f in expand_sources([path])):
                _refuse(target, f"{role} (read from the folder {path})", why)
        elif _same(target, path):
            _refuse(target, role, why)


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # b does not exist (yet): reading it fails later, with its own message
        return False


def _refuse(target: Path, role: str, why: str) -> None:
    reason = f" ({why})" if why else ""
    raise UsageError(f"-o {target} is {role}; write elsewhere{reason}")
