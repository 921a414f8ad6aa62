"""``orgmodel convert`` reads the settings once: what it saves is what it read with."""

from __future__ import annotations

from pathlib import Path

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
