"""``orgmodel diff --series`` and ``orgmodel snapshots`` on a small history written for the test."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from orgmodel.diff.changes import ChangeKind
from orgmodel.diff.series import diff_series, series_markdown, series_summary
from tests.conftest import Cli

Write = Callable[[str, str | bytes], Path]

HISTORY = """Snapshot,id,title,manager,name
Sep-24,1,City Manager,,Ana Ortiz
Sep-24,2,City Clerk,1,Li Wei
Sep-24,3,Budget Analyst,2,
Mar-24,1,City Manager,,Ana Ortiz
Mar-24,2,City Clerk,1,Li Wei
Mar-25,1,City Manager,,Ana Ortiz
Mar-25,2,Clerk of the City,1,Li Wei
Mar-25,3,Budget Analyst,1,Sam Lee
Mar-25,4,Budget Analyst,1,
"""


def test_each_snapshot_against_the_one_before_in_date_order(write: Write) -> None:
    series = diff_series(write("history.csv", HISTORY))
    assert [(s.before, s.after) for s in series.steps] == [
        ("Mar-24", "Sep-24"),
        ("Sep-24", "Mar-25"),
    ]
    first, second = (s.diff for s in series.steps)
    assert [str(c.kind) for c in first.changes] == ["added"]
    kinds = sorted(str(c.kind) for c in second.changes)
    assert kinds == ["added", "filled", "moved", "retitled"]
    moved = next(c for c in second.changes if c.kind is ChangeKind.MOVED)
    assert second.after.id_of(moved.after_node) == "3"
    rows = series_summary(series)
    assert [(r["before"], r["added"], r["moved"], r["retitled"], r["other"]) for r in rows] == [
        ("Mar-24", 1, 0, 0, 0),
        ("Sep-24", 1, 1, 1, 1),
    ]
    md = series_markdown(series)
    assert "| Sep-24 → Mar-25 | 3 → 4 | 1 | 0 | 0 | 1 | 1 | 1 | 0 |" in md
    assert "## Comparing structures: history.csv#Sep-24 → history.csv#Mar-25" in md


def test_the_cli_lists_snapshots_and_diffs_the_series(cli: Cli, write: Write) -> None:
    path = write("history.csv", HISTORY)
    listed = cli("snapshots", str(path))
    assert listed.returncode == 0, listed.stderr
    assert "3 snapshot(s) in column 'Snapshot', in date order" in listed.stdout
    assert "Sep-24       3  2-4" in listed.stdout
    text = cli("diff", "--series", str(path), "-q")
    assert text.returncode == 0, text.stderr
    assert "Mar-24 → Sep-24  2 → 3" in text.stdout
    assert "history.csv#Sep-24 → history.csv#Mar-25" in text.stdout
    as_json = json.loads(cli("diff", "--series", str(path), "-q", "--format", "json").stdout)
    assert as_json["order"] == "date" and as_json["column"] == "Snapshot"
    assert [s["summary"]["added"] for s in as_json["steps"]] == [1, 1]
    one = cli("diff", f"{path}#Mar-24", f"{path}#Mar-25", "-q", "--format", "json")
    assert json.loads(one.stdout)["summary"]["added"] == 2


def test_series_usage_errors(cli: Cli, write: Write) -> None:
    path = write("history.csv", HISTORY)
    nothing = cli("diff")
    assert nothing.returncode == 2 and "give BEFORE and AFTER (or --series FILE)" in nothing.stderr
    both = cli("diff", "a.csv", "--series", str(path))
    assert both.returncode == 2 and "not both" in both.stderr
    chart = cli("diff", "--series", str(path), "-o", "x.svg")
    assert chart.returncode == 2 and "a chart shows one pair" in chart.stderr
    single = write("one.csv", "Snapshot,id,title,manager\nMar-24,1,Mayor,\n")
    assert "a series needs two or more" in cli("diff", "--series", str(single)).stderr
    unknown = cli("diff", f"{path}#Mar-23", f"{path}#Mar-24")
    assert unknown.returncode == 2
    assert (
        "has no snapshot 'Mar-23' in column 'Snapshot'; it holds Mar-24 (2 rows)" in unknown.stderr
    )
