"""The scenario a diff writes: edits in an order that never passes through a cycle."""

from __future__ import annotations

from orgmodel.diff.changes import compare
from orgmodel.diff.invert import scenario_yaml, to_scenario
from orgmodel.graph import OrgGraph
from orgmodel.orgfile.read import parse_orgfile, read_orgfile
from orgmodel.planning.apply import apply
from orgmodel.planning.scenario import parse_scenario, read_scenario
from tests.conftest import ROOT

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


def test_the_sample_proposal_replays_with_its_units_headed() -> None:
    """The review's case: the new CIO heads the new Office of Information Technology."""
    base = read_orgfile(ROOT / "data/hartford-public-schools.yaml")
    plan = read_scenario(ROOT / "data/proposals/hps-operations-2026.yaml")
    proposed = OrgGraph(apply(base, plan))
    d = compare(OrgGraph(base), proposed)
    edits = to_scenario(d)["edits"]
    assert {"set": "hps-cio", "heads": ["hps-information-technology"]} in edits
    assert {"set": "hps-director-enrollment", "heads": []} in edits  # before its removal
    replayed = OrgGraph(apply(base, parse_scenario(scenario_yaml(d), "d.yaml")))
    assert compare(replayed, proposed).changes == []
    cio = replayed.node("hps-cio")
    assert [replayed.id_of(u) for u, _ in replayed.heads[cio]] == ["hps-information-technology"]


def test_a_changed_link_replays_as_remove_then_add() -> None:
    before = parse_orgfile(CHAIN % ("root: true", "reports_to: x, links: [{to: x}]"), "a.yaml")
    after = parse_orgfile(
        CHAIN % ("root: true", "reports_to: x, links: [{to: x, type: advises}]"), "b.yaml"
    )
    d = compare(OrgGraph(before), OrgGraph(after))
    assert to_scenario(d)["edits"] == [
        {"remove_link": "y", "from": "x", "type": "liaison"},
        {"add_link": "y", "to": "x", "type": "advises"},
    ]
    replayed = OrgGraph(apply(before, parse_scenario(scenario_yaml(d), "d.yaml")))
    assert [(s, o, str(r.qualifier)) for s, o, r in replayed.links] == [
        (replayed.node("y"), replayed.node("x"), "advises")
    ]


def test_an_organization_after_has_and_before_lacks_is_added_first() -> None:
    before = parse_orgfile(CHAIN % ("root: true", "reports_to: x"), "a.yaml")
    after = parse_orgfile(
        CHAIN % ("root: true", "reports_to: x")
        + """\
  - id: hfd
    name: City of Hartford
    abbreviation: HFD
    units:
      - {id: mhis, name: Metro-Hartford Information Services}
    posts:
      - {id: mayor, title: Mayor, root: true}
      - {id: cio, title: Chief Information Officer, reports_to: mayor, heads: mhis}
""",
        "b.yaml",
    )
    d = compare(OrgGraph(before), OrgGraph(after))
    edits = to_scenario(d)["edits"]
    assert edits[0] == {"add_organization": "City of Hartford", "id": "hfd", "abbreviation": "HFD"}
    assert {e["organization"] for e in edits[1:] if "organization" in e} == {"hfd"}
    replayed = apply(before, parse_scenario(scenario_yaml(d), "d.yaml"))
    assert compare(OrgGraph(replayed), OrgGraph(after)).changes == []
    assert [(o.id, o.name) for o in replayed.organizations] == [
        ("o", "O"),
        ("hfd", "City of Hartford"),
    ]


def test_a_line_before_holds_to_a_post_it_lacks_is_not_added_again() -> None:
    """hps.yaml's COO links to the City's CIO by id: the line is there, waiting for the post."""
    lines = "reports_to: x, links: [{to: cio}], secondary: [cio]"
    before = parse_orgfile(CHAIN % ("root: true", lines), "a.yaml")
    after = parse_orgfile(
        CHAIN % ("root: true", lines) + "      - {id: cio, title: CIO, reports_to: x}\n", "b.yaml"
    )
    d = compare(OrgGraph(before), OrgGraph(after))
    assert {c.kind.value for c in d.changes} >= {"added", "link-added", "secondary-added"}
    edits = to_scenario(d)["edits"]
    assert [next(iter(e)) for e in edits] == ["add"]
    replayed = apply(before, parse_scenario(scenario_yaml(d), "d.yaml"))
    assert compare(OrgGraph(replayed), OrgGraph(after)).changes == []
