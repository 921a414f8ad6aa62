"""GraphML for yEd and Gephi: posts and units as nodes, every line as a typed edge.

networkx writes the GraphML (typed ``<key>`` declarations, one ``<data>``
per attribute); each node also gets a yEd label (``y:ShapeNode`` with a
``y:NodeLabel``), because yEd shows only its own graphics data, while Gephi
and networkx read the plain ``label`` attribute. Edges run from superior to
subordinate, as org charts are drawn, with ``kind`` = ``primary``,
``secondary``, ``heads``, ``part_of`` or ``link`` (and ``type`` for links).
Edges come in the model's order -- a post's first primary superior, the
one the tree hangs it from, before its others -- with ids ``e0``, ``e1``
... and that number again as the ``order`` attribute: networkx reads edges
back grouped by their source node, so the order would otherwise be lost.
Node attributes: ``kind`` (post/unit), ``title``, ``label``, ``holder``,
``org``/``org_name``/``org_abbreviation``, ``unit``/``unit_name``, ``grade``, ``fte``,
``abbreviation``, ``root``, ``unit_kind``, ``part_of``, and each post
attribute under its own name. :mod:`orgmodel.readers.graphml` reads it
back.

>>> from orgmodel.records import OrgData, PostRecord, Relation, RelKind, LineKind
>>> from orgmodel.graph import OrgGraph
>>> data = OrgData(posts=[PostRecord("1", "Mayor", root=True), PostRecord("2", "Clerk")],
...                relations=[Relation(RelKind.REPORTS_TO, "2", "1", LineKind.PRIMARY)])
>>> text = render_graphml(data, OrgGraph(data)).content
>>> "<y:NodeLabel>Mayor</y:NodeLabel>" in text, 'source="1" target="2" id="e0"' in text
(True, True)
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from orgmodel.graph import OrgGraph
from orgmodel.readers.graphml import NODE_FIELDS
from orgmodel.records import OrgData, PostRecord
from orgmodel.writers.common import Output, losses, primary_lines, secondary_lines

__all__ = ["LOSES", "render_graphml"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YED_NS = "http://www.yworks.com/xml/graphml"

LOSES = {
    "provenance": "dropped, GraphML attributes carry no source lines",
    "dangling": "dropped, an edge needs a node at both ends",
    "empty_orgs": "dropped, GraphML names an organization only on its posts and units",
    "duplicates": "dropped, node ids are unique (the first row's post is written)",
}


def _graph(graph: OrgGraph) -> Any:
    import networkx as nx

    g = nx.MultiDiGraph()
    for n in range(graph.size):
        rec = graph.record(n)
        attrs: dict[str, Any] = {}
        if isinstance(rec, PostRecord):
            for key, value in (rec.attributes or {}).items():
                attrs[key if key not in NODE_FIELDS else f"attr_{key}"] = value
            attrs.update(kind="post", title=rec.title, root="true" if rec.root else "false")
            for key in ("holder", "grade", "abbreviation"):
                if getattr(rec, key):
                    attrs[key] = getattr(rec, key)
            if rec.fte is not None:
                attrs["fte"] = float(rec.fte)
            unit = graph.unit_of(n)
            if unit is not None:
                attrs["unit"] = graph.id_of(unit)
                attrs["unit_name"] = graph.title(unit)
            elif rec.unit:
                attrs["unit_name"] = rec.unit
        else:
            attrs.update(kind="unit", title=rec.name, unit_kind=str(rec.kind))
            parent = graph.unit_of(n)
            if parent is not None:
                attrs["part_of"] = graph.id_of(parent)
            if rec.abbreviation:
                attrs["abbreviation"] = rec.abbreviation
        attrs["label"] = graph.title(n)
        org = graph.org_of(n)
        if org:
            attrs["org"] = org
            attrs["org_name"] = graph.org_name(n) or org
            if (rec_org := graph.orgs.get(org)) is not None and rec_org.abbreviation:
                attrs["org_abbreviation"] = rec_org.abbreviation
        g.add_node(rec.id, **attrs)
    ident = graph.id_of
    for order, (a, b, attrs) in enumerate(_edges(graph)):
        g.add_edge(ident(a), ident(b), key=f"e{order}", order=order, **attrs)
    return g


def _edges(graph: OrgGraph) -> Iterator[tuple[int, int, dict[str, str]]]:
    """Every edge, from superior to subordinate, the first primary superior of a post first."""
    for sub, sup in primary_lines(graph):
        yield sup, sub, {"kind": "primary"}
    for sub, sup in secondary_lines(graph):
        yield sup, sub, {"kind": "secondary"}
    for post, heads in graph.heads.items():
        for unit, _ in heads:
            yield post, unit, {"kind": "heads"}
    for n in range(graph.post_count, graph.size):
        parent = graph.unit_of(n)
        if parent is not None:
            yield n, parent, {"kind": "part_of"}
    for a, b, rel in graph.links:
        yield a, b, {"kind": "link", "type": str(rel.qualifier or "liaison")}


def _edges_in_order(root: ET.Element) -> None:
    """Put the ``<edge>`` elements in their ``e0``, ``e1`` ... order (networkx groups them).

    Tools that read a file from the top (yEd, Gephi, a script) then meet a
    post's first primary superior first, as orgmodel's reader does by ``order``.
    """
    for parent in root.iter(f"{{{GRAPHML_NS}}}graph"):
        edges = parent.findall(f"{{{GRAPHML_NS}}}edge")
        for edge in edges:
            parent.remove(edge)
        parent.extend(sorted(edges, key=lambda e: int((e.get("id") or "e0")[1:])))


def _add_yed_labels(xml: str) -> str:
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("y", YED_NS)
    root = ET.fromstring(xml)
    key = ET.Element(f"{{{GRAPHML_NS}}}key", {"for": "node", "id": "yed_graphics"})
    key.set("yfiles.type", "nodegraphics")
    root.insert(0, key)
    label_key = next(
        (k.get("id") for k in root.iter(f"{{{GRAPHML_NS}}}key")
         if k.get("attr.name") == "label" and k.get("for") == "node"),
        None,
    )  # fmt: skip
    for node in root.iter(f"{{{GRAPHML_NS}}}node"):
        label = next(
            (
                d.text or ""
                for d in node.findall(f"{{{GRAPHML_NS}}}data")
                if d.get("key") == label_key
            ),
            node.get("id") or "",
        )
        data = ET.SubElement(node, f"{{{GRAPHML_NS}}}data", {"key": "yed_graphics"})
        shape = ET.SubElement(data, f"{{{YED_NS}}}ShapeNode")
        ET.SubElement(shape, f"{{{YED_NS}}}Geometry", {"width": "180.0", "height": "40.0"})
        ET.SubElement(shape, f"{{{YED_NS}}}NodeLabel").text = label
    _edges_in_order(root)
    out = io.BytesIO()
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    return out.getvalue().decode("utf-8") + "\n"


def render_graphml(data: OrgData, graph: OrgGraph) -> Output:
    """GraphML text for the whole graph (posts, units, every line)."""
    import networkx as nx

    xml = "\n".join(nx.generate_graphml(_graph(graph)))
    return Output(_add_yed_labels(xml), losses(graph, LOSES))
