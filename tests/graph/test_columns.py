"""Posts held column-wise: blocks, the graph's post table, and OrgData's source order."""

from __future__ import annotations

from orgmodel.graph.columns import PostBlock, post_columns
from orgmodel.records import LineKind, OrgData, PostRecord, Prov, Relation, RelKind


def _block(source: str = "org.csv") -> PostBlock:
    dotted = Relation(RelKind.REPORTS_TO, "3", "1", LineKind.SECONDARY, prov=Prov(source, 4))
    return PostBlock.from_pylists(
        source,
        {
            "id": ["1", "2", "3"],
            "title": ["Mayor", "City Clerk", "Deputy Clerk"],
            "holder": ["Ana Ruiz", None, "Li Wei"],
            "fte": [1.0, None, 0.5],
            "root": [True, False, False],
            "attributes": [None, {"status": "vacant"}, {"badge": "7"}],
            "line": [2, 3, 4],
            "manager": [None, "1", "2"],
        },
        [dotted],
    )


def test_a_block_turns_into_the_records_and_relations_a_row_reader_would_make() -> None:
    block = _block()
    posts = block.records()
    assert posts[1] == PostRecord(
        "2", "City Clerk", attributes={"status": "vacant"}, prov=Prov("org.csv", 3)
    )
    assert posts[0].root and posts[2].fte == 0.5
    rels = block.relations()
    assert [(r.subject, r.object, str(r.qualifier), r.prov.line) for r in rels] == [
        ("2", "1", "primary", 3),
        ("3", "2", "primary", 4),
        ("3", "1", "secondary", 4),
    ]


def test_post_columns_read_by_field_by_row_and_whole() -> None:
    records = [PostRecord("x", "Auditor", "org", prov=Prov("a.yaml", 5, cue="c", inferred=True))]
    cols = post_columns([records, _block()])
    assert len(cols) == 4
    assert cols.column("title") == ["Auditor", "Mayor", "City Clerk", "Deputy Clerk"]
    assert cols[0] == records[0]
    assert cols.value("prov", 2) == Prov("org.csv", 3)
    assert cols[-1].holder == "Li Wei" and cols[3] == list(cols)[3]
    assert cols[1:3] == [cols[1], cols[2]]
    assert cols.column("attributes")[2] == {"status": "vacant"}
    assert cols.is_null("holder").tolist() == [True, False, True, False]


def test_orgdata_keeps_source_order_across_records_and_blocks() -> None:
    a = OrgData(posts=[PostRecord("a", "A")])
    b = OrgData()
    b.add_block(_block())
    c = OrgData(
        posts=[PostRecord("z", "Z")],
        relations=[Relation(RelKind.REPORTS_TO, "z", "1", LineKind.PRIMARY)],
    )
    a.extend(b)
    a.extend(c)
    assert a.post_count == 5
    kinds = [type(ch).__name__ for ch in a.chunks()]
    assert kinds == ["tuple", "PostBlock", "tuple"]
    assert [p.id for p in a.posts] == ["a", "1", "2", "3", "z"]  # materialised in order
    assert [r.subject for r in a.relations] == ["2", "3", "3", "z"]
    assert a.chunks() == [(a.posts, a.relations)]  # one run of records after materialising
