"""Google Charts OrgChart tables, in the two shapes people save them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.errors import SourceError
from orgmodel.graph import OrgGraph
from orgmodel.readers import detect_format, read_source
from orgmodel.readers.googlechart import read_googlechart

Write = Callable[[str, str | bytes], Path]

# What arrayToDataTable takes, saved as JSON: a header row, formatted cells with the name
# and then the title in a <div>, plain cells, tooltips, a vacancy.
ARRAY = """[
  ["Name", "Manager", "ToolTip"],
  [{"v": "Amara", "f": "Amara Nwosu<div style=\\"color:red\\">Head Librarian</div>"},
   "", "Runs the library service"],
  [{"v": "Lukas", "f": "Lukas Brandt<div>Branch Manager</div><div>Eastside</div>"}, "Amara", ""],
  [{"v": "Ref", "f": "Vacant<div>Reference Librarian</div>"}, "Lukas", ""],
  ["Archivist", "Amara", "Part time"]
]
"""


def _check(g: OrgGraph) -> None:
    rows = [(g.posts[n].id, g.title(n), g.posts[n].holder) for n in range(g.post_count)]
    assert rows == [
        ("Amara", "Head Librarian", "Amara Nwosu"), ("Lukas", "Branch Manager", "Lukas Brandt"),
        ("Ref", "Reference Librarian", None), ("Archivist", "Archivist", None),
    ]  # fmt: skip
    boss = {g.id_of(n): g.id_of(g.parent[n]) for n in range(g.post_count) if g.parent[n] >= 0}
    assert boss == {"Lukas": "Amara", "Ref": "Lukas", "Archivist": "Amara"}
    attrs = {p.id: p.attributes for p in g.posts}
    assert attrs["Amara"] == {"tooltip": "Runs the library service"}
    assert attrs["Lukas"] == {"label": "Eastside"} and attrs["Ref"] == {"status": "vacant"}
    assert [g.id_of(r) for r in g.roots] == ["Amara"] and not g.resolution.dangling


def test_array_to_data_table(write: Write) -> None:
    path = write("library.json", ARRAY)
    assert detect_format(path) == "googlechart"
    data = read_source(path)
    assert [p.prov.line for p in data.posts] == [3, 5, 6, 7]
    _check(OrgGraph(data))


def test_data_table_json(write: Write) -> None:
    rows = json.loads(ARRAY)[1:]
    table = {
        "cols": [{"id": "", "label": "Name", "type": "string"},
                 {"id": "", "label": "Manager", "type": "string"},
                 {"id": "", "label": "ToolTip", "type": "string"}],
        "rows": [{"c": [c if isinstance(c, dict) else {"v": c} for c in r]} for r in rows],
    }  # fmt: skip
    path = write("library-table.json", json.dumps(table, indent=1))
    assert detect_format(path) == "googlechart"
    _check(OrgGraph(read_source(path)))


def test_rows_without_a_header(write: Write) -> None:
    path = write("rows.json", '[["Mayor", "", ""], ["City Clerk", "Mayor", ""]]')
    data = read_googlechart(path)
    assert [(p.id, p.root) for p in data.posts] == [("Mayor", True), ("City Clerk", False)]


def test_not_a_table(write: Write) -> None:
    with pytest.raises(SourceError, match="no rows of"):
        read_googlechart(write("x.json", '{"cols": 1}'))
