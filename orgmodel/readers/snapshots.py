"""Snapshots: one table that holds a structure at several dates, and ``PATH#SNAPSHOT``.

Compilations keep a time series in one file: the Institute for Government's
DfT organograms hold nine returns (``Mar-11`` ... ``Sep-16``) in one CSV,
the date of each row in a column (``Back to Index``); HR systems export
history with an ``As Of`` column. Read whole, such a file is every date at
once -- each post several times. A source written ``PATH#LABEL`` reads only
the rows of one snapshot; ``PATH#COLUMN=LABEL`` names the column when it is
not one orgmodel recognises (:data:`SNAPSHOT_COLUMNS`). A snapshot whose rows
come in several separate runs (the IfG's ``Sep-12`` is two returns one after
the other, 155 ids in both) is flagged when read, and ``PATH#LABEL@N`` reads
its N-th run alone.

The rows of the other snapshots are blanked in a temporary copy, line for
line, so every reader works unchanged and every fact keeps the line it has
in the real file (``dft.csv:2595``); the facts name the real file, and the
data's ``sources`` the snapshot (``dft.csv#Sep-12``).

Snapshots are listed in series order: by date when every label reads as one
(``Mar-11``, ``2024-06-30``, ``06/2024`` ...), else in the order the file
first shows them.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "hr.csv").write_text(
...     "as of,id,title,manager\\n2025-06,1,Mayor,\\n2024-06,1,Mayor,\\n2025-06,2,Clerk,1\\n")
>>> table = list_snapshots(d / "hr.csv")
>>> table.column, [(s.label, s.rows) for s in table.snapshots], table.by_date
('as of', [('2024-06', 1), ('2025-06', 2)], True)
>>> spec = parse_spec(f"{d / 'hr.csv'}#2025-06")
>>> spec.path.name, spec.label
('hr.csv', '2025-06')
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from orgmodel.errors import SourceError
from orgmodel.readers.csvfile import iter_rows, norm_header, open_table, read_header
from orgmodel.records import LoadIssue, OrgData, Prov

__all__ = [
    "SNAPSHOT_COLUMNS",
    "Snapshot",
    "SnapshotTable",
    "SourceSpec",
    "find_snapshot_column",
    "list_snapshots",
    "parse_spec",
    "read_snapshot",
    "series_order",
    "several_snapshots_issue",
]

SNAPSHOT_COLUMNS = (
    "back to index",  # the Institute for Government's organogram compilation
    "snapshot",
    "snapshot date",
    "snapshot label",
    "as of",
    "as of date",
    "as at",
    "as at date",
    "report date",
    "reporting date",
    "extract date",
)
"""Header names (folded as :func:`~orgmodel.readers.csvfile.norm_header` does) of snapshot columns.

