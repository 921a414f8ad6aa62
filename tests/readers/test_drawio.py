"""draw.io's CSV import format: configuration lines, connects, continued lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.errors import SourceError
from orgmodel.graph import OrgGraph
from orgmodel.readers import detect_format
from orgmodel.readers.drawio import read_drawio

Write = Callable[[str, str | bytes], Path]

ORG = """## Org chart of the City Clerk's Office, for Arrange > Insert > Advanced > CSV
# label: %name%<br><i style="color:gray;">%position%</i>
# style: label;whiteSpace=wrap;html=1;rounded=1;
# identity: id
# connect: {"from": "manager", "to": "name", "invert": true, "label": "manages", \\
#           "style": "curved=1;endArrow=blockThin;endFill=1;fontSize=11;"}
# connect: {"from": "refs", "to": "id", "style": "curved=1;dashed=1;fontSize=11;"}
# layout: verticaltree
## CSV starts under this line
id,name,position,location,manager,refs
mn1,Margaret Lindqvist,City Clerk,Room 304,,
mn2,Daniel Okonkwo,Chief Assistant City Clerk,Room 304,Margaret Lindqvist,
mn3,Priya Natarajan,Director of Administration,Room 310,Daniel Okonkwo,"mn1"
mn4,Tom Aske,Records Analyst,Room 312,Nobody Here,
"""


def test_connects_become_primary_and_dotted_lines(write: Write) -> None:
    path = write("clerk.csv", ORG)
    assert detect_format(path) == "drawio"
    data = read_drawio(path)
    assert [(p.id, p.title, p.holder, p.root) for p in data.posts] == [
        ("mn1", "City Clerk", "Margaret Lindqvist", True),
        ("mn2", "Chief Assistant City Clerk", "Daniel Okonkwo", False),
        ("mn3", "Director of Administration", "Priya Natarajan", False),
        ("mn4", "Records Analyst", "Tom Aske", False),
    ]
    assert [p.prov.line for p in data.posts] == [11, 12, 13, 14]
    assert data.posts[0].attributes == {"location": "Room 304"}
    graph = OrgGraph(data)
    assert graph.id_of(graph.parent[graph.node("mn3")]) == "mn2"
    assert [graph.id_of(s) for s, _ in graph.secondary[graph.node("mn3")]] == ["mn1"]
    assert [r.object for r in graph.resolution.dangling] == ["Nobody Here"]


def test_txt_with_configuration_is_drawio(write: Write) -> None:
    assert detect_format(write("clerk.txt", ORG)) == "drawio"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# label: %name%\nname,manager\na,\n", "no '# connect:' line"),
        ('# connect: {"from": "boss"\nname,boss\na,\n', "1: '# connect:' is not valid JSON"),
        ('# connect: {"from": "boss", "to": "name"}\nname,manager\na,\n', "column 'boss'"),
    ],
)
def test_bad_configuration(write: Write, text: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        read_drawio(write("bad.csv", text))
