"""Organizations: lines across them (solid and dotted, never informational links), and
organizations that share a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgmodel.config import Settings
from orgmodel.errors import AmbiguousNameError
from orgmodel.names.lookup import find_org
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT
from tests.rules.helpers import graph_of, run_rule

TWO = """
organizations:
  - name: City of Hartford
    posts:
      - {id: hfd-mayor, title: Mayor, root: true}
      - {id: hfd-cio, title: Chief Information Officer, reports_to: hfd-mayor}
  - name: Hartford Public Schools
    posts:
      - {id: hps-supt, title: Superintendent of Schools, root: true}
      - {id: hps-coo, title: Chief Operating Officer, reports_to: hps-supt, secondary: hfd-cio}
      - {id: hps-liaison, title: Technology Liaison, reports_to: hfd-cio}
      - {id: hps-cfo, title: CFO, reports_to: hps-supt, links: [{to: hfd-mayor}]}
"""


def test_solid_and_dotted_lines_across_organizations(tmp_path: Path) -> None:
    findings = run_rule(graph_of(TWO, tmp_path), "O001")
    assert sorted(f.message for f in findings) == [
        "Chief Operating Officer (Hartford Public Schools) has a dotted line to Chief "
        "Information Officer (City of Hartford), in another organization",
        "Technology Liaison (Hartford Public Schools) reports to Chief Information Officer "
        "(City of Hartford), in another organization",
    ]
    assert {f.severity for f in findings} == {"info"}


def test_one_organization_has_no_crossing(tmp_path: Path) -> None:
    rows = "\n".join(f"{i},Post {i},{i - 1 if i > 1 else ''}" for i in range(1, 50))
    assert run_rule(graph_of(f"# hr.csv\nid,title,manager\n{rows}\n", tmp_path), "O001") == []


NAMESAKES = """
organizations:
  - id: hfd
    name: City of Hartford
    posts: [{id: hfd-mayor, title: Mayor, root: true}]
  - id: hps
    name: Hartford Public Schools
    posts: [{id: hps-supt, title: Superintendent of Schools, root: true}]
  - id: hfd-it
    name: The City of Hartford
    posts: [{id: hfd-cio, title: Chief Information Officer, root: true}]
  - id: hha
    name: Hartford Housing Authority
    posts: [{id: hha-director, title: Executive Director, root: true}]
  - id: hps-boe
    name: Hartford Public Schools (Board of Education)
    posts: [{id: hps-chair, title: Board Chair, root: true}]
  - id: hfd-fin
    name: CITY OF HARTFORD.
    posts: [{id: hfd-cfo, title: Chief Financial Officer, root: true}]
"""


def test_one_finding_per_name_as_queries_compare_names(tmp_path: Path) -> None:
    graph = graph_of(NAMESAKES, tmp_path)
    findings = run_rule(graph, "O002")
    assert [f.message.replace(f"{tmp_path}/", "") for f in findings] == [
        "3 organizations are named 'City of Hartford': hfd (example-0.yaml:2); hfd-it 'The City "
        "of Hartford' (example-0.yaml:8); hfd-fin 'CITY OF HARTFORD.' (example-0.yaml:17); "
        "queries can tell them apart only by id: give one organization's sources one id, "
        "different ones names of their own",
        "2 organizations are named 'Hartford Public Schools': hps (example-0.yaml:5); hps-boe "
        "'Hartford Public Schools (Board of Education)' (example-0.yaml:14); queries can tell "
        "them apart only by id: give one organization's sources one id, different ones names "
        "of their own",
    ]
    assert [f.subjects for f in findings] == [("hfd", "hfd-it", "hfd-fin"), ("hps", "hps-boe")]
    assert [[p.line for p in f.sources] for f in findings] == [[2, 8, 17], [5, 14]]
    assert {f.severity for f in findings} == {"warning"}
    for finding in findings:  # what the rule warns about is what a query cannot resolve
        with pytest.raises(AmbiguousNameError) as info:
            find_org(graph, graph.orgs[finding.subjects[-1]].name)
        assert info.value.total == len(finding.subjects)
    assert find_org(graph, "Hartford Housing Authority") == "hha"


ORG_FILE = """
# hfd.yaml
organizations:
  - id: {org_id}
    name: City of Hartford
    posts: [{{id: mayor, title: Mayor, root: true}}]
---
# hr.csv
id,title,manager,organization
10,City Clerk,mayor,City of Hartford
"""


def test_one_organization_two_sources_identify_differently(tmp_path: Path) -> None:
    """The org file's id and the id a CSV's organization column gives: two charts, one name."""
    graph = graph_of(ORG_FILE.format(org_id="hfd"), tmp_path / "split")
    (finding,) = run_rule(graph, "O002")
    assert finding.subjects == ("hfd", "city-of-hartford")
    assert [p.where() for p in finding.sources] == [
        f"{tmp_path}/split/hfd.yaml:2",
        f"{tmp_path}/split/hr.csv:2",
    ]
    assert len(run_rule(graph, "O001")) == 1  # the clerk's line crosses into "another" org
    # the fix the message gives: one id for both sources (the CSV's name makes city-of-hartford)
    graph = graph_of(ORG_FILE.format(org_id="city-of-hartford"), tmp_path / "one")
    assert run_rule(graph, "O002") == [] and run_rule(graph, "O001") == []
    assert list(graph.orgs) == ["city-of-hartford"]
    assert graph.id_of(graph.parent[graph.node("10")]) == "mayor"


def test_the_sample_organizations_have_names_of_their_own() -> None:
    graph = load_graph([ROOT / "data"], settings=Settings())
    assert len(graph.orgs) == 5 and run_rule(graph, "O002") == []
