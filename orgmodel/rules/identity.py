"""One post, one id: ids used twice, and posts described twice under different ids.

When two rows share an id, the graph keeps the first, with its own
superior, and every line to that id goes to it, whatever the second row
meant; the second row's lines are kept aside as evidence
(:attr:`~orgmodel.graph.OrgGraph.duplicate_lines`). When one post is
described twice under different ids, the chart shows it twice. These rules
find both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from orgmodel.graph import OrgGraph
from orgmodel.records import LineKind, PostRecord, Relation, RelKind, UnitRecord
from orgmodel.rules.context import Check
from orgmodel.rules.report import Finding, Severity
from orgmodel.rules.rule import rule

__all__ = ["RULES", "duplicate_id", "duplicate_post"]


def _what(rec: PostRecord | UnitRecord) -> str:
    return rec.title if isinstance(rec, PostRecord) else f"unit {rec.name}"


@rule("I001", "duplicate-id", Severity.ERROR)
def duplicate_id(check: Check) -> Iterator[Finding]:
    """An id given to more than one post or unit.

    The post keeps the first row's details and superior, and every reporting
    line that names the id goes to it, whatever the others meant; the other
    rows' own lines (their superiors) are not used. Rows that repeat the
    same post (every field orgmodel reads, and the superior, the same) are
    said to be copies, harmless but worth removing; rows that differ are
    posts that need ids of their own. One finding per id, naming every row
    that uses it.
    (Inside one org file a repeated explicit id is refused outright, unless
    the entries record another file's rows -- their ``source:`` names it --
    as an org file saved from such an export does; this is for ids repeated
    across files, or in CSV exports.)

    Fails::

        # hr.csv
        id,title,manager
        1,City Clerk,
        2,Deputy City Clerk,1
        2,Elections Director,1

    Passes::

        # hr.csv
        id,title,manager
        1,City Clerk,
        2,Deputy City Clerk,1
        3,Elections Director,1
    """
    groups: dict[str, list[PostRecord | UnitRecord]] = {}
    for first, dup in check.graph.duplicates:
        group = groups.setdefault(first.id, [first])
        group.append(dup)
    graph = check.graph
    unresolved = _unresolved(graph)
    for ident, recs in groups.items():
        node = graph.index[ident]
        aside = [line for r in recs[1:] for line in graph.duplicate_lines.get((r.id, r.prov), [])]
        other_lines = any(not _first_has(graph, node, sup, rel, unresolved) for sup, rel in aside)
        same = not other_lines and all(r[:-1] == recs[0][:-1] for r in recs[1:])
        listed = "; ".join(f"{_what(r)} ({check.where(r.prov)})" for r in recs[:10])
        if same:
            text = f"id {ident!r} is on {len(recs)} rows that repeat the same post: {listed}"
            text += "; the copies can go"
        else:
            text = f"id {ident!r} is used by {len(recs)} different rows: {listed}"
            text += "; the post keeps the first row's details"
            text += " and lines (the others' are not used)" if other_lines else ""
            text += ": give the others ids of their own"
        yield check.finding(text, [ident], [r.prov for r in recs])


def _unresolved(graph: OrgGraph) -> set[tuple[str, RelKind, str | None, str]]:
    """The references that matched no single post or body, as (subject, kind, qualifier, text)."""
    res = graph.resolution
    rels = [*res.dangling, *(r for r, _ in res.ambiguous), *(r for r, _ in res.not_body)]
    return {(r.subject, r.kind, r.qualifier, r.object) for r in rels}


def _first_has(
    graph: OrgGraph,
    node: int,
    sup: int,
    rel: Relation,
    unresolved: set[tuple[str, RelKind, str | None, str]],
) -> bool:
    """The post that kept the id states this line too (a duplicate row's line, set aside)."""
    if sup < 0:  # a reference that resolved to nothing: the first row may have written it too
        return (rel.subject, rel.kind, rel.qualifier, rel.object) in unresolved
    if rel.kind is RelKind.REPORTS_TO and rel.qualifier == LineKind.SECONDARY:
        return any(s == sup for s, _ in graph.secondary.get(node, []))
    if rel.kind is RelKind.REPORTS_TO:
        return graph.parent[node] == sup or any(
            s == sup for s, _ in graph.extra_primary.get(node, [])
        )
    if rel.kind is RelKind.HEADS:
        return any(u == sup for u, _ in graph.heads.get(node, []))
    return any(a == node and b == sup and r.qualifier == rel.qualifier for a, b, r in graph.links)


def _holder_repeats(graph: OrgGraph) -> bool:
    """Whether any holder's name is given to two posts: holders are nearly unique, and the
    column sorted tells at C speed (the posts are looked at closer only when some repeat)."""
    import pyarrow.compute as pc

    holders = graph.posts.arrow("holder")
    held = holders.drop_null()
    if len(held) < 2:
        return False
    ordered = held.take(pc.array_sort_indices(held))
    return bool(pc.any(pc.equal(ordered[1:], ordered[:-1])).as_py())


def _norm(title: str) -> str:
    return " ".join(title.casefold().split())


@rule("I002", "duplicate-post", Severity.WARNING, include_vacant=False)
def duplicate_post(check: Check) -> Iterator[Finding]:
    """Two posts with one title in one unit, under one superior, held by the same person.

    That is one post described twice (two rows for one person, a posting
    and an export naming it differently), and the chart shows it twice.
    Several posts with one title and different holders, or vacant, are
    normal (four "Assistant Counsel" posts) and are not reported. Option
    `include_vacant`: also report two posts that have no holder and agree
    on title, unit, superior and grade.

    Fails::

        organizations:
          - name: City of Hartford
            posts:
              - {id: cio, title: Chief Information Officer, root: true}
              - {id: e104, title: IT Project Leader, holder: Ana Ruiz, reports_to: cio}
              - {id: e233, title: IT project leader, holder: Ana Ruiz, reports_to: cio}

    Passes::

        organizations:
          - name: City of Hartford
            posts:
              - {id: cio, title: Chief Information Officer, root: true}
              - {id: e104, title: IT Project Leader, holder: Ana Ruiz, reports_to: cio}
              - {id: e233, title: IT Project Leader, holder: Sam Chen, reports_to: cio}
    """
    graph = check.graph
    parent = graph.parent
    vacant = bool(check.options["include_vacant"])
    if not vacant and not _holder_repeats(graph):
        return
    holders = graph.column("holder")
    repeated = {h for h, n in Counter(holders).items() if n > 1 and (h or vacant)}
    groups: dict[Any, list[int]] = {}
    if repeated:
        titles, units, orgs = graph.column("title"), graph.column("unit"), graph.column("org")
        grades, attributes = graph.column("grade"), graph.column("attributes")
        for node, holder in enumerate(holders):
            attrs = attributes[node]
            if holder not in repeated or (attrs is not None and "aggregate" in attrs):
                continue
            place = (parent[node], orgs[node], units[node], _norm(titles[node]))
            grade = None if holder else grades[node]
            groups.setdefault((holder, grade, place), []).append(node)
    for members in groups.values():
        if len(members) < 2:
            continue
        holder = holders[members[0]]
        who = f"held by {holder}" if holder else "none of them held"
        sup = parent[members[0]]
        under = f"under {check.name(sup)}" if sup != -1 else "with no superior"
        unit = graph.unit_of(members[0])
        where = f" in {graph.title(unit)}" if unit is not None else ""
        yield check.finding(
            f"{len(members)} posts titled {graph.title(members[0])!r}{where} {under}, {who}, "
            f"look like one post described twice: {check.names(members)}",
            members,
            [check.prov(n) for n in members],
        )


RULES = (duplicate_id, duplicate_post)
