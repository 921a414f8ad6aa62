"""id/parentId tables and JSON arrays (d3-org-chart, the Oracle HR sample)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.errors import SourceError
from orgmodel.graph import OrgGraph
from orgmodel.readers import detect_format, read_source
from orgmodel.readers.idparent import read_idparent
from tests.conftest import REALDATA, needs_realdata
from tests.readers.graph_counts import Counts, counts, load

Write = Callable[[str, str | bytes], Path]
D3 = REALDATA / "d3-org-chart-samples"


def test_d3_csv_columns_and_first_last_names(write: Write) -> None:
    path = write(
        "hr.csv",
        "id,parentId,name,lastName,position,department_name,email\n"
        "100,,Steven,King,President,Executive,SKING\n"
        "101,100,Neena,Kochhar,Administration Vice President,Executive,NKOCHHAR\n"
        "108,101, Nancy ,Greenberg,Finance Manager,Finance,NGREENBE\n",
    )
    assert detect_format(path) == "idparent"
    data = read_idparent(path)
    assert [(p.id, p.holder, p.title) for p in data.posts] == [
        ("100", "Steven King", "President"),
        ("101", "Neena Kochhar", "Administration Vice President"),
        ("108", "Nancy Greenberg", "Finance Manager"),
    ]
    assert data.posts[2].attributes == {"email": "NGREENBE"}
    assert [u.name for u in data.units] == ["Executive", "Finance"]
    graph = OrgGraph(data)
    assert graph.id_of(graph.parent[graph.node("108")]) == "101"


def test_json_array_keeps_lines_and_reads_null_strings(write: Write) -> None:
    path = write(
        "org.json",
        '[\n {"id": "70", "parent_id": "None", "name": "Congress"},\n'
        ' {"id": "71", "parent_id": "70",\n  "name": "Senate", "seats": 100},\n'
        " 7\n]\n",
    )
    data = read_source(path)
    assert [(p.id, p.root, p.prov.line) for p in data.posts] == [("70", True, 2), ("71", False, 3)]
    assert data.posts[1].attributes == {"seats": "100"}
    assert [(i.code, i.prov.line) for i in data.issues] == [
        ("row-skipped", 5),
        ("records-skipped", None),
    ]
    assert "skipped 1 of 3 records: not an object (1)" in data.issues[-1].message


def test_bad_json_names_line_and_column(write: Write) -> None:
    with pytest.raises(SourceError, match=r"org.json:2:\d+: invalid JSON"):
        read_idparent(write("org.json", '[{"id": 1,\n "parentId": }]'))


@needs_realdata
@pytest.mark.parametrize("name", ["d3-org-chart_data.csv", "oracle-hr-employees_data.csv"])
def test_real_d3_samples_agree_with_an_independent_count(name: str) -> None:
    with (D3 / name).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ids = {r["id"] for r in rows}
    expected = Counts(
        len(rows),
        sum(1 for r in rows if not r["parentId"].strip()),
        sum(1 for r in rows if r["parentId"].strip() in ids),
    )
    graph = load(D3 / name)
    assert detect_format(D3 / name) == "idparent"
    assert counts(graph) == expected
    assert not graph.resolution.dangling and not graph.duplicates


@needs_realdata
def test_oracle_managers_in_other_departments() -> None:
    path = D3 / "oracle-hr-employees_data.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    expected = sum(
        1
        for r in rows.values()
        if r["parentId"] and r["department_name"] != rows[r["parentId"]]["department_name"]
    )
    graph = load(path)
    unit = graph.column("unit")
    found = sum(
        1
        for n in range(graph.post_count)
        if graph.parent[n] >= 0 and unit[n] != unit[graph.parent[n]]
    )
    assert found == expected
    king = graph.posts[graph.node("100")]
    assert king.holder == "Steven King" and king.root


def test_d3_writer_field_names_are_mapped_as_written(write: Write) -> None:
    nodes = [
        {"id": "a", "parentId": None, "name": "", "positionName": "Mayor", "PositionID": "9"},
        {
            "id": "b",
            "parentId": "a",
            "name": "Li Wei",
            "positionName": "Clerk",
            "office": "Clerk's Office",
        },
    ]
    data = read_idparent(write("org.json", json.dumps(nodes)))
    assert [(p.id, p.title, p.holder, p.unit) for p in data.posts] == [
        ("a", "Mayor", None, None),
        ("b", "Clerk", "Li Wei", "clerk-s-office"),
    ]
