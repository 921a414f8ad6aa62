"""Run ``orgmodel`` in the test process, through the entry point the console script calls.

:func:`orgmodel.cli.main` is called with ``sys.argv``, the standard streams,
the working folder and the terminal width set as a shell would set them, so
the one-paragraph errors, the exit codes and the output are those a user
gets -- at a tenth of a subprocess's cost. A subprocess is still the right
tool where the process itself is tested (a closed pipe, the demo script).

>>> from tests.conftest import ROOT
>>> done = invoke("chain", "HPS: COO", "-q", cwd=ROOT)
>>> done.returncode, done.stdout.splitlines()[0]
(0, 'Chief Operating Officer — Vacant (Hartford Public Schools) [hps-coo]')
>>> invoke("chain", "Nobody", cwd=ROOT).stderr.startswith("error: no post or unit matches")
True
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from orgmodel.cli import main
from orgmodel.cli.options import err, out

__all__ = ["Run", "invoke"]

_ENV = ("COLUMNS", "NO_COLOR")


@dataclass(frozen=True)
class Run:
    """What one command printed, and its exit code (``returncode`` as a subprocess has it).

    With ``combined``, stdout holds both streams in the order printed and stderr is empty.
    """

    code: int
    stdout: str
    stderr: str

    @property
    def returncode(self) -> int:
        return self.code


def _stream(raw: io.BytesIO) -> io.TextIOWrapper:
    """A text stream writing straight through to ``raw`` (two may share one, in order)."""
    return io.TextIOWrapper(raw, encoding="utf-8", write_through=True)


def invoke(
    *args: str,
    cwd: Path,
    stdin: bytes | None = None,
    width: int | None = 200,
    combined: bool = False,
    stdout_to: Path | None = None,
) -> Run:
    """``orgmodel ARGS`` in ``cwd``, the terminal ``width`` columns wide, ``stdin`` piped in.

    ``stdin`` None leaves standard input as the test set it (a test may feed its own).
    ``width`` None takes ``$COLUMNS``, else 80 (what a console that is not a terminal assumes).

    ``stdout_to`` sends standard output to that file (a shell's ``> FILE``);
    ``combined`` gives stdout and stderr as one text, as a terminal shows them.
    """
    saved = (sys.stdin, sys.stdout, sys.stderr, sys.argv, os.getcwd(), out._width, err._width)
    saved_env = {k: os.environ.get(k) for k in _ENV}
    captured = io.BytesIO()
    errors = captured if combined else io.BytesIO()
    sink = stdout_to.open("wb") if stdout_to is not None else captured
    streams = (_stream(sink), _stream(errors))  # type: ignore[arg-type]
    code = 0
    width = width if width is not None else int(os.environ.get("COLUMNS") or 80)
    try:
        os.environ.update({"COLUMNS": str(width), "NO_COLOR": "1"})
        out._width = err._width = width
        os.chdir(cwd)
        if stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        sys.stdout, sys.stderr = streams
        sys.argv = ["orgmodel", *args]
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    finally:
        for stream in streams:
            stream.flush()
            stream.detach()  # the bytes stay readable; the stream is done
        sys.stdin, sys.stdout, sys.stderr, sys.argv = saved[:4]
        os.chdir(saved[4])
        out._width, err._width = saved[5], saved[6]
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if stdout_to is not None:
            sink.close()
    text = captured.getvalue().decode("utf-8", "replace")
    if combined:
        return Run(code, text, "")
    return Run(code, text, errors.getvalue().decode("utf-8", "replace"))
