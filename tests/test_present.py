"""Terminal output: the tree says how many posts it left out."""

from __future__ import annotations

from orgmodel.graph import OrgGraph
from orgmodel.present import org_tree
from orgmodel.records import LineKind, OrgData, PostRecord, Relation, RelKind


def _star(n: int) -> OrgGraph:
    posts = [PostRecord("boss", "Boss", root=True)]
    posts += [PostRecord(f"p{i}", f"Post {i}") for i in range(n)]
    rels = [Relation(RelKind.REPORTS_TO, f"p{i}", "boss", LineKind.PRIMARY) for i in range(n)]
    return OrgGraph(OrgData(posts=posts, relations=rels))


def test_limit_cut_mid_list_counts_every_post_left_out() -> None:
    graph = _star(10)
    _, hidden = org_tree(graph, [graph.node("boss")], None, limit=4)
    assert hidden == 7  # boss and 3 reports shown, 7 reports left out


def test_depth_cut_counts_everyone_below() -> None:
    graph = _star(5)
    _, hidden = org_tree(graph, [graph.node("boss")], 0, limit=500)
    assert hidden == 5
