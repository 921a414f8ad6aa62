"""The combined chart of a diff: one org chart showing both structures at once.

Posts only AFTER has are green, posts only BEFORE had are red and dashed,
posts that moved are orange with their old reporting line drawn as a faint
dashed "ghost" edge, posts changed in place (retitled, new holder, other
unit, a unit headed or a link gained or lost ...) pale yellow with what they
were, unchanged posts plain. Dotted
lines that appeared or went are drawn dotted, green or red. With
``changed_only`` the chart keeps only the changed posts and their chains of
command, which is what makes a diff of a large org drawable.

Built with the ``graphviz`` package; every user string goes into an
HTML-like label through :func:`html.escape`, so titles such as
``R&D <Ops>`` cannot break the chart.

>>> from orgmodel.graph import OrgGraph
>>> from orgmodel.diff.changes import compare
>>> from orgmodel.records import OrgData, PostRecord as P, Relation, RelKind, LineKind
>>> R = lambda a, b: Relation(RelKind.REPORTS_TO, a, b, LineKind.PRIMARY)
>>> before = OrgGraph(OrgData(posts=[P("ceo", "CEO"), P("r&d", "R&D <Lab>")],
...                           relations=[R("r&d", "ceo")]))
>>> after = OrgGraph(OrgData(posts=[P("ceo", "CEO")]))
>>> source = diff_chart(compare(before, after)).source
>>> "R&amp;D &lt;Lab&gt;" in source and "style=\\"rounded,filled,dashed\\"" in source
True
"""

from __future__ import annotations

import html
from pathlib import Path

import graphviz

from orgmodel.diff.changes import Change, ChangeKind, Diff
from orgmodel.diff.match import int_list
from orgmodel.errors import UsageError
from orgmodel.fileio import atomic_write
from orgmodel.graph import OrgGraph

__all__ = ["CHART_FORMATS", "MAX_NODES", "diff_chart", "write_chart"]

CHART_FORMATS = ("svg", "png", "pdf", "dot")
MAX_NODES = 3000
"""Graphviz lays out a few thousand posts in seconds; beyond that, use ``changed_only``."""

GREEN, RED, ORANGE, YELLOW, GREY = "#2e7d32", "#c62828", "#ef6c00", "#f9a825", "#9e9e9e"
STYLE = {
    "added": {"color": GREEN, "fillcolor": "#e8f5e9", "style": "rounded,filled", "penwidth": "2"},
    "removed": {
        "color": RED,
        "fillcolor": "#ffebee",
        "style": "rounded,filled,dashed",
        "penwidth": "2",
        "fontcolor": "#7f0000",
    },
    "moved": {"color": ORANGE, "fillcolor": "#fff3e0", "style": "rounded,filled", "penwidth": "2"},
    "changed": {"color": YELLOW, "fillcolor": "#fffde7", "style": "rounded,filled"},
    "plain": {"color": "#616161", "fillcolor": "white", "style": "rounded,filled"},
    "unit": {"color": "#616161", "fillcolor": "#eceff1", "style": "filled", "shape": "box3d"},
}
IN_PLACE = {
    ChangeKind.RETITLED: "was",
    ChangeKind.UNIT_CHANGED: "unit was",
    ChangeKind.HOLDER_CHANGED: "held by",
    ChangeKind.VACATED: "held by",
    ChangeKind.FILLED: "filled; was",
    ChangeKind.GRADE_CHANGED: "grade was",
    ChangeKind.FTE_CHANGED: "FTE was",
}

OTHER_SUPERIOR = {
    ChangeKind.SUPERIOR_ADDED: "now also under",
    ChangeKind.SUPERIOR_REMOVED: "no longer also under",
    ChangeKind.HEADS_ADDED: "now heads",
    ChangeKind.HEADS_REMOVED: "no longer heads",
    ChangeKind.LINK_ADDED: "new link to",
    ChangeKind.LINK_REMOVED: "link dropped to",
    ChangeKind.LINK_RETYPED: "link retyped to",
}
"""Changes beside the tree, noted on the post with the node at the other end."""


def _label(graph: OrgGraph, node: int, notes: list[str]) -> str:
    e = html.escape
    title = f"<B>{e(graph.title(node))}</B>"
    if not graph.is_post(node):
        return f"<{title}>"
    holder = graph.column("holder")[node]
    attrs = graph.column("attributes")[node] or {}
    who = (
        e(holder) if holder else ("<I>aggregate</I>" if attrs.get("aggregate") else "<I>Vacant</I>")
    )
    rows = [title, who]
    rows += [f'<FONT POINT-SIZE="9">{e(n)}</FONT>' for n in notes]
    rows.append(f'<FONT POINT-SIZE="8" COLOR="#757575">{e(graph.id_of(node))}</FONT>')
    return "<" + "<BR/>".join(rows) + ">"


