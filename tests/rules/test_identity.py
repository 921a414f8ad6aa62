"""Ids used twice, and one post described twice under two ids."""

from __future__ import annotations

from pathlib import Path

from tests.rules.helpers import codes, graph_of, run_rule, validate_files


def test_an_id_in_two_org_files(tmp_path: Path) -> None:
    graph = graph_of(
        """
        # hps.yaml
        posts:
          - {id: e104, title: Director of Facilities, root: true}
        ---
        # hps-2.yaml
        posts:
          - {id: e104, title: Director of Transportation, root: true}
        """,
        tmp_path,
    )
    (finding,) = run_rule(graph, "I001")
    assert finding.subjects == ("e104",)
    assert [p.source for p in finding.sources] == [
        str(tmp_path / "hps.yaml"),
        str(tmp_path / "hps-2.yaml"),
    ]
    assert "used by 2 different rows: Director of Facilities (" in finding.message


CSV = """
# hr.csv
id,title,manager
1,City Clerk,
2,Deputy City Clerk,1
2,Deputy City Clerk,1
3,Elections Director,1
3,Elections Director,2
"""


def test_copies_and_conflicting_rows_are_told_apart(tmp_path: Path) -> None:
    findings = validate_files(CSV, tmp_path)
    dups = {f.subjects[0]: f.message for f in findings if f.code == "I001"}
    assert dups["2"].startswith("id '2' is on 2 rows that repeat the same post: ")
    assert dups["3"].startswith("id '3' is used by 2 different rows: ")  # another superior
    assert "L001" not in codes(findings)  # the second row is another post, not a second line


def test_a_second_row_that_reports_to_its_own_id_is_reported_once(tmp_path: Path) -> None:
    findings = validate_files(
        """
        # hr.csv
        id,title,manager
        1,City Clerk,
        1,Deputy City Clerk,1
        2,Elections Director,1
        3,Records Manager,1
        3,Records Manager,1
        """,
        tmp_path,
    )
    # the second row's line to '1' is set aside: no self-report, no loop, no one cut off
    assert codes(findings) == ["I001", "I001"]
    first, copies = (f.message for f in findings)
    assert first.endswith(
        "the post keeps the first row's details and lines (the others' are not used): "
        "give the others ids of their own"
    )
    assert "repeat the same post" in copies  # the same row twice: no line set aside


def test_one_person_twice_in_one_place(tmp_path: Path) -> None:
    graph = graph_of(
        """
        # hr.csv
        id,name,title,manager,department
        1,Ana Ruiz,Chief Information Officer,,IT
        2,Sam Chen,IT Project Leader,1,IT
        3,Sam Chen,IT  project leader,1,IT
        4,Lee Park,IT Project Leader,1,IT
        5,Sam Chen,Analyst,1,IT
        6,Lee Park,IT Project Leader,1,Finance
        """,
        tmp_path,
    )
    (finding,) = run_rule(graph, "I002")
    assert finding.subjects == ("2", "3")
    assert finding.message == (
        "2 posts titled 'IT Project Leader' in IT under Chief Information Officer, held by "
        "Sam Chen, look like one post described twice: IT Project Leader [2] and IT  project leader"
    )


def test_vacant_posts_only_when_asked(tmp_path: Path) -> None:
    graph = graph_of(
        """
        organizations:
          - name: City of Hartford
            posts:
              - {id: cio, title: Chief Information Officer, root: true}
              - {id: a, title: Analyst, grade: G7, reports_to: cio}
              - {id: b, title: Analyst, grade: G7, reports_to: cio}
              - {id: c, title: Analyst, grade: G6, reports_to: cio}
        """,
        tmp_path,
    )
    assert run_rule(graph, "I002") == []
    (finding,) = run_rule(graph, "I002", include_vacant=True)
    assert finding.subjects == ("a", "b") and "none of them held" in finding.message


def test_group_rows_are_never_the_same_post(tmp_path: Path) -> None:
    graph = graph_of(
        "# dept-junior.csv\n"
        "Parent Department,Organisation,Unit,Reporting Senior Post,Grade,Generic Job Title,"
        "Number of Posts in FTE\n"
        "Dept,Dept,Finance,1,EO,Officer,3\n"
        "Dept,Dept,Finance,1,EO,Officer,2\n",
        tmp_path,
    )
    assert run_rule(graph, "I002", include_vacant=True) == []
