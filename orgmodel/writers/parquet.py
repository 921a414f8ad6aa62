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
from orgmodel.readers.parquet import SCHEMA
from orgmodel.records import OrgData, Prov, Relation
from orgmodel.writers.common import Output

__all__ = ["render_parquet"]


def _source(prov: Prov) -> dict[str, Any]:
    file, line, start, end, cue, inferred = prov
    return {
        "file": file,
        "line": line,
        "start": start,
        "end": end,
        "cue": cue,
        "inferred": inferred,
    }


def render_parquet(data: OrgData, graph: OrgGraph) -> Output:
    """The model as Parquet bytes (zstd-compressed), nothing left out."""
    import pyarrow.parquet as pq

    by_subject: dict[str, list[Relation]] = {}
    for rel in data.relations:
        by_subject.setdefault(rel.subject, []).append(rel)
    columns: dict[str, list[Any]] = {name: [] for name in SCHEMA.names}
    known: set[str] = set()

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

    for org in data.organizations:
        row("organization", org.id, org.prov, name=org.name, abbreviation=org.abbreviation)
    for unit in data.units:
        row(
            "unit", unit.id, unit.prov, name=unit.name, org=unit.org, part_of=unit.part_of,
            unit_kind=str(unit.kind), abbreviation=unit.abbreviation,
            ignore=data.unit_ignores.get(unit.id),
        )  # fmt: skip
    for post in data.posts:
        known.add(post.id)
        row(
            "post", post.id, post.prov, name=post.title, org=post.org, unit=post.unit,
            abbreviation=post.abbreviation, holder=post.holder, grade=post.grade,
            fte=None if post.fte is None else float(post.fte), root=post.root,
            attributes=list((post.attributes or {}).items()) or None,
        )  # fmt: skip
    stray = next((r for r in data.relations if r.subject not in known), None)
    if stray is not None:
        raise SourceError(
            stray.prov.where(),
            f"relation from {stray.subject!r}, which is not a post, cannot be saved",
        )
    table = pa.Table.from_pydict(columns, schema=SCHEMA)
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return Output(buffer.getvalue())
