"""The GraphML writer: streamed, escaped, readable by networkx and by orgmodel."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from orgmodel.graph import OrgGraph
from orgmodel.readers.graphml import read_graphml
from orgmodel.records import LineKind, OrgData, PostRecord, Relation, RelKind
from orgmodel.writers.graphml import render_graphml

NASTY = 'R&D <Lead> "Chief"\x01\x0b of \ufffe Things'


def test_markup_and_control_characters_make_valid_xml(tmp_path: Path) -> None:
    data = OrgData(
        posts=[
            PostRecord('a"&<', NASTY, root=True, holder="Ana <ana@example.org>", fte=0.5),
            PostRecord("b", "Clerk", attributes={"note": "x & y\x00"}),
        ],
        relations=[Relation(RelKind.REPORTS_TO, "b", 'a"&<', LineKind.PRIMARY)],
    )
    text = str(render_graphml(data, OrgGraph(data)).content)
    ET.fromstring(text.encode("utf-8"))  # well-formed
    path = tmp_path / "org.graphml"
    path.write_text(text, encoding="utf-8")
    g = nx.read_graphml(path)
    assert g.nodes['a"&<']["title"] == 'R&D <Lead> "Chief" of  Things'
    assert g.nodes['a"&<']["fte"] == 0.5  # typed as a double, as networkx declares it
    back = read_graphml(path)
    assert [(p.id, p.holder) for p in back.posts] == [
        ('a"&<', "Ana <ana@example.org>"),
        ("b", None),
    ]
    assert back.posts[1].attributes == {"note": "x & y"}
    assert [(r.subject, r.object) for r in back.relations] == [("b", 'a"&<')]


def test_edges_are_written_in_the_models_order() -> None:
    posts = [PostRecord(str(i), f"Post {i}") for i in range(30)]
    lines = [
        Relation(RelKind.REPORTS_TO, str(i), str(i // 3), LineKind.PRIMARY) for i in range(1, 30)
    ]
    data = OrgData(posts=posts, relations=lines)
    root = ET.fromstring(str(render_graphml(data, OrgGraph(data)).content).encode())
    ids = [e.get("id") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert ids == [f"e{i}" for i in range(29)]
