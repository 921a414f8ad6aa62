"""The ``orgmodel`` fixture: one command run in this process (:mod:`tests.inprocess`).

A subprocess is still needed where the process itself matters (a closed pipe).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.inprocess import Run, invoke

__all__ = ["Orgmodel", "Run"]

Orgmodel = Callable[..., Run]


@pytest.fixture
def orgmodel() -> Orgmodel:
    """``orgmodel(*args, cwd=ROOT)`` runs one command; ``cwd`` holds its orgmodel.toml, if any.

    The terminal is ``$COLUMNS`` wide, else 80, as a console that is not a terminal assumes."""

    def run(*args: str, cwd: Path = ROOT) -> Run:
        return invoke(*args, cwd=cwd, width=None)

    return run
