"""A scenario as the AFTER of a diff, and as the proposal ``apply`` checks and writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgmodel.errors import UsageError
from orgmodel.graph import OrgGraph
from orgmodel.orgfile.read import parse_orgfile, read_orgfile
from orgmodel.planning.proposal import diff_sides, is_scenario_file, propose
from orgmodel.planning.scenario import parse_scenario
from orgmodel.records import OrgData
from tests.conftest import ROOT

HPS = ROOT / "data/hartford-public-schools.yaml"
PLAN = ROOT / "data/proposals/hps-operations-2026.yaml"
ACME = """\
organizations:
  - name: Acme
    posts:
      - {id: ceo, title: Chief Executive, root: true}
      - {id: cfo, title: Chief Financial Officer, reports_to: ceo}
"""


def test_a_scenario_file_is_told_from_structures() -> None:
    assert is_scenario_file(PLAN)
    assert not is_scenario_file(HPS)
    assert not is_scenario_file(ROOT / "data")  # a folder is read as sources
    assert not is_scenario_file(ROOT / "data/minneapolis-city-clerk.csv")


def test_diff_sides_apply_a_scenario_to_before() -> None:
    read: list[str] = []

    def data(path: str) -> OrgData:
        read.append(f"data {Path(path).name}")
        return read_orgfile(path)

    def graph(path: str) -> OrgGraph:
        read.append(f"graph {Path(path).name}")
        return OrgGraph(read_orgfile(path))

    old, new, scenario = diff_sides(str(HPS), str(PLAN), data, graph)
    assert scenario is not None and scenario.path == str(PLAN)
    assert "hps-cio" in new.index and "hps-cio" not in old.index
    assert read == ["graph hartford-public-schools.yaml", "data hartford-public-schools.yaml"]
    read.clear()
    _, _, none = diff_sides(str(HPS), str(HPS), data, graph)
    assert none is None and read == ["graph hartford-public-schools.yaml"] * 2
    with pytest.raises(UsageError, match="is a scenario file: give it as AFTER"):
        diff_sides(str(PLAN), str(HPS), data, graph)


def test_the_apply_report_comes_from_the_proposal() -> None:
    base = parse_orgfile(ACME, "acme.yaml")
    plan = parse_scenario(
        "edits:\n  - add: {id: ctl, title: Controller, reports_to: [ceo, cfo]}\n", "plan.yaml"
    )
    proposal = propose(base, plan, base_name="acme.yaml")
    written = proposal.to_dict("proposed.yaml")
    assert written == {
        "base": "acme.yaml", "scenario": "plan.yaml", "output": "proposed.yaml",
        "written": True, "edits": 1, "posts": 3, "units": 0,
        "validation": {
            "new": [f.to_dict() for f in proposal.review.new], "known": 0, "exit_code": 1,
        },
    }  # fmt: skip
    assert [f["code"] for f in written["validation"]["new"]] == ["L001"]
    refused = proposal.to_dict("proposed.yaml", strict=True)
    assert refused["written"] is False and refused["output"] is None


def test_a_proposal_with_a_reporting_cycle_is_refused() -> None:
    # X reports to a Treasurer nobody holds; adding one under Y (under X) closes a loop
    base = parse_orgfile(
        ACME + "      - {id: x, title: X, reports_to: Treasurer}\n"
        "      - {id: y, title: Y, reports_to: x}\n",
        "acme.yaml",
    )
    plan = parse_scenario("edits:\n  - add: {id: t, title: Treasurer, reports_to: y}\n", "p.yaml")
    with pytest.raises(UsageError, match=r"acme.yaml:6: the proposal has a reporting cycle: .*X"):
        propose(base, plan)
