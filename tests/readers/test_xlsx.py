"""Spreadsheets: the first sheet with a header, the CSV reader's column mapping."""

from __future__ import annotations

import datetime as dt
import zipfile
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


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("org.csv", b"id,title,manager\n1,Mayor,\n"),  # --input-format xlsx on a CSV
        ("org.yaml", b"organizations:\n  - name: City\n"),
        ("empty.xlsx", b""),
    ],
)
def test_a_file_that_is_no_workbook_is_an_error_not_a_traceback(
    tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError, match=rf"{name}: is not a readable \.xlsx workbook"):
        read_source(path, "xlsx")


def test_a_workbook_with_broken_xml_inside_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
    with pytest.raises(SourceError, match=r"broken\.xlsx: .*an XML part inside it does not parse"):
        read_source(path)
    sheet = _book(tmp_path / "sheet.xlsx", [["id", "title", "manager"], ["1", "Mayor", ""]])
    with zipfile.ZipFile(sheet) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"][:-40]
    with zipfile.ZipFile(sheet, "w") as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    with pytest.raises(SourceError, match=r"sheet\.xlsx: .*does not parse"):
        read_source(sheet)


def test_a_sheet_whose_rows_lack_ids_says_so(tmp_path: Path) -> None:
    path = _book(tmp_path / "s.xlsx", [["id", "title", "manager"], [None, "Mayor", None]])
    with pytest.raises(SourceError, match=r"s\.xlsx:2: every row lacks an id"):
        read_source(path)
