"""Structure metrics side by side: what the change does to size and shape.

A planner reads a reorganisation by its figures as much as by its moves:
how many posts and units, how many layers, how wide the spans of control,
how many managers against individual contributors, and whose span grew or
shrank the most. The counts come from :func:`orgmodel.graph.queries.stats` on each
side, so ``diff`` and ``stats`` agree (a manager is a post with a direct
report; a board is a body, not a manager); the span changes pair posts
through the diff's matching.

>>> from orgmodel.graph import OrgGraph
>>> from orgmodel.diff.changes import compare
>>> from orgmodel.records import OrgData, PostRecord as P, Relation, RelKind, LineKind
>>> R = lambda a, b: Relation(RelKind.REPORTS_TO, a, b, LineKind.PRIMARY)
>>> before = OrgGraph(OrgData(posts=[P("ceo", "CEO"), P("a", "A"), P("b", "B")],
...                           relations=[R("a", "ceo"), R("b", "a")]))
>>> after = OrgGraph(OrgData(posts=[P("ceo", "CEO"), P("a", "A"), P("b", "B")],
...                          relations=[R("a", "ceo"), R("b", "ceo")]))
>>> m = measure(compare(before, after))
>>> m.rows["layers"], m.rows["managers"]
((3, 2), (2, 1))
>>> [(s.before_span, s.after_span) for s in m.span_changes]
[(1, 2), (1, 0)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from orgmodel.collector import paused_gc
from orgmodel.diff.changes import Diff
from orgmodel.graph import OrgGraph
from orgmodel.graph.queries import Stats, stats

__all__ = ["Metrics", "SpanChange", "measure"]

ROWS = (
    "posts",
    "units",
    "organizations",
    "roots",
    "layers",
    "managers",
    "individual_contributors",
    "span_mean",
    "span_median",
    "span_max",
    "secondary_lines",
    "vacant",
    "fte",
)


@dataclass(frozen=True)
class SpanChange:
    """A post whose number of direct reports changed (None: absent on that side)."""

    before: int | None
    after: int | None
    before_span: int
    after_span: int

    @property
    def delta(self) -> int:
        return self.after_span - self.before_span


@dataclass
class Metrics:
    """``rows[name] = (before, after)`` for every name in :data:`ROWS`, and the span changes."""

    rows: dict[str, tuple[float, float]] = field(default_factory=dict)
    span_changes: list[SpanChange] = field(default_factory=list)

    def to_dict(self, diff: Diff) -> dict[str, Any]:
        b, a = diff.before, diff.after
        rows = {
            name: {"before": x, "after": y, "change": _delta(x, y)}
            for name, (x, y) in self.rows.items()
        }
        spans = [
            {
                "post": a.describe(s.after) if s.after is not None else _before(b, s.before),
                "before": s.before_span,
                "after": s.after_span,
                "change": s.delta,
            }
            for s in self.span_changes
        ]
        return {**rows, "span_changes": spans}


def _before(graph: OrgGraph, node: int | None) -> dict[str, Any] | None:
    return graph.describe(node) if node is not None else None


def _delta(x: float, y: float) -> float:
    d = y - x
    return round(d, 2) if isinstance(d, float) else d


def _row(s: Stats) -> dict[str, float]:
    return {
        "posts": s.posts,
        "units": s.units,
        "organizations": s.organizations,
        "roots": s.roots,
        "layers": s.layers,
        "managers": s.managers,
        "individual_contributors": s.posts - s.managers,
        "span_mean": s.span_mean,
        "span_median": s.span_median,
        "span_max": s.span_max,
        "secondary_lines": s.secondary_lines,
        "vacant": s.vacant,
        "fte": s.fte,
    }


def measure(diff: Diff, top: int = 10) -> Metrics:
    """Figures for both sides and the ``top`` posts whose span changed most."""
    with paused_gc():
        return _measure(diff, top)


def _measure(diff: Diff, top: int) -> Metrics:
    b, a, m = diff.before, diff.after, diff.match
    left, right = _row(stats(b)), _row(stats(a))
    out = Metrics(rows={k: (left[k], right[k]) for k in ROWS})
    # spans side by side with array operations: a record only for the posts whose span moved
    nb, na = b.post_count, a.post_count
    b_span = np.diff(b.np_child_start[: nb + 1])
    a_span = np.diff(a.np_child_start[: na + 1])
    b2a = np.asarray(m.b2a[:nb], dtype=np.int64)
    y = np.where(b2a >= 0, a_span[np.maximum(b2a, 0)] if na else 0, 0)
    moved = np.flatnonzero(b_span != y)
    rows = zip(moved.tolist(), b2a[moved].tolist(), b_span[moved].tolist(), y[moved].tolist(),
               strict=True)  # fmt: skip
    changes = [SpanChange(i, j if j >= 0 else None, x, z) for i, j, x, z in rows]
    new = np.flatnonzero((np.asarray(m.a2b[:na], dtype=np.int64) < 0) & (a_span > 0))
    changes += [SpanChange(None, j, 0, z)
                for j, z in zip(new.tolist(), a_span[new].tolist(), strict=True)]  # fmt: skip
    changes.sort(key=lambda s: (-abs(s.delta), -s.after_span))
    out.span_changes = changes[:top]
    return out
