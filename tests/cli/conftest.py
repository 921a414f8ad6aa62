"""Run ``orgmodel`` in this process: the real entry point, a tenth of a subprocess's cost.

:func:`orgmodel.cli.main` is called as the console script calls it, so the
one-paragraph errors and exit codes are those a user gets; stdout and stderr
are captured by pytest. A subprocess is still needed where the process itself
matters (a closed pipe).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from orgmodel.cli import main
from tests.conftest import ROOT


@dataclass(frozen=True)
class Run:
    """What one command printed, and its exit code."""

    code: int
    stdout: str
    stderr: str


Orgmodel = Callable[..., Run]


@pytest.fixture
def orgmodel(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Orgmodel:
    """``orgmodel(*args, cwd=ROOT)`` runs one command; ``cwd`` holds its orgmodel.toml, if any."""

    def run(*args: str, cwd: Path = ROOT) -> Run:
        monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["orgmodel", *args])
        capsys.readouterr()
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
