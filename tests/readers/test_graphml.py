"""GraphML from other tools: yEd labels, edges superior -> subordinate, bad XML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.errors import SourceError
from orgmodel.graph import OrgGraph
from orgmodel.readers import detect_format
from orgmodel.readers.graphml import read_graphml

Write = Callable[[str, str | bytes], Path]

YED = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d0" yfiles.type="nodegraphics"/>
  <key for="node" id="d1" attr.name="room" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <node id="n0"><data key="d0">
      <y:ShapeNode><y:NodeLabel>City Clerk</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"><data key="d0">
      <y:ShapeNode><y:NodeLabel>Deputy Clerk</y:NodeLabel></y:ShapeNode></data>
      <data key="d1">304</data></node>
    <edge source="n0" target="n1"/>
  </graph>
</graphml>
"""


def test_yed_file_labels_and_edges(write: Write) -> None:
    path = write("chart.graphml", YED)
    assert detect_format(path) == "graphml"
    data = read_graphml(path)
    assert [(p.id, p.title, p.root) for p in data.posts] == [
        ("n0", "City Clerk", True),
        ("n1", "Deputy Clerk", False),
    ]
    assert data.posts[1].attributes == {"room": "304"}
    graph = OrgGraph(data)
    assert graph.id_of(graph.parent[graph.node("n1")]) == "n0"


def test_malformed_xml_names_the_line(write: Write) -> None:
    with pytest.raises(SourceError, match=r"chart.graphml:3:\d+: is not well-formed XML"):
        read_graphml(
            write(
                "chart.graphml", '<?xml version="1.0"?>\n<graphml>\n<graph><node id="a"></graph>\n'
            )
        )