class _Chart:
    def __init__(self, diff: Diff, changed_only: bool) -> None:
        self.d = diff
        self.b, self.a, self.m = diff.before, diff.after, diff.match
        self.b_par, self.a_par = int_list(self.b.parent), int_list(self.a.parent)
        self.changed_only = changed_only
        self.kind_a: dict[int, str] = {}
        self.kind_b: dict[int, str] = {}
        self.notes: dict[int, list[str]] = {}
        for c in diff.changes:
            if c.is_unit:
                continue
            if c.kind is ChangeKind.ADDED and c.after is not None:
                self.kind_a[c.after] = "added"
            elif c.kind is ChangeKind.REMOVED and c.before is not None:
                self.kind_b[c.before] = "removed"
            elif c.kind is ChangeKind.ELIMINATED and c.after is not None:
                self.kind_a[c.after] = "removed"  # still listed, as abolished: red where it is
                self.notes.setdefault(c.after, []).append("eliminated")
            elif c.after is not None:
                if c.kind is ChangeKind.MOVED:
                    self.kind_a[c.after] = "moved"
                else:
                    self.kind_a.setdefault(c.after, "changed")
                    if c.kind in IN_PLACE or c.kind in OTHER_SUPERIOR:
                        self.notes.setdefault(c.after, []).append(self._note(c.kind, c))
        self.moved = {c.after: c.old_node for c in diff.changes if c.kind is ChangeKind.MOVED}

    def _note(self, kind: ChangeKind, c: Change) -> str:
        if kind in OTHER_SUPERIOR:
            node, graph = (c.new_node, self.a) if c.new_node is not None else (c.old_node, self.b)
            name = graph.title(node) if node is not None else str(c.new_value or c.old_value)
            if isinstance(c.old_value, str) and isinstance(c.new_value, str):  # a link's type
                return f"{OTHER_SUPERIOR[kind]}: {name} ({c.old_value} → {c.new_value})"
            return f"{OTHER_SUPERIOR[kind]}: {name}"
        old = c.old_value
        if kind is ChangeKind.UNIT_CHANGED:
            old = self.b.title(c.old_node) if c.old_node is not None else None
        if isinstance(old, float):
            old = f"{old:g}"
        return f"{IN_PLACE[kind]}: {old or ('vacant' if kind is ChangeKind.FILLED else '(none)')}"

    def _old_end(self, b_node: int) -> str:
        """The chart node for a BEFORE node: its AFTER match, else its removed self."""
        j = self.m.b2a[b_node]
        return f"a{j}" if j >= 0 else f"b{b_node}"

    def selection(self) -> tuple[set[int], set[int]]:
        """AFTER and BEFORE nodes to draw."""
        a_nodes: set[int] = set()
        b_nodes: set[int] = set()
        if not self.changed_only:
            a_nodes = {j for j in range(self.a.size) if j < self.a.post_count or self._has_kids(j)}
            b_nodes = set(self.kind_b)
        else:
            for j in self.kind_a:
                self._climb_after(j, a_nodes)
            for i in self.kind_b:
                self._climb_before(i, a_nodes, b_nodes)
            for old in self.moved.values():
                if old is not None:
                    self._climb_before(old, a_nodes, b_nodes)
        for i in list(b_nodes):  # a removed post's superior must be drawn too
            p = self.b_par[i]
            if p >= 0:
                self._climb_before(p, a_nodes, b_nodes)
        return a_nodes, b_nodes

    def _has_kids(self, node: int) -> bool:
        start = self.a.child_start
        return bool(start[node + 1] > start[node])

    def _climb_after(self, j: int, into: set[int]) -> None:
        while j >= 0 and j not in into:
            into.add(j)
            j = self.a_par[j]

    def _climb_before(self, i: int, a_nodes: set[int], b_nodes: set[int]) -> None:
        while i >= 0:
            j = self.m.b2a[i]
            if j >= 0:
                self._climb_after(j, a_nodes)
                return
            if i in b_nodes:
                return
            b_nodes.add(i)
            i = self.b_par[i]

    def build(self) -> graphviz.Digraph:
        a_nodes, b_nodes = self.selection()
        if len(a_nodes) + len(b_nodes) > MAX_NODES:
            raise UsageError(
                f"the chart would have {len(a_nodes) + len(b_nodes):,} boxes, more than Graphviz "
                f"lays out readably ({MAX_NODES:,}); add --changed-only to draw only the changed "
                "posts and their chains of command"
            )
        dot = graphviz.Digraph("diff", strict=False)
        dot.attr(rankdir="TB", nodesep="0.25", ranksep="0.5", fontname="Helvetica")
        dot.attr("node", shape="box", fontname="Helvetica", fontsize="11", margin="0.12,0.06")
        dot.attr("edge", arrowhead="none", color="#616161")
        for j in sorted(a_nodes):
            kind = self.kind_a.get(j, "plain") if self.a.is_post(j) else "unit"
            dot.node(f"a{j}", _label(self.a, j, self.notes.get(j, [])), **STYLE[kind])
        for i in sorted(b_nodes):
            dot.node(f"b{i}", _label(self.b, i, []), **STYLE["removed"])
        for j in sorted(a_nodes):
            p = self.a_par[j]
            if p >= 0 and p in a_nodes:
                moved = j in self.moved
                dot.edge(f"a{p}", f"a{j}", color=ORANGE if moved else "#616161",
                         penwidth="2" if moved else "1")  # fmt: skip
            was = self.moved.get(j)
            if was is not None:
                dot.edge(self._old_end(was), f"a{j}", style="dashed", color="#bdbdbd",
                         constraint="false")  # fmt: skip
        for i in sorted(b_nodes):
            p = self.b_par[i]
            if p >= 0:
                dot.edge(self._old_end(p), f"b{i}", style="dashed", color=RED)
        self._dotted(dot, a_nodes, b_nodes)
        self._legend(dot)
        return dot

    def _dotted(self, dot: graphviz.Digraph, a_nodes: set[int], b_nodes: set[int]) -> None:
        def drawn(name: str) -> bool:
            return int(name[1:]) in (a_nodes if name[0] == "a" else b_nodes)

        added: set[tuple[int, int]] = set()
        for c in self.d.changes:
            if c.after not in a_nodes or c.after is None:
                continue
            if c.kind is ChangeKind.SECONDARY_ADDED and c.new_node in a_nodes:
                added.add((c.after, c.new_node))
                dot.edge(f"a{c.new_node}", f"a{c.after}", style="dotted", color=GREEN,
                         constraint="false", penwidth="2")  # fmt: skip
            elif c.kind is ChangeKind.SECONDARY_REMOVED and c.old_node is not None:
                old = self._old_end(c.old_node)
                if drawn(old):
                    dot.edge(old, f"a{c.after}", style="dotted", color=RED, constraint="false")
        for sub, sups in self.a.secondary.items():
            for s, _ in sups:
                if sub in a_nodes and s in a_nodes and (sub, s) not in added:
                    dot.edge(f"a{s}", f"a{sub}", style="dotted", color="#757575",
                             constraint="false")  # fmt: skip

    @staticmethod
    def _legend(dot: graphviz.Digraph) -> None:
        with dot.subgraph(name="cluster_legend") as leg:
            leg.attr(label="Legend", fontsize="10", color="#bdbdbd", fontname="Helvetica")
            for key, text in (
                ("added", "added"),
                ("removed", "removed"),
                ("moved", "moved (ghost: old line)"),
                ("changed", "changed in place"),
                ("plain", "unchanged"),
            ):
                leg.node(f"legend_{key}", text, fontsize="9", **STYLE[key])


def diff_chart(diff: Diff, *, changed_only: bool = False) -> graphviz.Digraph:
    """The combined chart as a ``graphviz.Digraph`` (``.source`` is the DOT text)."""
    return _Chart(diff, changed_only).build()


def write_chart(diff: Diff, path: str | Path, *, changed_only: bool = False) -> None:
    """Render to ``path`` by its extension (svg, png, pdf, dot), atomically."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in CHART_FORMATS:
        raise UsageError(
            f"cannot tell the chart format from {str(path)!r}; use one of "
            + ", ".join(f".{f}" for f in CHART_FORMATS)
        )
    dot = diff_chart(diff, changed_only=changed_only)
    if fmt == "dot":
        atomic_write(path, dot.source)
        return
    try:
        data = dot.pipe(format=fmt)
    except graphviz.ExecutableNotFound:
        raise UsageError(
            "Graphviz's 'dot' program is not installed; install it (apt-get install graphviz) "
            "or write the chart as .dot"
        ) from None
    atomic_write(path, data)
