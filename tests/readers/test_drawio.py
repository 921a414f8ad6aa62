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


POSTING = """### Budget Analyst II
City of Lakeview, Finance Department
# Title: Budget Analyst II

Reports To: Budget Manager
Supervises: Budget Technician

The Budget Analyst II prepares the annual operating budget and reviews requests.
"""


@pytest.mark.parametrize(
    "text",
    [
        POSTING,
        "# Job Title: Budget Analyst II\n" + POSTING,
        "## Org chart notes\n# label: written like a setting\n" + POSTING,  # no connect line
    ],
)
def test_a_posting_with_markdown_headings_is_a_posting(write: Write, text: str) -> None:
    """A .txt posting is prose: '#' headings, even '# word:', make no draw.io file."""
    from orgmodel.sources.ingest import ingest
    from orgmodel.sources.load import load_graph

    path = write("postings/budget-analyst.txt", text)
    assert detect_format(path) == "posting"
    by_folder = load_graph([path.parent])
    by_ingest = OrgGraph(ingest([path.parent]).data)
    lines = [
        {(g.title(n), g.title(g.parent[n])) for n in range(g.post_count) if g.parent[n] >= 0}
        for g in (by_folder, by_ingest)
    ]
    expected = {("Budget Analyst II", "Budget Manager"), ("Budget Technician", "Budget Analyst II")}
    assert lines == [expected, expected]


def test_a_csv_with_only_settings_is_still_drawio(write: Write) -> None:
    """A .csv is no prose: any draw.io setting says what it is (and its reader what it lacks)."""
    path = write("chart.csv", "## Org chart\n# label: %name%\nname,manager\na,\n")
    assert detect_format(path) == "drawio"
    with pytest.raises(SourceError, match="no '# connect:' line"):
        read_drawio(path)
