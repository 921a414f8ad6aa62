"""The command line as a user meets it: answers, JSON, help, and clean errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from orgmodel.cli import app
from tests.conftest import ROOT, Cli, run_cli
from tests.inprocess import Run

COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)


def test_chain_works_in_a_fresh_clone_without_sources(cli: Cli) -> None:
    result = cli("chain", "Hartford Public Schools: COO")
    assert result.returncode == 0, result.stderr
    assert "Deputy Superintendent for Administration and Finance" in result.stdout
    assert result.stdout.index("Deputy Superintendent") < result.stdout.index("Board of Education")


@pytest.mark.parametrize(
    "args",
    [
        ["show", "--depth", "2"],
        ["chain", "hps-coo", "--all"],
        ["reports", "hps-coo", "--all", "--depth", "2"],
        ["common", "Director of Facilities", "Chief Financial Officer"],
        ["path", "Director of Transportation", "General Counsel"],
        ["oversees", "Facilities Department"],
        ["stats"],
    ],
)
def test_every_query_has_json(cli: Cli, args: list[str]) -> None:
    result = cli(*args, "--format", "json")
    assert result.returncode == 0, result.stderr
    json.loads(result.stdout)


def test_no_common_superior_exits_1(cli: Cli) -> None:
    result = cli("common", "hps-coo", "hfd-coo")
    assert result.returncode == 1
    assert "no common superior" in result.stdout


def _assert_clean_error(result: Run, *parts: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    for part in parts:
        assert part in result.stderr, result.stderr


def test_reports_of_a_department_names_its_head_instead(cli: Cli) -> None:
    result = cli("reports", "Facilities Department")
    _assert_clean_error(result, "is a department no post reports to", "'Director of Facilities'")


def test_bad_inputs_are_one_paragraph_and_exit_2(cli: Cli, tmp_path: Path) -> None:
    bad_yaml = tmp_path / "bad.yaml"
    bad_yaml.write_text("organizations:\n  - name: X\n    posts: [\n")
    _assert_clean_error(cli("stats", "-s", str(bad_yaml)), "bad.yaml:4:1", "invalid YAML")
    schema = tmp_path / "schema.yaml"
    schema.write_text("organizations:\n  - name: X\n    posts:\n      - {id: a}\n")
    _assert_clean_error(cli("stats", "-s", str(schema)), "line 4", "title", "Field required")
    dup = tmp_path / "dup.yaml"
    dup.write_text("organizations:\n  - name: X\n    posts:\n      - {id: a, title: A}\n"
                   "      - {id: a, title: B}\n")  # fmt: skip
    _assert_clean_error(cli("stats", "-s", str(dup)), "line 5", "line 4", "duplicate id")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    _assert_clean_error(cli("stats", "-s", str(empty)), "empty.csv", "is empty")
    nocols = tmp_path / "nocols.csv"
    nocols.write_text("a,b\n1,2\n")
    _assert_clean_error(cli("stats", "-s", str(nocols)), "no recognisable id and manager", "--map")
    _assert_clean_error(cli("stats", "-s", str(tmp_path / "missing.yaml")), "not found")
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\x00\x01\x02")
    _assert_clean_error(cli("stats", "-s", str(binary)), "binary")


def test_unknown_post_suggests_and_ambiguous_lists(cli: Cli) -> None:
    _assert_clean_error(cli("chain", "Superintendant"), "did you mean", "Superintendent of Schools")
    _assert_clean_error(cli("chain", "COO"), "matches 2 posts", "hfd-coo", "hps-coo")


def test_dangling_manager_is_reported_not_fatal(cli: Cli, tmp_path: Path) -> None:
    table = tmp_path / "org.csv"
    table.write_text("id,title,manager\n1,Mayor,\n2,Clerk,99\n")
    result = cli("stats", "-s", str(table))
    assert result.returncode == 0
    assert "org.csv:3" in result.stderr and "'99'" in result.stderr
    assert "matches no post" in result.stderr


def test_no_sources_anywhere_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    _assert_clean_error(cli("stats", cwd=tmp_path), "no sources given", "orgmodel.toml")


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    """The interpreter prints the traceback as the process ends: a subprocess it is."""
    result = run_cli("stats", "-s", str(tmp_path / "missing.yaml"), "--debug")
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_schema_command_prints_json_schema(cli: Cli) -> None:
    schema = json.loads(cli("schema").stdout)
    assert schema["title"] == "orgmodel org file"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_and_is_documented(cli: Cli, command: str) -> None:
    result = cli(command, "--help")
    assert result.returncode == 0
    assert "Example:" in result.stdout
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    assert re.search(rf"orgmodel {command}\b", pages), f"no page of docs/ shows `{command}`"


def test_extract_prints_the_json_contract(cli: Cli) -> None:
    result = cli("extract", "data/postings/hps-chief-operating-officer.md", "-f", "json")
    assert result.returncode == 0, result.stderr
    (record,) = json.loads(result.stdout)
    assert record["source"] == "data/postings/hps-chief-operating-officer.md"
    assert [(r["name"], r["kind"]) for r in record["reports_to"]] == [
        ("Deputy Superintendent for Administration and Finance", "primary"),
        ("Superintendent of Schools", "secondary"),
    ]
    assert [s["name"] for s in record["supervises"] if s["target"] == "unit"] == [
        "Office of Enrollment and School Choice",
        "Facilities Department",
        "Food & Child Nutrition Services Department",
        "Transportation Office",
        "Educational Technology",
    ]
    ev = record["reports_to"][0]["evidence"]
    assert ev["cue"] == "REPORTS TO:"
    assert ev["text"] == "Deputy Superintendent for Administration and Finance"


def test_extract_reports_a_bad_file_and_goes_on(cli: Cli, tmp_path: Path) -> None:
    good = ROOT / "data/postings/new-haven-it-project-leader.md"
    result = cli("extract", str(tmp_path / "missing.md"), str(good), "-f", "json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(json.loads(result.stdout)) == 1
