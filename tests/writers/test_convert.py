"""``orgmodel convert``: formats by ending or --to, losses on stderr, mapping files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgmodel.errors import UsageError
from orgmodel.readers import read_source
from orgmodel.readers.mapfile import read_map
from orgmodel.writers.convert import convert
from tests.conftest import Cli

HR = (
    "\ufeffEmployee_Name,EmpID,PositionID,Position,Department,ManagerName,ManagerID\r\n"
    '"Lindqvist, Margaret",100418,1,City Clerk,Clerk\'s Office       ,,\r\n'
    '"Okonkwo, Daniel",100422,2,Chief Assistant City Clerk,Clerk\'s Office,Margaret Lindqvist,7\r\n'
    '"Natarajan, Priya",100451,3,Director of Administration,Clerk\'s Office,Daniel Okonkwo,9\r\n'
)


def test_convert_writes_the_format_of_the_ending(cli: Cli, tmp_path: Path) -> None:
    result = cli("convert", "-o", str(tmp_path / "org.d3.json"))
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout and "(d3)" in result.stdout
    assert "warning: d3:" in result.stderr and "dotted line(s): dropped" in result.stderr
    nodes = json.loads((tmp_path / "org.d3.json").read_text(encoding="utf-8"))
    assert any(n["id"] == "hps-coo" for n in nodes)


def test_to_overrides_the_ending_and_bad_names_fail_first(cli: Cli, tmp_path: Path) -> None:
    assert cli("convert", "-o", str(tmp_path / "org.json"), "--to", "popolo").returncode == 0
    assert "persons" in json.loads((tmp_path / "org.json").read_text(encoding="utf-8"))
    bad = cli("convert", "-o", str(tmp_path / "org.xyz"))
    assert bad.returncode == 2 and "cannot tell the output format" in bad.stderr
    assert not (tmp_path / "org.xyz").exists()


def test_hr_export_with_map_then_saved_map(cli: Cli, tmp_path: Path) -> None:
    hr = tmp_path / "hr.csv"
    hr.write_bytes(HR.encode("utf-8"))
    unclear = cli("convert", "-s", str(hr), "-o", str(tmp_path / "a.yaml"))
    assert unclear.returncode == 2 and "two columns could be the id" in unclear.stderr
    saved = tmp_path / "hr.toml"
    first = cli("convert", "-s", str(hr), "--map", "id=EmpID,manager=ManagerName",
                "-o", str(tmp_path / "a.yaml"), "--save-map", str(saved))  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert read_map(saved) == {
        "id": "EmpID", "manager": "ManagerName", "title": "Position", "name": "Employee_Name",
        "unit": "Department",
    }  # fmt: skip
    again = cli("convert", "-s", str(hr), "--map-file", str(saved), "-o", str(tmp_path / "b.csv"))
    assert again.returncode == 0, again.stderr
    back = read_source(tmp_path / "b.csv")
    assert [(p.id, p.holder) for p in back.posts][:2] == [
        ("100418", "Margaret Lindqvist"),
        ("100422", "Daniel Okonkwo"),
    ]
    assert [(r.subject, r.object) for r in back.relations] == [
        ("100422", "100418"),
        ("100451", "100422"),
    ]


def test_library_convert_lists_losses(tmp_path: Path) -> None:
    src = tmp_path / "org.csv"
    src.write_text("id,title,manager,dotted line manager id\n1,Mayor,,\n2,Clerk,1,\n3,Aide,2,1\n")
    result = convert([src], tmp_path / "org.d3.json")
    assert result.graph.post_count == 3
    assert any(line.startswith("1 dotted line(s): dropped") for line in result.lost)
    with pytest.raises(UsageError, match="unknown output format 'xml'"):
        convert([src], tmp_path / "org.xml", to="xml")


def test_library_convert_refuses_to_write_over_a_source(tmp_path: Path) -> None:
    source = tmp_path / "org.csv"
    text = "id,title,manager\n1,Mayor,\n2,City Clerk,1\n"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match="is one of the sources; write elsewhere"):
        convert([tmp_path / "." / "org.csv"], source)
    assert source.read_text(encoding="utf-8") == text
