"""GoJS model files, as a GoJS org chart's "Save" button writes them (model.toJson())."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.errors import SourceError
from orgmodel.graph import OrgGraph
from orgmodel.readers import detect_format, read_source
from orgmodel.readers.gojs import read_gojs

Write = Callable[[str, str | bytes], Path]

# A TreeModel as GoJS's older org chart samples save it: integer keys, a "boss" parent
# property, pictures, a vacated position, the unit a manager heads.
TREE = """{ "class": "go.TreeModel",
  "nodeParentKeyProperty": "boss",
  "nodeDataArray": [
{"key":1, "name":"Marguerite Oyelaran", "title":"City Manager", "pic":"1.jpg"},
{"key":2, "boss":1, "name":"Tobias Ferreira-Lund", "title":"Director of Public Works",
 "dept":"Public Works", "headOf":"Public Works"},
{"key":3, "boss":2, "name":"(Vacant)", "title":"Streets Superintendent", "dept":"Public Works"},
{"key":4, "boss":2, "name":"Hana Kowalczyk", "title":"Fleet Manager", "dept":"Public Works",
 "isAssistant":true},
{"key":5, "boss":1, "name":"Idris Mbeki", "title":"Finance Director",
 "headOf":["Finance Department", "Purchasing"]}
 ]}
"""

# A GraphLinksModel with departments as groups, ports and locations as GoJS saves them, a
# dotted line and a liaison, and a board the manager reports to.
LINKS = """{ "class": "GraphLinksModel",
  "linkFromPortIdProperty": "fromPort",
  "linkToPortIdProperty": "toPort",
  "nodeDataArray": [
{"key":"council", "isGroup":false, "category":"council", "name":"City Council"},
{"key":"dept-fin", "isGroup":true, "name":"Finance Department"},
{"key":"dept-acc", "isGroup":true, "name":"Accounting Division", "group":"dept-fin"},
{"key":"cm", "name":"Marguerite Oyelaran", "title":"City Manager", "loc":"0 0"},
{"key":"fd", "name":"Idris Mbeki", "title":"Finance Director", "group":"dept-fin",
 "headOf":["dept-fin"], "loc":"0 120"},
{"key":"ca", "name":"N/D", "title":"Chief Accountant", "group":"dept-acc", "loc":"0 240"},
{"key":"aud", "name":"Priya Raman", "title":"Internal Auditor", "loc":"200 120"}
 ],
  "linkDataArray": [
{"from":"council", "to":"cm", "fromPort":"b", "toPort":"t"},
{"from":"cm", "to":"fd", "fromPort":"b", "toPort":"t"},
{"from":"fd", "to":"ca"},
{"from":"cm", "to":"aud"},
{"from":"fd", "to":"aud", "category":"secondary"},
{"from":"aud", "to":"ca", "category":"link", "type":"advises"}
 ]}
