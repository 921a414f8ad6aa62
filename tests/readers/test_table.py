"""Flat CSV exports: column mapping, managers by id or name, bad input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.errors import SourceError
from orgmodel.graph import OrgGraph
from orgmodel.readers import detect_format, load_sources
from orgmodel.readers.table import _may_need_folding, mapping_for, parse_mapping, read_table

Write = Callable[[str, str | bytes], Path]


def test_manager_by_id(write: Write) -> None:
    path = write(
        "org.csv",
        "Employee ID,Name,Job Title,Department,Manager ID\n"
        "1,Ana Ruiz,City Manager,Executive Office,\n"
        "2,Vacant,Public Works Director,Public Works Department,1\n"
        "3,Li Wei,Fleet Supervisor,Public Works Department,2\n",
    )
    data = read_table(path)
    assert [(p.id, p.title, p.holder) for p in data.posts] == [
        ("1", "City Manager", "Ana Ruiz"),
        ("2", "Public Works Director", None),
        ("3", "Fleet Supervisor", "Li Wei"),
    ]
    assert data.posts[1].attributes == {"status": "vacant"}
    assert data.posts[0].root and not data.posts[1].root
    assert [u.name for u in data.units] == ["Executive Office", "Public Works Department"]
    graph = OrgGraph(data)
    assert graph.id_of(graph.parent[graph.node("3")]) == "2"
    assert [p.prov.line for p in data.posts] == [2, 3, 4]


def test_manager_by_name_with_bom_crlf_and_stray_spaces(write: Write) -> None:
    text = (
        "\ufeffEmpID,Employee Name,Position,Manager Name\r\n"
        "10,Grace  Oyelaran,Director,\r\n"
        "11,Tom Aske,Analyst,grace oyelaran\r\n"
        "12,Ida Berg,Analyst,Nobody Known\r\n"
    )
    path = write("hr.csv", text.encode("utf-8"))
    graph = OrgGraph(read_table(path))
    assert graph.id_of(graph.parent[graph.node("11")]) == "10"
    assert graph.parent[graph.node("12")] == -1  # kept, and the reference reported
    assert [r.object for r in graph.resolution.dangling] == ["Nobody Known"]


def test_explicit_mapping_and_secondary(write: Write) -> None:
    path = write(
        "x.csv",
        "key,label,boss,dotted\na,Chief,,\nb,Deputy,a,\nc,Analyst,b,a\n",
    )
    data = read_table(path, parse_mapping("id=key,title=label,manager=boss,secondary=dotted"))
    graph = OrgGraph(data)
    assert graph.secondary[graph.node("c")][0][0] == graph.node("a")


def test_mapping_picks_unambiguous_columns() -> None:
    assert mapping_for(["id", "title", "parent id"]) == {"id": 0, "title": 1, "manager": 2}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a,b,c\n1,2,3\n", "no recognisable id and manager column"),
        ("id,manager,manager\n1,,\n", "two columns could be the manager"),
        ("id,manager\n", "has a header but no rows"),
        ("", "is empty"),
    ],
)
def test_bad_tables(write: Write, text: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        read_table(write("bad.csv", text))


def test_bad_mapping_text() -> None:
    with pytest.raises(SourceError, match="unknown field 'boss'"):
        parse_mapping("boss=Manager")


def test_row_without_id_is_skipped_and_reported(write: Write) -> None:
    data = read_table(write("t.csv", "id,manager\n1,\n,1\n2,1\n"))
    assert [p.id for p in data.posts] == ["1", "2"]
    assert [(i.code, i.prov.line) for i in data.issues] == [("row-skipped", 3)]


def test_folder_of_mixed_files(write: Write, tmp_path: Path) -> None:
    write("a/org.csv", "id,manager\n1,\n2,1\n")
    write("a/org.yaml", "organizations:\n  - name: X\n    posts: [{id: p, title: Mayor}]\n")
    write("a/README.md", "not a source")
    write("a/.hidden.csv", "id,manager\n9,\n")
    data = load_sources([tmp_path / "a"])
    assert sorted(p.id for p in data.posts) == ["1", "2", "p"]
    assert detect_format(tmp_path / "a" / "org.csv") == "table"


def test_missing_source() -> None:
    with pytest.raises(SourceError, match="not found"):
        load_sources(["no/such/file.csv"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from("ab  \t\x00\x1f\x7fé~"), max_size=12), max_size=12)
)
def test_folding_is_looked_for_wherever_a_value_may_need_it(values: list[str]) -> None:
    """The byte scan that spares the regular expression says yes for text holding a control
    byte, a byte beyond ASCII or two spaces in a row (values side by side), and only then."""
    joined = "".join(values)
    expected = any(ord(c) < 0x20 or ord(c) >= 0x80 for c in joined) or "  " in joined
    assert _may_need_folding(pa.array(values, pa.string())) == expected
