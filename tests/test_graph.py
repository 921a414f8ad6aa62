"""OrgGraph's precomputed walks agree with networkx's algorithms on random trees."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel import queries
from orgmodel.graph import OrgGraph
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