"""


def test_tree_model_with_a_boss_property(write: Write) -> None:
    path = write("city.json", TREE)
    assert detect_format(path) == "gojs"
    data = read_source(path)
    g = OrgGraph(data)
    assert [(p.id, p.title, p.holder, p.root) for p in data.posts] == [
        ("1", "City Manager", "Marguerite Oyelaran", True),
        ("2", "Director of Public Works", "Tobias Ferreira-Lund", False),
        ("3", "Streets Superintendent", None, False),
        ("4", "Fleet Manager", "Hana Kowalczyk", False),
        ("5", "Finance Director", "Idris Mbeki", False),
    ]
    assert [p.prov.line for p in data.posts] == [4, 5, 7, 8, 10]
    assert (data.posts[2].attributes or {})["status"] == "vacant"
    assert data.posts[0].attributes == {"pic": "1.jpg"}
    assert (data.posts[3].attributes or {})["isAssistant"] == "true"
    assert [g.id_of(g.parent[g.node(k)]) for k in "2345"] == ["1", "2", "2", "1"]
    heads = {g.id_of(p): sorted(g.title(u) for u, _ in hs) for p, hs in g.heads.items()}
    assert heads == {"2": ["Public Works"], "5": ["Finance Department", "Purchasing"]}
    assert g.title(g.unit_of(g.node("3")) or 0) == "Public Works"  # dept: the unit, by name
    assert not g.resolution.dangling and not data.issues


def test_graph_links_model_groups_links_and_a_board(write: Write) -> None:
    g = OrgGraph(read_source(write("finance.json", LINKS)))
    cm, fd, ca, aud = (g.node(k) for k in ("cm", "fd", "ca", "aud"))
    assert g.id_of(g.parent[cm]) == "council" and g.is_body(g.parent[cm])
    assert g.parent[fd] == cm and g.parent[ca] == fd and g.parent[aud] == cm
    assert [g.id_of(s) for s, _ in g.secondary[aud]] == ["fd"]
    assert [(g.id_of(a), g.id_of(b), str(r.qualifier)) for a, b, r in g.links] == [
        ("aud", "ca", "advises")
    ]
    assert g.id_of(g.unit_of(ca) or 0) == "dept-acc"
    assert g.id_of(g.unit_of(g.node("dept-acc")) or 0) == "dept-fin"  # groups nest
    assert [g.id_of(u) for u, _ in g.heads[fd]] == ["dept-fin"]
    assert (g.posts[ca].holder, (g.posts[ca].attributes or {})["status"]) == (None, "undisclosed")
    assert g.posts[cm].attributes == {"loc": "0 0"}
    assert [g.id_of(r) for r in g.roots] == ["council"]
    assert not g.resolution.dangling


def test_map_names_the_fields_of_another_model(write: Write) -> None:
    doc = {"class": "TreeModel", "nodeKeyProperty": "id", "nodeDataArray": [
        {"id": "a", "person": "Ana Ruiz", "role": "Clerk", "up": None},
        {"id": "b", "person": "Bo Lind", "role": "Deputy Clerk", "up": "a"}]}  # fmt: skip
    path = write("clerks.json", json.dumps(doc))
    data = read_gojs(path, {"title": "role", "name": "person", "manager": "up"})
    assert [(p.id, p.title, p.holder) for p in data.posts] == [
        ("a", "Clerk", "Ana Ruiz"), ("b", "Deputy Clerk", "Bo Lind")
    ]  # fmt: skip
    assert [(r.subject, r.object) for r in data.relations] == [("b", "a")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"class": "TreeModel", "nodeDataArray": [\n{"key": 1,}]}', "invalid JSON"),
        ('{"class": "TreeModel", "nodeDataArray": [{"name": "x"}]}', "no nodes that could be"),
        ('{"class": "TreeModel", "nodeDataArray": {}}', "no 'nodeDataArray' list"),
    ],
)
def test_bad_models_say_what_is_wrong(write: Write, text: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        read_gojs(write("bad.json", text))


def test_odd_kinds_and_link_types_are_reported_not_fatal(write: Write) -> None:
    doc = {"class": "GraphLinksModel", "nodeDataArray": [
        {"key": "g", "isGroup": True, "name": "Works Depot", "kind": "yard"},
        {"key": "a", "title": "Depot Manager", "group": "g", "kind": "manager"},
        {"key": "b", "title": "Yard Supervisor", "group": "g"}],
        "linkDataArray": [
            {"from": "a", "to": "b"},
            {"from": "b", "to": "a", "category": "link", "type": "mentors"}]}  # fmt: skip
    data = read_gojs(write("depot.json", json.dumps(doc, indent=1)))
    assert [(u.id, str(u.kind)) for u in data.units] == [("g", "unit")]  # "yard": guessed
    assert data.posts[0].attributes == {"kind": "manager"}  # a post's own field is kept
    assert [str(r.qualifier) for r in data.relations if r.kind == "link"] == ["liaison"]
    assert [i.message for i in data.issues if i.code == "bad-value"] == [
        "link 2: type 'mentors' is none of liaison, advises, works_with; read as liaison"
    ]
