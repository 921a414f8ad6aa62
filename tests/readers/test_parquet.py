"""Parquet in: a table another system wrote is read as its CSV export would be."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from orgmodel.errors import SourceError
from orgmodel.readers.parquet import read_parquet


def test_another_parquet_table_is_read_as_a_csv_table_would_be(tmp_path: Path) -> None:
    path = tmp_path / "hr.parquet"
    table = pa.table(
        {
            "EmpID": [1, 2, 3],
            "Job Title": ["City Clerk", "Deputy City Clerk", "Elections Director"],
            "Manager ID": [None, 1, 1],
            "FTE": [1.0, 0.5, 1.0],
        }
    )
    pq.write_table(table, path)
    data = read_parquet(path)
    assert [(p.id, p.title, p.fte) for p in data.posts] == [
        ("1", "City Clerk", 1.0),
        ("2", "Deputy City Clerk", 0.5),
        ("3", "Elections Director", 1.0),
    ]
    assert sorted((r.subject, r.object) for r in data.relations) == [("2", "1"), ("3", "1")]
    assert data.posts[1].prov.where() == f"{path}:2"


def test_a_file_that_is_no_parquet_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "bad.parquet").write_text("id,title\n")
    with pytest.raises(SourceError, match=r"bad\.parquet: is not a readable Parquet file"):
        read_parquet(tmp_path / "bad.parquet")
