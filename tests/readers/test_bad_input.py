"""Damaged input across the readers: encodings, line endings, headers, malformed records.

Every reader says which file and which row or line, keeps going where it
safely can, and ends with how many records it skipped and why.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.errors import SourceError
from orgmodel.readers import read_source

Write = Callable[[str, str | bytes], Path]

D3_TEXT = (
    "id,parentId,name,positionName\r\n1,,Ana Ruiz,Mayor\n2,1,Li Wei,City Clerk\r"
    "3,1,Bo Berg,Treasurer\r\n"
)


@pytest.mark.parametrize("name", ["d3.csv", "plain.csv"])
def test_mixed_line_endings_keep_rows_and_lines(write: Write, name: str) -> None:
    text = D3_TEXT if name == "d3.csv" else D3_TEXT.replace("parentId", "manager")
    data = read_source(write(name, text))
    assert [(p.id, p.prov.line) for p in data.posts] == [("1", 2), ("2", 3), ("3", 4)]


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_utf16_and_windows_1252(write: Write, encoding: str) -> None:
    text = "id,parentId,name,positionName\n1,,José Núñez,Alcalde\n2,1,Zoë Brontë,Secretaria\n"
    data = read_source(write("d3.csv", text.encode(encoding)))
    assert [p.holder for p in data.posts] == ["José Núñez", "Zoë Brontë"]
    tree = json.dumps({"name": "Alcalde", "children": [{"name": "Secretaría"}]}, ensure_ascii=False)
    data = read_source(write("tree.json", tree.encode(encoding)))
    assert [p.title for p in data.posts] == ["Alcalde", "Secretaría"]


def test_unknown_encoding_is_a_clear_error(write: Write) -> None:
    # 0x81 and 0x8d are undefined in Windows-1252 and not UTF-8: no known text encoding
    with pytest.raises(SourceError, match=r"tree.json: is neither UTF-8 nor Windows-1252"):
        read_source(write("tree.json", b'{"name": "\x81\x8d"}'))
    with pytest.raises(SourceError, match=r"d3.csv:3: undecodable byte 0x81"):
        read_source(write("d3.csv", b"id,parentId\n1,\n2,\x81\n"))


def test_duplicate_and_empty_header_names_lose_nothing(write: Write) -> None:
    path = write("d3.csv", "id,parentId,notes,,notes,\n1,,first,unnamed,second,\n2,1,,,,\n")
    data = read_source(path)
    assert data.posts[0].attributes == {
        "notes": "first",
        "column 4": "unnamed",
        "notes (2)": "second",
    }
    assert data.posts[1].attributes is None
    assert sorted((i.code, i.prov.line) for i in data.issues) == [
        ("duplicate-column", 1), ("unnamed-column", 1), ("unnamed-column", 1),
    ]  # fmt: skip


def test_malformed_records_are_reported_and_skipped(write: Write) -> None:
    path = write("d3.csv", "id,parentId,fte\n1,,1\n,1,1\n2,1,lots\n,2,\n3,2,0.5\n")
    data = read_source(path)
    assert [p.id for p in data.posts] == ["1", "2", "3"]
    assert [(i.code, i.prov.line) for i in data.issues] == [
        ("row-skipped", 3), ("bad-value", 4), ("row-skipped", 5), ("records-skipped", None),
    ]  # fmt: skip
    assert data.issues[-1].message == "skipped 2 of 5 rows: no id (2)"


def test_nested_tree_with_a_broken_node_goes_on(write: Write) -> None:
    tree = {"name": "CEO", "children": ["oops", {"name": "CFO"}]}
    data = read_source(write("tree.json", json.dumps(tree)))
    assert [p.title for p in data.posts] == ["CEO", "CFO"]
    assert data.issues[0].message == "node $.children[0] is not an object; skipped"
    assert data.issues[-1].message == "skipped 1 of 3 nodes: not an object (1)"


def test_empty_and_header_only_files(write: Write) -> None:
    with pytest.raises(SourceError, match="is empty"):
        read_source(write("d3.csv", ""))
    with pytest.raises(SourceError, match="has a header but no rows"):
        read_source(write("d3.csv", "id,parentId\n"))
    with pytest.raises(SourceError, match="is empty"):
        read_source(write("tree.json", "  \n"))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("d3.csv", "id,parentId,name\n1,,Ana Ruiz\n2,1,Smith, John\n3,1,Bo,\n"),
        (
            "organogram-senior.csv",
            "Post Unique Reference,Reports to Senior Post,Job Title,Name\n1,XX,Mayor,Ana Ruiz\n"
            "2,1,Clerk,Smith, John\n3,1,Aide,Bo,\n",
        ),
    ],
)
def test_a_row_longer_than_the_header_is_noted_by_every_csv_reader(
    write: Write, name: str, text: str
) -> None:
    data = read_source(write(name, text))
    issues = [(i.code, i.prov.line, i.subjects) for i in data.issues if i.code == "extra-cells"]
    assert issues == [("extra-cells", 3, ("2",))]  # the last row's extra cell is empty: no note
    assert "cells, the header" in data.issues[0].message and "'John' past" in data.issues[0].message


def test_a_quote_never_closed_stops_every_csv_reader_at_its_line(write: Write) -> None:
    with pytest.raises(SourceError, match=r"d3.csv:3: malformed CSV: a quoted value"):
        read_source(write("d3.csv", 'id,parentId,name\n1,,Ana\n2,1,"Li\n3,1,Bo\n'))


@pytest.mark.parametrize("name", ["noids.csv", "d3.csv"])
def test_rows_that_all_lack_an_id_say_so(write: Write, name: str) -> None:
    text = "id,title,manager\n,Chief Executive,\n,Chief Financial Officer,\n"
    if name == "d3.csv":
        text = text.replace("manager", "parentId")
    with pytest.raises(SourceError) as caught:
        read_source(write(name, text))
    message = str(caught.value)
    assert message.startswith(f"{write(name, text)}:2: every row lacks an id")
    assert "lines 2, 3" in message and "no rows" not in message
