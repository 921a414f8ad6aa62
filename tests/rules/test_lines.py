"""Two primary superiors from one source, and dotted lines that repeat or stand alone."""

from __future__ import annotations

from pathlib import Path

from orgmodel.rules.registry import get
from tests.rules.helpers import codes, graph_of, run_rule, validate_files

TWO_SUPERIORS = get("L001").examples()["fails"]  # the COO reports to [deputy, supt]


def test_two_primary_superiors_in_one_file(tmp_path: Path) -> None:
    findings = validate_files(TWO_SUPERIORS, tmp_path)
    (finding,) = [f for f in findings if f.code == "L001"]
    where = tmp_path / "example-0.yaml"
    assert finding.message == (
        f"Chief Operating Officer has 2 primary superiors: Deputy Superintendent ({where}:6) "
        f"and Superintendent of Schools ({where}:6); the chart uses the first "
        "(make the others secondary lines)"
    )
    assert finding.subjects == ("coo", "deputy", "supt")
    assert "X001" not in codes(findings)


def test_the_same_superior_twice_is_not_two(tmp_path: Path) -> None:
    graph = graph_of(TWO_SUPERIORS.replace("[deputy, supt]", "[deputy, deputy]"), tmp_path)
    assert run_rule(graph, "L001") == []


def test_dotted_line_to_the_primary_superior_in_a_csv(tmp_path: Path) -> None:
    graph = graph_of(
        """
        # hr.csv
        id,title,manager,dotted line manager
        1,Mayor,,
        2,Chief of Staff,1,
        3,City Clerk,1,1
        4,Deputy Clerk,3,2
        """,
        tmp_path,
    )
    (finding,) = run_rule(graph, "L002")
    assert finding.subjects == ("3", "1")
    assert (
        finding.message
        == "City Clerk has a dotted line to Mayor, who is already its primary superior"
    )
    assert finding.where() == f"{tmp_path / 'hr.csv'}:4"


def test_a_dotted_line_alone_is_l003_not_an_orphan(tmp_path: Path) -> None:
    findings = validate_files(
        """
        organizations:
          - name: City of Hartford
            posts:
              - {id: mayor, title: Mayor, root: true}
              - {id: clerk, title: City Clerk, secondary: mayor}
              - {id: deputy, title: Deputy City Clerk, reports_to: clerk}
        """,
        tmp_path,
    )
    assert [(f.code, f.subjects) for f in findings if f.severity != "info"] == [
        ("L003", ("clerk", "mayor"))
    ]


def test_an_unresolved_primary_reference_is_not_a_missing_one(tmp_path: Path) -> None:
    findings = validate_files(
        """
        organizations:
          - name: City of Hartford
            posts:
              - {id: mayor, title: Mayor, root: true}
              - {id: clerk, title: City Clerk, reports_to: Town Manager, secondary: mayor}
        """,
        tmp_path,
    )
    assert codes(findings) == ["R003"]
