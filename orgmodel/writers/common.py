"""What every writer shares: the output with its list of losses, and the lines read off the graph.

A format that cannot hold something says so: each writer declares what it
drops (:data:`Writer.loses <orgmodel.writers.Writer>`), :func:`census`
counts how much of each the graph has, and :func:`losses` turns the two
into the warning lines ``orgmodel convert`` prints -- "3 dotted lines: CSV
keeps one manager column ..." -- so nothing is dropped silently.

>>> from orgmodel.records import OrgData, PostRecord, Relation, RelKind, LineKind
>>> from orgmodel.graph import OrgGraph
>>> g = OrgGraph(OrgData(posts=[PostRecord("a", "Mayor", root=True), PostRecord("b", "Clerk")],
...     relations=[Relation(RelKind.REPORTS_TO, "b", "a", LineKind.SECONDARY)]))
>>> census(g)["secondary"]
1
>>> losses(g, {"secondary": "dropped, the format has no dotted lines"})
['1 dotted line(s): dropped, the format has no dotted lines']
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from orgmodel.graph import OrgGraph
from orgmodel.names.kinds import guess_unit_kind

__all__ = [
    "FEATURES",
    "Output",
    "census",
    "cycle_cuts",
    "losses",
    "primary_lines",
    "secondary_lines",
]

FEATURES: dict[str, str] = {
    "extra_primary": "extra primary superior(s)",
    "secondary": "dotted line(s)",
    "heads": "headship(s) of units",
    "links": "informational link(s)",
    "units": "unit(s)",
    "unplaced_units": "unit(s) that no post sits in or reports to",
    "unit_nesting": "unit-in-unit line(s)",
    "unit_kinds": "unit kind(s) that the unit's name does not announce",
    "orgs": "organization(s)",
    "holders": "holder name(s)",
    "grades": "grade(s)",
    "ftes": "FTE value(s)",
    "abbreviations": "abbreviation(s)",
    "attributes": "post(s) with extra attributes",
    "provenance": "post(s) with a source file and line",
    "dangling": "reference(s) that match no post",
    "body_superiors": "unit(s) that posts report to",
    "cycles": "reporting cycle(s)",
    "duplicates": "row(s) that repeat another's id",
    "empty_orgs": "organization(s) that no post or unit belongs to",
}
"""What a model can hold that some formats cannot, as counted by :func:`census`."""


@dataclass
class Output:
    """A writer's text (or bytes) and the lines saying what the format could not hold."""

    content: str | bytes
    lost: list[str] = field(default_factory=list)

    def content_text(self) -> str:
        """The content as text (writers produce UTF-8)."""
        return self.content if isinstance(self.content, str) else self.content.decode("utf-8")


def primary_lines(graph: OrgGraph) -> Iterator[tuple[int, int]]:
    """``(subordinate, superior)`` for every primary line: the tree's, then the extra ones."""
    for node, sup in enumerate(graph.parent):
        if sup >= 0:
            yield node, sup
    for node, sups in graph.extra_primary.items():
        for sup, _ in sups:
            yield node, sup


def secondary_lines(graph: OrgGraph) -> Iterator[tuple[int, int]]:
    """``(subordinate, superior)`` for every dotted line."""
    for node, sups in graph.secondary.items():
        for sup, _ in sups:
            yield node, sup


def cycle_cuts(graph: OrgGraph) -> set[int]:
    """One node per primary cycle whose parent line a tree-only format must cut."""
    cuts: set[int] = set()
    done: set[int] = set()
    for start in range(graph.size):
        if graph.depth[start] != -1 or start in done:
            continue
        trail: dict[int, int] = {}
        node = start
        while node >= 0 and node not in trail and node not in done:
            trail[node] = len(trail)
            node = graph.parent[node]
        if node >= 0 and node in trail:  # walked into a cycle of this trail
            cuts.add(node)
        done.update(trail)
    return cuts


def _placed_units(graph: OrgGraph) -> set[int]:
    """Units some post sits in or reports to: the ones a post-per-row format still names."""
    posts = graph.post_count
    placed = {u for n in range(posts) if (u := graph.unit_of(n)) is not None}
    return placed | {s for _, s in primary_lines(graph) if s >= posts}


def census(graph: OrgGraph) -> dict[str, int]:
    """How many of each :data:`FEATURES` item the graph holds."""
    posts = graph.post_count
    units = graph.units
    return {
        "extra_primary": sum(len(v) for v in graph.extra_primary.values()),
        "secondary": sum(len(v) for v in graph.secondary.values()),
        "heads": sum(len(v) for v in graph.heads.values()),
        "links": len(graph.links),
        "units": len(units),
        "unplaced_units": len(units) - len(_placed_units(graph)),
        "unit_nesting": sum(1 for u in units if u.part_of),
        "unit_kinds": sum(1 for u in units if u.kind != guess_unit_kind(u.name)),
        "orgs": len(graph.orgs),
        "holders": sum(1 for h in graph.column("holder") if h),
        "grades": sum(1 for g in graph.column("grade") if g),
        "ftes": sum(1 for f in graph.column("fte") if f is not None),
        "abbreviations": sum(1 for a in graph.column("abbreviation") if a),
        "attributes": sum(1 for a in graph.column("attributes") if a),
        "provenance": sum(1 for p in graph.column("prov") if p.source) if posts else 0,
        "dangling": len(graph.resolution.dangling)
        + len(graph.resolution.ambiguous)
        + len(graph.resolution.not_body),
        "body_superiors": len({s for _, s in primary_lines(graph) if s >= posts}),
        "cycles": len(cycle_cuts(graph)),
        "duplicates": len(graph.duplicates),
        "empty_orgs": len(graph.orgs.keys() - {graph.org_of(n) for n in range(graph.size)}),
    }


def losses(graph: OrgGraph, loses: Mapping[str, str]) -> list[str]:
    """The warning lines for what ``loses`` names and the graph actually has."""
    counts = census(graph)
    return [
        f"{counts[item]} {FEATURES[item]}: {why}" for item, why in loses.items() if counts.get(item)
    ]
