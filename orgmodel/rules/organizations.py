"""Organizations: reporting lines that cross from one into another, and names two share.

A line across organizations is sometimes right (a school district's COO
with a dotted line to the city's CIO; a secondment), often a sign that a
name matched a post of the wrong organization: reported as information,
one finding per line. Two organizations with one name are one organization
that two sources identify differently (its posts split between two charts),
or two bodies a user can then name only by id.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgmodel.names.rules import name_key
from orgmodel.records import OrgRecord, Relation
from orgmodel.rules.context import Check
from orgmodel.rules.report import Finding, Severity
from orgmodel.rules.rule import rule

__all__ = ["RULES", "cross_organization_line", "duplicate_organization_name"]


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


@rule("O002", "duplicate-organization-name", Severity.WARNING)
def duplicate_organization_name(check: Check) -> Iterator[Finding]:
    """Several organizations with one name, as queries compare names.

    Names are compared as queries compare them (`City of Hartford: Mayor`,
    `render --org`): case, punctuation, a parenthetical and a leading "The"
    aside. Most often one organization that two sources identify differently
    -- an org file's id and a CSV's organization column, or one entry listed
    twice: its posts are split between two charts, and the lines between
    them are reported as crossing organizations (O001); give all its sources
    one id. Otherwise two bodies share a name (two cities' housing
    authorities): give each a name of its own, or queries can reach them
    only by id. One finding per name, naming every organization that has it.

    Fails::

        organizations:
          - id: hfd
            name: City of Hartford
            posts:
              - {id: hfd-mayor, title: Mayor, root: true}
          - id: hfd-it
            name: City of Hartford
            posts:
              - {id: hfd-cio, title: Chief Information Officer, reports_to: hfd-mayor}

    Passes::

        organizations:
          - id: hfd
            name: City of Hartford
            posts:
              - {id: hfd-mayor, title: Mayor, root: true}
              - {id: hfd-cio, title: Chief Information Officer, reports_to: hfd-mayor}
    """
    named: dict[str, list[OrgRecord]] = {}
    for org in check.graph.orgs.values():
        key = name_key(org.name)
        if key:
            named.setdefault(key, []).append(org)
    for orgs in named.values():
        if len(orgs) < 2:
            continue
        first = orgs[0].name
        listed = "; ".join(
            f"{o.id}{'' if o.name == first else f' {o.name!r}'} ({check.where(o.prov)})"
            for o in orgs
        )
        yield check.finding(
            f"{len(orgs)} organizations are named {first!r}: {listed}; queries can tell them "
            "apart only by id: give one organization's sources one id, different ones names "
            "of their own",
            [o.id for o in orgs],
            [o.prov for o in orgs],
        )


RULES = (cross_organization_line, duplicate_organization_name)
