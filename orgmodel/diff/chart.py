"""The combined chart of a diff: one org chart showing both structures at once.

Posts only AFTER has are green, posts only BEFORE had are red and dashed,
posts that moved are orange with their old reporting line drawn as a faint
dashed "ghost" edge, posts changed in place (retitled, new holder, other
unit, a unit headed or a link gained or lost ...) pale yellow with what they
were, unchanged posts plain. Dotted lines that appeared or went are drawn
dotted, green or red.

The chart is laid out by the renderer (:mod:`orgmodel.render`): the same
square combs, the same teams of leaves stacked in columns, the same "+N
more" boxes as ``orgmodel render``. The changed posts and their chains of
command are drawn first, level by level, within ``max_posts``; unchanged
posts fill what is left of it, and the others fold into "+N more" boxes
that say how many changed posts they hold. With ``changed_only`` no
unchanged post is drawn but the chains of command, which is what makes a
diff of a large org drawable.

Every user string passes through the renderer's escaping, so titles such
as ``R&D <Ops>`` cannot break the chart.

>>> from orgmodel.graph import OrgGraph
>>> from orgmodel.diff.changes import compare
>>> from orgmodel.records import OrgData, PostRecord as P, Relation, RelKind, LineKind
>>> R = lambda a, b: Relation(RelKind.REPORTS_TO, a, b, LineKind.PRIMARY)
>>> before = OrgGraph(OrgData(posts=[P("ceo", "CEO"), P("r&d", "R&D <Lab>")],
...                           relations=[R("r&d", "ceo")]))
>>> after = OrgGraph(OrgData(posts=[P("ceo", "CEO")]))
>>> source = diff_chart(compare(before, after)).source
>>> "R&amp;D &lt;Lab&gt;" in source and 'STYLE="dashed"' in source
True
"""

from __future__ import annotations

from pathlib import Path

import graphviz

from orgmodel.diff.changes import Change, ChangeKind, Diff
from orgmodel.diff.match import int_list
from orgmodel.errors import UsageError
from orgmodel.fileio import atomic_write
from orgmodel.records import PostRecord
from orgmodel.render import dot as dot_builder
from orgmodel.render.chart import Box, BoxKind, Chart, Line, Paint
from orgmodel.render.labels import clean, html, shorten
from orgmodel.render.options import DEFAULT_MAX_POSTS, ChartOptions
from orgmodel.render.selection import more_box, pick_roots, show_chains, spend
from orgmodel.render.themes import get as get_theme

__all__ = ["CHART_FORMATS", "MAX_NODES", "PAINT", "diff_chart", "write_chart"]

CHART_FORMATS = ("svg", "png", "pdf", "dot")
MAX_NODES = 3000
"""Graphviz lays out a few thousand boxes in seconds; beyond that, use ``changed_only``."""

GREEN, RED, ORANGE, YELLOW, GHOST = "#2e7d32", "#c62828", "#ef6c00", "#f9a825", "#bdbdbd"
PAINT = {
    "added": Paint(GREEN, "#e8f5e9", thick=True),
    "removed": Paint(RED, "#ffebee", dashed=True, thick=True, ink="#7f0000"),
    "moved": Paint(ORANGE, "#fff3e0", thick=True),
    "changed": Paint(YELLOW, "#fffde7"),
}
"""How each kind of change marks its box; unchanged boxes keep the theme's colours."""
LEGEND = (
    ("added", "added"),
    ("removed", "removed"),
    ("moved", "moved (ghost: old line)"),
    ("changed", "changed in place"),
)
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


