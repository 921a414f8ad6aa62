"""id/parentId tables and JSON arrays: the flat shape web org-chart libraries use.

d3-org-chart, OrgChart JS and most "export to JSON" buttons hand over one
record per node with an ``id`` and a ``parentId`` (or ``parent_id``). The
columns are matched with the CSV reader's aliases (:data:`FIELDS
<orgmodel.readers.table.FIELDS>`: ``positionName`` is the title, ``office``
or ``department_name`` the unit, ``name`` the holder), and where a separate
last-name column exists (``lastName``, ``surname``) the holder is first and
last name together, as in the Oracle HR sample. A parent written as the
string ``"None"`` or ``"null"`` (a null that went through ``str()``) is no
parent.

>>> rows = [{"id": 1, "parentId": None, "name": "Steven", "lastName": "King",
...          "position": "President"},
...         {"id": 2, "parentId": 1, "name": "Neena", "lastName": "Kochhar",
...          "position": "Administration Vice President"}]
>>> data = records_to_data(rows, "hr.json")
>>> [(p.id, p.holder, p.root) for p in data.posts]
[('1', 'Steven King', True), ('2', 'Neena Kochhar', False)]
>>> [(r.subject, r.object) for r in data.relations]
[('2', '1')]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from orgmodel.errors import SourceError
from orgmodel.readers.csvfile import iter_rows, norm_header, open_table, read_header
from orgmodel.readers.rows import RecordBuilder, find_column
from orgmodel.readers.table import mapping_for
from orgmodel.records import LineKind, OrgData, Prov

__all__ = [
    "LAST_NAME",
    "cell_text",
    "is_idparent_header",
    "json_records",
    "read_idparent",
    "records_to_data",
]

LAST_NAME = ("last name", "lastname", "surname", "family name")
FIRST_NAME = ("first name", "firstname", "given name")
PARENT_KEYS = ("parentid", "parent id")
NULLS = frozenset({"none", "null", "nan"})
D3_FIELDS = {
    "id": "id", "manager": "parentId", "name": "name", "title": "positionName", "unit": "office",
    "org": "organization", "grade": "grade", "fte": "fte", "abbreviation": "abbreviation",
}  # fmt: skip
"""d3-org-chart's node fields (as :mod:`orgmodel.writers.d3json` writes them) and what they mean."""
SYNTHETIC = "_orgmodel_synthetic"
"""Marks the node a writer adds to give a forest one root; readers leave it out."""


def is_idparent_header(header: Sequence[str]) -> bool:
    """An ``id`` column and a ``parentId``/``parent_id`` column, as JS org-chart data has.

    >>> is_idparent_header(["name", "id", "parentId"]), is_idparent_header(["id", "manager"])
    (True, False)
    """
    keys = {norm_header(h).replace(" ", "") for h in header}
    return "id" in keys and bool(keys & {k.replace(" ", "") for k in PARENT_KEYS})


def cell_text(value: Any) -> str:
    """A JSON value as table text: null -> '', 3.0 -> '3', lists and objects as JSON.

    >>> [cell_text(v) for v in (None, 3.0, 2.5, True, "x", ["a"])]
    ['', '3', '2.5', 'true', 'x', '["a"]']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float | str):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


class _Rows:
    """Maps a header once, then turns each row into a post through the builder."""

    def __init__(
        self, builder: RecordBuilder, header: list[str], mapping: Mapping[str, str] | None
    ) -> None:
        self.builder = builder
        self.header = header
        if {"parentId", "positionName"} <= set(header):  # d3-org-chart's own field names
            mapping = {**{f: k for f, k in D3_FIELDS.items() if k in header}, **(mapping or {})}
        self.cols: dict[str, int] = mapping_for(header, mapping, builder.path)
        last = find_column(header, LAST_NAME)
        first = find_column(header, FIRST_NAME)
        self.first = first if first is not None else self.cols.get("name")
        self.last = last if last is not None and last not in self.cols.values() else None
        if self.last is not None:
            self.cols["_last"] = self.last
            if first is not None and self.first not in self.cols.values():
                self.cols["_first"] = first

    def add(self, row: list[str], prov: Prov) -> None:
        holder = None
        if self.last is not None:
            parts = [
                row[i].strip() for i in (self.first, self.last) if i is not None and i < len(row)
            ]
            holder = " ".join(p for p in parts if p)
        i_mgr = self.cols["manager"]
        if i_mgr < len(row) and row[i_mgr].strip().lower() in NULLS:
            row = [*row[:i_mgr], "", *row[i_mgr + 1 :]]
        self.builder.mapped_row(
            row, self.cols, self.header, prov.line or 0, holder=holder, prov=prov
        )


def read_idparent(path: str | Path, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Read an id/parentId CSV (d3-org-chart's ``data.csv``) or JSON array."""
    name = str(path)
    if name.lower().endswith(".json"):
        return records_to_data(json_records(path), name, mapping)
    builder = RecordBuilder(name)
    rows = _Rows(builder, read_header(path), mapping)
    with open_table(path) as handle:
        builder.decimal_comma = handle.delimiter == ";"
        for line, row in iter_rows(handle, name, builder.data.issues):
            rows.add(row, Prov(name, line))
    if not builder.data.posts:
        raise builder.no_rows_error()
    return builder.finish("rows")


def json_records(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """The objects of a JSON array with the line each starts on (0 where it cannot be told)."""
    from orgmodel.readers.jsnodes import items_with_lines  # (it builds on this module)
    from orgmodel.readers.jsontree import load_json  # one JSON loader for all JSON readers

    text, value = load_json(path)
    if not isinstance(value, list):
        raise SourceError(str(path), "expected a JSON array of records", line=1)
    return [(line or 0, item) for line, item in zip(items_with_lines(text, value), value,
                                                    strict=True)]  # fmt: skip


def records_to_data(
    records: Iterable[tuple[int, dict[str, Any]] | dict[str, Any]],
    path: str,
    mapping: Mapping[str, str] | None = None,
) -> OrgData:
    """Flat records (dicts) -> posts and lines; ``(line, record)`` pairs keep their lines."""
    items = [r if isinstance(r, tuple) else (0, r) for r in records]
    builder = RecordBuilder(path)
    header: list[str] = []
    seen: set[str] = set()
    for _, record in items:
        if isinstance(record, dict):
            for key in record:
                if key not in seen and key != SYNTHETIC:
                    seen.add(key)
                    header.append(str(key))
    if not header:
        raise SourceError(path, "has no records with fields", line=1)
    rows = _Rows(builder, header, mapping)
    synthetic: set[str] = set()
    for n, (line, record) in enumerate(items, 1):
        prov = Prov(path, line or None, cue=None if line else f"record {n}")
        if not isinstance(record, dict):
            builder.seen += 1
            builder.skip("not an object", f"record {n} is not an object; skipped", prov)
            continue
        if record.get(SYNTHETIC):
            synthetic.add(cell_text(record.get(header[rows.cols["id"]])))
            continue
        rows.add([cell_text(record.get(h)) for h in header], prov)
    if synthetic:  # children of the added root are roots again
        data = builder.data
        data.relations = [r for r in data.relations if r.object not in synthetic]
        tops = {r.subject for r in data.relations if r.qualifier == LineKind.PRIMARY}
        data.posts = [p if p.id in tops else p._replace(root=True) for p in data.posts]
    if not builder.data.posts:
        raise SourceError(path, "has no records that could be read")
    return builder.finish()
