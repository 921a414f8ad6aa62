"""BALKAN OrgChart JS node arrays: ``id``, ``pid``, ``stpid`` and ``tags``.

OrgChart JS (balkan.app) takes its chart as an array of nodes -- saved as a
JSON array, or as ``{"nodes": [...]}`` -- where ``pid`` is the parent's id
and ``stpid`` (*sub-tree parent id*) hangs a node as the top of a separate
sub-tree: usually inside a **group** node (a department box, tagged
``group`` or ``department`` in ``tags``, or one that carries no title and
only sub-trees beneath it). So:

* ``pid`` is the post's superior;
* a group node is a unit; a node whose ``stpid`` (or ``pid``) names a group
  sits in that unit and reports to where the group's box hangs (its ``pid``),
  and the units nest by their ``pid``/``stpid`` when those name groups;
* a ``stpid`` naming an ordinary node is a superior like ``pid``;
* ``ppid`` (a partner's parent) and ``tags`` are kept as attributes
  (``tags`` joined by commas), and an ``assistant`` tag as
  ``assistant: true``.

Other fields are read as :mod:`orgmodel.readers.jsnodes` reads them:
``title`` the post, ``name`` the holder, the rest (``img``, ``email``)
attributes.

>>> text = '''[{"id": 1, "name": "Denny Curtis", "title": "CEO"},
...   {"id": "hr", "pid": 1, "tags": ["group"], "name": "HR Team"},
...   {"id": 2, "stpid": "hr", "name": "Ashley Barnett", "title": "HR Manager"},
...   {"id": 3, "pid": 2, "name": "Rhys Harper", "title": "Recruiter", "tags": ["assistant"]}]'''
>>> data = parse_balkan(text, "chart.json")
>>> [(p.id, p.title, p.unit) for p in data.posts]
[('1', 'CEO', None), ('2', 'HR Manager', 'hr'), ('3', 'Recruiter', None)]
>>> [(u.id, u.name) for u in data.units], [(r.subject, r.object) for r in data.relations]
([('hr', 'HR Team')], [('2', '1'), ('3', '2')])
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
from orgmodel.readers.jsnodes import add_post, items_with_lines, node_fields
from orgmodel.readers.rows import RecordBuilder
from orgmodel.records import OrgData, Prov, UnitRecord

__all__ = ["GROUP_TAGS", "balkan_nodes", "parse_balkan", "read_balkan"]

GROUP_TAGS = frozenset({"group", "department", "team", "division", "unit", "office"})
"""Tags that make a node a unit (a box that holds sub-trees)."""
_STRUCTURAL = ("id", "pid", "stpid", "tags")


def balkan_nodes(value: Any) -> list[Any] | None:
    """The node list of an OrgChart JS chart (an array, or ``{"nodes": [...]}``) when its
    nodes use ``pid`` or ``stpid``; None for other JSON.

    >>> balkan_nodes([{"id": 1}, {"id": 2, "pid": 1}]), balkan_nodes([{"id": 1, "parentId": 2}])
    ([{'id': 1}, {'id': 2, 'pid': 1}], None)
    """
    nodes = value.get("nodes") if isinstance(value, dict) else value
    if not isinstance(nodes, list):
        return None
    sample = [n for n in nodes[:200] if isinstance(n, dict)]
    if not sample or not all("id" in n for n in sample):
        return None
    return nodes if any("pid" in n or "stpid" in n for n in sample) else None


def _tags(node: Mapping[str, Any]) -> list[str]:
    tags = node.get("tags")
    if isinstance(tags, str):
        return [t.strip() for t in tags.split(",") if t.strip()]
    return [cell_text(t).strip() for t in tags] if isinstance(tags, list) else []


def parse_balkan(text: str, path: str, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Read the text of an OrgChart JS node array; ``path`` names it in provenance."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(path, f"invalid JSON: {exc.msg}", line=exc.lineno) from None
    nodes = balkan_nodes(value)
    if nodes is None:
        raise SourceError(path, "is not an OrgChart JS chart: no nodes with 'id' and 'pid'")
    lines = items_with_lines(text, nodes, "nodes" if isinstance(value, dict) else None)
    ids = [cell_text(n.get("id")).strip() if isinstance(n, dict) else "" for n in nodes]
    by_id = {i: n for i, n in zip(ids, nodes, strict=True) if i}
    under = {cell_text(n.get("stpid")).strip() for n in by_id.values() if n.get("stpid")}
    groups = {
        i for i, n in by_id.items()
        if {t.lower() for t in _tags(n)} & GROUP_TAGS or (i in under and not n.get("title"))
    }  # fmt: skip

    def parent(node: Mapping[str, Any]) -> str:
        """Where the node hangs: its pid, else its stpid -- past groups, to where they hang."""
        ref = cell_text(node.get("pid") or node.get("stpid")).strip()
        seen: set[str] = set()
        while ref in groups and ref not in seen:
            seen.add(ref)
            group = by_id[ref]
            ref = cell_text(group.get("pid") or group.get("stpid")).strip()
        return "" if ref in groups else ref

    b = RecordBuilder(path)
    for n, (node, ident, line) in enumerate(zip(nodes, ids, lines, strict=True), 1):
        b.seen += 1
        prov = Prov(path, line, cue=None if line else f"node {n}")
        if not isinstance(node, dict):
            b.skip("not an object", f"node {n} is not an object; skipped", prov)
            continue
        if not ident:
            b.skip("no id", f"node {n} has no id; skipped", prov)
            continue
        fields = node_fields(node, _STRUCTURAL, mapping)
        tags = _tags(node)
        home = next(
            (g for g in (cell_text(node.get(k)).strip() for k in ("stpid", "pid")) if g in groups),
            None,
        )
        if ident in groups:
            name = fields.title or fields.holder or ident
            b.data.units.append(
                UnitRecord(ident, name, guess_unit_kind(name), None, home, None, prov)
            )
            continue
        if tags:
            fields.attributes["tags"] = ",".join(tags)
        if "assistant" in {t.lower() for t in tags}:
            fields.attributes["assistant"] = "true"
        unit = home
        if unit is None and fields.unit:
            unit = b.unit(None, fields.unit, prov)
        boss = parent(node)
        add_post(b, ident, fields, prov, org=None, unit=unit, root=not boss, groups=groups)
        if boss:
            b.line(ident, boss, prov)
    if not b.data.posts:
        raise SourceError(path, "has no nodes that could be read as posts")
    return b.finish("nodes")


def read_balkan(path: str | Path, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Read an OrgChart JS chart saved as JSON."""
    return parse_balkan(read_text(path), str(path), mapping)
