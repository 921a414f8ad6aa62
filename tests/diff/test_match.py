"""Matching posts when ids differ or are absent, with confidence, and the mapping file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.diff.changes import compare
from orgmodel.diff.match import RULES, match, read_mapping
from orgmodel.errors import SourceError
from orgmodel.sources.load import load_graph
from tests.diff.helpers import BASE, graph

Write = Callable[[str, str], Path]

# Two HR exports of the same office, numbered by two different systems: the
# Deputy Clerk moved under the City Clerk, one Elections Specialist was added.
EXPORT_2024 = """\
Employee ID,Name,Job Title,Manager ID
100,Margaret Lindqvist,City Clerk,
101,Daniel Okonkwo,Chief Assistant City Clerk,100
102,Priya Natarajan,Director of Administration,101
103,Ana Ortiz,Deputy Clerk,102
104,Tom Berg,Elections Specialist,101
105,Lee Park,Records Analyst,102
"""
EXPORT_2025 = """\
Employee ID,Name,Job Title,Manager ID
A1,Margaret Lindqvist,City Clerk,
A2,Daniel Okonkwo,Chief Assistant City Clerk,A1
A3,Priya Natarajan,Director of Administration,A2
A4,Ana Ortiz,Deputy Clerk,A1
A5,Tom Berg,Elections Specialist,A2
A6,Lee Park,Records Analyst,A3
A7,Sue Kim,Elections Specialist,A2
"""


def test_exports_with_different_ids_match_by_title_superior_and_title(write: Write) -> None:
    before = load_graph([write("2024.csv", EXPORT_2024)])
    after = load_graph([write("2025.csv", EXPORT_2025)])
    m = match(before, after)
    pairs = {before.id_of(b): (after.id_of(a), m.rule_of(b)) for b, a in m.pairs()}
    assert pairs == {
        "100": ("A1", "title-superior"),
        "101": ("A2", "title-superior"),
        "102": ("A3", "title-superior"),
        "105": ("A6", "title-superior"),
        "103": ("A4", "title"),  # moved: the only Deputy Clerk on each side
    }  # two Elections Specialists under A2 now: 104 is not matched by a guess
    assert m.confidence(before.node("103")) == RULES["title"].confidence < 1
    d = compare(before, after)
    assert sorted(str(c.kind) for c in d.changes) == ["added", "added", "moved", "removed"]


NO_IDS = """\
organizations:
  - name: Acme
    posts:
      - {title: General Manager, root: true}
      - {title: Finance Director, reports_to: General Manager}
      - {title: Controller, reports_to: Finance Director}
      - {title: Budget Analyst, reports_to: Finance Director}
"""


def test_a_retitled_manager_without_ids_is_matched_by_superior_and_reports() -> None:
    before = graph(NO_IDS)
    after = graph(NO_IDS.replace("Finance Director", "Chief Financial Officer"))
    assert "acme/finance-director" in before.index and "acme/finance-director" not in after.index
    d = compare(before, after)
    fd = before.node("acme/finance-director")
    assert d.match.rule_of(fd) == "superior-reports"
    assert after.id_of(d.match.b2a[fd]) == "acme/chief-financial-officer"
    assert [(str(c.kind), c.old_value, c.new_value) for c in d.changes] == [
        ("retitled", "Finance Director", "Chief Financial Officer")
    ]


def test_the_mapping_file_overrides_ids_and_can_forbid_a_match(write: Write) -> None:
    before = graph(NO_IDS)
    after = graph(NO_IDS.replace("Controller", "Comptroller"))
    mapping = write(
        "map.yaml",
        "# the comptroller is the old controller\n"
        "acme/controller: acme/comptroller\nacme/budget-analyst: ~\n",
    )
    d = compare(before, after, read_mapping(mapping), mapping_path=str(mapping))
    ctl = before.node("acme/controller")
    assert d.match.rule_of(ctl) == "mapping" and d.match.confidence(ctl) == 1.0
    kinds = sorted((str(c.kind), c.new_value) for c in d.changes)
    assert kinds == [("added", None), ("removed", None), ("retitled", "Comptroller")]
    plain = compare(before, after)  # without the file: removed + added, or a guess by title
    assert "retitled" not in {str(c.kind) for c in plain.changes}


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (
            "acme/controller: acme/comptroller\nacme/nobody: acme/controller\n",
            "not an id in BEFORE",
            2,
        ),
        ("acme/controller: acme/nobody\n", "not an id in AFTER", 1),
        (
            "acme/controller: acme/general-manager\nacme/budget-analyst: acme/general-manager\n",
            "already the match of line 1",
            2,
        ),
        ("- just a list\n", "expected a mapping", 1),
    ],
)
def test_mapping_file_errors_name_the_line(
    write: Write, text: str, message: str, line: int
) -> None:
    path = write("map.yaml", text)
    with pytest.raises(SourceError) as info:
        compare(
            graph(NO_IDS),
            graph(NO_IDS.replace("Controller", "Comptroller")),
            read_mapping(path),
            mapping_path=str(path),
        )
    assert message in str(info.value) and info.value.line == line


def test_aggregate_rows_are_not_matched_by_title_alone() -> None:
    org = """\
organizations:
  - name: Dept
    posts:
      - {id: a, title: Director A, root: true}
      - {id: b, title: Director B, root: true}
      - {id: x, title: Policy Adviser, reports_to: %s, fte: 3, attributes: {aggregate: junior}}
"""
    d = compare(graph(org % "a"), graph(org.replace("id: x", "id: y") % "b"))
    assert sorted(str(c.kind) for c in d.changes) == ["added", "removed"]


def test_units_match_by_name_within_the_organization_of_the_same_name() -> None:
    """Review 3: a CSV round trip renames organizations (hfd -> city-of-hartford) and units."""
    new_id = "acme/operations-division"
    renamed = (
        BASE.replace("id: acme", "id: acme-water-authority")
        .replace("{id: ops, name:", f"{{id: {new_id}, name:")
        .replace("part_of: ops}", f"part_of: {new_id}}}")
        .replace("unit: ops, heads: ops}", f"unit: {new_id}, heads: {new_id}}}")
    )
    d = compare(graph(BASE), graph(renamed))
    counts = d.counts()
    assert counts["unit-added"] == counts["unit-removed"] == counts["unit-changed"] == 0
    ops = d.before.node("ops")
    assert d.after.id_of(d.match.b2a[ops]) == "acme/operations-division"
    assert d.match.rule_of(ops) == "name"
