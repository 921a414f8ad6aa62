"""GraphML for yEd and Gephi: posts and units as nodes, every line as a typed edge.

The GraphML is written as networkx writes it (typed ``<key>`` declarations,
one ``<data>`` per attribute), streamed rather than built as a tree; each
node also gets a yEd label (``y:ShapeNode`` with a ``y:NodeLabel``),
because yEd shows only its own graphics data, while Gephi and networkx read
the plain ``label`` attribute. Edges run from superior to subordinate, as
org charts are drawn, with ``kind`` = ``primary``, ``secondary``,
``heads``, ``part_of`` or ``link`` (and ``type`` for links).
Edges come in the model's order -- a post's first primary superior, the
one the tree hangs it from, before its others -- with ids ``e0``, ``e1``
... and that number again as the ``order`` attribute: networkx reads edges
back grouped by their source node, so the order would otherwise be lost.
Characters XML cannot carry (control characters) are dropped.
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

import re
from collections.abc import Iterator
from typing import Any, ClassVar
from xml.sax.saxutils import escape, quoteattr

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


def _nodes(graph: OrgGraph) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every post and unit, with its attributes (strings, and ``fte`` as a number)."""
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
        yield rec.id, attrs


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


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot carry (controls, lone surrogates): dropped from text."""
_SPECIAL = re.compile('[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')
"""What needs escaping or dropping; most titles and names hold none of it."""


def _text(value: Any) -> str:
    text = str(value)
    if _SPECIAL.search(text) is None:
        return text
    return escape(_NOT_XML.sub("", text))


def _attr(value: str) -> str:
    if _SPECIAL.search(value) is None:
        return f'"{value}"'
    return quoteattr(_NOT_XML.sub("", value))


class _Keys:
    """GraphML ``<key>`` declarations, numbered in order of first use as networkx numbers them."""

    TYPES: ClassVar[dict[type, str]] = {bool: "boolean", int: "long", float: "double"}

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], str] = {}
        self.types: dict[tuple[str, str], str] = {}

    def data(self, where: str, attrs: dict[str, Any], indent: str) -> str:
        parts = []
        for name, value in attrs.items():
            slot = (where, name)
            key = self.ids.get(slot)
            if key is None:
                key = self.ids[slot] = f"d{len(self.ids)}"
                self.types[slot] = self.TYPES.get(type(value), "string")
            parts.append(f'{indent}<data key="{key}">{_text(value)}</data>\n')
        return "".join(parts)

    def declarations(self) -> str:
        return "".join(
            f"  <key id={_attr(key)} for={_attr(where)} attr.name={_attr(name)} "
            f"attr.type={_attr(self.types[(where, name)])} />\n"
            for (where, name), key in self.ids.items()
        )


_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    f'<graphml xmlns="{GRAPHML_NS}" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    f'xmlns:y="{YED_NS}" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    '  <key for="node" id="yed_graphics" yfiles.type="nodegraphics" />\n'
)


def render_graphml(data: OrgData, graph: OrgGraph) -> Output:
    """GraphML text for the whole graph (posts, units, every line).

    Written in one pass over the nodes and one over the edges, in the order
    tools read them (linear: 1M posts in the time the graph takes to list them).
    """
    keys = _Keys()
    body: list[str] = []
    for ident, attrs in _nodes(graph):
        label = _text(attrs["label"])
        body.append(
            f"    <node id={_attr(ident)}>\n{keys.data('node', attrs, '      ')}"
            '      <data key="yed_graphics"><y:ShapeNode><y:Geometry width="180.0" '
            f'height="40.0" /><y:NodeLabel>{label}</y:NodeLabel></y:ShapeNode></data>\n'
            "    </node>\n"
        )
    id_of = graph.id_of
    for order, (a, b, attrs) in enumerate(_edges(graph)):
        body.append(
            f'    <edge source={_attr(id_of(a))} target={_attr(id_of(b))} id="e{order}">\n'
            f"{keys.data('edge', {'order': order, **attrs}, '      ')}    </edge>\n"
        )
    text = "".join(
        [_HEAD, keys.declarations(), '  <graph edgedefault="directed">\n', *body, "  </graph>\n"]
    )
    return Output(text + "</graphml>\n", losses(graph, LOSES))
