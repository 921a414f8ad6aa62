"""Loops of primary lines: one finding per loop, whatever its length, with every line's source."""

from __future__ import annotations

from pathlib import Path

from tests.rules.helpers import codes, graph_of, run_rule

LOOP_OF_FIVE = """
organizations:
  - name: Example Agency
    posts:
      - {id: top, title: Chief Executive, root: true}
      - {id: a, title: Director A, reports_to: e}
      - {id: b, title: Director B, reports_to: a}
      - {id: c, title: Director C, reports_to: b}
      - {id: d, title: Director D, reports_to: c}
      - {id: e, title: Director E, reports_to: d}
      - {id: under, title: Analyst, reports_to: c}
      - {id: deeper, title: Clerk, reports_to: under}
      - {id: fine, title: Manager, reports_to: top}
"""


def test_a_loop_of_five_is_one_finding_naming_all_five(tmp_path: Path) -> None:
    (finding,) = run_rule(graph_of(LOOP_OF_FIVE, tmp_path), "C001")
    assert finding.subjects == ("a", "e", "d", "c", "b")  # from the post described first, up
    assert [p.line for p in finding.sources] == [5, 9, 8, 7, 6]
    assert finding.message == (
        "reporting cycle of 5 posts, each reporting to the next: Director A → Director E → "
        "Director D → Director C → "
        "Director B → Director A; 2 post(s) below it cannot be reached from the top"
    )
    assert finding.where().endswith("example-0.yaml:5")


def test_two_loops_and_a_self_report_are_three_findings(tmp_path: Path) -> None:
    graph = graph_of(
        """
        # hr.csv
        id,title,manager
        1,Mayor,
        2,Clerk,3
        3,Deputy Clerk,2
        4,Treasurer,5
        5,Deputy Treasurer,6
        6,Auditor,4
        7,Assessor,7
        8,Analyst,7
        """,
        tmp_path,
    )
    loops = run_rule(graph, "C001")
    assert sorted(f.subjects for f in loops) == [("2", "3"), ("4", "5", "6")]
    (self_report,) = run_rule(graph, "C002")
    assert self_report.subjects == ("7",)
    assert self_report.message == (
        "Assessor reports to itself; 1 post(s) below it cannot be reached from the top"
    )
    assert self_report.where() == f"{tmp_path / 'hr.csv'}:8"


def test_a_long_loop_is_named_up_to_the_shown_option(tmp_path: Path) -> None:
    rows = "\n".join(f"{i},Officer {i},{(i % 40) + 1}" for i in range(1, 41))
    graph = graph_of(f"# hr.csv\nid,title,manager\n{rows}\n", tmp_path)
    (finding,) = run_rule(graph, "C001", shown=3)
    assert len(finding.subjects) == 40 and len(finding.sources) == 40
    assert finding.message == (
        "reporting cycle of 40 posts, each reporting to the next: Officer 1 → Officer 2 → "
        "Officer 3 → … (40 posts)"
    )


def test_a_tree_has_no_loop(tmp_path: Path) -> None:
    rows = "\n".join(f"{i},Officer {i},{i // 2 if i > 1 else ''}" for i in range(1, 200))
    graph = graph_of(f"# hr.csv\nid,title,manager\n{rows}\n", tmp_path)
    assert codes(run_rule(graph, "C001") + run_rule(graph, "C002")) == []
