"""BALKAN OrgChart JS node arrays: pid, stpid, group nodes, tags."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.errors import SourceError
from orgmodel.graph import OrgGraph
from orgmodel.readers import detect_format, read_source
from orgmodel.readers.balkan import read_balkan

Write = Callable[[str, str | bytes], Path]

# As chart.config.nodes is saved: a top with no pid, two department groups holding sub-trees,
# an assistant, a node with a partner's parent, pictures and e-mails.
CHART = """[
  { "id": 1, "name": "Oluwaseun Adebayo", "title": "Chief Executive",
    "img": "https://example.org/1.jpg" },
  { "id": 2, "pid": 1, "name": "Greta Halvorsen", "title": "Executive Assistant",
    "tags": ["assistant"] },
  { "id": "ops", "pid": 1, "tags": ["ops-group", "group"], "name": "Operations" },
  { "id": "it", "stpid": "ops", "name": "IT Services" },
  { "id": 3, "stpid": "ops", "name": "Rafael Quintero", "title": "Operations Director",
    "email": "rafael@example.org" },
  { "id": 4, "pid": 3, "name": "Vacant", "title": "Facilities Manager" },
  { "id": 5, "stpid": "it", "name": "Mei Tanaka", "title": "IT Manager" },
  { "id": 6, "pid": 5, "ppid": 3, "name": "Jonas Berg", "title": "Network Engineer" }
]
"""


def test_groups_sub_trees_and_tags(write: Write) -> None:
    path = write("chart.json", CHART)
    assert detect_format(path) == "balkan"
    data = read_source(path)
    g = OrgGraph(data)
    assert sorted((u.id, u.name, u.part_of) for u in data.units) == [
        ("it", "IT Services", "ops"), ("ops", "Operations", None)
    ]  # fmt: skip
    boss = {g.id_of(n): g.id_of(g.parent[n]) for n in range(g.post_count) if g.parent[n] >= 0}
    assert boss == {"2": "1", "3": "1", "4": "3", "5": "1", "6": "5"}  # groups are no superiors
    unit = {p.id: p.unit for p in data.posts}
    assert unit == {"1": None, "2": None, "3": "ops", "4": None, "5": "it", "6": None}
    attrs = {p.id: p.attributes for p in data.posts}
    assert attrs["2"] == {"tags": "assistant", "assistant": "true"}
    assert attrs["6"] == {"ppid": "3"} and attrs["1"] == {"img": "https://example.org/1.jpg"}
    assert attrs["4"] == {"status": "vacant"} and data.posts[3].holder is None
    assert [p.prov.line for p in data.posts][:3] == [2, 4, 8]
    assert [g.id_of(r) for r in g.roots] == ["1"] and not g.resolution.dangling


def test_nodes_under_a_nodes_key(write: Write) -> None:
    path = write("saved.json", '{"nodes": [{"id": "a", "title": "Mayor"},\n'
                 '{"id": "b", "pid": "a", "title": "City Clerk"}]}')  # fmt: skip
    assert detect_format(path) == "balkan"
    data = read_balkan(path)
    assert [(p.id, p.title, p.prov.line) for p in data.posts] == [
        ("a", "Mayor", 1),
        ("b", "City Clerk", 2),
    ]


def test_not_a_chart(write: Write) -> None:
    with pytest.raises(SourceError, match="no nodes with 'id' and 'pid'"):
        read_balkan(write("x.json", '[{"id": 1, "parentId": null}]'))
