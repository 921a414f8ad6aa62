"""A time series in one file, compared step by step: each snapshot against the one before.

``orgmodel diff --series dft.csv`` reads every snapshot of a table that
holds several (:mod:`orgmodel.readers.snapshots`), in series order (by date
when the labels are dates), and diffs each consecutive pair -- the whole
history of a structure in one command. Each step is an ordinary
:class:`~orgmodel.diff.changes.Diff`; :func:`series_summary` gives the
one-line-per-step table the reports start with.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "hr.csv").write_text("as of,id,title,manager\\n"
...     "2024,1,Mayor,\\n2024,2,Clerk,1\\n2025,1,Mayor,\\n2025,3,Treasurer,1\\n")
>>> s = diff_series(d / "hr.csv")
>>> [(step.before, step.after, step.diff.counts()["added"]) for step in s.steps]
[('2024', '2025', 1)]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from rich.markup import escape

from orgmodel.diff.changes import ChangeKind, Diff, compare
from orgmodel.diff.report import Sides, md_escape, to_json, to_markdown, to_text
from orgmodel.errors import UsageError
from orgmodel.graph import OrgGraph
from orgmodel.readers.snapshots import SnapshotTable, list_snapshots
from orgmodel.sources.load import load_graph

__all__ = [
    "Series",
    "SeriesStep",
    "diff_series",
    "series_json",
    "series_markdown",
    "series_summary",
    "series_text",
    "snapshot_spec",
]

SUMMARY_KINDS = (
    ChangeKind.ADDED,
    ChangeKind.REMOVED,
    ChangeKind.ELIMINATED,
    ChangeKind.MOVED,
    ChangeKind.RETITLED,
)
"""The kinds the summary gives a column of their own; every other change is counted as 'other'."""


@dataclass
class SeriesStep:
    """One step of the series: BEFORE's and AFTER's labels, and the diff between them."""

    before: str
    after: str
    diff: Diff

    def sides(self, path: Path) -> Sides:
        return Sides(f"{path.name}#{self.before}", f"{path.name}#{self.after}")


@dataclass
class Series:
    """The snapshots of a file, in series order, and the diff of each consecutive pair."""

    path: Path
    table: SnapshotTable
    steps: list[SeriesStep] = field(default_factory=list)


def snapshot_spec(path: Path, table: SnapshotTable, label: str) -> str:
    """The source that reads one snapshot: ``PATH#COLUMN=LABEL`` (the column said outright)."""
    return f"{path}#{table.column}={label}"


def diff_series(
    path: str | Path,
    column: str | None = None,
    *,
    load: Callable[[str], OrgGraph] | None = None,
) -> Series:
    """Read every snapshot of ``path`` and diff each with the next.

    ``load`` turns a source into a graph (default: :func:`orgmodel.sources.load.load_graph`
    with the settings found here); the CLI passes its own, which prints load warnings.
    """
    p = Path(path)
    table = list_snapshots(p, column)
    labels = [s.label for s in table.snapshots if s.label]
    if len(labels) < 2:
        raise UsageError(
            f"{p} holds {len(labels)} snapshot(s) in column {table.column!r}: "
            "a series needs two or more"
        )
    reader = load or (lambda source: load_graph([source]))
    series = Series(p, table)
    previous = reader(snapshot_spec(p, table, labels[0]))
    for before, after in pairwise(labels):
        current = reader(snapshot_spec(p, table, after))
        series.steps.append(SeriesStep(before, after, compare(previous, current)))
        previous = current
    return series


def series_summary(series: Series) -> list[dict[str, Any]]:
    """One row per step: posts on each side, the main kinds of change, the rest, the notes."""
    rows = []
    for step in series.steps:
        counts = step.diff.counts()
        main = {str(k): counts[k] for k in SUMMARY_KINDS}
        rows.append(
            {
                "before": step.before,
                "after": step.after,
                "posts_before": step.diff.before.post_count,
                "posts_after": step.diff.after.post_count,
                **main,
                "other": sum(counts.values()) - sum(main.values()),
                "notes": len(step.diff.notes),
            }
        )
    return rows


def series_json(series: Series) -> dict[str, Any]:
    """The whole series for scripts: the snapshots found, and every step's diff as ``to_json``."""
    return {
        "series": str(series.path),
        "column": series.table.column,
        "order": "date" if series.table.by_date else "file",
        "snapshots": [
            {"label": s.label, "rows": s.rows, "lines": [list(r) for r in s.runs]}
            for s in series.table.snapshots
        ],
        "summary": series_summary(series),
        "steps": [to_json(step.diff, step.sides(series.path)) for step in series.steps],
    }


_HEAD = ("step", "posts", "added", "removed", "eliminated", "moved", "retitled", "other", "notes")


def _table_rows(series: Series) -> list[list[str]]:
    out = []
    for row in series_summary(series):
        out.append(
            [
                f"{row['before']} → {row['after']}",
                f"{row['posts_before']:,} → {row['posts_after']:,}",
                *(f"{row[k]:,}" for k in _HEAD[2:]),
            ]
        )
    return out


def _snapshot_lines(series: Series) -> list[str]:
    table = series.table
    order = "in date order" if table.by_date else "in the order the file gives them"
    lines = [
        f"{series.path.name}: {len(table.snapshots)} snapshots in column '{table.column}', {order}"
    ]
    for s in table.snapshots:
        runs = f"  ({len(s.runs)} separate runs)" if len(s.runs) > 1 else ""
        lines.append(f"  {s.label or '(no label)':<12} {s.rows:>8,} rows  lines {s.lines()}{runs}")
    return lines


def series_text(series: Series, limit: int = 50) -> str:
    """The summary table, then each step's report (rich markup, user text escaped)."""
    rows = [list(_HEAD), *_table_rows(series)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(_HEAD))]
    lines = [escape(line) for line in _snapshot_lines(series)] + [""]
    for k, row in enumerate(rows):
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
        cells += [c.rjust(w) for c, w in zip(row[2:], widths[2:], strict=True)]
        text = escape("  ".join(cells))
        lines.append(f"[bold]{text}[/]" if k == 0 else text)
    for step in series.steps:
        lines += ["", "─" * 72, to_text(step.diff, step.sides(series.path), limit)]
    return "\n".join(lines)


def series_markdown(series: Series, limit: int = 50) -> str:
    """A report of the whole series: the summary table, then each step's Markdown report."""
    intro = _snapshot_lines(series)
    lines = [f"# {md_escape(intro[0])}", ""]
    lines += ["| snapshot | rows | lines |", "|---|---:|---|"]
    for s in series.table.snapshots:
        lines.append(f"| {md_escape(s.label)} | {s.rows:,} | {s.lines()} |")
    lines += ["", "| " + " | ".join(_HEAD) + " |", "|---|---|" + "---:|" * (len(_HEAD) - 2)]
    lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in _table_rows(series)]
    out = "\n".join(lines) + "\n"
    for step in series.steps:
        report = "\n" + to_markdown(step.diff, step.sides(series.path), limit)
        out += report.replace("\n# ", "\n## ")  # each step a section of the series
    return out
