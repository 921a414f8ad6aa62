"""Shared fixtures: the repository's sample data, the optional ../shared data, CLI runners."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

import pytest
from hypothesis import settings

from tests.inprocess import Run, invoke

# Property tests run the same examples every time (a failure is a failure, not luck, and no
# run spends minutes shrinking something found by chance); HYPOTHESIS_PROFILE=explore draws
# new random examples for a longer search.
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
settings.register_profile("explore", max_examples=1000, print_blob=True, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ORGMODEL_SHARED") or ROOT.parent / "shared")
"""The optional real data: ``../shared`` beside the checkout, or ``$ORGMODEL_SHARED`` (a git
worktree kept elsewhere)."""
REALDATA = SHARED / "realdata"

needs_realdata = pytest.mark.skipif(
    not REALDATA.is_dir(), reason="../shared/realdata is not beside this checkout"
)


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Saved indexes go to a folder of this test session (inherited by the subprocesses),
    never to the user's cache folder."""
    before = os.environ.get("ORGMODEL_CACHE_DIR")
    os.environ["ORGMODEL_CACHE_DIR"] = str(tmp_path_factory.mktemp("orgmodel-cache"))
    os.environ["ORGMODEL_CACHE_SYNC"] = "1"  # a subprocess saves before it ends: no race
    yield
    if before is None:
        del os.environ["ORGMODEL_CACHE_DIR"]
    else:
        os.environ["ORGMODEL_CACHE_DIR"] = before


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m orgmodel`` as a user would, capturing both streams."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "orgmodel", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


class Cli(Protocol):
    """The ``cli`` fixture's type: ``cli("show", "-s", "data", cwd=tmp_path)``."""

    def __call__(self, *args: str, cwd: Path = ROOT) -> Run: ...


@pytest.fixture
def cli() -> Cli:
    """``orgmodel`` run in this process (:func:`tests.inprocess.invoke`), 200 columns wide,
    as :func:`run_cli` runs it in a subprocess; use ``run_cli`` where the process matters."""

    def run(*args: str, cwd: Path = ROOT) -> Run:
        return invoke(*args, cwd=cwd)

    return run


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file under tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
