"""GoJS model files: what ``model.toJson()`` saves, as a TreeModel or a GraphLinksModel.

A GoJS org chart keeps its data in a model; saving it gives JSON such as::

    { "class": "go.TreeModel", "nodeParentKeyProperty": "boss",
      "nodeDataArray": [ {"key": 1, "name": "Stella Payne Diaz", "title": "CEO"},
                         {"key": 2, "boss": 1, "name": "Luke Warm", "title": "VP Sales"} ] }

The model says which property holds a node's key (``nodeKeyProperty``,
default ``key``) and, in a **TreeModel**, its parent (``nodeParentKeyProperty``,
default ``parent``): the parent is the post's superior. A **GraphLinksModel**
holds the lines in ``linkDataArray`` (``from`` the superior ``to`` the
subordinate, as a tree layout draws them; ``linkFromKeyProperty`` and
``linkToKeyProperty`` rename them); a link whose ``category`` is
``secondary`` (or ``dotted``, ``matrix``) is a dotted line, ``link`` (or
``liaison``, ``advises``, ``works_with``) an informational link with its
``type``, ``heads`` a headship; any other is a primary line. Group nodes
(``isGroup``, renamed by ``nodeIsGroupProperty``) are units, and a node's
``group`` (``nodeGroupKeyProperty``) the unit it sits in -- for a unit, the
unit it is part of. A node of ``category`` ``unit`` is a unit too (a board
a TreeModel's posts report to).

Node fields are read as :mod:`orgmodel.readers.jsnodes` reads them: ``title``
the post, ``name`` the holder, ``dept`` the unit by name, ``headOf`` the units
headed (keys of group nodes, or names), ``org`` the organization (an id listed
in ``modelData.organizations``, else a name), the rest attributes. A node
with ``root`` true is a designed top; in a file that states no ``root``, the
nodes without a superior are. :mod:`orgmodel.writers.gojs` writes both
kinds of model, so they read back as written.

>>> text = '''{"class": "go.TreeModel", "nodeParentKeyProperty": "boss", "nodeDataArray": [
...   {"key": 1, "name": "Stella Payne Diaz", "title": "CEO"},
...   {"key": 2, "boss": 1, "name": "Luke Warm", "title": "VP Marketing/Sales"}]}'''
>>> data = parse_gojs(text, "chart.json")
>>> [(p.id, p.title, p.holder, p.root, p.prov.line) for p in data.posts]
[('1', 'CEO', 'Stella Payne Diaz', True, 2), ('2', 'VP Marketing/Sales', 'Luke Warm', False, 3)]
>>> [(r.subject, r.object) for r in data.relations]
[('2', '1')]
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from orgmodel.errors import SourceError
from orgmodel.fileio import read_text
from orgmodel.names.kinds import guess_unit_kind
from orgmodel.readers.idparent import cell_text
from orgmodel.readers.jsnodes import NodeFields, add_post, items_with_lines, node_fields
from orgmodel.readers.rows import RecordBuilder
from orgmodel.records import (
    LinkType,
    OrgData,
    OrgRecord,
    Prov,
    Relation,
    RelKind,
    UnitKind,
    UnitRecord,
)

__all__ = ["SECONDARY_CATEGORIES", "is_gojs_model", "parse_gojs", "read_gojs"]

SECONDARY_CATEGORIES = frozenset({"secondary", "dotted", "matrix", "dotted line"})
LINK_CATEGORIES = frozenset({"link", *(str(t) for t in LinkType)})
UNIT_CATEGORIES = frozenset({"unit", *(str(k) for k in UnitKind)})


def is_gojs_model(value: Any) -> bool:
    """A JSON object with a ``nodeDataArray`` list: a saved GoJS model.

    >>> is_gojs_model({"class": "GraphLinksModel", "nodeDataArray": []}), is_gojs_model([])
    (True, False)
    """
    return isinstance(value, dict) and isinstance(value.get("nodeDataArray"), list)


class _Model:
    """The property names a model declares, with GoJS's defaults."""

    def __init__(self, doc: Mapping[str, Any], mapping: Mapping[str, str] | None) -> None:
        def prop(name: str, default: str) -> str:
            value = doc.get(name)
            return value if isinstance(value, str) and value else default

        cls = str(doc.get("class") or "")
        self.tree = "TreeModel" in cls or "linkDataArray" not in doc  # no links: parents
        self.key = (mapping or {}).get("id") or prop("nodeKeyProperty", "key")
        self.parent = (mapping or {}).get("manager") or prop("nodeParentKeyProperty", "parent")
        self.category = prop("nodeCategoryProperty", "category")
        self.is_group = prop("nodeIsGroupProperty", "isGroup")
        self.group = prop("nodeGroupKeyProperty", "group")
        self.link_from = prop("linkFromKeyProperty", "from")
        self.link_to = prop("linkToKeyProperty", "to")
        self.link_category = prop("linkCategoryProperty", "category")
        self.structural = {self.key, self.category, self.is_group, self.group, "root"}
        if self.tree:
            self.structural.add(self.parent)


