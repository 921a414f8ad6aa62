"""Span of control, single-report layers and layers, with limits from the options."""

from __future__ import annotations

from pathlib import Path

from tests.rules.helpers import graph_of, run_rule


def _fan(tmp_path: Path, reports: int) -> str:
    rows = "\n".join(f"{i},Analyst {i},1" for i in range(2, reports + 2))
    return f"# hr.csv\nid,title,manager\n1,Director,\n{rows}\n"


def test_span_above_the_limit_and_the_limit_option(tmp_path: Path) -> None:
    graph = graph_of(_fan(tmp_path, 16), tmp_path)
    (finding,) = run_rule(graph, "S001")
    assert finding.message == "Director has 16 direct reports (limit 15)"
    assert finding.where() == f"{tmp_path / 'hr.csv'}:2"
    assert run_rule(graph, "S001", limit=16) == []
    assert len(run_rule(graph_of(_fan(tmp_path, 15), tmp_path), "S001")) == 0


SENIOR = (
    "# dept-senior.csv\n"
    "Post Unique Reference,Name,Job Title,Organisation,Reports to Senior Post\n"
    "1,Jane Doe,Permanent Secretary,Dept,XX\n"
    "2,John Roe,Director,Dept,1\n"
    "3,Ann Poe,Deputy Director,Dept,2\n"
)
JUNIOR = (
    "# dept-junior.csv\n"
    "Parent Department,Organisation,Unit,Reporting Senior Post,Grade,Generic Job Title,"
    "Number of Posts in FTE\n"
    + "".join(f"Dept,Dept,Finance,3,EO,Officer {i},2\n" for i in range(20))
    + "Dept,Dept,Finance,2,HEO,Adviser,1\n"
)


def test_group_rows_are_not_direct_reports(tmp_path: Path) -> None:
    graph = graph_of(SENIOR + "---\n" + JUNIOR, tmp_path)
    assert graph.span(graph.node("3")) == 20
    assert run_rule(graph, "S001") == []  # twenty groups of junior staff, no direct report
    # the Director has one senior report and a group of advisers: more than one layer's work
    (single,) = run_rule(graph, "S002")
    assert single.subjects == ("1", "2")
    assert single.message == "Permanent Secretary has a single direct report, Director"


def test_layers_are_counted_per_organization(tmp_path: Path) -> None:
    chain = "\n".join(f"{i},Level {i},{i - 1 if i > 1 else ''},Deep Agency" for i in range(1, 12))
    flat = "\n".join(f"{i},Post {i},{100 if i > 100 else ''},Flat Agency" for i in range(100, 104))
    graph = graph_of(f"# hr.csv\nid,title,manager,organization\n{chain}\n{flat}\n", tmp_path)
    (finding,) = run_rule(graph, "S003")
    assert finding.message == (
        "Deep Agency has 11 layers (limit 10): from Level 1 (Deep Agency) down to "
        "Level 11 (Deep Agency)"
    )
    assert finding.subjects == ("11", "1")
    assert run_rule(graph, "S003", limit=11) == []
