"""d3-org-chart JSON: a flat array of nodes with ``id`` and ``parentId``.

d3-org-chart (and d3's ``stratify``) draws exactly one tree, so the
writer gives a forest one added top node (``"_orgmodel_synthetic": true``,
which :mod:`orgmodel.readers.idparent` leaves out when reading back) and
cuts each reporting cycle at one post. Node fields: ``name`` (the holder),
``positionName`` (the title), ``office`` (the unit's name),
``organization``, ``grade``, ``fte``, ``abbreviation`` and each post
attribute; the library shows whatever its ``nodeContent`` template uses.

>>> from orgmodel.records import OrgData, PostRecord, Relation, RelKind, LineKind
>>> from orgmodel.graph import OrgGraph
>>> data = OrgData(posts=[PostRecord("1", "Mayor", holder="Ana Ruiz", root=True),
...                       PostRecord("2", "City Clerk")],
...                relations=[Relation(RelKind.REPORTS_TO, "2", "1", LineKind.PRIMARY)])
>>> import json
>>> nodes = json.loads(render_d3(data, OrgGraph(data)).content)
>>> [(n["id"], n["parentId"], n["positionName"]) for n in nodes]
[('1', None, 'Mayor'), ('2', '1', 'City Clerk')]
"""

from __future__ import annotations

import json
from typing import Any

from orgmodel.graph import OrgGraph
from orgmodel.readers.idparent import SYNTHETIC
from orgmodel.records import OrgData
from orgmodel.writers.common import Output, cycle_cuts, losses

__all__ = ["LOSES", "ROOT_ID", "render_d3"]

ROOT_ID = "_orgmodel_root"
FIELDS = ("id", "parentId", "name", "positionName", "office", "organization", "grade", "fte",
          "abbreviation")  # fmt: skip

LOSES = {
    "extra_primary": "dropped, a d3-org-chart node has one parentId",
    "secondary": "dropped, d3-org-chart draws dotted lines only from separate connections data",
    "heads": "dropped, nodes carry no headships",
    "links": "dropped, nodes carry no informational links",
    "unplaced_units": "dropped, units appear only in the office field of their posts",
    "unit_nesting": "dropped, units are only named in the office field",
    "unit_kinds": "dropped, units are only named in the office field",
    "body_superiors": "written as nodes of their own, so they read back as posts",
    "cycles": "cut at one post each, as d3-org-chart draws trees only",
    "provenance": "dropped, nodes carry no source lines",
    "dangling": "dropped, parentId must name a node",
    "duplicates": "dropped, node ids are unique (the first row's post is written)",
}


def render_d3(data: OrgData, graph: OrgGraph) -> Output:
    """The node array d3-org-chart's ``.data()`` takes."""
    posts = graph.post_count
    cuts = cycle_cuts(graph)
    nodes = list(range(posts))
    nodes += sorted({graph.parent[n] for n in range(posts) if graph.parent[n] >= posts})
    tops = [n for n in nodes if graph.parent[n] < 0 or n in cuts]
    synthetic = len(tops) > 1
    out: list[dict[str, Any]] = []
    if synthetic:
        out.append({"id": ROOT_ID, "parentId": None, "name": "", "positionName": "",
                    SYNTHETIC: True})  # fmt: skip
    for n in nodes:
        rec = graph.record(n)
        sup = graph.parent[n]
        parent = graph.id_of(sup) if sup >= 0 and n not in cuts else None
        node: dict[str, Any] = {
            "id": rec.id,
            "parentId": parent or (ROOT_ID if synthetic else None),
        }
        attrs = getattr(rec, "attributes", None) or {}
        for key, value in attrs.items():
            if key not in FIELDS and key != SYNTHETIC:
                node[key] = value
        node["name"] = getattr(rec, "holder", None) or ""
        node["positionName"] = graph.title(n)
        unit = graph.unit_of(n)
        if unit is not None:
            node["office"] = graph.title(unit)
        if graph.org_name(n):
            node["organization"] = graph.org_name(n)
        for key in ("grade", "fte", "abbreviation"):
            if getattr(rec, key, None) is not None:
                node[key] = getattr(rec, key)
        out.append(node)
    return Output(json.dumps(out, indent=1, ensure_ascii=False) + "\n", losses(graph, LOSES))
