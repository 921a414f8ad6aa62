"""Reporting-line questions, as plain functions over an :class:`OrgGraph`.

Each function takes node numbers (see :func:`orgmodel.names.lookup.find`) and
returns node numbers or small result objects; the CLI turns them into text
or JSON. The walks follow the parent pointers the graph precomputed, so a
chain of command or a common superior costs microseconds even on a million
posts.

>>> from orgmodel.graph import OrgGraph
>>> from orgmodel.records import OrgData, PostRecord, Relation, RelKind, LineKind
>>> P, R = PostRecord, lambda a, b: Relation(RelKind.REPORTS_TO, a, b, LineKind.PRIMARY)
>>> g = OrgGraph(OrgData(posts=[P("ceo", "CEO", root=True), P("cfo", "CFO"), P("coo", "COO"),
...                             P("ctl", "Controller")],
...                      relations=[R("cfo", "ceo"), R("coo", "ceo"), R("ctl", "cfo")]))
>>> [g.id_of(n) for n in chain(g, g.node("ctl"))]
['cfo', 'ceo']
>>> c = common(g, g.node("ctl"), g.node("coo"))
>>> g.id_of(c.node), c.distance_a, c.distance_b
('ceo', 2, 1)
>>> [g.id_of(n) for n in path(g, g.node("ctl"), g.node("coo"))]
['ctl', 'cfo', 'ceo', 'coo']
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from orgmodel.holders import STATUS_KEY, HolderStatus
from orgmodel.records import LineKind

if TYPE_CHECKING:
    from orgmodel.graph import OrgGraph

__all__ = [
    "Common",
    "Oversight",
    "Stats",
    "Superior",
    "chain",
    "chain_all",
    "common",
    "dotted_reports",
    "oversees",
    "path",
    "reports",
    "stats",
]


def chain(graph: OrgGraph, node: int) -> list[int]:
    """Primary superiors from the direct one up to the top (stops at a cycle)."""
    out: list[int] = []
    seen = {node}
    parent = graph.parent
    current = parent[node]
    while current != -1 and current not in seen:
        out.append(current)
        seen.add(current)
        current = parent[current]
    return out


@dataclass(frozen=True)
class Superior:
    """A superior reached by a chain that may include dotted lines."""

    node: int
    distance: int
    via: LineKind
    below: int  # the node whose line leads here


def chain_all(graph: OrgGraph, node: int) -> list[Superior]:
    """Every superior reachable over primary and secondary lines, nearest first."""
    out: list[Superior] = []
    seen = {node}
    queue: deque[tuple[int, int]] = deque([(node, 0)])
    while queue:
        current, dist = queue.popleft()
        ups = []
        if graph.parent[current] != -1:
            ups.append((graph.parent[current], LineKind.PRIMARY))
        ups += [(s, LineKind.SECONDARY) for s, _ in graph.secondary.get(current, [])]
        for up, kind in ups:
            if up not in seen:
                seen.add(up)
                out.append(Superior(up, dist + 1, kind, current))
                queue.append((up, dist + 1))
    return out


def reports(
    graph: OrgGraph, node: int, *, everyone: bool = False, depth: int | None = None
) -> list[tuple[int, int]]:
    """``(node, level)`` of direct reports, or of everyone below down to ``depth`` levels."""
    limit = depth if depth is not None else (None if everyone else 1)
    out: list[tuple[int, int]] = []
    queue: deque[tuple[int, int]] = deque([(node, 0)])
    seen = {node}
    while queue:
        current, level = queue.popleft()
        if limit is not None and level >= limit:
            continue
        for child in graph.children(current):
            if child not in seen:
                seen.add(child)
                out.append((child, level + 1))
                queue.append((child, level + 1))
    return out


def dotted_reports(graph: OrgGraph, node: int) -> list[int]:
    """Posts with a secondary (dotted) line to ``node``."""
    return graph.secondary_reports(node)


@dataclass(frozen=True)
class Common:
    """The lowest common superior of two posts and how far each is below it."""

    node: int
    distance_a: int
    distance_b: int


def common(graph: OrgGraph, a: int, b: int) -> Common | None:
    """Lowest common superior on primary lines (a post is its own superior at distance 0)."""
    depth, parent = graph.depth, graph.parent
    if depth[a] < 0 or depth[b] < 0:  # in or under a cycle: walk with a visited set instead
        ups = {a: 0}
        for i, n in enumerate(chain(graph, a), 1):
            ups[n] = i
        if b in ups:
            return Common(b, ups[b], 0)
        for j, n in enumerate(chain(graph, b), 1):
            if n in ups:
                return Common(n, ups[n], j)
        return None
    x, y, da, db = a, b, 0, 0
    while depth[x] > depth[y]:
        x, da = parent[x], da + 1
    while depth[y] > depth[x]:
        y, db = parent[y], db + 1
    while x != y:
        x, y, da, db = parent[x], parent[y], da + 1, db + 1
        if x == -1 or y == -1:
            return None
    return Common(x, da, db)


def path(graph: OrgGraph, a: int, b: int) -> list[int] | None:
    """The reporting path from ``a`` up to the common superior and down to ``b``."""
    meet = common(graph, a, b)
    if meet is None:
        return None
    up = [a, *chain(graph, a)][: meet.distance_a + 1]
    down = [b, *chain(graph, b)][: meet.distance_b]
    return up + down[::-1]


@dataclass
class Oversight:
    """Units a post heads (with the units nested in them), or who heads a unit."""

    heads: list[int] = field(default_factory=list)
    nested: list[tuple[int, int]] = field(default_factory=list)  # (unit, parent unit)
    headed_by: list[int] = field(default_factory=list)
    part_of: list[int] = field(default_factory=list)


def oversees(graph: OrgGraph, node: int) -> Oversight:
    """For a post: the units it heads and those nested inside; for a unit: its heads."""
    out = Oversight()
    if graph.is_post(node):
        out.heads = [u for u, _ in graph.heads.get(node, [])]
        inside: dict[int, list[int]] = {}
        for u in range(graph.post_count, graph.size):
            p = graph.unit_of(u)
            if p is not None:
                inside.setdefault(p, []).append(u)
        queue = deque(out.heads)
        seen = set(out.heads)
        while queue:
            u = queue.popleft()
            for sub in inside.get(u, []):
                if sub not in seen:
                    seen.add(sub)
                    out.nested.append((sub, u))
                    queue.append(sub)
    else:
        out.headed_by = [p for p, _ in graph.headed_by.get(node, [])]
        up = graph.unit_of(node)
        seen = {node}
        while up is not None and up not in seen:
            out.part_of.append(up)
            seen.add(up)
            up = graph.unit_of(up)
    return out


@dataclass
class Stats:
    """Size and shape of the structure: what a planner compares.

    ``vacant`` counts posts nobody holds; a post whose holder's name is withheld
    (``N/D``) is counted in ``withheld`` and an abolished post still listed
    (``Eliminated``) in ``eliminated``, neither as vacant.
    """

    posts: int
    units: int
    organizations: int
    roots: int
    layers: int
    managers: int
    span_mean: float
    span_median: float
    span_max: int
    span_distribution: dict[int, int]
    without_superior: int
    secondary_lines: int
    vacant: int
    withheld: int
    eliminated: int
    fte: float
    in_cycles: int
    widest: list[tuple[int, int]]

    def to_dict(self, graph: OrgGraph) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "widest"}
        out["span_distribution"] = {str(k): v for k, v in self.span_distribution.items()}
        out["widest"] = [{**graph.describe(n), "span": s} for n, s in self.widest]
        return out


def stats(graph: OrgGraph) -> Stats:
    """Counts, layers and span of control over all loaded posts (array operations throughout).

    A **manager** is a post with at least one direct report, and the span of
    control (mean, median, max, distribution, widest) is taken over managers
    alone: a board the superintendent reports to is a body, not a post, and
    counts in neither. ``orgmodel diff`` compares these same figures.

    >>> from orgmodel.graph import OrgGraph
    >>> from orgmodel.records import OrgData, PostRecord as P, UnitRecord, UnitKind
    >>> from orgmodel.records import Relation, RelKind, LineKind
    >>> R = lambda a, b: Relation(RelKind.REPORTS_TO, a, b, LineKind.PRIMARY)
    >>> g = OrgGraph(OrgData(units=[UnitRecord("board", "Board", UnitKind.BOARD)],
    ...     posts=[P("ceo", "CEO"), P("a", "A"), P("b", "B"), P("c", "C")],
    ...     relations=[R("ceo", "board"), R("a", "ceo"), R("b", "ceo"), R("c", "a")]))
    >>> s = stats(g)
    >>> s.managers, s.span_mean, s.span_distribution
    (2, 1.5, {1: 1, 2: 1})
    """
    import numpy as np
    import pyarrow.compute as pc

    n_posts = graph.post_count
    spans = np.diff(graph.np_child_start[: n_posts + 1])  # posts only: a body is no manager
    manager_spans = spans[spans > 0]
    post_depths = graph.np_depth[:n_posts]
    posts = graph.posts
    root_flag = np.asarray(posts.arrow("root").fill_null(False).to_numpy(zero_copy_only=False))
    tops = np.flatnonzero(graph.np_parent[:n_posts] == -1)
    attributes = posts.arrow("attributes")
    aggregate = pc.is_valid(pc.map_lookup(attributes, "aggregate", "first"))
    status = pc.map_lookup(attributes, STATUS_KEY, "first")  # a holder marker (holders.py)
    withheld = pc.fill_null(pc.equal(status, str(HolderStatus.WITHHELD)), False)
    eliminated = pc.fill_null(pc.equal(status, str(HolderStatus.ELIMINATED)), False)
    vacant = pc.and_(
        pc.and_(pc.is_null(posts.arrow("holder")), pc.invert(aggregate)),
        pc.invert(pc.or_(withheld, eliminated)),
    )
    fte = pc.sum(posts.arrow("fte")).as_py() or 0.0
    order = np.argsort(-spans, kind="stable")
    widest = [(int(i), int(spans[i])) for i in order[:5] if spans[i] > 0]
    counts = np.bincount(manager_spans) if len(manager_spans) else np.zeros(0, dtype=np.int64)
    return Stats(
        posts=n_posts,
        units=len(graph.units),
        organizations=len(graph.orgs),
        roots=len(graph.roots),
        layers=int(post_depths.max()) + 1 if n_posts else 0,
        managers=len(manager_spans),
        span_mean=round(float(manager_spans.mean()), 2) if len(manager_spans) else 0.0,
        span_median=float(np.median(manager_spans)) if len(manager_spans) else 0.0,
        span_max=int(manager_spans.max()) if len(manager_spans) else 0,
        span_distribution={k: int(v) for k, v in enumerate(counts) if v},
        without_superior=int((~root_flag[tops]).sum()),
        secondary_lines=graph.secondary_count(),
        vacant=int(pc.sum(vacant).as_py() or 0),
        withheld=int(pc.sum(withheld).as_py() or 0),
        eliminated=int(pc.sum(eliminated).as_py() or 0),
        fte=round(float(fte), 2),
        in_cycles=int((post_depths < 0).sum()),
        widest=widest,
    )
