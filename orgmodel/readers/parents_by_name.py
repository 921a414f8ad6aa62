"""Tables whose parents are given by name, several to a row (NYC governance organizations).

Registries of public bodies list each body once, with an id of their own
(``record_id``) and the *name* of what it reports to, sometimes several
(``Office of the Mayor;Office of the New York City Comptroller``). Each name
is matched against the names in the file by their keys
(:func:`orgmodel.names.rules.name_key`: case, spacing, punctuation,
parentheticals and a leading article aside), and a name that matches one row
becomes a line to that row's id; every parent is a primary line (the graph
keeps the first as the tree's parent and the others beside it). A name no
row carries ("Mayor", a position that exists only as a name) is left as
written for the graph to resolve or report.

Each row becomes a post titled with the body's name, held by its principal
officer when one is named (``principal_officer_full_name``); the officer's
title, the acronym and every other column are kept.

>>> header = ["record_id", "name", "acronym", "reports_to"]
>>> rows = [["1", "Office of the Mayor", "", ""],
...         ["2", "Department of Finance", "DOF", "office of the mayor"],
...         ["3", "Tax Appeals Tribunal", "", "Mayor;Department of Finance"]]
>>> data = rows_to_data(header, list(enumerate(rows, 2)), "nyc.csv")
>>> [(r.subject, r.object) for r in data.relations]
[('2', '1'), ('3', 'Mayor'), ('3', '2')]
>>> data.posts[1].abbreviation
'DOF'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from orgmodel.names.rules import name_key
from orgmodel.readers.csvfile import iter_rows, open_table, read_header
from orgmodel.readers.rows import RecordBuilder, find_column, split_many
from orgmodel.readers.table import FIELDS, mapping_for
from orgmodel.records import LoadIssue, OrgData, Prov

__all__ = ["PARENT_NAME_COLUMNS", "looks_parented_by_name", "read_parents_by_name", "rows_to_data"]

PARENT_NAME_COLUMNS = (
    "reports to",
    "parent",
    "parent name",
    "parent organization",
    "reports to name",
)
HOLDER_COLUMNS = ("principal officer full name", "principal officer", "head", "head name")
ABBREVIATION_COLUMNS = ("acronym", "abbreviation")
ID_COLUMNS = ("record id", "id", "uid", "code")


def looks_parented_by_name(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    """A name column, an id column and a parent column whose values are mostly names.

    >>> looks_parented_by_name(["id", "name", "parent"], [["1", "A", ""], ["2", "B", "A"]])
    True
    >>> looks_parented_by_name(["id", "name", "parent"], [["1", "A", ""], ["2", "B", "1"]])
    False
    """
    i_parent = find_column(header, PARENT_NAME_COLUMNS)
    i_name = find_column(header, FIELDS["name"])
    i_id = find_column(header, ID_COLUMNS)
    if i_parent is None or i_name is None or i_id is None or i_name == i_id:
        return False
    names = {name_key(r[i_name]) for r in rows if i_name < len(r)}
    ids = {name_key(r[i_id]) for r in rows if i_id < len(r)}
    refs = [name_key(v) for r in rows if i_parent < len(r) for v in split_many(r[i_parent])]
    by_name = sum(1 for v in refs if v in names)
    by_id = sum(1 for v in refs if v in ids)
    return bool(refs) and by_name > by_id and by_name * 2 >= len(refs)


def rows_to_data(
    header: list[str],
    rows: Sequence[tuple[int, list[str]]],
    path: str,
    mapping: Mapping[str, str] | None = None,
    *,
    decimal_comma: bool = False,
) -> OrgData:
    """Rows (with their lines) -> posts, parents matched by name within the file
    (``decimal_comma``: the table is ``;``-delimited)."""
    explicit = dict(mapping or {})
    i_id = find_column(header, ID_COLUMNS)
    if "id" not in explicit and i_id is not None:
        explicit["id"] = header[i_id]
    i_parent = find_column(header, PARENT_NAME_COLUMNS)
    if "manager" not in explicit and i_parent is not None:
        explicit["manager"] = header[i_parent]
    cols = mapping_for(header, explicit, path)
    i_holder = find_column(header, HOLDER_COLUMNS)
    if i_holder is not None and "name" not in explicit:
        cols["name"] = i_holder
    if (
        "abbreviation" not in cols
        and (i_abbr := find_column(header, ABBREVIATION_COLUMNS)) is not None
    ):
        cols["abbreviation"] = i_abbr
    i_title, i_name = cols.get("title"), find_column(header, FIELDS["name"])
    if i_title is None and i_name is not None:
        cols["title"] = i_name  # the body's name is what the node is called
    if i_holder is None and cols.get("name") == cols.get("title"):
        del cols["name"]  # the name column names the body, not a person
    i_label = cols.get("title", cols["id"])
    by_name: dict[str, list[str]] = {}
    for _, row in rows:
        if i_label < len(row) and cols["id"] < len(row) and row[cols["id"]].strip():
            by_name.setdefault(name_key(row[i_label]), []).append(row[cols["id"]].strip())
    i_mgr = cols.pop("manager")
    builder = RecordBuilder(path)
    builder.decimal_comma = decimal_comma
    row_cols = {**cols, "_parent": i_mgr}
    for line, row in rows:
        pid = builder.mapped_row(row, row_cols, header, line)
        if pid is None:
            continue
        post = builder.data.posts[-1]
        parents = split_many(row[i_mgr]) if i_mgr < len(row) else []
        builder.data.posts[-1] = post._replace(root=not parents)
        prov = Prov(path, line)
        for parent in parents:
            hits = by_name.get(name_key(parent), [])
            builder.line(pid, hits[0] if len(hits) == 1 else parent, prov)
    if not builder.data.posts:
        raise builder.no_rows_error()
    return builder.finish("rows")


def read_parents_by_name(path: str | Path, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Read a CSV whose parent column holds names (``;`` between several)."""
    name = str(path)
    header = read_header(path)
    issues: list[LoadIssue] = []
    with open_table(path) as handle:
        rows = list(iter_rows(handle, name, issues))
        decimal_comma = handle.delimiter == ";"
    data = rows_to_data(header, rows, name, mapping, decimal_comma=decimal_comma)
    data.issues[:0] = issues
    return data
