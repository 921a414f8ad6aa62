"""The saved document is exactly what the org file's models would dump, without a model per post."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgmodel.config import Settings
from orgmodel.graph.columns import PostBlock
from orgmodel.orgfile.compact import dump_compact
from orgmodel.orgfile.document import org_document
from orgmodel.orgfile.schema import FORMAT_VERSION, OrgFile
from orgmodel.records import OrgData
from orgmodel.sources.load import load_data
from tests.orgfile.test_read_write import org_data


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(org_data())
def test_the_document_is_what_the_schema_dumps_with_defaults_left_out(data: OrgData) -> None:
    doc = org_document(data)
    dumped = OrgFile.model_validate(doc).model_dump(mode="json", exclude_defaults=True)
    assert doc == {"orgmodel": FORMAT_VERSION, **dumped}
    assert list(doc) == ["orgmodel", *dumped]  # and in the schema's order


HR = """id,title,name,department,manager,dotted manager,site,orgmodel.ignore
1,City Clerk,Ana Ruiz,Clerk's Office,,,Main,
2,Deputy City Clerk,Bo Li,Clerk's Office,1,,Main,S002
3,Elections Director,,Elections,1,2,Annex,
4,Records Manager,Cy Ode,Records,2,,,
"""


def test_a_tables_block_makes_the_document_its_records_make(tmp_path: Path) -> None:
    """Saving a table's posts column-wise gives what saving them as records gives."""
    (tmp_path / "hr.csv").write_text(HR)
    data = load_data([tmp_path / "hr.csv"], settings=Settings())
    assert data.chunks() and isinstance(data.chunks()[0], PostBlock)
    column_wise = org_document(data, tmp_path)
    data.materialize()
    assert org_document(data, tmp_path) == column_wise
    posts = column_wise["posts"]
    assert posts[2]["secondary"] == ["2"] and posts[1]["ignore"] == ["S002"]


def _table(tmp_path: Path, rows: list[list[str]]) -> OrgData:
    header = ["id", "title", "name", "department", "grade", "fte", "manager", "dotted manager"]
    lines = [",".join(header)] + [",".join(_csv_cell(c) for c in row) for row in rows]
    path = tmp_path / "hr.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = load_data([path], settings=Settings())
    assert data.chunks() and isinstance(data.chunks()[0], PostBlock)
    return data


def _csv_cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n') else value


CELLS = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=","),
        st.sampled_from(["\x85", "\x7f", "\x9f", "\u2028", '"', "\\", "é", "\U0001f600"]),
    ),
    max_size=12,
).map(str.strip)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    st.lists(
        st.tuples(CELLS, CELLS, CELLS, st.sampled_from(["", "1", "0.5", "0.00001", "2.5e-7"])),
        min_size=1,
        max_size=8,
    )
)
def test_a_tables_posts_written_as_lines_read_as_their_dicts(
    tmp_path: Path, cells: list[tuple[str, str, str, str]]
) -> None:
    """The JSON lines a big file's posts are written as, straight from the columns, hold what
    the dicts hold (any text: quotes, backslashes, line separators, non-ASCII), and YAML reads
    them as JSON does."""
    rows = [
        [
            str(i + 1),
            title or "Clerk",
            name,
            dept,
            grade,
            fte,
            "1" if i else "",
            "1" if i > 1 else "",
        ]
        for i, (title, name, dept, fte) in enumerate(cells)
        for grade in [name[:3]]
    ]
    data = _table(tmp_path, rows)
    doc = org_document(data, tmp_path)
    lines = org_document(data, tmp_path, encoded=True)
    written = [p for p in lines["posts"] if isinstance(p, str)]
    assert written, "the block's rows come as lines"
    assert [json.loads(p) if isinstance(p, str) else p for p in lines["posts"]] == doc["posts"]
    for fmt, parse in (("json", json.loads), ("yaml", yaml.safe_load)):
        assert parse(dump_compact(lines, fmt)) == parse(dump_compact(doc, fmt)) == doc
