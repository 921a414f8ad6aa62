"""GraphML: what yEd, Gephi and networkx save, and what :mod:`orgmodel.writers.graphml` writes.

Nodes are posts unless their ``kind`` attribute says ``unit`` (then units,
with ``unit_kind``). Edges run from superior to subordinate, as org charts
are drawn; an edge's ``kind`` says ``primary`` (the default), ``secondary``
(dotted), ``heads`` (post -> unit it heads), ``part_of`` (unit -> the unit
it is part of) or ``link``. Edges are taken in the order of their
``order`` attribute when they have one (what orgmodel writes), which matters
for a post with several primary superiors: the first is the one the tree
hangs it from. The title is the ``title`` attribute, else the
``label`` (yEd's node label, which networkx reads from ``y:NodeLabel``),
else the node id. Other node attributes are kept as post attributes.

A file that is not well-formed XML is reported with the line and column the
parser stopped at.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from orgmodel.errors import SourceError
from orgmodel.readers.rows import RecordBuilder, to_number
from orgmodel.records import LinkType, OrgData, PostRecord, Prov, Relation, RelKind, UnitKind

__all__ = ["NODE_FIELDS", "graph_to_data", "read_graphml"]

NODE_FIELDS = (
    "kind", "title", "label", "holder", "org", "org_name", "org_abbreviation", "unit",
    "unit_name", "grade", "fte", "abbreviation", "root", "unit_kind", "part_of",
)  # fmt: skip
"""Node attributes with a meaning; any other attribute is kept as it is."""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _edge_order(edge: tuple[Any, Any, Mapping[str, Any]]) -> float:
    """An edge's ``order`` attribute; edges without one keep their place after those with one.

    networkx gives a multigraph's edges grouped by source node, not in the
    file's order: without ``order``, which of several primary superiors comes
    first would depend on the node order.

    >>> _edge_order(("a", "b", {"order": 3})), _edge_order(("a", "b", {"order": "x"}))
    (3.0, inf)
    """
    value = edge[2].get("order")
    try:
        return float(value) if value is not None else math.inf
    except (TypeError, ValueError):
        return math.inf


def graph_to_data(graph: Any, path: str) -> OrgData:
    """A networkx (Multi)DiGraph as read from GraphML -> records."""
    b = RecordBuilder(path)
    posts: set[str] = set()
    stated_root: set[str] = set()
    for n, (node, attrs) in enumerate(graph.nodes(data=True), 1):
        b.seen += 1
        ident = _text(node)
        prov = Prov(path, cue=f"node {ident}")
        org = b.org(
            _text(attrs.get("org_name")) or _text(attrs.get("org")),
            prov,
            _text(attrs.get("org")) or None,
            _text(attrs.get("org_abbreviation")) or None,
        )
        title = _text(attrs.get("title")) or _text(attrs.get("label")) or ident
        if not ident:
            b.skip("no id", f"node {n} has no id; skipped", prov)
            continue
        if _text(attrs.get("kind")) == "unit":
            kind_text = _text(attrs.get("unit_kind")) or "unit"
            kind = (
                UnitKind(kind_text) if kind_text in UnitKind.__members__.values() else UnitKind.UNIT
            )
            b.unit(
                org,
                title,
                prov,
                ident=ident,
                kind=kind,
                part_of=_text(attrs.get("part_of")) or None,
                abbreviation=_text(attrs.get("abbreviation")) or None,
            )
            continue
        extra = {str(k): _text(v) for k, v in attrs.items() if k not in NODE_FIELDS and _text(v)}
        fte = to_number(_text(attrs.get("fte"))) if _text(attrs.get("fte")) else None
        unit = _text(attrs.get("unit")) or None
        if unit is None and _text(attrs.get("unit_name")):
            unit = b.unit(org, _text(attrs.get("unit_name")), prov)
        b.post(
            PostRecord(
                ident, title, org, unit, _text(attrs.get("abbreviation")) or None,
                _text(attrs.get("holder")) or None, _text(attrs.get("grade")) or None, fte,
                _text(attrs.get("root")).lower() == "true", extra or None, prov,
            )
        )  # fmt: skip
        posts.add(ident)
        if "root" in attrs:
            stated_root.add(ident)
    has_superior: set[str] = set()
    for sup, sub, attrs in sorted(graph.edges(data=True), key=_edge_order):
        s, t = _text(sup), _text(sub)
        edge = _text(attrs.get("kind")) or "primary"
        prov = Prov(path, cue=f"edge {s}->{t}")
        if edge in ("primary", "secondary"):
            if t not in posts:
                b.issue("bad-edge", f"reporting edge {s} -> {t} ends at a unit; ignored", prov)
                continue
            b.line(t, s, prov, secondary=edge == "secondary")
            if edge == "primary":
                has_superior.add(t)
        elif edge == "heads":
            b.heads(s, t, prov)
        elif edge == "link":
            qual = _text(attrs.get("type")) or LinkType.LIAISON
            b.data.relations.append(Relation(RelKind.LINK, s, t, qual, False, prov))
        elif edge != "part_of":  # part_of is carried by the unit's attribute
            b.issue("bad-edge", f"edge {s} -> {t} has unknown kind {edge!r}; ignored", prov)
    b.data.posts = [  # a file that does not say which posts are tops: those without superior
        p if p.id in stated_root else p._replace(root=p.id not in has_superior)
        for p in b.data.posts
    ]
    return b.finish("nodes")


def read_graphml(path: str | Path, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Read a GraphML file (networkx's parser, yEd labels included)."""
    import networkx as nx

    name = str(path)
    try:
        graph = nx.read_graphml(path, force_multigraph=True)
    except FileNotFoundError:
        raise SourceError(name, "file not found") from None
    except ParseError as exc:
        line, column = exc.position
        raise SourceError(
            name, f"is not well-formed XML: {exc}", line=line, column=column + 1
        ) from None
    except (nx.NetworkXError, ValueError, KeyError) as exc:
        raise SourceError(name, f"is not GraphML orgmodel can read: {exc}") from None
    if graph.number_of_nodes() == 0:
        raise SourceError(name, "has no nodes")
    return graph_to_data(graph, name)
