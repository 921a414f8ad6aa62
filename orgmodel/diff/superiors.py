"""What each post reports to, for the diff: superiors that are posts, and names that are not.

A post's superior is usually another post (``graph.parent``). Real data also
names superiors that exist nowhere in the file -- NYC's registry says
``Mayor`` and ``Chief of Staff``, positions that have no row -- and a post
may have several primary superiors (a board reporting to all five Borough
Presidents). The graph keeps the first resolved superior as the tree's
parent, the other resolved ones in ``extra_primary``, and the unresolved
references in ``resolution.dangling`` / ``.ambiguous`` / ``.not_body`` (a unit
that is not a board). The diff compares all of them:

* the **superior** of a post is its tree parent, or -- when it has none --
  the first name it reports to that matched no post (or several), so a move
  from ``Mayor`` to ``Chief of Staff`` is a move even though neither is a row;
* its **other superiors** are the rest: further primary superiors that
  matched a post, and further names that matched none.

Names compare by the rules every name does (:func:`orgmodel.names.rules.name_key`):
``'  the Mayor'`` and ``'Mayor'`` are one.

>>> from orgmodel.graph import OrgGraph
>>> from orgmodel.records import OrgData, PostRecord as P, Relation, RelKind, LineKind
>>> R = lambda a, b: Relation(RelKind.REPORTS_TO, a, b, LineKind.PRIMARY)
>>> g = OrgGraph(OrgData(posts=[P("m", "Office of the Mayor"), P("c", "Comptroller"),
...     P("a", "Payroll Administration"), P("d", "Investigation")],
...     relations=[R("a", "m"), R("a", "c"), R("d", "Mayor")]))
>>> refs = superior_refs(g)
>>> refs.name_of[g.node("d")], refs.others[g.node("a")]
('Mayor', [1])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from orgmodel.graph import OrgGraph
from orgmodel.records import LineKind, Relation, RelKind

__all__ = ["SuperiorRefs", "superior_refs"]


@dataclass
class SuperiorRefs:
    """Per post: the unresolved name standing for its superior, and its other superiors.

    ``name_of[n]`` is set only for posts with no tree parent; ``others[n]``
    lists AFTER-or-BEFORE nodes (ints) and unresolved names (strs), in the
    order the sources gave them.
    """

    name_of: dict[int, str] = field(default_factory=dict)
    others: dict[int, list[int | str]] = field(default_factory=dict)


def _primary(rel: Relation) -> bool:
    return rel.kind is RelKind.REPORTS_TO and rel.qualifier != LineKind.SECONDARY


def superior_refs(graph: OrgGraph) -> SuperiorRefs:
    """The unresolved and extra superiors of every post (cost: the few such lines)."""
    out = SuperiorRefs()
    unresolved = [r for r in graph.resolution.dangling if _primary(r)]
    unresolved += [r for r, _ in graph.resolution.ambiguous if _primary(r)]
    unresolved += [r for r, _ in graph.resolution.not_body if _primary(r)]
    unresolved.sort(key=lambda r: (r.prov.source or "", r.prov.line or 0))
    parent, index, posts = graph.parent, graph.index, graph.post_count
    copies = {dup.prov for _, dup in graph.duplicates}  # a second row of one id is no superior
    for node, extras in graph.extra_primary.items():
        if node < posts:
            kept = [s for s, rel in extras if rel.prov not in copies]
            if kept:
                out.others.setdefault(node, []).extend(kept)
    for rel in unresolved:
        subject = index.get(rel.subject)
        if subject is None or subject >= posts or rel.prov in copies:
            continue
        node = int(subject)
        if parent[node] < 0 and node not in out.name_of:
            out.name_of[node] = rel.object
        else:
            out.others.setdefault(node, []).append(rel.object)
    return out
