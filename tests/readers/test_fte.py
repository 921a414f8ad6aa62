"""FTE values that are no share of a post (``nan``, ``inf``, negative): reported and dropped.

JSON has no NaN or Infinity, so such a value reaching the graph would make
``--format json`` output that strict parsers (``jq``) refuse.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from orgmodel.errors import SourceError
from orgmodel.readers import read_source
from orgmodel.records import OrgData
from tests.conftest import Cli

Write = Callable[[str, str | bytes], Path]

BAD = ["nan", "-3", "inf", "1e999", "NaN", "-0.5"]
TABLE = "id,title,manager,fte\n1,Chief Executive,,1\n" + "".join(
    f"{n},Officer {n},1,{fte}\n" for n, fte in enumerate(BAD, 2)
)


def _refuse(value: str) -> float:
    raise ValueError(f"not JSON: {value}")


def _fte_issues(data: OrgData) -> list[tuple[str, int | None]]:
    return [(i.code, i.prov.line) for i in data.issues if i.code == "bad-value"]


@pytest.mark.parametrize("name", ["hr.csv", "d3.csv", "hr.xlsx"])
def test_table_readers_drop_what_is_no_fte(write: Write, tmp_path: Path, name: str) -> None:
    text = TABLE.replace("manager", "parentId") if name == "d3.csv" else TABLE
    if name.endswith(".xlsx"):
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for line in text.splitlines():
            sheet.append(line.split(","))
        book.save(path := tmp_path / name)
    else:
        path = write(name, text)
    data = read_source(path)
    assert [p.fte for p in data.posts] == [1.0] + [None] * len(BAD)
    assert _fte_issues(data) == [("bad-value", n) for n in range(3, 3 + len(BAD))]


def test_organogram_rows_drop_what_is_no_fte(write: Write) -> None:
    junior = (
        "Parent Department,Organisation,Unit,Reporting Senior Post,Grade,Generic Job Title,"
        "Number of Posts in FTE\n"
        "Dept X,Dept X,Finance,3,EO,Auditor,4.5\nDept X,Dept X,Finance,3,EO,Clerk,nan\n"
        "Dept X,Dept X,Finance,3,HEO,Accountant,-2\n"
    )
    data = read_source(write("x-junior.csv", junior))
    assert [p.fte for p in data.posts] == [4.5, None, None]
    assert _fte_issues(data) == [("bad-value", 3), ("bad-value", 4)]


def test_json_tree_drops_what_is_no_fte(write: Write) -> None:
    tree = '{"name": "CEO", "fte": 1e999, "children": [{"name": "CFO", "fte": -1}]}'
    data = read_source(write("tree.json", tree))
    assert [p.fte for p in data.posts] == [None, None]
    assert len(_fte_issues(data)) == 2


@pytest.mark.parametrize("fte", ["1e999", "-1", "NaN"])
def test_org_file_refuses_what_is_no_fte(write: Write, fte: str) -> None:
    text = (
        '{"organizations": [{"name": "City", "posts": [\n'
        f'  {{"id": "a", "title": "Mayor", "root": true, "fte": {fte}}}\n]}}]}}\n'
    )
    with pytest.raises(SourceError, match=r"org.json:2: .*fte"):
        read_source(write("org.json", text))


@pytest.mark.parametrize("command", [["stats"], ["show"], ["validate"]])
def test_json_output_of_such_a_file_is_strict_json(
    cli: Cli, tmp_path: Path, command: list[str]
) -> None:
    (tmp_path / "fte.csv").write_text(TABLE, encoding="utf-8")
    result = cli(*command, "-s", "fte.csv", "-f", "json", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    json.loads(result.stdout, parse_constant=_refuse)
    said = result.stderr + result.stdout
    assert "FTE 'nan' is not a finite number" in said and "FTE '-3' is negative" in said


# A comma in a number: the decimal mark where it cannot group thousands, and, where it
# could, as the file's delimiter says (';' files are European Excel's, with '0,5').
# Each value, then what it reads as in a ';' file and in a ',' file.
COMMA_FTES = [
    ("1,0", 1.0, 1.0), ("0,5", 0.5, 0.5), ("1,25", 1.25, 1.25), ("12,000", 12.0, 12000.0),
    ("1,234.5", 1234.5, 1234.5), ("1.000,5", 1000.5, 1000.5),
]  # fmt: skip


def _comma_table(delimiter: str, parent: str = "manager") -> str:
    def cell(v: str) -> str:
        return f'"{v}"' if delimiter in v else v

    rows = [f"1{delimiter}Chief{delimiter}{delimiter}1"] + [
        delimiter.join([str(n), f"Officer {n}", "1", cell(fte)])
        for n, (fte, _, _) in enumerate(COMMA_FTES, 2)
    ]
    return delimiter.join(["id", "title", parent, "fte"]) + "\n" + "\n".join(rows) + "\n"


@pytest.mark.parametrize("delimiter", [";", ","])
@pytest.mark.parametrize(
    ("name", "encoding"), [("hr.csv", "utf-8"), ("hr.csv", "cp1252"), ("d3.csv", "utf-8")]
)  # utf-8 takes pyarrow, cp1252 (a 'é' below) the csv module; d3 is the id/parentId reader
def test_a_comma_in_an_fte_follows_the_files_delimiter(
    write: Write, name: str, encoding: str, delimiter: str
) -> None:
    text = _comma_table(delimiter, "parentId" if name == "d3.csv" else "manager")
    path = write(name, text.replace("Chief", "Chief exécutif").encode(encoding))
    data = read_source(path)
    expected = [semi if delimiter == ";" else comma for _, semi, comma in COMMA_FTES]
    assert [p.fte for p in data.posts] == [1.0, *expected]
    assert _fte_issues(data) == []


def test_organogram_fte_with_a_decimal_comma(write: Write) -> None:
    junior = (
        "Parent Department;Organisation;Unit;Reporting Senior Post;Grade;Generic Job Title;"
        "Number of Posts in FTE\n"
        "Dept X;Dept X;Finance;3;EO;Auditor;4,5\nDept X;Dept X;Finance;3;EO;Clerk;12,000\n"
    )
    data = read_source(write("junior.csv", junior), fmt="organogram")
    assert [p.fte for p in data.posts] == [4.5, 12.0]


def test_spreadsheet_text_fte_with_a_comma_that_cannot_group_thousands(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [["id", "title", "manager", "fte"], ["1", "Chief", "", "0,5"],
                ["2", "Clerk", "1", "12,000"], ["3", "Aide", "1", 0.75]]:  # fmt: skip
        sheet.append(row)
    book.save(path := tmp_path / "hr.xlsx")
    assert [p.fte for p in read_source(path).posts] == [0.5, 12000.0, 0.75]


def test_a_comma_fte_that_is_no_number_is_reported(write: Write) -> None:
    data = read_source(write("hr.csv", 'id,title,manager,fte\n1,Chief,,"1,2,3"\n'))
    assert [p.fte for p in data.posts] == [None]
    assert [i.message for i in data.issues if i.code == "bad-value"] == [
        "FTE '1,2,3' is not a number; ignored"
    ]
