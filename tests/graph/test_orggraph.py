"""OrgGraph: its walks agree with networkx on random trees; which lines it uses, and which not."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.graph import OrgGraph, queries
from orgmodel.readers.table import read_table
from orgmodel.records import LineKind, OrgData, PostRecord, Relation, RelKind, UnitKind, UnitRecord


@st.composite
def forests(draw: st.DrawFn) -> OrgData:
    n = draw(st.integers(1, 60))
    posts = [PostRecord(f"p{i}", f"Post {i}") for i in range(n)]
    rels = []
    for i in range(1, n):
        parent = draw(st.none() | st.integers(0, i - 1))
        if parent is not None:
            rels.append(Relation(RelKind.REPORTS_TO, f"p{i}", f"p{parent}", LineKind.PRIMARY))
    return OrgData(posts=posts, relations=rels)


def _nx(graph: OrgGraph) -> nx.DiGraph:
    return graph.to_networkx(secondary=False)


@settings(max_examples=80, deadline=None)
@given(forests(), st.data())
def test_walks_match_networkx(data: OrgData, pick: st.DataObject) -> None:
    graph = OrgGraph(data)
    g = _nx(graph)
    a = pick.draw(st.integers(0, graph.size - 1))
    b = pick.draw(st.integers(0, graph.size - 1))
    assert set(queries.chain(graph, a)) == nx.ancestors(g, a)
    assert {n for n, _ in queries.reports(graph, a, everyone=True)} == nx.descendants(g, a)
    expected = nx.lowest_common_ancestor(g, a, b)
    got = queries.common(graph, a, b)
    assert (got.node if got else None) == expected
    if got is not None:
        assert got.distance_a == nx.shortest_path_length(g, got.node, a)
        steps = queries.path(graph, a, b)
        assert steps is not None and steps[0] == a and steps[-1] == b
        assert len(steps) == got.distance_a + got.distance_b + 1
    for node in range(graph.size):
        roots = [r for r in graph.roots if r == node or r in nx.ancestors(g, node)]
        assert graph.depth[node] == nx.shortest_path_length(g, roots[0], node)


def test_cycle_members_have_no_depth_and_queries_terminate() -> None:
    posts = [PostRecord(x, x.upper()) for x in "abcd"]
    rels = [
        Relation(RelKind.REPORTS_TO, s, o, LineKind.PRIMARY)
        for s, o in [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]
    ]
    graph = OrgGraph(OrgData(posts=posts, relations=rels))
    assert [graph.depth[i] for i in range(4)] == [-1, -1, -1, -1]
    assert [graph.id_of(n) for n in queries.chain(graph, graph.node("d"))] == ["a", "b", "c"]
    meet = queries.common(graph, graph.node("d"), graph.node("b"))
    assert meet is not None and graph.id_of(meet.node) == "b"
    assert queries.stats(graph).in_cycles == 4


def test_two_primary_superiors_keep_the_first_and_record_the_second() -> None:
    posts = [PostRecord(x, x) for x in ("boss1", "boss2", "x")]
    rels = [
        Relation(RelKind.REPORTS_TO, "x", "boss1", LineKind.PRIMARY),
        Relation(RelKind.REPORTS_TO, "x", "boss2", LineKind.PRIMARY),
        Relation(RelKind.REPORTS_TO, "x", "boss1", LineKind.PRIMARY),
    ]
    graph = OrgGraph(OrgData(posts=posts, relations=rels))
    assert graph.parent[graph.node("x")] == graph.node("boss1")
    assert [graph.id_of(s) for s, _ in graph.extra_primary[graph.node("x")]] == ["boss2"]


def test_post_reporting_to_a_board_and_references_by_title() -> None:
    data = OrgData(
        units=[UnitRecord("board", "Board of Education", UnitKind.BOARD, "hps")],
        posts=[
            PostRecord("supt", "Superintendent of Schools", "hps"),
            PostRecord("coo", "Chief Operating Officer", "hps"),
        ],
        relations=[
            Relation(RelKind.REPORTS_TO, "supt", "Board of Education", LineKind.PRIMARY),
            Relation(RelKind.REPORTS_TO, "coo", "the Superintendent of Schools", LineKind.PRIMARY),
            Relation(RelKind.HEADS, "coo", "Facilities Department"),
        ],
    )
    graph = OrgGraph(data)
    assert graph.parent[graph.node("supt")] == graph.node("board")
    assert graph.roots == [graph.node("board")]
    assert graph.resolution.by_name == 2
    assert [r.object for r in graph.resolution.dangling] == ["Facilities Department"]


DUPLICATE_ROWS = (
    "id,name,title,manager\n1,A,Boss,\n1,B,Deputy,1\n2,C,Analyst,1\n3,D,Clerk,2\n3,E,Aide,1\n"
)


@pytest.mark.parametrize("as_records", [False, True], ids=["block", "records"])
def test_a_second_row_of_an_id_never_gives_the_first_post_its_superior(
    tmp_path: Path, as_records: bool
) -> None:
    path = tmp_path / "dup.csv"
    path.write_text(DUPLICATE_ROWS, encoding="utf-8")
    data = read_table(path)
    if as_records:
        data.materialize()
    graph = OrgGraph(data)
    boss, clerk = graph.node("1"), graph.node("3")
    # row 3 ("1 reports to 1") once made the Boss report to itself, hiding everyone below
    assert graph.parent[boss] == -1 and graph.roots == [boss]
    assert graph.id_of(graph.parent[clerk]) == "2"  # the first row's superior, not the Aide's
    assert not graph.extra_primary and graph.depth[graph.node("2")] == 1
    aside = {(i, p.line): [(graph.id_of(s), r.object) for s, r in v]
             for (i, p), v in graph.duplicate_lines.items()}  # fmt: skip
    assert aside == {("1", 3): [("1", "1")], ("3", 6): [("1", "1")]}


def test_a_file_read_twice_keeps_its_lines() -> None:
    posts = [PostRecord("a", "Mayor"), PostRecord("b", "Clerk")]
    rels = [Relation(RelKind.REPORTS_TO, "b", "a", LineKind.PRIMARY)]
    twice = OrgData(posts=posts * 2, relations=rels * 2)  # the same provenance twice
    graph = OrgGraph(twice)
    assert graph.id_of(graph.parent[graph.node("b")]) == "a"
    assert len(graph.duplicates) == 2 and not graph.duplicate_lines


@pytest.mark.parametrize("ref", ["facilities", "Facilities Department"])
@pytest.mark.parametrize("qualifier", [LineKind.PRIMARY, LineKind.SECONDARY])
def test_a_line_to_a_department_is_not_used_by_id_or_by_name(ref: str, qualifier: LineKind) -> None:
    data = OrgData(
        units=[UnitRecord("facilities", "Facilities Department", UnitKind.DEPARTMENT, "hps")],
        posts=[PostRecord("dir", "Director of Facilities", "hps", root=True),
               PostRecord("mgr", "Facilities Manager", "hps")],
        relations=[Relation(RelKind.REPORTS_TO, "mgr", ref, qualifier),
                   Relation(RelKind.HEADS, "dir", "Facilities Department")],
    )  # fmt: skip
    graph = OrgGraph(data)
    unit = graph.node("facilities")
    assert graph.parent[graph.node("mgr")] == -1 and not graph.secondary
    assert unit not in graph.roots and graph.depth[unit] == -1  # no layer above the director
    assert [(r.object, hits) for r, hits in graph.resolution.not_body] == [(ref, [unit])]
    assert not graph.resolution.dangling  # the name does match: a unit, just not a body
    assert graph.heads[graph.node("dir")][0][0] == unit  # heading a department is fine
