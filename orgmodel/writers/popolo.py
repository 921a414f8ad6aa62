"""Popolo JSON: organizations, posts, persons and memberships (https://www.popoloproject.com).

Popolo is the open-government standard for who holds which office. The
mapping: organizations and units are ``organizations`` (a unit's
``classification`` is its kind, its ``parent_id`` the unit it is part of,
else its organization); posts are ``posts`` (``label`` and ``role`` the
title, ``organization_id`` the unit, else the organization); each holder is
a ``person`` with a ``membership`` linking person, post and organization.

Popolo has no reporting lines between posts -- its organizations nest, its
posts do not -- so primary and dotted lines are listed as losses (write
ORG or GraphML to keep them), as are headships, links, grades, FTEs and
attributes.

>>> from orgmodel.records import OrgData, OrgRecord, PostRecord
>>> from orgmodel.graph import OrgGraph
>>> data = OrgData(organizations=[OrgRecord("nyc", "City of New York")],
...                posts=[PostRecord("m", "Mayor", org="nyc", holder="Ana Ruiz", root=True)])
>>> doc = json.loads(render_popolo(data, OrgGraph(data)).content)
>>> doc["posts"], doc["memberships"][0]["post_id"]
([{'id': 'm', 'label': 'Mayor', 'role': 'Mayor', 'organization_id': 'nyc'}], 'm')
"""

from __future__ import annotations

import json
from typing import Any

from orgmodel.graph import OrgGraph
from orgmodel.records import OrgData, PostRecord
from orgmodel.writers.common import Output, losses

__all__ = ["LOSES", "render_popolo"]

LOSES = {
    "extra_primary": "dropped, Popolo has no lines between posts",
    "secondary": "dropped, Popolo has no lines between posts",
    "heads": "dropped, Popolo posts do not head organizations",
    "links": "dropped, Popolo has no informational links",
    "grades": "dropped, Popolo posts have no grade",
    "ftes": "dropped, Popolo posts have no FTE",
    "abbreviations": "dropped, Popolo posts have no abbreviation",
    "attributes": "dropped, Popolo posts have no free-form attributes",
    "provenance": "dropped, no source lines are written",
    "duplicates": "dropped, each id is one post (the first row's)",
}


def render_popolo(data: OrgData, graph: OrgGraph) -> Output:
    """One Popolo document with organizations, posts, persons and memberships."""
    orgs: list[dict[str, Any]] = []
    for org in graph.orgs.values():
        entry: dict[str, Any] = {"id": org.id, "name": org.name, "classification": "organization"}
        if org.abbreviation:
            entry["other_names"] = [{"name": org.abbreviation, "note": "abbreviation"}]
        orgs.append(entry)
    for n in range(graph.post_count, graph.size):
        unit = graph.units[n - graph.post_count]
        parent = graph.unit_of(n)
        entry = {"id": unit.id, "name": unit.name, "classification": str(unit.kind)}
        parent_id = graph.id_of(parent) if parent is not None else unit.org
        if parent_id:
            entry["parent_id"] = parent_id
        orgs.append(entry)
    posts: list[dict[str, Any]] = []
    persons: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    for n in range(graph.post_count):
        rec = graph.record(n)
        assert isinstance(rec, PostRecord)
        home = graph.unit_of(n)
        where = graph.id_of(home) if home is not None else rec.org
        post: dict[str, Any] = {"id": rec.id, "label": rec.title, "role": rec.title}
        if where:
            post["organization_id"] = where
        posts.append(post)
        if rec.holder:
            person_id = f"person/{rec.id}"
            persons.append({"id": person_id, "name": rec.holder})
            member: dict[str, Any] = {"person_id": person_id, "post_id": rec.id, "role": rec.title}
            if where:
                member["organization_id"] = where
            memberships.append(member)
    doc = {"persons": persons, "organizations": orgs, "posts": posts, "memberships": memberships}
    lost = losses(graph, LOSES)
    lines = sum(1 for p in graph.parent[: graph.post_count] if p >= 0)
    if lines:
        lost.insert(0, f"{lines} primary reporting line(s): {LOSES['extra_primary']}")
    return Output(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", lost)
