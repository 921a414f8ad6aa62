"""GoJS model files: a GraphLinksModel that holds the whole structure, or a TreeModel.

What ``go.Model.fromJson`` loads and an org chart built on GoJS binds to
(``name``, ``title`` on every node, as in GoJS's org chart samples):

* ``gojs`` (``.gojs.json``) -- a **GraphLinksModel**. Units are group nodes
  (``isGroup``, ``category: "unit"``, ``name``, ``kind``), each post's
  ``group`` is its unit and each unit's ``group`` the unit it is part of;
  the lines are links from superior to subordinate (no category: primary, a
  post's first superior first; ``secondary``: dotted; ``link`` with its
  ``type``: informational), the units a post heads its ``headOf`` list, and
  the organizations sit in ``modelData.organizations``, each node naming
  its own by ``org``. Post nodes: ``key``, ``title``, ``name`` (the holder),
  ``abbreviation``, ``grade``, ``fte``, ``root``, and each post attribute
  under its own name (or in ``attributes`` when the name is one of these).
  It reads back as it was written (:mod:`orgmodel.readers.gojs`), but for
  the source of each fact.
* ``gojs-tree`` (``.gojs-tree.json``) -- a **TreeModel**, one ``parent`` per
  node: what GoJS's org chart samples load. Units are only named (``dept``)
  and the units a post heads listed by name (``headOf``); a board posts
  report to is a node of ``category: "unit"``; further superiors, dotted
  lines and links are listed as losses, and each reporting cycle is cut.

>>> from orgmodel.records import OrgData, PostRecord, Relation, RelKind, LineKind
>>> from orgmodel.graph import OrgGraph
>>> data = OrgData(posts=[PostRecord("1", "CEO", holder="Stella Payne Diaz", root=True),
...                       PostRecord("2", "VP Sales")],
...                relations=[Relation(RelKind.REPORTS_TO, "2", "1", LineKind.PRIMARY)])
>>> import json
>>> model = json.loads(render_gojs_tree(data, OrgGraph(data)).content)
>>> model["class"], [(n["key"], n.get("parent"), n["title"]) for n in model["nodeDataArray"]]
('TreeModel', [('1', None, 'CEO'), ('2', '1', 'VP Sales')])
>>> json.loads(render_gojs(data, OrgGraph(data)).content)["linkDataArray"]
[{'from': '1', 'to': '2'}]
"""

from __future__ import annotations

import json
from typing import Any

from orgmodel.graph import OrgGraph
from orgmodel.records import OrgData, PostRecord, UnitRecord
from orgmodel.writers.common import Output, cycle_cuts, losses, primary_lines, secondary_lines

__all__ = ["LOSES", "TREE_LOSES", "render_gojs", "render_gojs_tree"]

POST_FIELDS = (
    "key", "category", "isGroup", "group", "parent", "org", "title", "name", "abbreviation",
    "grade", "fte", "root", "headOf", "dept", "kind", "attributes",
)  # fmt: skip
"""The node properties the writers use; a post attribute of one of these names goes under
``attributes``."""

LOSES = {
    "provenance": "dropped, a GoJS model carries no source lines",
    "dangling": "dropped, a link needs a node at both ends",
    "duplicates": "dropped, a GoJS model's keys are unique (the first row's post is written)",
}
TREE_LOSES = {
    "extra_primary": "dropped, a TreeModel node has one parent",
    "secondary": "dropped, a TreeModel has no links beside the tree",
    "links": "dropped, a TreeModel has no links beside the tree",
    "unplaced_units": "dropped, units are only named in the dept field of their posts",
    "unit_nesting": "dropped, units are only named in the dept field",
    "unit_kinds": "dropped, units are only named in the dept field",
    "cycles": "cut at one post each, as a TreeModel is a tree",
    **LOSES,
}


def _dump(model: dict[str, Any]) -> str:
    return json.dumps(model, indent=1, ensure_ascii=False) + "\n"


def _post_node(graph: OrgGraph, n: int, rec: PostRecord) -> dict[str, Any]:
    node: dict[str, Any] = {"key": rec.id, "title": rec.title}
    if rec.holder:
        node["name"] = rec.holder
    for key in ("abbreviation", "grade", "fte"):
        if getattr(rec, key) is not None:
            node[key] = getattr(rec, key)
    node["root"] = rec.root  # always stated: a file without it has its tops guessed
    kept: dict[str, str] = {}
    for key, value in (rec.attributes or {}).items():
        (kept if key in POST_FIELDS else node)[key] = value
    if kept:
        node["attributes"] = kept
    return node