def _orgs(doc: Mapping[str, Any]) -> dict[str, tuple[str, str | None]]:
    """Organizations listed in ``modelData`` (orgmodel writes them there): id -> name, abbr."""
    model = doc.get("modelData")
    listed = model.get("organizations") if isinstance(model, dict) else None
    out: dict[str, tuple[str, str | None]] = {}
    for org in listed if isinstance(listed, list) else []:
        if isinstance(org, dict) and cell_text(org.get("id")).strip():
            name = cell_text(org.get("name")).strip() or cell_text(org["id"]).strip()
            out[cell_text(org["id"]).strip()] = (name, cell_text(org.get("abbreviation")) or None)
    return out


def parse_gojs(text: str, path: str, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Read the text of a saved GoJS model; ``path`` names it in provenance and errors."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(path, f"invalid JSON: {exc.msg}", line=exc.lineno) from None
    if not is_gojs_model(doc):
        raise SourceError(path, "is not a GoJS model: no 'nodeDataArray' list", line=1)
    model = _Model(doc, mapping)
    nodes: list[Any] = doc["nodeDataArray"]
    lines = items_with_lines(text, nodes, "nodeDataArray")
    b = RecordBuilder(path)
    listed = _orgs(doc)
    for oid, (name, abbr) in listed.items():
        b.data.organizations.append(OrgRecord(oid, name, abbr, Prov(path, cue="modelData")))

    def org_of(node: Mapping[str, Any], prov: Prov) -> str | None:
        value = cell_text(node.get("org") if "org" in node else node.get("organization")).strip()
        if not value:
            return None
        return value if value in listed else b.org(value, prov)

    groups: dict[str, Mapping[str, Any]] = {}
    for node in nodes:
        if isinstance(node, dict) and _is_unit(node, model):
            groups[cell_text(node.get(model.key)).strip()] = node
    stated_root = any(isinstance(n, dict) and "root" in n for n in nodes)
    has_parent: set[str] = set()
    skip = model.structural | {"org", "organization"}
    for n, (node, line) in enumerate(zip(nodes, lines, strict=True), 1):
        b.seen += 1
        prov = Prov(path, line, cue=None if line else f"node {n}")
        if not isinstance(node, dict):
            b.skip("not an object", f"node {n} is not an object; skipped", prov)
            continue
        ident = cell_text(node.get(model.key)).strip()
        if not ident:
            b.skip("no key", f"node {n} has no {model.key!r}; skipped", prov)
            continue
        org = org_of(node, prov)
        group = cell_text(node.get(model.group)).strip() or None
        if ident in groups:
            fields = node_fields(node, skip | {"kind"}, mapping)
            name = fields.title or fields.holder or ident
            kind = _unit_kind(node, model)
            b.data.units.append(
                _unit(ident, name, kind, org, group if group in groups else None, fields, prov)
            )
            parent = cell_text(node.get(model.parent)).strip() if model.tree else ""
            if parent and group is None:  # a TreeModel's unit under another
                b.data.units[-1] = b.data.units[-1]._replace(part_of=parent)
            continue
        fields = node_fields(node, skip, mapping)
        unit = group if group in groups else None
        if unit is None and fields.unit:
            unit = b.unit(org, fields.unit, prov)
        parent = cell_text(node.get(model.parent)).strip() if model.tree else ""
        root = bool(node.get("root")) if stated_root else not parent
        add_post(b, ident, fields, prov, org=org, unit=unit, root=root, groups=groups)
        if parent:
            b.line(ident, parent, prov)
            has_parent.add(ident)
    if not model.tree:
        _links(doc, model, b, text, path, has_parent)
        if not stated_root:
            b.data.posts = [p._replace(root=p.id not in has_parent) for p in b.data.posts]
    if not b.data.posts and not b.data.units:
        raise SourceError(path, "has no nodes that could be read", line=1)
    return b.finish("nodes")


def _unit_kind(node: Mapping[str, Any], model: _Model) -> UnitKind | None:
    """The kind a unit node states (``kind``, as orgmodel writes it; else a category such
    as ``board``); None: to be guessed from its name."""
    stated = cell_text(node.get("kind")).strip().lower()
    if stated in UNIT_CATEGORIES:
        return UnitKind(stated)
    category = cell_text(node.get(model.category)).strip().lower()
    return UnitKind(category) if category in UNIT_CATEGORIES - {"unit"} else None


def _is_unit(node: Mapping[str, Any], model: _Model) -> bool:
    category = cell_text(node.get(model.category)).strip().lower()
    return bool(node.get(model.is_group)) or category in UNIT_CATEGORIES


def _unit(
    ident: str,
    name: str,
    kind: UnitKind | None,
    org: str | None,
    part_of: str | None,
    fields: NodeFields,
    prov: Prov,
) -> UnitRecord:
    return UnitRecord(
        ident, name, kind or guess_unit_kind(name), org, part_of, fields.abbreviation, prov
    )


def _links(
    doc: Mapping[str, Any],
    model: _Model,
    b: RecordBuilder,
    text: str,
    path: str,
    has_parent: set[str],
) -> None:
    """A GraphLinksModel's links, in their order: lines, dotted lines, headships, links."""
    links = doc.get("linkDataArray")
    if not isinstance(links, list):
        return
    for n, (link, line) in enumerate(
        zip(links, items_with_lines(text, links, "linkDataArray"), strict=True), 1
    ):
        prov = Prov(path, line, cue=None if line else f"link {n}")
        if not isinstance(link, dict):
            b.issue("bad-edge", f"link {n} is not an object; ignored", prov)
            continue
        sup = cell_text(link.get(model.link_from)).strip()
        sub = cell_text(link.get(model.link_to)).strip()
        if not sup or not sub:
            b.issue("bad-edge", f"link {n} lacks {model.link_from!r} or {model.link_to!r}", prov)
            continue
        category = cell_text(link.get(model.link_category)).strip().lower()
        if category == "heads":
            b.heads(sup, sub, prov)
        elif category in LINK_CATEGORIES:
            given = cell_text(link.get("type")).strip().lower()
            kind = given or (category if category != "link" else str(LinkType.LIAISON))
            if kind not in LINK_CATEGORIES - {"link"}:
                b.issue("bad-value", f"link {n}: type {kind!r} is none of "
                        f"{', '.join(LinkType)}; read as liaison", prov)  # fmt: skip
                kind = LinkType.LIAISON
            b.data.relations.append(Relation(RelKind.LINK, sup, sub, kind, False, prov))
        else:
            b.line(sub, sup, prov, secondary=category in SECONDARY_CATEGORIES)
            if category not in SECONDARY_CATEGORIES:
                has_parent.add(sub)


def read_gojs(path: str | Path, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Read a saved GoJS model (``.json``: TreeModel or GraphLinksModel)."""
    return parse_gojs(read_text(path), str(path), mapping)
