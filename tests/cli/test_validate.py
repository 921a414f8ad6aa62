"""`orgmodel validate` and `orgmodel rules` as a script or a CI job meets them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from orgmodel.rules.registry import RULES
from tests.conftest import ROOT, Cli

CSV = """id,title,manager,fte
1,City Clerk,,1
2,Deputy City Clerk,2,1
3,Elections Director,1,1
4,Records Manager,7,half
"""
WARNINGS_ONLY = "id,title,manager\n1,City Clerk,\n2,Deputy,1\n3,Clerk,1\n,Stray,1\n"
CLEAN = "id,title,manager\n1,City Clerk,\n2,Deputy,1\n3,Clerk,1\n"
LINE = re.compile(r"^(\S+):(\d+)?: ([A-Z]\d{3}) \[(error|warning|info)\] .+$")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.csv"
    path.write_text(CSV)
    return path


def test_findings_print_file_line_code_severity_and_exit_1(cli: Cli, broken: Path) -> None:
    result = cli("validate", "-s", str(broken), cwd=broken.parent)  # no orgmodel.toml there
    assert result.returncode == 1, result.stderr
    *lines, summary = result.stdout.splitlines()
    assert all(LINE.match(line) for line in lines), lines
    assert [line.split()[1] for line in lines] == ["S002", "C002", "R003", "F002"]
    assert lines[1] == f"{broken}:3: C002 [error] Deputy City Clerk reports to itself"
    assert (
        summary
        == f"2 errors, 1 warning, 1 info in 4 posts and 0 units ({len(RULES)} rules checked)"
    )
    assert result.stderr == ""  # load problems are findings here, not warnings on stderr


def test_exit_0_when_clean_and_with_warnings_unless_strict(cli: Cli, tmp_path: Path) -> None:
    clean = tmp_path / "clean.csv"
    clean.write_text(CLEAN)
    result = cli("validate", "-s", str(clean), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        0,
        f"0 errors, 0 warnings, 0 info in 3 posts and 0 units ({len(RULES)} rules checked)\n",
    )
    warned = tmp_path / "warned.csv"
    warned.write_text(WARNINGS_ONLY)
    assert cli("validate", "-s", str(warned)).returncode == 0
    assert cli("validate", "-s", str(warned), "--strict").returncode == 1


def test_select_and_ignore(cli: Cli, broken: Path) -> None:
    only = cli(
        "validate", "-s", str(broken), "--select", "R,I", "--ignore", "I001", cwd=broken.parent
    )
    assert only.returncode == 1
    assert [line.split()[1] for line in only.stdout.splitlines()[:-1]] == ["R003"]
    picked = [c for c in RULES if c[0] in "RI" and c != "I001"]  # R001..R006, I002
    assert f"({len(picked)} rules checked)" in only.stdout
    none = cli("validate", "-s", str(broken), "--ignore", "C002", "--ignore", "R003,bad-value")
    assert none.returncode == 0 and none.stdout.startswith("0 errors")


@pytest.mark.parametrize("args", [["--select", "E501"], ["--ignore", "span-to-wide"]])
def test_an_unknown_code_is_a_usage_error(cli: Cli, broken: Path, args: list[str]) -> None:
    result = cli("validate", "-s", str(broken), *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "unknown rule" in result.stderr and result.stdout == ""


def test_a_bad_source_is_exit_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("validate", "-s", str(tmp_path / "missing.yaml"))
    assert result.returncode == 2 and "not found" in result.stderr


def test_config_file_sets_severity_limits_and_ignores(cli: Cli, tmp_path: Path) -> None:
    org = tmp_path / "org.csv"
    org.write_text(
        "id,title,manager\n1,Director,\n" + "".join(f"{i},Analyst {i},1\n" for i in range(2, 9))
    )
    assert cli("validate", "-s", str(org)).returncode == 0
    config = tmp_path / "ci.toml"
    config.write_text(
        'sources = ["org.csv"]\n[validate]\n'
        '[validate.rules.span-too-wide]\nlimit = 5\nseverity = "error"\n'
    )
    result = cli("validate", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 1
    assert "S001 [error] Director has 7 direct reports (limit 5)" in result.stdout
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.orgmodel]\nsources = ["org.csv"]\n[tool.orgmodel.validate]\nstrict = true\n'
        "[tool.orgmodel.validate.rules.S001]\nlimit = 6\n"
    )
    assert cli("validate", cwd=tmp_path).returncode == 1  # a warning, and strict
    assert cli("validate", "--ignore", "S001", cwd=tmp_path).returncode == 0
    config.write_text("[validate]\nignore = ['S0O1']\n")
    bad = cli("validate", "-s", str(org), "--config", str(config))
    assert bad.returncode == 2 and f"{config}: [validate] select/ignore: unknown rule" in bad.stderr


def test_inline_suppression_from_the_org_file(cli: Cli, tmp_path: Path) -> None:
    org = tmp_path / "org.yaml"
    org.write_text(
        "organizations:\n  - name: City of Hartford\n    posts:\n"
        "      - {id: mayor, title: Mayor, root: true}\n"
        "      - {id: clerk, title: City Clerk, reports_to: clerk, ignore: [self-report]}\n"
    )
    result = cli("validate", "-s", str(org), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.endswith(f"({len(RULES)} rules checked; 1 suppressed inline)\n")


def test_json_report(cli: Cli, broken: Path) -> None:
    result = cli("validate", "-s", str(broken), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert report["stats"]["by_code"] == {"C002": 1, "F002": 1, "R003": 1}
    first = report["findings"][0]
    assert first["code"] == "C002" and first["name"] == "self-report" and first["subjects"] == ["2"]
    assert first["sources"] == [{"file": str(broken), "line": 3}]


def test_the_sample_data_in_this_repository(cli: Cli) -> None:
    result = cli("validate")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(
        "data/hartford-public-schools.yaml:246: X001 [error] sources disagree on who Director "
        "of Transportation (Hartford Public Schools) reports to"
    )
    assert "S002" not in result.stdout  # orgmodel.toml ignores single-report here
    page = (ROOT / "docs/validation.md").read_text(encoding="utf-8")
    assert result.stdout in page  # the documentation shows this very output


def test_rules_lists_every_rule_and_documents_one(cli: Cli) -> None:
    listing = cli("rules")
    assert listing.returncode == 0
    for code, rule in RULES.items():
        assert re.search(rf"^{code}\s+{rule.name}\s+{rule.severity}\b", listing.stdout, re.M), code
    doc = cli("rules", "span-too-wide")
    assert doc.stdout.startswith("S001 span-too-wide  (warning)\n")
    assert "Fails::" in doc.stdout and "Passes::" in doc.stdout
    assert "Options (set in [validate.rules.span-too-wide]): limit = 15" in doc.stdout
    assert json.loads(cli("rules", "C002", "--format", "json").stdout)["name"] == "self-report"
    unknown = cli("rules", "E501")
    assert unknown.returncode == 2 and "unknown rule 'E501'" in unknown.stderr


def test_the_demo_runs_validate() -> None:
    from orgmodel.demo import NOTES, STEPS

    assert ["validate"] in STEPS and "deliberate" in NOTES["validate"]