def _org(graph: OrgGraph, n: int, node: dict[str, Any]) -> None:
    org = graph.org_of(n)
    if org:
        node["org"] = org


def _unit_node(graph: OrgGraph, n: int, rec: UnitRecord) -> dict[str, Any]:
    node: dict[str, Any] = {"key": rec.id, "isGroup": True, "category": "unit", "name": rec.name,
                            "kind": str(rec.kind)}  # fmt: skip
    if rec.abbreviation:
        node["abbreviation"] = rec.abbreviation
    parent = graph.unit_of(n)
    if parent is not None:
        node["group"] = graph.id_of(parent)
    return node


def _organizations(graph: OrgGraph) -> list[dict[str, Any]]:
    out = []
    for org in graph.orgs.values():
        entry: dict[str, Any] = {"id": org.id, "name": org.name}
        if org.abbreviation:
            entry["abbreviation"] = org.abbreviation
        out.append(entry)
    return out


def render_gojs(data: OrgData, graph: OrgGraph) -> Output:
    """The whole structure as a GoJS GraphLinksModel (see the module's notes)."""
    ident = graph.id_of
    nodes: list[dict[str, Any]] = []
    for n in range(graph.post_count, graph.size):  # groups first: members name them
        node = _unit_node(graph, n, graph.units[n - graph.post_count])
        _org(graph, n, node)
        nodes.append(node)
    for n in range(graph.post_count):
        node = _post_node(graph, n, graph.posts[n])
        unit = graph.unit_of(n)
        if unit is not None:
            node["group"] = ident(unit)
        heads = graph.heads.get(n)
        if heads:
            node["headOf"] = [ident(u) for u, _ in heads]
        _org(graph, n, node)
        nodes.append(node)
    links: list[dict[str, Any]] = [
        {"from": ident(sup), "to": ident(sub)} for sub, sup in primary_lines(graph)
    ]
    links += [
        {"from": ident(sup), "to": ident(sub), "category": "secondary"}
        for sub, sup in secondary_lines(graph)
    ]
    links += [
        {"from": ident(a), "to": ident(b), "category": "link", "type": rel.qualifier or "liaison"}
        for a, b, rel in graph.links
    ]
    model: dict[str, Any] = {"class": "GraphLinksModel", "nodeKeyProperty": "key"}
    if graph.orgs:
        model["modelData"] = {"organizations": _organizations(graph)}
    model["nodeDataArray"] = nodes
    model["linkDataArray"] = links
    return Output(_dump(model), losses(graph, LOSES))


def render_gojs_tree(data: OrgData, graph: OrgGraph) -> Output:
    """Posts as a GoJS TreeModel: one ``parent`` each (see the module's notes)."""
    posts = graph.post_count
    cuts = cycle_cuts(graph)
    bodies = sorted({graph.parent[n] for n in range(posts) if graph.parent[n] >= posts})
    nodes: list[dict[str, Any]] = []
    for n in bodies:
        rec = graph.units[n - posts]
        node: dict[str, Any] = {"key": rec.id, "category": "unit", "name": rec.name,
                                "kind": str(rec.kind)}  # fmt: skip
        _org(graph, n, node)
        nodes.append(node)
    for n in range(posts):
        node = _post_node(graph, n, graph.posts[n])
        sup = graph.parent[n]
        if sup >= 0 and n not in cuts:
            node["parent"] = graph.id_of(sup)
        unit = graph.unit_of(n)
        if unit is not None:
            node["dept"] = graph.title(unit)
        heads = graph.heads.get(n)
        if heads:
            node["headOf"] = [graph.title(u) for u, _ in heads]
        _org(graph, n, node)
        nodes.append(node)
    model: dict[str, Any] = {"class": "TreeModel", "nodeParentKeyProperty": "parent"}
    if graph.orgs:
        model["modelData"] = {"organizations": _organizations(graph)}
    model["nodeDataArray"] = nodes
    return Output(_dump(model), losses(graph, TREE_LOSES))
