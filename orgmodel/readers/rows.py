"""Turning one mapped record into posts and lines: what every non-CSV table reader shares.

The id/parentId reader, the spreadsheet reader, draw.io's CSV and the JSON
readers all meet records that say "this post, with this title and holder,
in this unit of this organization, reports to that one". :class:`RecordBuilder`
turns such records into :class:`~orgmodel.records.OrgData` the same way
everywhere: organizations and units made once per name, holder markers
(``Vacant``, ``N/D``: :mod:`orgmodel.holders`) noted, numbers checked,
unknown columns kept as attributes, and every record it cannot take counted
by reason so the reader can say at the end what it skipped.

>>> b = RecordBuilder("org.xlsx")
>>> cols, header = {"id": 0, "title": 1, "manager": 2, "unit": 3}, ["id", "Title", "Boss", "Unit"]
>>> _ = b.mapped_row(["1", "Mayor", "", "Executive Office"], cols, header, 2)
>>> _ = b.mapped_row(["", "Clerk", "1", ""], cols, header, 3)
>>> data = b.finish()
>>> [(p.id, p.title, p.unit, p.root) for p in data.posts]
[('1', 'Mayor', 'executive-office', True)]
>>> [(i.prov.where(), i.message) for i in data.issues]
[('org.xlsx:3', 'row has no id; skipped'), ('org.xlsx', 'skipped 1 of 2 records: no id (1)')]
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence

from orgmodel.errors import SourceError
from orgmodel.fileio import slug
from orgmodel.holders import STATUS_KEY, marker
from orgmodel.names.kinds import guess_unit_kind
from orgmodel.names.rules import squash
from orgmodel.readers.csvfile import norm_header
from orgmodel.records import (
    LineKind,
    LoadIssue,
    OrgData,
    OrgRecord,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitKind,
    UnitRecord,
)

__all__ = [
    "RecordBuilder",
    "find_column",
    "fte_fault",
    "fte_value",
    "long_row_issue",
    "no_ids_error",
    "plain_number",
    "split_many",
    "to_number",
]


def split_many(value: str) -> list[str]:
    """Several references in one cell: ``"a; b"`` or ``"a|b"`` -> ``['a', 'b']``.

    Each reference is folded as names are (:func:`~orgmodel.names.rules.squash`), so
    one cell gives the same references whichever table reader meets it.

    >>> split_many("Office of the Mayor;Office of the Comptroller")
    ['Office of the Mayor', 'Office of the Comptroller']
    """
    for sep in (";", "|"):
        if sep in value:
            return [squash(v) for v in value.split(sep) if v.strip()]
    return [squash(value)] if value.strip() else []


def long_row_issue(prov: Prov, row: Sequence[str], width: int, ident: str = "") -> LoadIssue | None:
    """The note for a row with more cells than the header (None when the extra cells are empty).

    Such a row usually holds a value with an unquoted comma (``Smith, John``),
    which moves every later cell one column to the right: the row is read
    with the header's columns, and the note says where to look.

    >>> long_row_issue(Prov("hr.csv", 3), ["2", "Smith", " John", "Analyst", "1"], 4).message
    "the row has 5 cells, the header 4: '1' past the last column is ignored, and the cells \
before it may be in the wrong columns (a value with a comma in it must be quoted)"
    >>> long_row_issue(Prov("hr.csv", 3), ["2", "Ana", "Analyst", "1", " "], 4) is None
    True
    """
    extra = [c.strip() for c in row[width:] if c.strip()]
    if not extra:
        return None  # trailing empty cells (a spreadsheet's export): nothing is lost
    shown = ", ".join(repr(c) for c in extra[:3]) + (" ..." if len(extra) > 3 else "")
    return LoadIssue(
        "extra-cells",
        f"the row has {len(row)} cells, the header {width}: {shown} past the last column "
        "is ignored, and the cells before it may be in the wrong columns "
        "(a value with a comma in it must be quoted)",
        prov,
        (ident,) if ident else (),
    )


def find_column(header: Sequence[str], names: Sequence[str]) -> int | None:
    """The first column whose folded name is one of ``names`` (in the order of ``names``).

    >>> find_column(["Record_ID", "Name"], ["id", "record id"])
    0
    """
    keys = [norm_header(h) for h in header]
    for name in names:
        if name in keys:
            return keys.index(name)
    return None


_GROUPED = re.compile(r"[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?")
"""A number whose commas group thousands: ``12,000``, ``1,234,567.5`` (no ``0,500``)."""


def plain_number(text: str, decimal_comma: bool = False) -> str:
    """The number in ``text`` as :func:`float` reads it: the thousands marks gone, a decimal
    comma made a point.

    A comma is the decimal mark when it cannot group thousands (``0,5``,
    ``1,25``: not three digits after it) or comes after the last point
    (``1.000,5``), and a comma that could be either (``12,000``) follows the
    file: a decimal mark where the decimal comma is the custom (``decimal_comma``:
    a ``;``-delimited table, as Excel saves one in much of Europe), a
    thousands mark elsewhere.

    >>> [plain_number(t) for t in ("0,5", "1,25", "12,000", "1,234.5", "1.000,5", "2")]
    ['0.5', '1.25', '12000', '1234.5', '1000.5', '2']
    >>> plain_number("12,000", decimal_comma=True), plain_number("1,234,567", decimal_comma=True)
    ('12.000', '1234567')
    """
    if "," not in text:
        return text
    text = text.strip()
    if "." in text:
        if text.rfind(",") > text.rfind("."):  # 1.000,5: points group, the comma is decimal
            return text.replace(".", "").replace(",", ".")
        return text.replace(",", "") if _GROUPED.fullmatch(text) else text
    grouped = _GROUPED.fullmatch(text) is not None
    if text.count(",") == 1 and (decimal_comma or not grouped):
        return text.replace(",", ".")
    return text.replace(",", "") if grouped else text


def _parse(text: str, decimal_comma: bool) -> float:
    return float(plain_number(text, decimal_comma))


def to_number(text: str, decimal_comma: bool = False) -> float | None:
    """``"1,200.5"`` -> 1200.5, ``"0,5"`` -> 0.5; None when the text is not a finite number.

    Commas are read as :func:`plain_number` says (``decimal_comma``: the
    table is ``;``-delimited). ``nan`` and ``inf`` are not numbers here: no
    count or share is infinite, and JSON has no way to write them.

    >>> to_number("1,200.5"), to_number("0,5"), to_number("nan"), to_number("1e999")
    (1200.5, 0.5, None, None)
    >>> to_number("n/a"), to_number("1,0", decimal_comma=True), to_number("1,2,3")
    (None, 1.0, None)
    """
    try:
        value = _parse(text, decimal_comma)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def fte_value(text: str, decimal_comma: bool = False) -> float | None:
    """A full-time equivalent: a finite number of 0 or more, else None (to report).

    >>> fte_value("0.5"), fte_value("0,5"), fte_value("-3"), fte_value("inf"), fte_value("NaN")
    (0.5, 0.5, None, None, None)
    """
    value = to_number(text, decimal_comma)
    return value if value is not None and value >= 0 else None


def fte_fault(text: str, decimal_comma: bool = False) -> str:
    """What is wrong with an FTE :func:`fte_value` refuses, for the bad-value note.

    >>> fte_fault("half"), fte_fault("nan"), fte_fault("-3"), fte_fault("-0,5")
    ('is not a number', 'is not a finite number', 'is negative', 'is negative')
    """
    try:
        value = _parse(text, decimal_comma)
    except ValueError:
        return "is not a number"
    return "is negative" if value < 0 else "is not a finite number"


def no_ids_error(path: str, lines: list[int], column: str | None = None) -> SourceError:
    """The error for a table whose rows all lack an id: they were skipped, not absent.

    >>> print(no_ids_error("t.csv", [2, 3], "id").message)
    every row lacks an id (column 'id' is empty on lines 2, 3), so all were skipped
    """
    more = f" and {len(lines) - 5} more" if len(lines) > 5 else ""
    shown = ", ".join(map(str, lines[:5])) + more
    where = f"column {column.strip()!r}" if column is not None else "the id column"
    return SourceError(
        path,
        f"every row lacks an id ({where} is empty on line"
        f"{'s' if len(lines) > 1 else ''} {shown}), so all were skipped",
        line=lines[0],
        hint="fill in the id column, or name another with --map id=COLUMN",
    )


class RecordBuilder:
    """Collects posts, units, organizations and lines for one source file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.data = OrgData(sources=[path])
        self._orgs: dict[str, str] = {}
        self._units: dict[tuple[str | None, str], str] = {}
        self.skipped: Counter[str] = Counter()
        self._values: dict[str, str] = {}  # repeated cell texts are stored once
        self._attr_key: tuple[tuple[str, ...], tuple[int, ...]] | None = None
        self._attr_cols: list[tuple[int, str]] = []
        self._attr_for: tuple[Sequence[str] | None, Mapping[str, int] | None] = (None, None)
        self._plan_for: Mapping[str, int] | None = None
        self._plan_cols: tuple[int, ...] = ()
        self.seen = 0
        self.decimal_comma = False
        """Read a comma in a number as the decimal mark when it could be either
        (:func:`plain_number`): set for a ``;``-delimited table."""

    # ------------------------------------------------------------ pieces

    def org(
        self, name: str, prov: Prov, ident: str | None = None, abbreviation: str | None = None
    ) -> str | None:
        """The id of the organization called ``name`` (made on first mention)."""
        name = squash(name)
        if not name:
            return None
        found = self._orgs.get(name)
        if found is None:
            found = self._orgs[name] = ident or slug(name)
            self.data.organizations.append(OrgRecord(found, name, abbreviation or None, prov))
        return found

    def unit(
        self,
        org: str | None,
        name: str,
        prov: Prov,
        *,
        ident: str | None = None,
        kind: UnitKind | None = None,
        part_of: str | None = None,
        abbreviation: str | None = None,
    ) -> str | None:
        """The id of the unit called ``name`` in ``org`` (made on first mention)."""
        name = squash(name)
        if not name:
            return None
        key = (org, name)
        found = self._units.get(key)
        if found is None:
            found = ident or (f"{org}/{slug(name)}" if org else slug(name))
            self._units[key] = found
            self.data.units.append(
                UnitRecord(
                    found, name, kind or guess_unit_kind(name), org, part_of, abbreviation, prov
                )
            )
        return found

    def post(self, record: PostRecord) -> None:
        self.data.posts.append(record)

    def line(self, subject: str, superior: str, prov: Prov, secondary: bool = False) -> None:
        """``subject`` reports to ``superior`` (an id, or a name the graph resolves)."""
        kind = LineKind.SECONDARY if secondary else LineKind.PRIMARY
        self.data.relations.append(
            Relation(RelKind.REPORTS_TO, subject, superior, kind, False, prov)
        )

    def heads(self, subject: str, unit: str, prov: Prov) -> None:
        self.data.relations.append(Relation(RelKind.HEADS, subject, unit, None, False, prov))

    def issue(self, code: str, message: str, prov: Prov, *subjects: str) -> None:
        self.data.issues.append(LoadIssue(code, message, prov, subjects))

    def skip(self, reason: str, message: str, prov: Prov) -> None:
        """A record that cannot be taken: reported where it is, counted by ``reason``."""
        self.skipped[reason] += 1
        self.issue("row-skipped", message, prov)

    # ------------------------------------------------------------ whole rows

    def mapped_row(
        self,
        row: Sequence[str],
        cols: Mapping[str, int],
        header: Sequence[str],
        line: int,
        *,
        holder: str | None = None,
        prov: Prov | None = None,
    ) -> str | None:
        """One table row whose columns ``cols`` maps to fields (as the CSV reader maps them).

        Returns the post id, or None when the row was skipped.
        """
        self.seen += 1
        prov = prov or Prov(self.path, line)
        width = len(row)
        i_id, i_name, i_title, i_org, i_unit, i_fte, i_mgr, i_sec, i_abbr, i_grade = self._plan(
            cols
        )
        pid = row[i_id].strip() if i_id < width else ""
        if width > len(header) and (long := long_row_issue(prov, row, len(header), pid)):
            self.data.issues.append(long)
        if not pid:
            self.skip("no id", "row has no id; skipped", prov)
            return None
        if holder is None:
            holder = row[i_name] if i_name < width else ""
        who = " ".join(holder.split())
        attrs: dict[str, str] = {}
        if (status := marker(who)) is not None:
            who, attrs[STATUS_KEY] = "", str(status)
        org = self.org(row[i_org], prov) if i_org < width and row[i_org] else None
        unit = self.unit(org, row[i_unit], prov) if i_unit < width and row[i_unit] else None
        fte: float | None = None
        if i_fte < width and (raw := row[i_fte].strip()):
            fte = fte_value(raw, self.decimal_comma)
            if fte is None:
                fault = fte_fault(raw, self.decimal_comma)
                self.issue("bad-value", f"FTE {raw!r} {fault}; ignored", prov, pid)
        values = self._values
        for i, name in self._attribute_columns(header, cols):
            if i < width and (v := row[i].strip()):
                attrs[name] = values.setdefault(v, v)
        managers = split_many(row[i_mgr]) if i_mgr < width and row[i_mgr] else []
        title = row[i_title].strip() if i_title < width else ""
        abbr = row[i_abbr].strip() if i_abbr < width else ""
        grade = row[i_grade].strip() if i_grade < width else ""
        self.data.posts.append(
            PostRecord(
                pid, title or who or pid, org, unit, abbr or None, who or None, grade or None,
                fte, not managers, attrs or None, prov,
            )
        )  # fmt: skip
        for sup in managers:
            self.line(pid, sup, prov)
        if i_sec < width and row[i_sec]:
            for sup in split_many(row[i_sec]):
                self.line(pid, sup, prov, secondary=True)
        return pid

    _FIELDS = ("id", "name", "title", "org", "unit", "fte", "manager", "secondary",
               "abbreviation", "grade")  # fmt: skip

    def _plan(self, cols: Mapping[str, int]) -> tuple[int, ...]:
        """Each field's column, or a column past any row's end (sys.maxsize) when unmapped."""
        if self._plan_for is not cols:
            self._plan_for = cols
            self._plan_cols = tuple(cols.get(f, sys.maxsize) for f in self._FIELDS)
        return self._plan_cols

    def _attribute_columns(
        self, header: Sequence[str], cols: Mapping[str, int]
    ) -> list[tuple[int, str]]:
        """Unmapped columns and the attribute name each is kept under, worked out once.

        A column without a name is kept as ``column N``; a name used twice
        gets `` (2)`` the second time, and both are reported, so no value is
        lost to a damaged header.
        """
        if self._attr_for[0] is header and self._attr_for[1] is cols:
            return self._attr_cols
        key = (tuple(header), tuple(sorted(cols.values())))
        if self._attr_key == key:
            self._attr_for = (header, cols)
            return self._attr_cols
        mapped = set(cols.values())
        out: list[tuple[int, str]] = []
        used = {header[i].strip() for i in mapped if i < len(header)}
        for i, raw in enumerate(header):
            if i in mapped:
                continue
            name = raw.strip().lstrip("\ufeff") or f"column {i + 1}"
            if not raw.strip():
                self.issue("unnamed-column", f"column {i + 1} has no name; kept as {name!r}",
                           Prov(self.path, 1))  # fmt: skip
            elif name in used:
                n = 2
                while f"{name} ({n})" in used:
                    n += 1
                self.issue("duplicate-column", f"column {i + 1} repeats the name {name!r}; "
                           f"kept as '{name} ({n})'", Prov(self.path, 1))  # fmt: skip
                name = f"{name} ({n})"
            used.add(name)
            out.append((i, name))
        self._attr_key, self._attr_cols = key, out
        self._attr_for = (header, cols)
        return out

    def no_rows_error(self) -> SourceError:
        """The error for a table that gave no post: its rows lacked ids, or it has none."""
        if self.seen and self.skipped.get("no id") == self.seen:
            lines = [
                i.prov.line for i in self.data.issues if i.code == "row-skipped" and i.prov.line
            ]
            if lines:
                return no_ids_error(self.path, lines)
        return SourceError(self.path, "has a header but no rows", line=2)

    def finish(self, what: str = "records") -> OrgData:
        """The records, with one closing issue saying how many were skipped and why."""
        total = sum(self.skipped.values())
        if total:
            reasons = ", ".join(f"{r} ({n})" for r, n in self.skipped.most_common())
            self.data.issues.append(
                LoadIssue(
                    "records-skipped",
                    f"skipped {total} of {self.seen} {what}: {reasons}",
                    Prov(self.path),
                )
            )
        return self.data
