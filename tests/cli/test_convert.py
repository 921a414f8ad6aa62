"""``orgmodel convert`` reads the settings once: what it saves is what it read with."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from orgmodel.mapfile import read_map
from tests.cli.conftest import Orgmodel

HR = (
    "EmpID,PositionID,Position,ManagerName\n"
    "100418,1,City Clerk,\n"
    "100422,2,Chief Assistant City Clerk,City Clerk\n"
)


def test_saved_map_holds_the_toml_map_and_the_map_option(
    orgmodel: Orgmodel, tmp_path: Path
) -> None:
    # EmpID and PositionID could both be the id: orgmodel.toml says which, --map the manager
    (tmp_path / "hr.csv").write_text(HR, encoding="utf-8")
    (tmp_path / "orgmodel.toml").write_text('sources = ["hr.csv"]\n[map]\nid = "EmpID"\n')
    result = orgmodel(
        "convert", "--map", "manager=ManagerName", "-o", "org.yaml", "--save-map", "m.toml",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert "wrote org.yaml (yaml): 2 posts" in result.stdout
    saved = read_map(tmp_path / "m.toml")
    assert saved["id"] == "EmpID" and saved["manager"] == "ManagerName"


def test_the_sample_data_round_trips_through_the_command(
    orgmodel: Orgmodel, tmp_path: Path
) -> None:
    result = orgmodel("convert", "-o", str(tmp_path / "org.parquet"), "-q")
    assert result.code == 0, result
    assert "wrote" in result.stdout and "(parquet): 119 posts, 36 units, 5 organizations" in (
        result.stdout
    )
    direct = orgmodel("chain", "Hartford Public Schools: COO", "--all")
    back = orgmodel(
        "chain", "Hartford Public Schools: COO", "--all", "-s", str(tmp_path / "org.parquet")
    )
    assert back.code == 0, back
    assert back.stdout == direct.stdout  # every line, each with the source that states it
    table = pq.read_table(tmp_path / "org.parquet")
    kinds = table.column("kind").to_pylist()
    assert (kinds.count("organization"), kinds.count("unit"), kinds.count("post")) == (5, 36, 119)
