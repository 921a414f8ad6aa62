"""Parquet: orgmodel's own lossless table, or any table with an id and a manager column.

A file :mod:`orgmodel.writers.parquet` wrote (its schema's metadata says
``orgmodel``) holds one row per organization, unit and post (``kind``), every
field the org file has, each fact's provenance as a ``source`` struct, and a
post's reporting lines, headships and links as a ``lines`` list of structs
(:data:`SCHEMA`). It reads back as the records that were saved, provenance
included -- a row whose ``source`` is empty is this file's row ``N``.

Any other Parquet file (an HR system's export) is read as the CSV reader
reads a table: columns matched by name (``--map`` works the same), each row
cited as ``file.parquet:N``, N counting rows from 1.

>>> SCHEMA.names[:4]
['kind', 'id', 'name', 'org']
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from orgmodel.errors import SourceError
from orgmodel.graph.columns import PostBlock
from orgmodel.readers.rows import RecordBuilder
from orgmodel.readers.table import mapping_for
from orgmodel.readers.xlsx import cell_text
from orgmodel.records import (
    OrgData,
    OrgRecord,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitKind,
    UnitRecord,
)

__all__ = ["LINE", "MARK", "SCHEMA", "SOURCE", "read_parquet"]

MARK = b"orgmodel"
"""The schema metadata key of a file orgmodel wrote (its value: the layout's version)."""

SOURCE = pa.struct(
    [
        ("file", pa.string()),
        ("line", pa.int64()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("cue", pa.string()),
        ("inferred", pa.bool_()),
        ("confidence", pa.float64()),
    ]
)
"""A :class:`~orgmodel.records.Prov`, field for field."""

LINE = pa.struct(
    [
        ("kind", pa.string()),  # reports_to, heads, link
        ("to", pa.string()),
        ("qualifier", pa.string()),  # primary/secondary, or the link's type
        ("generic", pa.bool_()),
        ("source", SOURCE),  # null: the row's own source
    ]
)

SCHEMA = pa.schema(
    [
        ("kind", pa.dictionary(pa.int8(), pa.string())),  # organization, unit, post
        ("id", pa.string()),
        ("name", pa.string()),  # a post's title, a unit's or organization's name
        ("org", pa.string()),
        ("unit", pa.string()),
        ("part_of", pa.string()),
        ("unit_kind", pa.string()),
        ("abbreviation", pa.string()),
        ("holder", pa.string()),
        ("grade", pa.string()),
        ("fte", pa.float64()),
        ("root", pa.bool_()),
        ("attributes", pa.map_(pa.string(), pa.string())),
        ("ignore", pa.string()),
        ("source", SOURCE),
        ("lines", pa.list_(LINE)),
    ],
    metadata={MARK: b"1"},
)


def _prov(source: dict[str, Any] | None, path: str, row: int) -> Prov:
    if source is None:
        return Prov(path, line=row)
    return Prov(
        source["file"], source["line"], source["start"], source["end"], source["cue"],
        bool(source["inferred"]), source.get("confidence"),
    )  # fmt: skip


def read_parquet(path: str | Path, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Read a Parquet file: orgmodel's lossless layout, else a table of posts."""
    import pyarrow.parquet as pq

    name = str(path)
    try:
        table = pq.read_table(path)
    except FileNotFoundError:
        raise SourceError(name, "file not found") from None
    except (pa.ArrowException, OSError) as exc:
        raise SourceError(name, f"is not a readable Parquet file: {exc}") from None
    if table.schema.metadata and MARK in table.schema.metadata:
        return _read_own(table, name)
    return _read_table(table, name, mapping)


BLOCK_FROM = 1_000
"""Posts from which a file's posts are read column-wise, as one block (:func:`_post_block`)."""


def _post_block(table: pa.Table, path: str) -> PostBlock | None:
    """The post rows as one :class:`~orgmodel.graph.columns.PostBlock` -- no record per post --
    when every post comes from one file with a line and none from a span or cue (a
    converted table); their first primary line is the block's manager, the others records."""
    import pyarrow.compute as pc

    source = table.column("source").combine_chunks()
    files = pc.unique(source.field("file"))
    plain = (
        source.null_count == 0
        and len(files) == 1
        and files[0].is_valid
        and pc.all(pc.is_null(source.field("start"))).as_py()
        and pc.all(pc.is_null(source.field("end"))).as_py()
        and pc.all(pc.is_null(source.field("cue"))).as_py()
        and not pc.any(pc.fill_null(source.field("inferred"), False)).as_py()
        and pc.all(pc.is_null(source.field("confidence"))).as_py()
    )
    if not plain:
        return None
    lines = table.column("lines").combine_chunks()
    flat = pc.list_flatten(lines)
    parents = np.asarray(pc.list_parent_indices(lines))
    primary = pc.and_(
        pc.and_(
            pc.equal(flat.field("kind"), "reports_to"), pc.equal(flat.field("qualifier"), "primary")
        ),
        pc.and_(
            pc.is_null(flat.field("source")), pc.invert(pc.fill_null(flat.field("generic"), False))
        ),
    )
    primary = np.asarray(pc.fill_null(primary, False))
    first = np.zeros(len(flat), dtype=bool)
    if len(flat):
        candidates = np.flatnonzero(primary)
        _, at = np.unique(parents[candidates], return_index=True)
        first[candidates[at]] = True
    pick = np.full(table.num_rows, -1, dtype=np.int64)  # the line each row's manager is
    pick[parents[first]] = np.flatnonzero(first)
    managers = pc.take(flat.field("to"), pa.array(pick, mask=pick < 0))
    file = files[0].as_py()
    owners = pa.array(parents[~first])  # the rows of the other lines (dotted, heads, links)
    ids = pc.take(table.column("id"), owners).to_pylist()
    rows = pc.take(source.field("line"), owners).to_pylist()
    others = []
    for ident, row, line in zip(ids, rows, flat.filter(pa.array(~first)).to_pylist(), strict=True):
        prov = Prov(file, row) if line["source"] is None else _prov(line["source"], path, 0)
        others.append(
            Relation(RelKind(line["kind"]), ident, line["to"], line["qualifier"],
                     bool(line["generic"]), prov)
        )  # fmt: skip
    block = pa.table(
        {
            "id": table.column("id"),
            "title": table.column("name"),
            "org": table.column("org"),
            "unit": table.column("unit"),
            "abbreviation": table.column("abbreviation"),
            "holder": table.column("holder"),
            "grade": table.column("grade"),
            "fte": table.column("fte"),
            "root": pc.fill_null(table.column("root"), False),
            "attributes": table.column("attributes"),
            "line": source.field("line"),
            "manager": managers,
        }
    )
    return PostBlock(file, block, others)


def _read_own(table: pa.Table, path: str) -> OrgData:
    import pyarrow.compute as pc

    missing = [c for c in SCHEMA.names if c not in table.column_names]
    if missing:
        raise SourceError(path, f"says it is orgmodel's Parquet layout but lacks {missing}")
    data = OrgData(sources=[path])
    is_post = pc.equal(table.column("kind").cast(pa.string()), "post")
    posts = table.filter(is_post)
    block = _post_block(posts, path) if posts.num_rows >= BLOCK_FROM else None
    if block is not None:
        table = table.filter(pc.invert(is_post))  # the other rows, read one by one
    columns = {c: table.column(c).to_pylist() for c in SCHEMA.names}
    for n, kind in enumerate(columns["kind"]):
        row = n + 1
        ident = columns["id"][n]
        prov = _prov(columns["source"][n], path, row)
        if kind == "organization":
            data.organizations.append(
                OrgRecord(ident, columns["name"][n], columns["abbreviation"][n], prov)
            )
        elif kind == "unit":
            unit_kind = columns["unit_kind"][n] or UnitKind.UNIT
            data.units.append(
                UnitRecord(
                    ident, columns["name"][n], UnitKind(unit_kind), columns["org"][n],
                    columns["part_of"][n], columns["abbreviation"][n], prov,
                )
            )  # fmt: skip
            if columns["ignore"][n]:
                data.unit_ignores[ident] = columns["ignore"][n]
        elif kind == "post":
            attributes = columns["attributes"][n]
            data.posts.append(
                PostRecord(
                    ident, columns["name"][n], columns["org"][n], columns["unit"][n],
                    columns["abbreviation"][n], columns["holder"][n], columns["grade"][n],
                    columns["fte"][n], bool(columns["root"][n]),
                    dict(attributes) if attributes else None, prov,
                )
            )  # fmt: skip
        else:
            raise SourceError(path, f"row {row}: unknown kind {kind!r}", line=row)
        for line in columns["lines"][n] or ():
            data.relations.append(
                Relation(
                    RelKind(line["kind"]), ident, line["to"], line["qualifier"],
                    bool(line["generic"]),
                    prov if line["source"] is None else _prov(line["source"], path, row),
                )
            )  # fmt: skip
    if block is not None:
        data.add_block(block)  # posts after the organizations and units, as written
    return data


def _read_table(table: pa.Table, path: str, mapping: Mapping[str, str] | None) -> OrgData:
    """A Parquet table of people or posts, read as a CSV export of it would be."""
    header = [str(c) for c in table.column_names]
    cols = mapping_for(header, mapping, path)
    builder = RecordBuilder(path)
    values = [table.column(i).to_pylist() for i in range(table.num_columns)]
    for n in range(table.num_rows):
        row = [cell_text(column[n]) for column in values]
        builder.mapped_row(row, cols, header, n + 1, prov=Prov(path, n + 1))
    if not builder.data.posts:
        raise builder.no_rows_error()
    return builder.finish("rows")
