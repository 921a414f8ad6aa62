"""The scenario a diff writes: edits in an order that never passes through a cycle."""

from __future__ import annotations

from orgmodel.apply import apply
from orgmodel.diff.changes import compare
from orgmodel.diff.invert import scenario_yaml, to_scenario
from orgmodel.graph import OrgGraph
from orgmodel.orgfile import parse_orgfile
from orgmodel.scenario import parse_scenario

CHAIN = """\
organizations:
  - id: o
    name: O
    posts:
      - {id: x, title: Director, %s}
      - {id: y, title: Deputy, %s}
      - {id: z, title: Analyst, reports_to: y}
"""


def test_swapping_a_superior_and_its_report_replays_top_down() -> None:
    before = parse_orgfile(CHAIN % ("root: true", "reports_to: x"), "a.yaml")
    after = parse_orgfile(CHAIN % ("reports_to: y", "root: true"), "b.yaml")
    d = compare(OrgGraph(before), OrgGraph(after))
    assert to_scenario(d)["edits"] == [{"move": "y", "to": None}, {"move": "x", "to": "y"}]
    replayed = OrgGraph(apply(before, parse_scenario(scenario_yaml(d), "d.yaml")))
    assert compare(replayed, OrgGraph(after)).changes == []


def test_new_posts_come_superiors_first_and_removals_innermost_first() -> None:
    before = parse_orgfile(CHAIN % ("root: true", "reports_to: x"), "a.yaml")
    after = parse_orgfile(
        "organizations:\n  - id: o\n    name: O\n    posts:\n"
        "      - {id: x, title: Director, root: true}\n"
        "      - {id: n2, title: Lead, reports_to: n1}\n"
        "      - {id: n1, title: Head, reports_to: x}\n",
        "b.yaml",
    )
    edits = to_scenario(compare(OrgGraph(before), OrgGraph(after)))["edits"]
    assert [next(iter(e.items())) for e in edits] == [
        ("add", {"id": "n1", "title": "Head", "reports_to": "x"}),
        ("add", {"id": "n2", "title": "Lead", "reports_to": "n1"}),
        ("remove", "z"),
        ("remove", "y"),
    ]
