"""Reporting lines that do not add up: two primary superiors, odd dotted lines.

A post has one primary (solid-line) superior; dotted lines sit beside it.
These rules find posts given more than one primary superior *by one
source* (when different sources disagree, see :mod:`orgmodel.rules.sources`),
dotted lines that repeat the solid one, and dotted lines on posts that have
no solid line at all.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgmodel.records import Prov, Relation
from orgmodel.rules.context import Check
from orgmodel.rules.report import Finding, Severity
from orgmodel.rules.rule import rule

__all__ = [
    "RULES",
    "primary_claims",
    "secondary_duplicates_primary",
    "secondary_without_primary",
    "several_primary_superiors",
]


def primary_claims(check: Check, node: int) -> list[tuple[int, Relation]]:
    """Every primary superior a post was given: the one the chart uses first, then the others.

    A superior stated twice (by two sources) is kept once per source. Lines
    stated by a second row with the same id are not among them: that row is
    another post, reported as a duplicate id (I001), not a second superior,
    and the graph keeps its lines aside.
    """
    graph = check.graph
    rel = graph.parent_rel[node]
    claims: list[tuple[int, Relation]] = []
    if rel is not None:
        claims.append((graph.parent[node], rel))
    seen = {(s, r.prov.source) for s, r in claims}
    for sup, extra in graph.extra_primary.get(node, []):
        if (sup, extra.prov.source) not in seen:
            seen.add((sup, extra.prov.source))
            claims.append((sup, extra))
    return claims


def claim_text(check: Check, sup: int, prov: Prov) -> str:
    """`Superintendent of Schools (postings/supt.md:14, "Reports To:")`."""
    where = check.where(prov)
    if prov.cue:
        where += f', "{prov.cue}"'
    return f"{check.name(sup)} ({where})"


def sources_of(claims: list[tuple[int, Relation]]) -> set[str | None]:
    return {r.prov.source for _, r in claims}


@rule("L001", "several-primary-superiors", Severity.ERROR)
def several_primary_superiors(check: Check) -> Iterator[Finding]:
    """A post given more than one primary superior by the same source.

    A solid line goes to one superior; a second one is either a dotted line
    written as a solid one, or a mistake. The chart uses the first and drops
    the others, so say which is the real one and make the rest `secondary`.
    (When the superiors come from different sources, rule X001
    `sources-disagree` reports it instead.)

    Fails::

        organizations:
          - name: Hartford Public Schools
            posts:
              - {id: supt, title: Superintendent of Schools, root: true}
              - {id: deputy, title: Deputy Superintendent, reports_to: supt}
              - {id: coo, title: Chief Operating Officer, reports_to: [deputy, supt]}

    Passes::

        organizations:
          - name: Hartford Public Schools
            posts:
              - {id: supt, title: Superintendent of Schools, root: true}
              - {id: deputy, title: Deputy Superintendent, reports_to: supt}
              - {id: coo, title: Chief Operating Officer, reports_to: deputy, secondary: supt}
    """
    for node in check.graph.extra_primary:
        claims = primary_claims(check, node)
        if len(claims) < 2 or len(sources_of(claims)) > 1:
            continue
        listed = " and ".join(claim_text(check, s, r.prov) for s, r in claims)
        yield check.finding(
            f"{check.name(node)} has {len(claims)} primary superiors: {listed}; "
            f"the chart uses the first (make the others secondary lines)",
            [node, *(s for s, _ in claims)],
            [r.prov for _, r in claims],
        )


@rule("L002", "secondary-duplicates-primary", Severity.WARNING)
def secondary_duplicates_primary(check: Check) -> Iterator[Finding]:
    """A dotted (secondary) line to the post that is already the primary superior.

    The dotted line says nothing the solid line does not; it usually means
    the dotted line was meant for someone else.

    Fails::

        organizations:
          - name: City of Hartford
            posts:
              - {id: mayor, title: Mayor, root: true}
              - {id: coo, title: Chief Operating Officer, reports_to: mayor, secondary: mayor}

    Passes::

        organizations:
          - name: City of Hartford
            posts:
              - {id: mayor, title: Mayor, root: true}
              - {id: cos, title: Chief of Staff, reports_to: mayor}
              - {id: coo, title: Chief Operating Officer, reports_to: mayor, secondary: cos}
    """
    graph = check.graph
    parent = graph.parent
    for node, lines in graph.secondary.items():
        for sup, rel in lines:
            if sup == parent[node]:
                primary = graph.parent_rel[node]
                yield check.finding(
                    f"{check.name(node)} has a dotted line to {check.name(sup)}, "
                    "who is already its primary superior",
                    [node, sup],
                    [rel.prov, primary.prov if primary else None],
                )


@rule("L003", "secondary-without-primary", Severity.WARNING)
def secondary_without_primary(check: Check) -> Iterator[Finding]:
    """A dotted (secondary) line on a post that has no primary superior.

    A dotted line sits beside a solid one; alone, it is probably the solid
    line written as a dotted one, and the post appears as a top post of the
    chart. (A post whose primary reference could not be resolved is reported
    by R003/R004 instead.)

    Fails::

        organizations:
          - name: City of Hartford
            posts:
              - {id: mayor, title: Mayor, root: true}
              - {id: clerk, title: City Clerk, secondary: mayor}

    Passes::

        organizations:
          - name: City of Hartford
            posts:
              - {id: mayor, title: Mayor, root: true}
              - {id: clerk, title: City Clerk, reports_to: mayor}
    """
    graph = check.graph
    parent = graph.parent
    unresolved = check.facts.unresolved_primary
    for node, lines in graph.secondary.items():
        if parent[node] != -1 or node in unresolved:
            continue
        sups = [s for s, _ in lines]
        yield check.finding(
            f"{check.name(node)} has a dotted line to {check.names(sups)} but no primary superior",
            [node, *sups],
            [r.prov for _, r in lines],
        )


RULES = (several_primary_superiors, secondary_duplicates_primary, secondary_without_primary)
