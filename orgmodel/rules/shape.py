"""The shape of the hierarchy: spans of control too wide, layers that add nothing, too many layers.

These are the questions a planner asks of a structure rather than errors in
the data, so they are warnings and information, with limits set in the
config (`[validate.rules.span-too-wide] limit = 20`). Rows that stand for
a group of junior staff (UK organograms) are not counted as reports: they
are headcounts under a senior post, not its direct reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

from orgmodel.graph import OrgGraph
from orgmodel.rules.context import Check
from orgmodel.rules.report import Finding, Severity
from orgmodel.rules.rule import rule

__all__ = ["RULES", "single_report", "span_too_wide", "too_many_layers"]

_ONE = 1


@rule("S001", "span-too-wide", Severity.WARNING, limit=15)
def span_too_wide(check: Check) -> Iterator[Finding]:
    """A post with more direct reports than the span-of-control limit (option `limit`, 15).

    Beyond about 15 direct reports a manager cannot give each of them real
    attention; the usual fixes are a deputy or team leads. Raise the limit
    for flat teams in the config.

    Fails::

        organizations:
          - name: Example Agency
            posts:
              - {id: boss, title: Director, root: true}
              - {title: Analyst 1, reports_to: boss}
              - {title: Analyst 2, reports_to: boss}
              - {title: Analyst 3, reports_to: boss}
              - {title: Analyst 4, reports_to: boss}
              - {title: Analyst 5, reports_to: boss}
              - {title: Analyst 6, reports_to: boss}
              - {title: Analyst 7, reports_to: boss}
              - {title: Analyst 8, reports_to: boss}
              - {title: Analyst 9, reports_to: boss}
              - {title: Analyst 10, reports_to: boss}
              - {title: Analyst 11, reports_to: boss}
              - {title: Analyst 12, reports_to: boss}
              - {title: Analyst 13, reports_to: boss}
              - {title: Analyst 14, reports_to: boss}
              - {title: Analyst 15, reports_to: boss}
              - {title: Analyst 16, reports_to: boss}

    Passes::

        organizations:
          - name: Example Agency
            posts:
              - {id: boss, title: Director, root: true}
              - {title: Analyst 1, reports_to: boss}
              - {title: Analyst 2, reports_to: boss}
    """
    limit = int(check.options["limit"])
    reports = check.facts.reports
    for node in compress(range(len(reports)), map(limit.__lt__, reports)):
        yield check.finding(
            f"{check.name(node)} has {reports[node]:,} direct reports (limit {limit})",
            [node],
            [check.prov(node)],
        )


@rule("S002", "single-report", Severity.INFO)
def single_report(check: Check) -> Iterator[Finding]:
    """A manager with exactly one direct report: a layer that may add nothing.

    The post and its only report often do the same job one level apart.
    Worth a look when planning a restructure; many are intended (a director
    with one deputy, a small office). Boards are not counted, nor posts in a
    reporting loop (C001/C002 report those).

    Fails::

        organizations:
          - name: City of Minneapolis
            posts:
              - {id: clerk, title: City Clerk, root: true}
              - {id: chief, title: Chief Assistant City Clerk, reports_to: clerk}
              - {id: admin, title: Director of Administration, reports_to: chief}
              - {id: elections, title: Director of Elections, reports_to: chief}

    Passes::

        organizations:
          - name: City of Minneapolis
            posts:
              - {id: clerk, title: City Clerk, root: true}
              - {id: admin, title: Director of Administration, reports_to: clerk}
              - {id: elections, title: Director of Elections, reports_to: clerk}
    """
    graph = check.graph
    reports, groups, depth = check.facts.reports, check.facts.groups, graph.depth
    pairs: list[int] = []  # each manager, then its one report
    for node in compress(range(len(reports)), map(_ONE.__eq__, reports)):
        if not groups[node] and depth[node] != -1:
            (only,) = [k for k in graph.children(node) if k != node]
            pairs += (node, only)
    names, ids = check.names_of(pairs), check.ids_of(pairs)  # thousands at once, column-wise
    provs = check.provs_of(pairs[::2])
    for k, prov in enumerate(provs):
        yield check.finding(
            f"{names[2 * k]} has a single direct report, {names[2 * k + 1]}",
            ids[2 * k : 2 * k + 2],
            [prov],
        )


@rule("S003", "too-many-layers", Severity.WARNING, limit=10)
def too_many_layers(check: Check) -> Iterator[Finding]:
    """An organization with more layers than the limit (option `limit`, 10).

    Layers are counted from the top (a board counts) to the deepest post.
    Each layer slows decisions and information on the way up and down; the
    finding names the deepest chain. One finding per organization.

    Fails::

        organizations:
          - name: Example Agency
            posts:
              - {id: l1, title: Level 1, root: true}
              - {id: l2, title: Level 2, reports_to: l1}
              - {id: l3, title: Level 3, reports_to: l2}
              - {id: l4, title: Level 4, reports_to: l3}
              - {id: l5, title: Level 5, reports_to: l4}
              - {id: l6, title: Level 6, reports_to: l5}
              - {id: l7, title: Level 7, reports_to: l6}
              - {id: l8, title: Level 8, reports_to: l7}
              - {id: l9, title: Level 9, reports_to: l8}
              - {id: l10, title: Level 10, reports_to: l9}
              - {id: l11, title: Level 11, reports_to: l10}

    Passes::

        organizations:
          - name: Example Agency
            posts:
              - {id: l1, title: Level 1, root: true}
              - {id: l2, title: Level 2, reports_to: l1}
              - {id: l3, title: Level 3, reports_to: l2}
    """
    graph = check.graph
    limit = int(check.options["limit"])
    depth = graph.depth
    deepest = _deepest_posts(graph, limit)
    for org, node in deepest.items():
        layers = depth[node] + 1
        top = node
        while graph.parent[top] != -1:
            top = graph.parent[top]
        owner = graph.orgs[org].name if org in graph.orgs else (org or "The structure")
        yield check.finding(
            f"{owner} has {layers} layers (limit {limit}): from {check.name(top)} down to "
            f"{check.name(node)}",
            [node, top],
            [check.prov(node)],
        )


def _deepest_posts(graph: OrgGraph, limit: int) -> dict[str | None, int]:
    """Each organization's first post deeper than ``limit`` layers at its greatest depth
    (found with array operations: the posts' depths, grouped by organization)."""
    import numpy as np
    import pyarrow as pa

    depth = graph.np_depth[: graph.post_count]
    deep = np.flatnonzero(depth + 1 > limit)
    if not len(deep):
        return {}
    orgs = graph.posts.arrow("org").take(pa.array(deep)).dictionary_encode()
    codes = np.asarray(orgs.indices.fill_null(-1))
    order = np.lexsort((deep, -depth[deep], codes))  # by organization, deepest, then first
    firsts = order[np.flatnonzero(np.diff(codes[order], prepend=-2))]
    names = orgs.dictionary.to_pylist()
    found = {int(codes[i]): int(deep[i]) for i in firsts}
    distinct, first_seen = np.unique(codes, return_index=True)
    met = dict(zip(distinct.tolist(), first_seen.tolist(), strict=True))
    return {  # organizations in the order their first deep post comes
        (names[c] if c >= 0 else None): found[c] for c in sorted(found, key=met.__getitem__)
    }


RULES = (span_too_wide, single_report, too_many_layers)
