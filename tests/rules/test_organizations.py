"""Reporting lines across organizations: solid and dotted, never informational links."""

from __future__ import annotations

from pathlib import Path

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
