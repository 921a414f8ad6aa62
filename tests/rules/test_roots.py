"""Tops and loose ends: several tops, orphans, abolished tops, references to nothing or to many."""

from __future__ import annotations

from pathlib import Path

from orgmodel.rules.registry import get
from tests.rules.helpers import codes, graph_of, run_rule, validate_files

TWO_ORGS = """
organizations:
  - name: Ministry of Example
    posts:
      - {id: pus, title: Permanent Under-Secretary, root: true}
      - {id: cds, title: Chief of the Defence Staff, root: true}
      - {id: dg, title: Director General, reports_to: pus}
  - name: Agency of Example
    posts:
      - {id: ce, title: Chief Executive, root: true}
      - {id: coo, title: Chief Operating Officer, reports_to: ce}
"""


def test_several_tops_are_counted_per_organization(tmp_path: Path) -> None:
    graph = graph_of(TWO_ORGS, tmp_path)
    (finding,) = run_rule(graph, "R001")
    assert finding.subjects == ("pus", "cds")
    assert finding.message.startswith(
        "Ministry of Example has 2 top posts with no superior: Permanent Under-Secretary "
        "(Ministry of Example) ("
    )
    assert run_rule(graph, "R001", allowed=2) == []


def test_a_board_is_a_top_and_an_inferred_superior_too(tmp_path: Path) -> None:
    graph = graph_of(
        """
        organizations:
          - name: Hartford Public Schools
            units:
              - {id: board, name: Board of Education, kind: board}
            posts:
              - {id: supt, title: Superintendent of Schools, reports_to: board}
              - {id: hr, title: Chief Human Resources Officer, root: true}
        """,
        tmp_path,
    )
    (finding,) = run_rule(graph, "R001")
    assert set(finding.subjects) == {"board", "hr"}


def test_an_orphan_is_reported_once_and_not_counted_as_a_top(tmp_path: Path) -> None:
    findings = validate_files(
        """
        # hr.csv
        id,title,manager
        1,City Clerk,
        2,Deputy City Clerk,1
        3,Elections Director,1
        """
        "---\n"
        """
        # more.yaml
        posts:
          - {id: x, title: Records Manager}
        """,
        tmp_path,
    )
    assert [(f.code, f.subjects) for f in findings] == [("R002", ("x",))]
    assert findings[0].message == (
        "Records Manager has no superior and is not marked as the top of its organization"
    )


def test_junior_rows_naming_no_senior_post_are_orphans(tmp_path: Path) -> None:
    graph = graph_of(
        "# dept-junior.csv\n"
        "Parent Department,Organisation,Unit,Reporting Senior Post,Grade,Generic Job Title,"
        "Number of Posts in FTE\n"
        "Dept,Dept,Finance,,EO,Officer,3\n",
        tmp_path,
    )
    (finding,) = run_rule(graph, "R002")
    assert finding.subjects == ("/eo/officer",)
    assert run_rule(graph, "F009") == []  # the reader's note is this finding, not another


def test_references_to_nothing_are_one_finding_per_reference(tmp_path: Path) -> None:
    graph = graph_of(
        """
        # hr.csv
        id,title,manager,department
        1,City Clerk,,Clerk
        2,Deputy City Clerk,99,Clerk
        3,Elections Director,99,Clerk
        4,Records Manager,98,Clerk
        """,
        tmp_path,
    )
    found = sorted((f.subjects, f.message) for f in run_rule(graph, "R003"))
    assert found == [
        (
            ("2", "3"),
            "Deputy City Clerk, Elections Director reports to '99', which matches no post or unit",
        ),
        (("4",), "Records Manager reports to '98', which matches no post or unit"),
    ]
    assert run_rule(graph, "R002") == []  # they have a superior; it is only misspelt


def test_unit_and_head_references_to_nothing(tmp_path: Path) -> None:
    findings = validate_files(
        """
        organizations:
          - name: Hartford Public Schools
            units:
              - {id: ops, name: Operations Division, part_of: Administration Division}
            posts:
              - id: coo
                title: Chief Operating Officer
                root: true
                heads: [ops, Transport Office]
              - {id: a, title: Analyst, reports_to: coo, unit: Planning Office}
              - {id: b, title: Planner, reports_to: coo, unit: Planning Office}
        """,
        tmp_path,
    )
    messages = sorted(f.message for f in findings if f.code == "R003")
    assert messages == [
        "Analyst and Planner are in unit 'Planning Office', which matches no unit",
        "Chief Operating Officer heads 'Transport Office', which matches no post or unit",
        "Operations Division is part of unit 'Administration Division', which matches no unit",
    ]


def test_a_title_several_posts_share_is_ambiguous(tmp_path: Path) -> None:
    graph = graph_of(get("R004").examples()["fails"], tmp_path)  # Budget Analyst -> "Director"
    (finding,) = run_rule(graph, "R004")
    assert finding.subjects == ("analyst", "dir-a", "dir-b")
    assert "could be any of Director [dir-a] and Director [dir-b]" in finding.message
    assert codes(run_rule(graph, "R002")) == []


ORGANOGRAM = """
# dft-senior.csv
Post Unique Reference,Name,Job Title,Organisation,Reports to Senior Post
1,Jane Doe,Permanent Secretary,Department for Example,XX
2,Eliminated,Director General Roads,Department for Example,xx
3,Eliminated,Director Rail,Department for Example,1
4,Vacant,Director Maritime,Department for Example,1
"""


def test_eliminated_posts_left_as_tops(tmp_path: Path) -> None:
    findings = validate_files(ORGANOGRAM, tmp_path)
    assert [(f.code, f.subjects) for f in findings if f.severity != "info"] == [("R005", ("2",))]
    assert findings[0].message == (
        "Director General Roads is marked Eliminated but is still listed as a top post"
    )


DEPARTMENT_AS_SUPERIOR = """
# hr.csv
id,title,department,manager,dotted line manager
1,Chief Operating Officer,Operations Department,,
2,Facilities Manager,Operations Department,operations-department,
3,Custodian,Operations Department,Operations Department,
4,Planner,Operations Department,1,Operations Department
"""


def test_a_department_is_no_superior_by_id_or_by_name(tmp_path: Path) -> None:
    findings = [f for f in validate_files(DEPARTMENT_AS_SUPERIOR, tmp_path) if f.code != "S002"]
    assert codes(findings) == ["R006", "R006", "R006"]  # no R003: the names do match a unit
    assert findings[0].message == (
        "Facilities Manager reports to 'operations-department', which is a department "
        "(Operations Department), not a post or a board: the line is not used"
    )
    assert findings[1].message == (
        "Custodian reports to 'Operations Department', which is a department, "
        "not a post or a board: the line is not used"
    )
    assert findings[2].message.startswith("Planner has a dotted line to 'Operations Department'")
    unit = "operations-department"
    assert [f.subjects for f in findings] == [("2", unit), ("3", unit), ("4", unit)]
    graph = graph_of(DEPARTMENT_AS_SUPERIOR, tmp_path / "again")
    assert graph.node(unit) not in graph.roots  # no one reports to it: no top, no layer
