"""Parquet: the whole model in one columnar file, lossless like the org file.

One row per organization, unit and post, in the model's order, with every
field, each fact's provenance and each post's lines (:data:`SCHEMA
<orgmodel.readers.parquet.SCHEMA>`), so :mod:`orgmodel.readers.parquet`
reads back the records that were saved. pandas, Polars, DuckDB and Spark
read it as a table (``SELECT name, holder FROM 'org.parquet' WHERE kind =
'post'``); ``lines`` is a list of structs.

>>> from orgmodel.records import OrgData, PostRecord, Relation, RelKind, LineKind
>>> from orgmodel.graph import OrgGraph
>>> data = OrgData(posts=[PostRecord("1", "Mayor", root=True), PostRecord("2", "Clerk")],
...                relations=[Relation(RelKind.REPORTS_TO, "2", "1", LineKind.PRIMARY)])
>>> render_parquet(data, OrgGraph(data)).content[:4]
b'PAR1'
"""

from __future__ import annotations

import io
from typing import Any

import pyarrow as pa

from orgmodel.errors import SourceError
from orgmodel.graph import OrgGraph
from orgmodel.graph.columns import PostBlock
from orgmodel.readers.parquet import LINE, SCHEMA, SOURCE
from orgmodel.records import OrgData, PostRecord, Prov, Relation
from orgmodel.writers.common import Output

__all__ = ["render_parquet"]


def _source(prov: Prov) -> dict[str, Any]:
    file, line, start, end, cue, inferred, confidence = prov
    return {
        "file": file,
        "line": line,
        "start": start,
        "end": end,
        "cue": cue,
        "inferred": inferred,
        "confidence": confidence,
    }


def render_parquet(data: OrgData, graph: OrgGraph) -> Output:
    """The model as Parquet bytes (zstd-compressed), nothing left out.

    A table's posts (a :class:`~orgmodel.graph.columns.PostBlock`) are written from its columns,
    with no record per row, unless lines stated elsewhere start at them.
    """
    import pyarrow.parquet as pq

    chunks = data.chunks()
    by_subject: dict[str, list[Relation]] = {}  # relations given as records
    for chunk in chunks:
        if not isinstance(chunk, PostBlock):
            for rel in chunk[1]:
                by_subject.setdefault(rel.subject, []).append(rel)
    columns: dict[str, list[Any]] = {name: [] for name in SCHEMA.names}
    known: set[str] = set()
    tables: list[pa.Table] = []

    def row(kind: str, ident: str, prov: Prov, **fields: Any) -> None:
        lines = [
            {
                "kind": str(rel.kind),
                "to": rel.object,
                "qualifier": rel.qualifier,
                "generic": rel.generic,
                "source": None if rel.prov == prov else _source(rel.prov),
            }
            for rel in (by_subject.get(ident, ()) if kind == "post" else ())
        ]  # relations start at posts, as the org file holds them
        fields.update(kind=kind, id=ident, source=_source(prov), lines=lines)
        for name in SCHEMA.names:
            columns[name].append(fields.get(name))

    def flush() -> None:
        if columns["id"]:
            tables.append(pa.Table.from_pydict(columns, schema=SCHEMA))
            for values in columns.values():
                values.clear()

    def record(post: PostRecord) -> None:
        row(
            "post", post.id, post.prov, name=post.title, org=post.org, unit=post.unit,
            abbreviation=post.abbreviation, holder=post.holder, grade=post.grade,
            fte=None if post.fte is None else float(post.fte), root=post.root,
            attributes=list((post.attributes or {}).items()) or None,
        )  # fmt: skip

    for org in data.organizations:
        row("organization", org.id, org.prov, name=org.name, abbreviation=org.abbreviation)
    for unit in data.units:
        row(
            "unit", unit.id, unit.prov, name=unit.name, org=unit.org, part_of=unit.part_of,
            unit_kind=str(unit.kind), abbreviation=unit.abbreviation,
            ignore=data.unit_ignores.get(unit.id),
        )  # fmt: skip
    for chunk in chunks:
        if isinstance(chunk, PostBlock):
            ids = chunk.table.column("id").to_pylist()
            known.update(ids)
            if not any(by_subject.get(i, ()) for i in ids):  # nothing beside the table's own
                flush()
                tables.append(_block_table(chunk))
                continue
            chunk_posts = chunk.records()
            own: dict[str, list[Relation]] = {}
            for rel in chunk.relations():  # managers, then dotted lines
                own.setdefault(rel.subject, []).append(rel)
            for subject, rels in own.items():
                by_subject[subject] = [*rels, *by_subject.get(subject, [])]
        else:
            chunk_posts = chunk[0]
        for post in chunk_posts:
            known.add(post.id)
            record(post)
    flush()
    stray = next((r for rels in by_subject.values() for r in rels if r.subject not in known), None)
    if stray is not None:
        raise SourceError(
            stray.prov.where(),
            f"relation from {stray.subject!r}, which is not a post, cannot be saved",
        )
    table = pa.concat_tables(tables) if tables else SCHEMA.empty_table()
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return Output(buffer.getvalue())


