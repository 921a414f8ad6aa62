"""What writers share: the census of what a model holds, cycle cuts, losses as lines."""

from __future__ import annotations

import json

from orgmodel.graph import OrgGraph
from orgmodel.records import (
    LineKind,
    OrgData,
    PostRecord,
    Relation,
    RelKind,
    UnitKind,
    UnitRecord,
)
from orgmodel.writers import render
from orgmodel.writers.common import census, cycle_cuts, losses


def _line(a: str, b: str, kind: LineKind = LineKind.PRIMARY) -> Relation:
    return Relation(RelKind.REPORTS_TO, a, b, kind)


def _cyclic() -> OrgData:
    posts = [PostRecord(p, p.upper()) for p in ("a", "b", "c", "d", "top", "e")]
    units = [
        UnitRecord("board", "Board of Education", UnitKind.BOARD),
        UnitRecord("spare", "Spare"),
    ]
    lines = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a"), ("e", "board"), ("top", "board")]
    relations = [_line(a, b) for a, b in lines]
    relations += [_line("e", "top", LineKind.SECONDARY), _line("d", "nowhere")]
    return OrgData(units=units, posts=posts, relations=relations)


def test_census_counts_what_formats_may_lose() -> None:
    graph = OrgGraph(_cyclic())
    counts = census(graph)
    assert (counts["cycles"], counts["secondary"], counts["body_superiors"]) == (1, 1, 1)
    assert (counts["extra_primary"], counts["dangling"], counts["unplaced_units"]) == (0, 1, 1)
    assert cycle_cuts(graph) == {graph.node("a")}  # the first node of the cycle met
    assert losses(graph, {"cycles": "cut", "links": "dropped"}) == ["1 reporting cycle(s): cut"]


def test_d3_output_is_one_tree_even_with_a_cycle_and_a_board() -> None:
    data = _cyclic()
    nodes = json.loads(render(data, OrgGraph(data), "d3").content)
    parent = {n["id"]: n["parentId"] for n in nodes}
    assert [i for i, p in parent.items() if p is None] == ["_orgmodel_root"]
    for ident in parent:  # every chain ends at the one root: no cycle left
        seen = set()
        while ident is not None:
            assert ident not in seen
            seen.add(ident)
            ident = parent[ident]
    assert parent["e"] == "board" and parent["board"] == "_orgmodel_root"
