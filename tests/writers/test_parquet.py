"""Parquet out: orgmodel's own layout reads back every record that was saved."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from orgmodel.graph import OrgGraph
from orgmodel.readers import detect_format
from orgmodel.readers.parquet import read_parquet
from orgmodel.records import OrgData
from orgmodel.writers.parquet import render_parquet
from tests.test_orgfile import org_data


def _records(data: OrgData) -> tuple[object, ...]:
    return data.organizations, data.units, data.posts, data.relations, data.unit_ignores


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(org_data())
def test_save_then_load_gives_back_every_record(data: OrgData) -> None:
    content = render_parquet(data, OrgGraph(data)).content
    assert isinstance(content, bytes)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "org.parquet"
        path.write_bytes(content)
        assert detect_format(path) == "parquet"
        assert _records(read_parquet(path)) == _records(data)
