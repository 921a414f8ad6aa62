"""The two ways a CSV is parsed (pyarrow, csv module) and the two ways a table reaches the graph
(column-wise block, records) give the same answers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgmodel.errors import SourceError
from orgmodel.graph import OrgGraph, queries
from orgmodel.names.rules import squash
from orgmodel.readers.table import read_raw, read_raw_fast, read_table

HEADER = ["Employee ID", "Name", "Job Title", "Department", "Organization", "FTE",
          "Manager", "Dotted Line Manager", "Badge"]  # fmt: skip

_IDS = [str(i) for i in range(12)]
_NAMES = ["Ana Ruiz", "ana  ruiz", " Li\tWei ", "Vacant", "José Núñez", "O'Hara, Pat", "", "Li Wei"]
_TMP = [HealthCheck.function_scoped_fixture]  # tmp_path is reused across examples: fine here
cells = st.sampled_from(["", "x", "a,b", 'say "hi"', "  padded  ", "Ünïcode", "1.5"])


@st.composite
def tables(draw: st.DrawFn) -> list[list[str]]:
    rows = []
    for _ in range(draw(st.integers(1, 25))):
        rows.append(
            [
                draw(st.sampled_from([*_IDS, "", " 3 "])),
                draw(st.sampled_from(_NAMES)),
                draw(st.sampled_from(["Director", "Analyst", "", "Chief, Ops"])),
                draw(st.sampled_from(["Finance", "IT", ""])),
                draw(st.sampled_from(["City of Hartford", "", "Hartford Public Schools"])),
                draw(st.sampled_from(["", "1", "0.5", "half", " 2 "])),
                draw(st.sampled_from(["", *_IDS, "99", "Ana Ruiz", "li wei", "Director", "IT"])),
                draw(st.sampled_from(["", "1", "2;3", "Ana Ruiz", "Finance"])),  # (a department)
                draw(cells),
            ]
        )
    return rows


def _write(path: Path, rows: list[list[str]], newline: str = "\n") -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=newline)
    writer.writerow(HEADER)
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    return path


def _shape(graph: OrgGraph) -> dict[str, object]:
    ids = graph.id_of
    return {
        "posts": [tuple(p) for p in graph.posts],
        "parent": [ids(p) if p >= 0 else None for p in graph.parent],
        "parent_rel": [(r.object, r.prov) if r else None for r in graph.parent_rel],
        "extra": {ids(k): [(ids(s), r.prov) for s, r in v] for k, v in graph.extra_primary.items()},
        "secondary": {ids(k): [ids(s) for s, _ in v] for k, v in graph.secondary.items()},
        "duplicates": [(a.id, a.prov, b.prov) for a, b in graph.duplicates],
        "set_aside": {
            key: [(ids(s) if s >= 0 else None, r.object, r.qualifier) for s, r in lines]
            for key, lines in graph.duplicate_lines.items()
        },
        "not_body": [(r.subject, r.object) for r, _ in graph.resolution.not_body],
        "dangling": [(r.subject, r.object) for r in graph.resolution.dangling],
        "ambiguous": [(r.subject, r.object) for r, _ in graph.resolution.ambiguous],
        "depth": list(graph.depth),
        "roots": graph.roots,
        "stats": queries.stats(graph).to_dict(graph),
    }


@settings(max_examples=60, deadline=None, suppress_health_check=_TMP)
@given(tables(), st.sampled_from(["\n", "\r\n"]))
def test_fast_and_slow_parsers_agree(tmp_path: Path, rows: list[list[str]], newline: str) -> None:
    path = _write(tmp_path / "org.csv", rows, newline)
    fast = read_raw_fast(path, len(HEADER))
    slow = read_raw(path, len(HEADER))
    assert fast is not None  # a plain file takes the fast path
    assert [c.to_pylist() for c in fast.columns] == [c.to_pylist() for c in slow.columns]
    assert fast.lines.tolist() == slow.lines.tolist()


@settings(max_examples=60, deadline=None, suppress_health_check=_TMP)
@given(tables())
def test_block_and_records_build_the_same_graph(tmp_path: Path, rows: list[list[str]]) -> None:
    path = _write(tmp_path / "org.csv", rows)
    if not any(r[0].strip() for r in rows):
        return  # no row has an id: the reader refuses the file (tested elsewhere)
    columnar = read_table(path)
    as_records = read_table(path)
    as_records.materialize()
    assert _shape(OrgGraph(columnar)) == _shape(OrgGraph(as_records))


@settings(max_examples=40, deadline=None, suppress_health_check=_TMP)
@given(tables())
def test_cells_mean_what_the_row_says(tmp_path: Path, rows: list[list[str]]) -> None:
    path = _write(tmp_path / "org.csv", rows)
    kept = [r for r in rows if r[0].strip()]
    if not kept:
        return
    posts = read_table(path).posts
    assert [p.id for p in posts] == [r[0].strip() for r in kept]
    for post, row in zip(posts, kept, strict=True):
        holder = squash(row[1])
        vacant = holder.lower() == "vacant"
        assert post.holder == (None if vacant or not holder else holder)
        assert post.title == (row[2].strip() or (None if vacant else holder) or row[0].strip())
        assert post.root == (not squash(row[6]))
        fte = row[5].strip()
        assert post.fte == (float(fte) if fte.replace(".", "").isdigit() else None)
        attrs = post.attributes or {}
        assert attrs.get("status") == ("vacant" if vacant else None)
        assert attrs.get("Badge") == (row[8].strip() or None)


@pytest.mark.parametrize(
    "content",
    [
        # a blank line and a quoted newline
        'id,title,manager\n1,Mayor,\n\n2,Clerk,1\n3,"Deputy\nClerk",2\n',
        "id,title,manager\r1,Mayor,\r2,Clerk,1\r3,Deputy,2",  # old Mac line ends, no final newline
        "id,title,manager\n1,Mayor\n2,Clerk,1\n3,Deputy,2\n",  # a short row
    ],
)
def test_irregular_files_fall_back_and_keep_their_lines(tmp_path: Path, content: str) -> None:
    path = tmp_path / "org.csv"
    path.write_text(content, encoding="utf-8", newline="")
    data = read_table(path)
    lines = {p.id: p.prov.line for p in data.posts}
    expected = {"1": 2, "2": 3 if "\n\n" not in content else 4}
    assert {k: lines[k] for k in expected} == expected
    graph = OrgGraph(data)
    assert graph.id_of(graph.parent[graph.node("3")]) == "2"


def test_windows_1252_takes_the_csv_module(tmp_path: Path) -> None:
    path = tmp_path / "org.csv"
    path.write_bytes("id,name,manager\n1,José Núñez,\n2,Zoë,1\n".encode("cp1252"))
    assert read_raw_fast(path, 3) is None
    assert [p.holder for p in read_table(path).posts] == ["José Núñez", "Zoë"]


def test_a_large_table_finds_ids_in_their_sorted_order_or_by_scanning(tmp_path: Path) -> None:
    n = 30_000  # above the size at which single lookups scan the id column
    rows = [f"E{i},Post {i},{f'E{i // 3}' if i else ''}\n" for i in range(n)]
    path = tmp_path / "big.csv"
    path.write_text("id,title,manager\n" + "".join(rows))
    graph = OrgGraph(read_table(path))  # distinct ids: found in their sorted order
    assert graph.node("E29999") == 29999 and "E30000" not in graph.index
    for i in range(40):
        assert graph.index[f"E{i * 700}"] == i * 700
    assert graph.index._dict is None and len(graph.index) == n
    assert graph.id_of(graph.parent[graph.node("E29999")]) == "E9999"
    path.write_text("id,title,manager\n" + "".join(rows) + rows[5])  # an id twice
    graph = OrgGraph(read_table(path))
    for i in range(40):  # scanned, then enough lookups to build the dictionary
        assert graph.index[f"E{i * 700}"] == i * 700
    assert graph.index._dict is not None and len(graph.index) == n
    assert graph.id_of(graph.parent[graph.node("E29999")]) == "E9999"


LONG_ROW = (
    "id,name,title,manager\n1,Ana Ruiz,City Clerk,\n2,Smith, John,Analyst,1\n3,Bo,Clerk,1,,\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])  # the fast path, and the csv module's
def test_a_row_longer_than_the_header_is_reported_with_its_line(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "org.csv"
    path.write_bytes(LONG_ROW.replace("Bo", "Zoë").encode(encoding))
    data = read_table(path)
    issues = [(i.code, i.prov.line, i.subjects) for i in data.issues]
    assert issues == [("extra-cells", 3, ("2",))]  # row 4's extra cells are empty: no loss
    assert "the row has 5 cells, the header 4: '1'" in data.issues[0].message
    assert [p.title for p in data.posts] == ["City Clerk", "John", "Clerk"]  # read as it stands


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ('id,title,manager\n1,Mayor,\n2,"Clerk,1\n3,Deputy,2\n', 3),  # swallows the rest
        ('id,title,manager\n1,Mayor,\n2,Clerk,1\n3,Deputy,"2\n', 4),  # the last line's own
        ('id,title,manager\n1,Mayor,\n2,Clerk,1\n3,"Dep\nuty",2\n4,x,"2', 6),  # no final newline
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_a_quote_never_closed_is_an_error_with_its_line(
    tmp_path: Path, content: str, line: int, encoding: str
) -> None:
    path = tmp_path / "org.csv"
    path.write_bytes(content.encode(encoding))
    assert read_raw_fast(path, 3) is None  # pyarrow would end the value at the end of the file
    with pytest.raises(SourceError, match=rf"org.csv:{line}: malformed CSV: a quoted value"):
        read_table(path)


def test_text_after_a_closing_quote_is_read_by_both_parsers_alike(tmp_path: Path) -> None:
    path = tmp_path / "org.csv"
    path.write_text('id,name,manager\n1,"Smith" Jr,\n2,Sm"ith,1\n', encoding="utf-8")
    fast = read_raw_fast(path, 3)
    assert fast is not None
    assert fast.columns[1].to_pylist() == read_raw(path, 3).columns[1].to_pylist()
    assert fast.columns[1].to_pylist() == ["Smith Jr", 'Sm"ith']
