"""Spreadsheets: the first sheet with a header, the CSV reader's column mapping."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from orgmodel.errors import SourceError
from orgmodel.graph import OrgGraph
from orgmodel.readers import detect_format, read_source
from orgmodel.readers.xlsx import read_xlsx


def _book(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Staff"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_sheet_reads_like_a_csv(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "staff.xlsx",
        [
            [],
            ["Employee ID", "Name", "Job Title", "Department", "Manager ID", "FTE", "Hired"],
            [
                100418,
                "Margaret Lindqvist",
                "City Clerk",
                "City Clerk's Office",
                None,
                1,
                dt.datetime(2019, 3, 4),
            ],
            [
                100422,
                "Vacant",
                "Chief Assistant City Clerk",
                "City Clerk's Office",
                100418,
                0.5,
                None,
            ],
            [None, "Nobody", "Intern", None, 100418, None, None],
        ],
    )
    assert detect_format(path) == "xlsx"
    data = read_xlsx(path)
    assert [(p.id, p.title, p.holder, p.fte, p.prov.line) for p in data.posts] == [
        ("100418", "City Clerk", "Margaret Lindqvist", 1.0, 3),
        ("100422", "Chief Assistant City Clerk", None, 0.5, 4),
    ]
    assert data.posts[0].attributes == {"Hired": "2019-03-04"}
    assert data.posts[1].attributes == {"status": "vacant"}
    assert (data.issues[0].prov.line, data.issues[0].message) == (5, "row has no id; skipped")
    graph = OrgGraph(data)
    assert graph.id_of(graph.parent[graph.node("100422")]) == "100418"


def test_mapping_works_as_for_csv(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "x.xlsx", [["key", "label", "boss"], ["a", "Chief", None], ["b", "Deputy", "a"]]
    )
    data = read_source(path, mapping={"id": "key", "title": "label", "manager": "boss"})
    assert [(r.subject, r.object) for r in data.relations] == [("b", "a")]


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("id,manager\n1,\n")
    with pytest.raises(SourceError, match=r"not a readable \.xlsx workbook"):
        read_xlsx(path)
