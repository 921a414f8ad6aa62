"""``orgmodel convert`` reads the settings once: what it saves is what it read with."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from orgmodel.readers.mapfile import read_map
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


SENIOR_HEAD = (
    "Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,"
    "Parent Department,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,"
    "Salary Cost of Reports (£),FTE,Actual Pay Floor (£),Actual Pay Ceiling (£),,"
    "Professional/Occupational Group,Notes,Valid?\n"
)
_ORG = "Department for Examples,Department for Examples"
SENIOR = SENIOR_HEAD + "".join(
    f"{ref},{name},{grade},{title},Leads,{_ORG},{unit},0300 000,N/A,{boss},0,1,0,0,,Policy,,1\n"
    for ref, name, grade, title, unit, boss in (
        ("E1", "Rosalind Achebe", "SCS4", "Permanent Secretary", "Private Office", "XX"),
        ("E2", "N/D", "SCS2", "Director Roads", "Roads Group", "E1"),
        ("E3", "Kwame Ostrowski", "SCS1", "Deputy Director Bridges", "Roads Group", "E2"),
        ("E3", "Kwame Ostrowski", "SCS1", "Deputy Director Bridges", "Roads Group", "E2"),
        ("E4", "Vacant", "SCS1", "Deputy Director Tunnels", "Roads Group", "E2"),
        ("E4", "Lin Okafor", "SCS1", "Deputy Director Tolls", "Roads Group", "E1"),
    )
)
JUNIOR = (
    "Parent Department,Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),"
    "Payscale Maximum (£),Generic Job Title,Number of Posts in FTE,"
    "Professional/Occupational Group\n"
    f"{_ORG},Roads Group,E3,Grade 7,50000,60000,Bridge Engineer,4.5,Engineering\n"
    f"{_ORG},Roads Group,E3,SEO,40000,48000,Inspector,3,Engineering\n"
    f"{_ORG},Private Office,E1,EO,25000,30000,Diary Manager,1,Operational Delivery\n"
)


def test_senior_and_junior_saved_as_an_org_file_read_back(
    orgmodel: Orgmodel, tmp_path: Path
) -> None:
    """Units named by both files, rows that repeat an id: the file reads as the CSVs read."""
    (tmp_path / "examples-senior.csv").write_text(SENIOR, encoding="utf-8")
    (tmp_path / "examples-junior.csv").write_text(JUNIOR, encoding="utf-8")
    sources = ["-s", "examples-senior.csv", "-s", "examples-junior.csv"]
    wrote = orgmodel("convert", *sources, "-o", "org.yaml", "-q", cwd=tmp_path)
    assert wrote.code == 0, wrote.stderr
    direct = orgmodel("stats", *sources, "-q", "--format", "json", cwd=tmp_path)
    saved = orgmodel("stats", "-s", "org.yaml", "-q", "--format", "json", cwd=tmp_path)
    assert saved.code == 0, saved.stderr
    assert saved.stdout == direct.stdout and json.loads(saved.stdout)["posts"] == 7
    for args in (sources, ["-s", "org.yaml"]):  # the rows that repeat E3 and E4 are reported
        found = orgmodel("validate", *args, "--select", "I001", "--format", "json", cwd=tmp_path)
        assert [f["subjects"] for f in json.loads(found.stdout)["findings"]] == [["E3"], ["E4"]]
    (tmp_path / "plan.yaml").write_text("edits:\n  - retitle: E3\n    title: Deputy Director\n")
    applied = orgmodel("apply", "org.yaml", "plan.yaml", "-o", "proposed.yaml", "-q",
                       cwd=tmp_path)  # fmt: skip
    assert applied.code == 0, applied.stderr
    proposed = orgmodel("stats", "-s", "proposed.yaml", "-q", "--format", "json", cwd=tmp_path)
    assert proposed.code == 0 and json.loads(proposed.stdout)["posts"] == 7


def test_the_sample_data_round_trips_through_the_command(
    orgmodel: Orgmodel, tmp_path: Path
) -> None:
    result = orgmodel("convert", "-o", str(tmp_path / "org.parquet"), "-q")
    assert result.code == 0, result
    assert "wrote" in result.stdout and "(parquet): 120 posts, 35 units, 5 organizations" in (
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
    assert (kinds.count("organization"), kinds.count("unit"), kinds.count("post")) == (5, 35, 120)
