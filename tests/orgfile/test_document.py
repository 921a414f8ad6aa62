"""The saved document is exactly what the org file's models would dump, without a model per post."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

from orgmodel.config import Settings
from orgmodel.graph.columns import PostBlock
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