class _Chart:
    """The diff as one tree: AFTER's nodes, and BEFORE's removed ones under their old superiors.

    Nodes are numbered AFTER's first (``0 .. A-1``), then BEFORE's (``A + i``),
    so the renderer's budget and "+N more" helpers, which count in ints,
    work on both at once.
    """

    def __init__(self, diff: Diff, changed_only: bool, max_posts: int, title: str) -> None:
        self.d = diff
        self.b, self.a, self.m = diff.before, diff.after, diff.match
        self.b_par, self.a_par = int_list(self.b.parent), int_list(self.a.parent)
        self.A = self.a.size
        self.changed_only, self.max_posts, self.title = changed_only, max_posts, title
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
        self.tops: set[int] = set()
        self.removed_kids: dict[int, list[int]] = {}
        self.changed_below: list[int] = []

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

    def _old_end(self, b_node: int) -> int:
        """The chart node for a BEFORE node: its AFTER match, else its removed self."""
        j = self.m.b2a[b_node]
        return j if j >= 0 else self.A + b_node

    def key(self, n: int) -> str:
        return f"a{n}" if n < self.A else f"b{n - self.A}"

    def parent(self, n: int) -> int:
        """The superior of chart node ``n`` (-1: none)."""
        if n < self.A:
            p = self.a_par[n]
            return -1 if p == n else p
        p = self.b_par[n - self.A]
        return -1 if p < 0 or p == n - self.A else self._old_end(p)

    def is_post(self, n: int) -> bool:
        return n < self.a.post_count if n < self.A else n - self.A < self.b.post_count

    def required(self) -> set[int]:
        """Changed posts, removed ones, the old ends of moves, and their chains of command."""
        req: set[int] = set()
        starts = [*self.kind_a, *(self.A + i for i in self.kind_b)]
        starts += [self._old_end(old) for old in self.moved.values() if old is not None]
        for n in starts:
            on_path: set[int] = set()
            while n >= 0 and n not in req:
                req.add(n)
                on_path.add(n)
                up = self.parent(n)
                if up in on_path:  # a reporting cycle: drawn from the post that closes it
                    self.tops.add(n)
                n = up
        for n in sorted(n for n in req if n >= self.A):
            up = self.parent(n)
            if up >= 0 and n not in self.tops:
                self.removed_kids.setdefault(up, []).append(n)
        return req

    def kids(self, n: int) -> list[int]:
        """The reports of chart node ``n``: AFTER's, then the removed posts that were under it."""
        found: list[int] = []
        if n < self.A:
            start = self.a.child_start
            found = [k for k in self.a.child_list[start[n] : start[n + 1]] if k != n]
        found += self.removed_kids.get(n, [])
        return [k for k in found if k not in self.tops]

    def select(self) -> tuple[list[int], dict[int, list[int]], list[int], list[int]]:
        """Roots, shown reports of each node, hidden roots and posts below each node."""
        req = self.required()
        roots = [r for r in self.a.roots if r not in self.tops]
        roots += [n for n in sorted(req) if n >= self.A and self.parent(n) < 0]
        roots += sorted(self.tops)
        self.tops.update(roots)
        order = list(dict.fromkeys(roots))
        for n in order:  # breadth first; the list grows while it is walked
            order.extend(self.kids(n))
        counts = [0] * (self.A + self.b.size)
        for n in order:
            counts[n] = int(self.is_post(n))
        changed = [0] * len(counts)
        for n in req:
            changed[n] = int(n >= self.A or n in self.kind_a)
        for n in reversed(order[len(set(roots)) :]):
            counts[self.parent(n)] += counts[n]
            changed[self.parent(n)] += changed[n]
        self.changed_below = changed
        shown_roots = [r for r in roots if r in req]
        if not self.changed_only:
            shown_roots = pick_roots(roots, counts, self.max_posts)
            shown_roots += [r for r in roots if r in req and r not in shown_roots]
        # The changes first, level by level, within the budget; the rest fold into "+N more".
        shown = spend(shown_roots, ChartOptions(max_posts=self.max_posts),
                      lambda n: [k for k in self.kids(n) if k in req])  # fmt: skip
        drawn = len(shown_roots) + sum(len(team) for team in shown.values())
        if not self.changed_only and drawn < self.max_posts:  # then unchanged posts
            rest = spend(shown_roots, ChartOptions(max_posts=self.max_posts - drawn
                                                   + len(shown_roots)), self.kids)  # fmt: skip
            show_chains(shown, self.kids, ((k, p) for p, team in rest.items() for k in team))
        boxes = len(shown_roots) + sum(len(team) for team in shown.values())
        if boxes > MAX_NODES:
            raise UsageError(
                f"the chart would have {boxes:,} boxes, more than Graphviz lays out readably "
                f"({MAX_NODES:,}); add --changed-only to draw only the changed posts and "
                "their chains of command"
            )
        hidden = [r for r in dict.fromkeys(roots) if r not in set(shown_roots)]
        return shown_roots, shown, hidden, counts

    def chart(self) -> Chart:
        """The renderer's :class:`Chart` of the diff: boxes, tree lines, "+N more"."""
        roots, shown, hidden, counts = self.select()
        chart = Chart(title=self.title)
        pending: dict[int, tuple[Box, list[int]]] = {}
        stack: list[tuple[int, int | None, str | None]] = [(r, None, None) for r in reversed(roots)]
        while stack:
            n, sup, inherited = stack.pop()
            if n < 0:  # the "+N more" box of ~n, after its shown reports
                box, rest = pending.pop(~n)
                more_box(chart, (box, rest), counts)
                self._count_changes(chart.boxes[f"m{~n}"], rest)
                continue
            box, unit = self._box(n, inherited)
            chart.boxes[box.key] = box
            if sup is None:
                chart.roots.append(box.key)
            else:
                chart.lines.append(Line(self.key(sup), box.key, paint=self._line_paint(n)))
            team = shown.get(n, [])
            kept = set(team)
            rest = [k for k in self.kids(n) if k not in kept]
            if team:
                chart.children[box.key] = [self.key(k) for k in team]
            if rest and not team:
                box.more_reports, box.more_posts = len(rest), sum(counts[k] for k in rest)
                self._count_changes(box, rest)
            elif rest:
                pending[n] = (box, rest)
                stack.append((~n, None, None))
            stack.extend((k, n, unit) for k in reversed(team))
        if hidden:
            box = Box("mtop", BoxKind.MORE, f"+{len(hidden)} more", node=-1)
            box.detail = "top post" if len(hidden) == 1 else "top posts"
            box.more_reports, box.more_posts = len(hidden), sum(counts[r] for r in hidden)
            self._count_changes(box, hidden)
            chart.boxes[box.key] = box
            chart.roots.append(box.key)
        chart.total_posts = sum(counts[r] for r in set(roots) | set(hidden))
        chart.shown_posts = sum(1 for b in chart.boxes.values() if b.kind is BoxKind.POST)
        chart.hidden_posts = chart.total_posts - chart.shown_posts
        return chart

    def _count_changes(self, box: Box, hidden: list[int]) -> None:
        """Say on a "+N more" how many changed posts it holds (a --max-posts too small)."""
        count = sum(self.changed_below[k] for k in hidden)
        if not count:
            return
        note = f"{count:,} changed"
        if box.kind is BoxKind.MORE:
            box.detail = f"{box.detail} · {note}" if box.detail else note
            box.paint = PAINT["changed"]
        else:
            box.notes = (*box.notes, f"{note} below")

    def _line_paint(self, n: int) -> Paint | None:
        if n >= self.A:
            return Paint(RED, dashed=True)
        return Paint(ORANGE, thick=True) if n in self.moved else None

    def _box(self, n: int, inherited: str | None) -> tuple[Box, str | None]:
        """The box of chart node ``n``, and the unit its reports need not repeat."""
        graph, node = (self.a, n) if n < self.A else (self.b, n - self.A)
        rec = graph.record(node)
        key = self.key(n)
        kind = self.kind_a.get(n) if n < self.A else "removed"
        paint = PAINT[kind] if kind else None
        if not isinstance(rec, PostRecord):
            box = Box(key, BoxKind.BODY, rec.name, detail=str(rec.kind).capitalize(), node=n)
            box.tooltip, box.paint = rec.id, paint
            return box, inherited
        box = Box(key, BoxKind.POST, rec.title, holder=rec.holder, node=n, tooltip=rec.id)
        box.paint = paint
        box.notes = tuple(self.notes.get(n, []) if n < self.A else [])
        if (rec.attributes or {}).get("aggregate"):
            box.aggregate = True
            box.holder = f"{rec.fte:g} FTE" if rec.fte is not None else "aggregate"
        unit_node = graph.unit_of(node)
        unit = graph.title(unit_node) if unit_node is not None else None
        if unit is not None and unit != inherited:
            box.detail = unit
        return box, unit if unit is not None else inherited

    def build(self, *, html_labels: bool = True) -> tuple[graphviz.Digraph, Chart]:
        """The DOT graph and the chart it draws; ``html_labels=False`` for an engine without
        HTML-like labels (the boxes are then drawn on its SVG, as ``render`` does)."""
        chart = self.chart()
        options = ChartOptions(max_posts=max(1, self.max_posts))
        g = dot_builder.build(chart, options, html_labels=html_labels)
        g.name = "diff"
        g.attr("graph", label=self._title(chart) if html_labels else self._plain_title(chart))
        for n, old in self.moved.items():
            if n is None or old is None:
                continue
            was, now = self.key(self._old_end(old)), self.key(n)
            if was in chart.boxes and now in chart.boxes:
                g.edge(was, now, style="dashed", color=GHOST, constraint="false",
                       arrowhead="vee", arrowsize="0.7", **{"class": "ghost"})  # fmt: skip
        self._dotted(g, chart)
        return g, chart

    def _dotted(self, g: graphviz.Digraph, chart: Chart) -> None:
        added: set[tuple[int, int]] = set()
        for c in self.d.changes:
            if c.after is None or self.key(c.after) not in chart.boxes:
                continue
            if c.kind is ChangeKind.SECONDARY_ADDED and c.new_node is not None:
                if self.key(c.new_node) in chart.boxes:
                    added.add((c.after, c.new_node))
                    g.edge(self.key(c.new_node), self.key(c.after), style="dotted", color=GREEN,
                           constraint="false", penwidth="2")  # fmt: skip
            elif c.kind is ChangeKind.SECONDARY_REMOVED and c.old_node is not None:
                old = self.key(self._old_end(c.old_node))
                if old in chart.boxes:
                    g.edge(old, self.key(c.after), style="dotted", color=RED, constraint="false")
        for sub, sups in self.a.secondary.items():
            for s, _ in sups:
                if (sub, s) not in added and {self.key(sub), self.key(s)} <= chart.boxes.keys():
                    g.edge(self.key(s), self.key(sub), style="dotted", color="#757575",
                           constraint="false")  # fmt: skip

    def _facts(self, chart: Chart) -> str:
        changes = len(self.d.changes)
        facts = (
            f"{changes:,} change{'s' if changes != 1 else ''}; {chart.shown_posts:,} posts shown"
        )
        if chart.hidden_posts:
            facts += f" of {chart.total_posts:,}; “+N more” hold the other {chart.hidden_posts:,}"
        return facts

    def _plain_title(self, chart: Chart) -> str:
        """The title as plain lines: the legend names each kind of change in words."""
        legend = "   ".join(text for _, text in LEGEND)
        lines = [shorten(clean(self.title), 120), self._facts(chart), legend]
        return dot_builder.left_lines(lines)

    def _title(self, chart: Chart) -> str:
        """Title, what the chart shows, and the legend: one swatch per kind of change."""
        theme = get_theme("default")
        facts = self._facts(chart)
        cells = []
        for key, text in LEGEND:
            p = PAINT[key]
            style = ' STYLE="dashed"' if p.dashed else ""
            cells.append(
                f'<TD BORDER="{2 if p.thick else 1}" COLOR="{p.color}" BGCOLOR="{p.fill}"{style}>'
                f'<FONT POINT-SIZE="9">{html(text)}</FONT></TD><TD WIDTH="6"></TD>'
            )
        cells.append(f'<TD><FONT POINT-SIZE="9" COLOR="{ORANGE}">━━</FONT>'
                     f'<FONT POINT-SIZE="9"> new line of a moved post  </FONT>'
                     f'<FONT POINT-SIZE="9" COLOR="{GHOST}">╌╌➤</FONT>'
                     '<FONT POINT-SIZE="9"> its old line</FONT></TD>')  # fmt: skip
        legend = (
            f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="3"><TR>{"".join(cells)}</TR></TABLE>'
        )
        title = html(shorten(clean(self.title), 120))
        size, muted = f"{theme.title_size:g}", theme.muted
        rows = [
            f'<FONT POINT-SIZE="{size}"><B>{title}</B></FONT>',
            f'<FONT COLOR="{muted}" POINT-SIZE="10">{html(facts)}</FONT>',
            legend,
        ]
        table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        body = "".join(f'<TR><TD ALIGN="LEFT">{row}</TD></TR>' for row in rows)
        return f'<{table}{body}<TR><TD HEIGHT="12"></TD></TR></TABLE>>'