def _block_table(block: PostBlock) -> pa.Table:
    """A table's posts as rows of :data:`SCHEMA`, column by column: its manager a primary line,
    its dotted lines after it, each stated by the row (no source of its own)."""
    import numpy as np
    import pyarrow.compute as pc

    t = block.table
    n = t.num_rows
    managers = t.column("manager").combine_chunks()
    has = np.asarray(pc.is_valid(managers))
    rows = np.flatnonzero(has)
    index = (
        {ident: i for i, ident in enumerate(t.column("id").to_pylist())} if block.secondary else {}
    )
    dotted_rows = np.array(
        block.secondary_rows
        if block.secondary_rows is not None
        else [index[r.subject] for r in block.secondary],
        dtype=np.int64,
    )
    owner = np.concatenate([rows, dotted_rows])
    order = np.argsort(owner, kind="stable")  # per row: the manager, then its dotted lines
    m = len(rows)
    to = pa.concat_arrays(
        [managers.filter(pa.array(has)), pa.array([r.object for r in block.secondary], pa.string())]
    ).take(pa.array(order))
    kinds = pa.array(["reports_to"] * len(owner), pa.string())
    qualifier = pa.array(
        (["primary"] * m + [str(r.qualifier) for r in block.secondary]), pa.string()
    ).take(pa.array(order))
    lines = pa.StructArray.from_arrays(
        [kinds, to, qualifier, pa.array([False] * len(owner)), pa.nulls(len(owner), SOURCE)],
        fields=list(LINE),
    )
    offsets = np.concatenate([[0], np.cumsum(np.bincount(owner, minlength=n))]).astype(np.int32)
    line = t.column("line").combine_chunks()
    source = pa.StructArray.from_arrays(
        [pa.array([block.source] * n, pa.string()), line, pa.nulls(n, pa.int64()),
         pa.nulls(n, pa.int64()), pa.nulls(n, pa.string()), pa.array([False] * n),
         pa.nulls(n, pa.float64())],
        fields=list(SOURCE),
    )  # fmt: skip
    columns = {
        "kind": pa.array(["post"] * n, pa.string()).dictionary_encode(),
        "id": t.column("id"), "name": t.column("title"), "org": t.column("org"),
        "unit": t.column("unit"), "part_of": pa.nulls(n, pa.string()),
        "unit_kind": pa.nulls(n, pa.string()), "abbreviation": t.column("abbreviation"),
        "holder": t.column("holder"), "grade": t.column("grade"), "fte": t.column("fte"),
        "root": t.column("root"), "attributes": t.column("attributes"),
        "ignore": pa.nulls(n, pa.string()), "source": source,
        "lines": pa.ListArray.from_arrays(pa.array(offsets), lines),
    }  # fmt: skip
    return pa.table(columns).cast(SCHEMA)
