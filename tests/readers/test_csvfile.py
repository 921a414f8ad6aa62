"""Reading table text: the delimiter a header shows, and files that mix UTF-8 and Windows-1252."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.errors import SourceError
from orgmodel.readers import read_source
from orgmodel.readers.csvfile import iter_rows, open_table, read_header, sniff_delimiter
from orgmodel.readers.table import read_raw, read_raw_fast, read_table
from orgmodel.records import LoadIssue

Write = Callable[[str, str | bytes], Path]

ROWS = [
    ["id", "title", "manager", "department"],
    ["1", "City Manager", "", "Executive Office"],
    ["2", "Deputy City Manager, Operations", "1", "Executive Office"],
    ["3", "Finance Director", "2", "Finance"],
]


def _delimited(delimiter: str) -> str:
    def cell(value: str) -> str:
        return f'"{value}"' if delimiter in value or "," in value else value

    return "".join(delimiter.join(cell(v) for v in row) + "\n" for row in ROWS)


@pytest.mark.parametrize(
    ("name", "delimiter"),
    [("org.tsv", "\t"), ("org.csv", ";"), ("org.csv", "|"), ("excel.csv", "\t"), ("org.csv", ",")],
)
def test_tables_are_split_at_the_delimiter_their_header_shows(
    write: Write, name: str, delimiter: str
) -> None:
    path = write(name, _delimited(delimiter))
    assert read_header(path) == ROWS[0]
    data = read_table(path)
    assert [(p.id, p.title) for p in data.posts] == [(r[0], r[1]) for r in ROWS[1:]]
    assert [r.object for r in data.relations if r.subject == "3"] == ["2"]
    fast = read_raw_fast(path, 4, delimiter)
    assert fast is not None  # the pyarrow path reads it too, and agrees with the csv module
    slow = read_raw(path, 4)
    assert [c.to_pylist() for c in fast.columns] == [c.to_pylist() for c in slow.columns]


def test_a_semicolon_file_with_windows_1252_takes_the_csv_module(write: Write) -> None:
    text = "id;Name;Manager\n1;José Núñez;\n2;Zoë Brontë;1\n"
    path = write("semi.csv", text.encode("cp1252"))
    assert read_raw_fast(path, 3, ";") is None
    assert [p.holder for p in read_source(path).posts] == ["José Núñez", "Zoë Brontë"]


def test_a_header_split_into_one_column_says_how_it_was_split(write: Write) -> None:
    path = write("colon.csv", "id:title:manager\n1:Mayor:\n2:Clerk:1\n")
    with pytest.raises(SourceError) as caught:
        read_source(path)
    message = str(caught.value)
    assert "split at ','" in message and "one column 'id:title:manager'" in message
    assert "--map" not in message


def test_sniffing_ignores_delimiters_inside_quotes() -> None:
    assert sniff_delimiter('"Dept; Unit";"a,b,c,d";id') == ";"
    assert sniff_delimiter("id,title,manager;x") == ","
    assert sniff_delimiter("name") == ","


def test_a_mixed_file_is_read_line_by_line_with_a_warning(write: Write) -> None:
    good = "id,title,manager\n1,Directeur général,\n"  # UTF-8
    pasted = "2,Café manager \u2013 cuisine,1\n".encode("cp1252")  # a row from another export
    both = "3,CFO \u2014 ".encode() + "café,1\n".encode("cp1252")  # one line holding both
    path = write("mixed.csv", good.encode() + pasted + both)
    data = read_source(path)
    assert [p.title for p in data.posts] == [
        "Directeur général", "Café manager \u2013 cuisine", "CFO \u2014 café",
    ]  # fmt: skip
    warned = [(i.code, i.prov.line) for i in data.issues]
    assert warned == [("mixed-encoding", 3)]


def test_a_file_all_in_windows_1252_is_read_without_a_warning(write: Write) -> None:
    path = write("latin.csv", "id,title,manager\n1,Café manager,\n2,Chef,1\n".encode("cp1252"))
    data = read_source(path)
    assert [p.title for p in data.posts] == ["Café manager", "Chef"]
    assert data.issues == []


def test_a_late_windows_1252_byte_in_a_utf8_file_is_read(write: Write) -> None:
    rows = "".join(f"{n},Analyst {n} – Équipe,1\n" for n in range(2, 5000))  # > 64 KB of UTF-8
    path = write("late.csv", ("id,title,manager\n1,Chief,\n" + rows).encode() + b"9999,Caf\xe9,1\n")
    issues: list[LoadIssue] = []
    with open_table(path) as handle:
        last = list(iter_rows(handle, str(path), issues))[-1]
    assert last == (5001, ["9999", "Café", "1"])
    assert [(i.code, i.prov.line) for i in issues] == [("mixed-encoding", 5001)]


def _windows_1252_then_utf8(extra: str) -> bytes:
    """A Windows-1252 row first, over 64 KB of ASCII, then UTF-8 rows (one with ``extra``)."""
    head = "id,title,manager\n1,Café,\n".encode("cp1252")
    ascii_rows = "".join(f"{n},Analyst {n},1\n" for n in range(2, 5000)).encode()
    assert len(ascii_rows) > 1 << 16
    return head + ascii_rows + f"5000,Café \u2014 Manager {extra},1\n".encode()


@pytest.mark.parametrize("extra", ["", "\u0141ód\u017a"])  # Ł is c5 81: 0x81 is no Windows-1252
def test_utf8_after_64_kb_of_windows_1252_is_read_as_utf8_with_a_warning(
    write: Write, extra: str
) -> None:
    path = write("late-utf8.csv", _windows_1252_then_utf8(extra))
    data = read_source(path)
    by_id = {p.id: p.title for p in data.posts}
    assert by_id["1"] == "Café"
    assert by_id["5000"] == f"Café \u2014 Manager {extra}".strip()
    assert [(i.code, i.prov.line) for i in data.issues] == [("mixed-encoding", 2)]


def test_a_large_file_all_in_windows_1252_gets_no_warning(write: Write) -> None:
    rows = "".join(f"{n},Analyste {n} – équipe,1\n" for n in range(2, 5000))
    path = write("latin-big.csv", ("id,title,manager\n1,Café,\n" + rows).encode("cp1252"))
    data = read_source(path)
    assert data.posts[-1].title == "Analyste 4999 – équipe"
    assert data.issues == []


def test_a_byte_in_neither_encoding_is_named_with_its_line_never_as_utf16(write: Write) -> None:
    path = write("bad.csv", "id,title,manager\n1,Café,\n".encode("cp1252") + b"2,X\x81,1\n")
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert caught.value.line == 3
    assert "0x81" in str(caught.value) and "UTF-16" not in str(caught.value)