def diff_chart(
    diff: Diff,
    *,
    changed_only: bool = False,
    max_posts: int = DEFAULT_MAX_POSTS,
    title: str = "Changes",
) -> graphviz.Digraph:
    """The combined chart as a ``graphviz.Digraph`` (``.source`` is the DOT text)."""
    if max_posts < 1:
        raise UsageError(f"max-posts must be at least 1, not {max_posts}")
    return _Chart(diff, changed_only, max_posts, title).build()[0]


def write_chart(
    diff: Diff,
    path: str | Path,
    *,
    changed_only: bool = False,
    max_posts: int = DEFAULT_MAX_POSTS,
    title: str = "Changes",
) -> None:
    """Render to ``path`` by its extension (svg, png, pdf, dot), atomically."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in CHART_FORMATS:
        raise UsageError(
            f"cannot tell the chart format from {str(path)!r}; use one of "
            + ", ".join(f".{f}" for f in CHART_FORMATS)
        )
    if max_posts < 1:
        raise UsageError(f"max-posts must be at least 1, not {max_posts}")
    chart = _Chart(diff, changed_only, max_posts, title)
    if fmt == "dot":
        atomic_write(path, chart.build()[0].source)
        return
    atomic_write(path, _lay_out(chart, fmt))


def _lay_out(chart: _Chart, fmt: str) -> bytes:
    """The chart's ``fmt`` bytes: Graphviz's ``dot`` when installed, else the bundled
    WebAssembly Graphviz, whose SVG gets the boxes ``dot`` would draw (and becomes PNG or PDF
    through the wheel-only rasterizer), as ``orgmodel render`` draws."""
    from orgmodel.render import fallback, raster
    from orgmodel.render.engine import find_engine, layout, wasm_layout

    engine = find_engine(fmt)
    if engine.program is not None:
        return layout(engine, chart.build()[0].source, fmt)
    g, drawn = chart.build(html_labels=False)
    svg = fallback.decorate(wasm_layout(g.source, "svg"), drawn, get_theme("default"))
    return svg if fmt == "svg" else raster.convert(svg, fmt)
