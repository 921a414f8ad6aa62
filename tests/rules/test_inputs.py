"""What the readers noted while loading, as findings (and nothing noted twice)."""

from __future__ import annotations

from pathlib import Path

from orgmodel.graph import OrgGraph
from orgmodel.records import LoadIssue, OrgData, PostRecord, Prov
from tests.rules.helpers import codes, graph_of, run_rule, validate_files


def test_rows_skipped_and_bad_values_in_a_csv(tmp_path: Path) -> None:
    findings = validate_files(
        "# hr.csv\nid,title,manager,fte\n1,City Clerk,,1\n,Deputy City Clerk,1,1\n"
        "3,Elections Director,1,half\n4,Records Manager,1,0.5\n",
        tmp_path,
    )
    found = [(f.code, f.where(), f.message) for f in findings if f.code.startswith("F")]
    csv = tmp_path / "hr.csv"
    assert found == [
        ("F001", f"{csv}:3", "row has no id; skipped"),
        ("F002", f"{csv}:4", "Elections Director: FTE 'half' is not a number; ignored"),
    ]


def test_a_posting_with_no_title_is_reported_once(tmp_path: Path) -> None:
    graph = graph_of(
        "# posting.md\nWe are hiring for our operations team.\n"
        "Reports To: Chief Operating Officer\n",
        tmp_path,
    )
    assert codes(run_rule(graph, "F004")) == ["F004"]
    assert run_rule(graph, "F003") == []  # the extractor's own "no title found" is the same


def test_an_unknown_reader_code_is_never_dropped() -> None:
    issue = LoadIssue("encoding-damage", "3 cells hold U+FFFD", Prov("org.csv", line=9), ("a",))
    graph = OrgGraph(OrgData(posts=[PostRecord("a", "Clerk", root=True)], issues=[issue]))
    (finding,) = run_rule(graph, "F009")
    assert finding.message == "Clerk: 3 cells hold U+FFFD (encoding-damage)"
    assert finding.where() == "org.csv:9" and finding.subjects == ("a",)
