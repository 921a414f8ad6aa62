"""Small org files for the diff tests, written as a planner would write them."""

from __future__ import annotations

from orgmodel.graph import OrgGraph
from orgmodel.orgfile.read import parse_orgfile

__all__ = ["BASE", "graph"]

BASE = """\
organizations:
  - id: acme
    name: Acme Water Authority
    units:
      - {id: board, name: Board of Directors, kind: board}
      - {id: ops, name: Operations Division, kind: division}
      - {id: plant, name: Treatment Plant, kind: section, part_of: ops}
      - {id: fin, name: Finance Department, kind: department}
    posts:
      - {id: gm, title: General Manager, holder: Rosa Diaz, reports_to: board}
      - {id: coo, title: Chief Operating Officer, reports_to: gm, unit: ops, heads: ops}
      - {id: cfo, title: Chief Financial Officer, holder: Sam Lee, reports_to: gm, unit: fin,
         heads: fin, links: [{to: plant-mgr, type: liaison}]}
      - {id: plant-mgr, title: Plant Manager, reports_to: coo, unit: plant, grade: M2}
      - {id: operator, title: Plant Operator, reports_to: plant-mgr, unit: plant, fte: 6}
      - {id: controller, title: Controller, reports_to: cfo, unit: fin, secondary: coo}
      - {id: analyst, title: Budget Analyst, reports_to: controller, unit: fin}
"""


def graph(text: str, name: str = "org.yaml") -> OrgGraph:
    """The graph of an org file's text."""
    return OrgGraph(parse_orgfile(text, name))
