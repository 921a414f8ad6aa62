"""Parquet out: orgmodel's own layout reads back every record that was saved."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings

from orgmodel.config import Settings
from orgmodel.graph import OrgGraph
from orgmodel.graph.columns import PostBlock
from orgmodel.readers import detect_format
from orgmodel.readers.parquet import read_parquet
from orgmodel.records import (
    LineKind,
    OrgData,
    OrgRecord,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitRecord,
)
from orgmodel.sources.load import load_data
from orgmodel.writers.parquet import render_parquet
from tests.orgfile.test_read_write import org_data


def _records(data: OrgData) -> tuple[object, ...]:
    return data.organizations, data.units, data.posts, data.relations, data.unit_ignores


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(org_data())
def test_save_then_load_gives_back_every_record(data: OrgData) -> None:
    content = render_parquet(data, OrgGraph(data)).content
    assert isinstance(content, bytes)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "org.parquet"
        path.write_bytes(content)
        assert detect_format(path) == "parquet"
        assert _records(read_parquet(path)) == _records(data)


def test_a_converted_table_is_read_back_column_wise_as_it_was_saved(tmp_path: Path) -> None:
    n = 1_200
    posts = [
        PostRecord(f"E{i}", f"Clerk {i}", org="o", holder=f"P {i}", fte=0.5 if i % 7 else None,
                   attributes={"site": str(i % 3)} if i % 5 == 0 else None,
                   prov=Prov("hr.csv", i + 2))
        for i in range(n)
    ]  # fmt: skip
    rels = [
        Relation(RelKind.REPORTS_TO, f"E{i}", f"E{i // 4}", LineKind.PRIMARY, prov=posts[i].prov)
        for i in range(1, n)
    ]
    rels += [  # a dotted line, a second primary superior, a headship, a link
        Relation(RelKind.REPORTS_TO, "E9", "E1", LineKind.SECONDARY, prov=posts[9].prov),
        Relation(RelKind.REPORTS_TO, "E10", "E3", LineKind.PRIMARY, prov=posts[10].prov),
        Relation(RelKind.HEADS, "E2", "u1", prov=posts[2].prov),
        Relation(RelKind.LINK, "E4", "E5", "advises", prov=Prov("notes.md", start=3, end=9)),
    ]
    data = OrgData([OrgRecord("o", "City")], [UnitRecord("u1", "Records", org="o")], posts, rels)
    path = tmp_path / "org.parquet"
    content = render_parquet(data, OrgGraph(data)).content
    assert isinstance(content, bytes)
    path.write_bytes(content)
    back = read_parquet(path)
    assert repr(back).endswith("1 blocks)")  # no record per post
    assert back.posts == data.posts

    def facts(rels: list[Relation]) -> list[tuple[object, ...]]:
        return sorted((str(r.kind), r.subject, r.object, str(r.qualifier), r.generic, r.prov)
                      for r in rels)  # fmt: skip

    assert facts(back.relations) == facts(data.relations)
    a, b = OrgGraph(back), OrgGraph(data)
    assert [a.id_of(p) for p in a.parent[1:]] == [b.id_of(p) for p in b.parent[1:]]
    assert a.id_of(a.parent[a.node("E10")]) == "E2"  # the first primary superior stays first


def test_a_tables_block_is_written_from_its_columns(tmp_path: Path) -> None:
    """A CSV read as a block, saved column-wise: the same file its records would give."""
    (tmp_path / "hr.csv").write_text(
        "id,title,name,manager,dotted manager,site\n1,City Clerk,Ana,,,Main\n"
        "2,Deputy,Bo,1,,Main\n3,Elections Director,,1,2,\n4,Records Manager,Cy,2,,Annex\n"
    )
    data = load_data([tmp_path / "hr.csv"], settings=Settings())
    assert isinstance(data.chunks()[0], PostBlock)
    column_wise = render_parquet(data, OrgGraph(data)).content
    data.materialize()
    by_records = render_parquet(data, OrgGraph(data)).content
    assert isinstance(column_wise, bytes) and isinstance(by_records, bytes)
    a = pq.read_table(io.BytesIO(column_wise))
    b = pq.read_table(io.BytesIO(by_records))
    assert a.to_pylist() == b.to_pylist()
