"""Reporting lines that cross from one organization into another.

Sometimes right (a school district's COO with a dotted line to the city's
CIO; a secondment), often a sign that a name matched a post of the wrong
organization. Reported as information, one finding per line.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgmodel.records import Relation
from orgmodel.rules.context import Check
from orgmodel.rules.report import Finding, Severity
from orgmodel.rules.rule import rule

__all__ = ["RULES", "cross_organization_line"]


@rule("O001", "cross-organization-line", Severity.INFO)
def cross_organization_line(check: Check) -> Iterator[Finding]:
    """A reporting line (solid or dotted) from a post in one organization to another's.

    Informational links (liaison, advises) are not reporting lines and are
    not reported.

    Fails::

        organizations:
          - name: City of Hartford
            posts:
              - {id: hfd-cio, title: Chief Information Officer, root: true}
          - name: Hartford Public Schools
            posts:
              - {id: hps-supt, title: Superintendent of Schools, root: true}
              - id: hps-coo
                title: Chief Operating Officer
                reports_to: hps-supt
                secondary: hfd-cio

    Passes::

        organizations:
          - name: City of Hartford
            posts:
              - {id: hfd-cio, title: Chief Information Officer, root: true}
          - name: Hartford Public Schools
            posts:
              - {id: hps-supt, title: Superintendent of Schools, root: true}
              - id: hps-coo
                title: Chief Operating Officer
                reports_to: hps-supt
                links: [{to: hfd-cio, type: liaison}]
    """
    graph = check.graph
    orgs = graph.column("org")
    n_posts = graph.post_count
    if len((set(orgs) | {u.org for u in graph.units}) - {None}) < 2:
        return  # one organization (or none): no line can cross

    def org_of(node: int) -> str | None:
        return orgs[node] if node < n_posts else graph.org_of(node)

    lines: list[tuple[int, int, Relation | None, str]] = []
    parent = graph.parent
    for node, org in enumerate(orgs):
        sup = parent[node]
        if sup != -1 and org is not None:
            other = org_of(sup)
            if other is not None and other != org:
                lines.append((node, sup, graph.parent_rel[node], "reports to"))
    tables = (("reports to", graph.extra_primary), ("has a dotted line to", graph.secondary))
    for kind, table in tables:
        for node, sups in table.items():
            for sup, line in sups:
                a, b = org_of(node), org_of(sup)
                if a is not None and b is not None and a != b:
                    lines.append((node, sup, line, kind))
    for node, sup, rel, kind in lines:
        yield check.finding(
            f"{check.name(node)} {kind} {check.name(sup)}, in another organization",
            [node, sup],
            [rel.prov if rel else check.prov(node)],
        )


RULES = (cross_organization_line,)