Only names that say "the date of this copy of the data": an ``Effective
Date`` or ``Hire Date`` column differs from row to row within one snapshot.
"""

SNAPSHOT_SUFFIXES = (".csv", ".tsv")

_DATE_FORMATS = (
    "%Y-%m-%d", "%Y-%m", "%Y/%m/%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y%m%d",
    "%b-%y", "%b %y", "%b-%Y", "%b %Y", "%B %Y", "%B-%Y", "%d-%b-%y", "%d-%b-%Y", "%d %b %Y",
    "%m/%Y", "%Y",
)  # fmt: skip
"""Tried in order; the first that reads *every* label of a file decides the series order."""


@dataclass(frozen=True)
class SourceSpec:
    """A source as written: a path, and optionally the snapshot to read (``PATH#LABEL``).

    ``column`` is the snapshot column when the spec names it (``PATH#COLUMN=LABEL``).
    """

    path: Path
    label: str | None = None
    column: str | None = None
    text: str = ""

    def __str__(self) -> str:
        return self.text or str(self.path)

    @property
    def selects(self) -> bool:
        return self.label is not None


def parse_spec(raw: str | Path) -> SourceSpec:
    """Split ``PATH#SNAPSHOT`` (or ``PATH#COLUMN=SNAPSHOT``); a path that exists is taken whole.

    The ``#`` is the first one whose left side is a file, so a folder or file
    name with a ``#`` in it still reads as itself.

    >>> parse_spec("no/such/file.csv").label is None
    True
    """
    text = str(raw)
    path = Path(text)
    if "#" not in text or path.exists():
        return SourceSpec(path, text=text)
    at = text.find("#")
    while at >= 0:
        base = Path(text[:at])
        if base.is_file():
            selector = text[at + 1 :].strip()
            column, sep, label = selector.partition("=")
            if sep and column.strip() and label.strip():
                return SourceSpec(base, label.strip(), column.strip(), text)
            return SourceSpec(base, selector, None, text)
        at = text.find("#", at + 1)
    return SourceSpec(path, text=text)


@dataclass(frozen=True)
class Snapshot:
    """One snapshot of a table: its label, how many rows it has, the line ranges they fill."""

    label: str
    rows: int
    runs: tuple[tuple[int, int], ...]
    """Each run of consecutive rows with this label: the lines its first and last rows start on."""

    def lines(self) -> str:
        """``2-675, 2592-3297``."""
        return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in self.runs)


@dataclass
class SnapshotTable:
    """The snapshots a table holds, in series order, and the column they are read from."""

    path: Path
    column: str
    snapshots: list[Snapshot] = field(default_factory=list)
    by_date: bool = False

    def labels(self) -> list[str]:
        return [s.label for s in self.snapshots]

    def find(self, label: str) -> Snapshot | None:
        """The snapshot called ``label`` (exactly, else ignoring case and spacing)."""
        for s in self.snapshots:
            if s.label == label:
                return s
        key = " ".join(label.split()).casefold()
        hits = [s for s in self.snapshots if " ".join(s.label.split()).casefold() == key]
        return hits[0] if len(hits) == 1 else None

    def describe(self, limit: int = 12) -> str:
        """``Mar-11 (619 rows), Sep-11 (624 rows), ...`` for messages."""
        shown = [f"{s.label} ({s.rows:,} row{'s' * (s.rows != 1)})" for s in self.snapshots[:limit]]
        more = len(self.snapshots) - len(shown)
        return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def find_snapshot_column(header: Sequence[str], named: str | None = None) -> int | None:
    """The index of the snapshot column: the one named, else the first known name.

    >>> find_snapshot_column(["Back to Index", "Seniority", "Post Unique Reference"])
    0
    >>> find_snapshot_column(["id", "Period"], named="period")
    1
    >>> find_snapshot_column(["id", "manager"]) is None
    True
    """
    keys = [norm_header(h) for h in header]
    if named is not None:
        want = norm_header(named)
        return keys.index(want) if want in keys else None
    for name in SNAPSHOT_COLUMNS:
        if name in keys:
            return keys.index(name)
    return None


def _date_key(labels: Sequence[str]) -> dict[str, datetime] | None:
    for fmt in _DATE_FORMATS:
        out: dict[str, datetime] = {}
        try:
            for label in labels:
                out[label] = datetime.strptime(label.strip(), fmt)
        except ValueError:
            continue
        return out
    return None


def series_order(labels: Sequence[str]) -> tuple[list[str], bool]:
    """Labels in series order, and whether that order is by date (else as first seen).

    >>> series_order(["Sep-12", "Mar-11", "Sep-11"])
    (['Mar-11', 'Sep-11', 'Sep-12'], True)
    >>> series_order(["draft", "final"])
    (['draft', 'final'], False)
    """
    dates = _date_key(labels) if labels else None
    if dates is None:
        return list(labels), False
    return sorted(labels, key=lambda label: (dates[label], labels.index(label))), True


def _column_index(path: Path, header: list[str], named: str | None, hint: str) -> int:
    index = find_snapshot_column(header, named)
    if index is not None:
        return index
    if named is not None:
        raise SourceError(
            str(path),
            f"has no column {named!r} to select snapshots by; its columns are "
            + ", ".join(repr(h) for h in header),
            line=1,
        )
    raise SourceError(
        str(path),
        "has no snapshot column (one of: " + ", ".join(repr(c) for c in SNAPSHOT_COLUMNS) + ")",
        line=1,
        hint=hint,
    )


_NAME_IT = (
    "name the column that holds each row's date: --column NAME, "
    "or --snapshot-column NAME with diff --series"
)


def _check_table(path: Path, selecting: bool) -> None:
    """Only a CSV table holds snapshots: ``selecting`` is a ``FILE#LABEL`` that names one."""
    if path.suffix.lower() in SNAPSHOT_SUFFIXES:
        return
    what = "a folder" if path.is_dir() else f"a {path.suffix or 'extensionless'} file"
    if selecting:
        raise SourceError(
            str(path),
            f"is {what}: snapshots can only be selected in CSV files",
            hint=f"drop the #... to read {path.name} whole",
        )
    raise SourceError(str(path), f"is {what}: snapshots are listed in CSV files only (.csv, .tsv)")


def list_snapshots(path: str | Path, column: str | None = None) -> SnapshotTable:
    """Every snapshot of a CSV file, in series order (one pass over the rows)."""
    p = Path(path)
    _check_table(p, selecting=False)
    header = read_header(p)
    index = _column_index(p, header, column, _NAME_IT)
    rows: dict[str, int] = {}
    runs: dict[str, list[list[int]]] = {}
    last: str | None = None
    with open_table(p) as handle:
        for line, row in iter_rows(handle, str(p)):
            label = row[index].strip() if index < len(row) else ""
            rows[label] = rows.get(label, 0) + 1
            spans = runs.setdefault(label, [])
            if label == last and spans:
                spans[-1][1] = line
            else:
                spans.append([line, line])
            last = label
    order, by_date = series_order([label for label in rows if label])
    if "" in rows:
        order.append("")  # rows with no label come last, under an empty label
    snapshots = [
        Snapshot(label, rows[label], tuple((a, b) for a, b in runs[label])) for label in order
    ]
    return SnapshotTable(p, header[index].strip(), snapshots, by_date)


def several_snapshots_issue(path: str | Path) -> LoadIssue | None:
    """A warning for a file read whole although it holds several snapshots, else None.

    Cheap for other files: only a file whose header has a snapshot column is read again.
    """
    p = Path(path)
    if p.suffix.lower() not in SNAPSHOT_SUFFIXES:
        return None
    if find_snapshot_column(read_header(p)) is None:
        return None
    table = list_snapshots(p)
    labelled = [s for s in table.snapshots if s.label]
    if len(labelled) < 2:
        return None
    return LoadIssue(
        "several-snapshots",
        f"this table holds {len(labelled)} snapshots in column {table.column!r} "
        f"({table.describe(6)}), "
        f"read here as one structure; read one with {p.name}#{labelled[-1].label}",
        Prov(str(p), 1),
    )


def _kept_starts(
    path: Path, index: int, label: str, lines: tuple[int, int] | None
) -> list[tuple[int, bool]]:
    """(first line, keep?) of every row, in file order (only within ``lines`` when given)."""
    out: list[tuple[int, bool]] = []
    low, high = lines or (0, 1 << 62)
    with open_table(path) as handle:
        for line, row in iter_rows(handle, str(path)):
            value = row[index].strip() if index < len(row) else ""
            out.append((line, value == label and low <= line <= high))
    return out


def _choose(table: SnapshotTable, wanted: str) -> tuple[Snapshot, tuple[int, int] | None]:
    """The snapshot a label names, and the run ``LABEL@N`` picks (None: all its rows)."""
    snapshot = table.find(wanted)
    if snapshot is not None:
        return snapshot, None
    base, at, number = wanted.rpartition("@")
    snapshot = table.find(base) if at and number.isdigit() else None
    if snapshot is not None:
        if not 1 <= int(number) <= len(snapshot.runs):
            raise SourceError(
                str(table.path),
                f"snapshot {snapshot.label!r} has {len(snapshot.runs)} run(s) of rows "
                f"({snapshot.lines()}); there is no run {number}",
            )
        return snapshot, snapshot.runs[int(number) - 1]
    raise SourceError(
        str(table.path),
        f"has no snapshot {wanted!r} in column {table.column!r}; it holds {table.describe(20)}",
        hint=f"e.g. {table.path.name}#{table.snapshots[0].label}" if table.snapshots else None,
    )


def _runs_issue(spec: SourceSpec, snapshot: Snapshot) -> LoadIssue:
    name = spec.path.name
    return LoadIssue(
        "snapshot-runs",
        f"snapshot {snapshot.label!r} comes in {len(snapshot.runs)} separate runs of rows "
        f"(lines {snapshot.lines()}); if they are separate returns, read one with "
        + " or ".join(f"{name}#{snapshot.label}@{k}" for k in range(1, len(snapshot.runs) + 1)),
        Prov(str(spec.path), snapshot.runs[1][0]),
    )


def _line_end(text: str) -> str:
    r"""The line break that ends ``text`` (``''`` for a last line without one).

    >>> [_line_end(t) for t in ("a,b\r\n", "a,b\n", "a,b\r", "a,b")]
    ['\r\n', '\n', '\r', '']
    """
    for end in ("\r\n", "\n", "\r"):
        if text.endswith(end):
            return end
    return ""


@contextmanager
def _blanked_copy(path: Path, starts: list[tuple[int, bool]]) -> Iterator[Path]:
    """A UTF-8 copy of ``path`` with the rows not kept turned into blank lines, line for line."""
    with tempfile.TemporaryDirectory(prefix="orgmodel-snapshot-") as folder:
        copy = Path(folder) / path.name
        keep_from = {line: keep for line, keep in starts}
        keep = True  # the header, and anything before the first row
        with open_table(path) as src, copy.open("w", encoding="utf-8", newline="") as dst:
            for number, text in enumerate(src, 1):
                keep = keep_from.get(number, keep)
                if keep:
                    dst.write(text)
                else:
                    dst.write(_line_end(text))
        yield copy


def read_snapshot(spec: SourceSpec, read: Callable[[Path], OrgData]) -> OrgData:
    """Read one snapshot of a table with ``read`` (a reader taking a path).

    Raises :class:`SourceError` listing the snapshots found when the label is unknown.
    """
    if spec.label is None:
        return read(spec.path)
    path = spec.path
    _check_table(path, selecting=True)
    header = read_header(path)
    index = _column_index(path, header, spec.column, f"name it: {path.name}#COLUMN=LABEL")
    table = list_snapshots(path, header[index])
    snapshot, run = _choose(table, spec.label)
    starts = _kept_starts(path, index, snapshot.label, run)
    with _blanked_copy(path, starts) as copy:
        try:
            data = read(copy)
        except SourceError as exc:
            if exc.path != str(copy):
                raise
            raise exc.naming(str(spec)) from None
    data.rename_source(str(copy), str(path))
    data.sources = [str(spec) if s in (str(copy), str(path)) else s for s in data.sources]
    if not data.sources:
        data.sources = [str(spec)]
    if run is None and len(snapshot.runs) > 1:
        data.issues.insert(0, _runs_issue(spec, snapshot))
    return data
