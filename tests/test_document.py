"""The saved document is exactly what the org file's models would dump, without a model per post."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from orgmodel.document import org_document
from orgmodel.model import FORMAT_VERSION, OrgFile
from orgmodel.records import OrgData
from tests.test_orgfile import org_data


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(org_data())
def test_the_document_is_what_the_schema_dumps_with_defaults_left_out(data: OrgData) -> None:
    doc = org_document(data)
    dumped = OrgFile.model_validate(doc).model_dump(mode="json", exclude_defaults=True)
    assert doc == {"orgmodel": FORMAT_VERSION, **dumped}
    assert list(doc) == ["orgmodel", *dumped]  # and in the schema's order
