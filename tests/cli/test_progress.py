"""A spinner on a terminal's stderr for loads over a second; nothing in pipes or quick loads."""

from __future__ import annotations

import io
import time

import pytest
from rich.console import Console

from orgmodel.cli import options, progress
from orgmodel.cli.progress import spinner
from orgmodel.sources.load import load_graph
from tests.cli.conftest import Orgmodel
from tests.conftest import ROOT


def _terminal() -> Console:
    return Console(file=io.StringIO(), force_terminal=True, width=80)


def test_a_slow_load_shows_a_spinner_then_clears_it() -> None:
    console = _terminal()
    with spinner(console, "reading org.csv", after=0.05):
        time.sleep(0.4)
    drawn = console.file.getvalue()  # type: ignore[attr-defined]
    assert "reading org.csv" in drawn and "0:00:00" in drawn
    assert drawn.rstrip("\r\n").endswith("\x1b[2K") or "\x1b[1A\x1b[2K" in drawn  # cleared


def test_a_quick_load_draws_nothing() -> None:
    console = _terminal()
    with spinner(console, "reading org.csv", after=5):
        pass
    assert console.file.getvalue() == ""  # type: ignore[attr-defined]


def test_commands_show_it_while_they_read(
    orgmodel: Orgmodel, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = _terminal()
    monkeypatch.setattr(options, "err", console)
    monkeypatch.setattr(progress, "AFTER", 0.0)
    slow = load_graph

    def load(*args: object, **kwargs: object) -> object:
        time.sleep(0.3)
        return slow(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("orgmodel.sources.load.load_graph", load)  # imported where a command reads
    result = orgmodel("stats", "-s", str(ROOT / "data/minneapolis-city-clerk.csv"), "-q")
    assert result.code == 0
    assert "posts" in result.stdout
    assert f"reading {ROOT / 'data/minneapolis-city-clerk.csv'}" in console.file.getvalue()  # type: ignore[attr-defined]
