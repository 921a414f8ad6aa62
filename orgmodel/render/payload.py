"""A :class:`~orgmodel.render.chart.Chart` as the JSON the interactive HTML chart reads.

The browser lays the chart out itself (:mod:`orgmodel.render.html`), so it
needs the boxes, the tree and the lines, not positions. Boxes are listed in
the chart's tree order (superiors before their reports) and held column-wise
-- one array per field, as the graph holds posts -- so that 50,000 posts are
a few megabytes of plain arrays the browser parses in a fraction of a second,
not 50,000 objects with their keys repeated.

``open`` names the boxes whose teams show when the page opens: whole levels
from the top while they fit in ``DEFAULT_MAX_POSTS`` boxes (what a screen
shows legibly, the static chart's budget), then the smallest teams of the
next level, by :func:`~orgmodel.render.selection.spend` -- and the chain of
command of a ``--highlight`` post.

>>> from orgmodel.render.chart import Box, BoxKind, Chart, Line
>>> chart = Chart("Demo", roots=["p0"], children={"p0": ["p1"]})
>>> chart.boxes = {"p0": Box("p0", BoxKind.POST, "Mayor", holder="Jo Ellery", ident="mayor"),
...                "p1": Box("p1", BoxKind.POST, "Clerk", ident="clerk")}
>>> chart.lines = [Line("p0", "p1")]
>>> data = payload(chart, ChartOptions())
>>> data["nodes"]["title"], data["nodes"]["parent"], data["nodes"]["flags"], data["open"]
(['Mayor', 'Clerk'], [-1, 0], [0, 2], [0])
"""

from __future__ import annotations

import json
from typing import Any

from orgmodel.render.chart import Box, BoxKind, Chart, LineStyle
from orgmodel.render.labels import counts_text, more_text, one_line
from orgmodel.render.options import DEFAULT_MAX_POSTS, ChartOptions
from orgmodel.render.selection import spend

__all__ = ["FLAGS", "KINDS", "payload", "script_json"]

KINDS = {BoxKind.POST: 0, BoxKind.BODY: 1, BoxKind.MORE: 2}
"""Box kinds as the browser numbers them."""

FLAGS = {"inferred": 1, "vacant": 2, "assistant": 4, "line_inferred": 8}
"""Bits of a box's ``flags``: an inferred post, a vacancy, an assistant, an inferred line to it."""


def payload(chart: Chart, options: ChartOptions) -> dict[str, Any]:
    """The chart's boxes, tree, lines and opening state, ready for :func:`script_json`."""
    order = chart.tree_order()
    index = {key: i for i, key in enumerate(order)}
    parent = [-1] * len(order)
    for sup, team in chart.children.items():
        for key in team:
            parent[index[key]] = index[sup]
    inferred_line = {line.sub for line in chart.lines if line.tree and line.inferred}
    columns: dict[str, list[Any]] = {
        name: [] for name in ("id", "kind", "title", "holder", "detail", "header", "more", "src")
    }
    flags: list[int] = []
    for key in order:
        box = chart.boxes[key]
        _add_box(columns, box)
        flags.append(_flags(box, key in inferred_line))
    side = [
        [
            index[line.sup],
            index[line.sub],
            int(line.style is LineStyle.SECONDARY),
            int(line.inferred),
        ]
        for line in chart.lines
        if not line.tree and line.sup in index and line.sub in index
    ]
    highlight = index.get(f"p{options.highlight}", -1) if options.highlight is not None else -1
    return {
        "title": one_line(chart.title),
        "date": one_line(chart.date) if chart.date else None,
        "counts": counts_text(chart),
        "assistants": options.assistants,
        "nodes": {**columns, "parent": parent, "flags": flags},
        "side": side,
        "open": _initially_open(chart, index, parent, highlight),
        "highlight": highlight,
    }


def _add_box(columns: dict[str, list[Any]], box: Box) -> None:
    """One box's fields, cleaned; the browser wraps and cuts them to its box width."""
    header, detail, holder = box.header, box.detail, box.holder
    title, more = box.title, more_text(box.more_reports, box.more_posts) if box.folded else None
    if box.kind is BoxKind.MORE:
        title, _, held = more_text(box.more_reports, box.more_posts).partition(" · ")
        holder = held or None
    elif box.kind is BoxKind.BODY:
        header, detail, holder = (detail.upper() if detail else header), None, None
    tooltip = box.tooltip
    src = tooltip.partition(" · ")[2] if tooltip.startswith(f"{box.ident} · ") else ""
    columns["id"].append(box.ident)
    columns["kind"].append(KINDS[box.kind])
    columns["title"].append(one_line(title))
    columns["holder"].append(one_line(holder) if holder else None)
    columns["detail"].append(one_line(detail) if detail else None)
    columns["header"].append(one_line(header) if header else None)
    columns["more"].append(more)
    columns["src"].append(src)


def _flags(box: Box, line_inferred: bool) -> int:
    bits = FLAGS["inferred"] if box.inferred else 0
    bits |= FLAGS["vacant"] if box.vacant else 0
    bits |= FLAGS["assistant"] if box.assistant else 0
    return bits | (FLAGS["line_inferred"] if line_inferred else 0)


def _initially_open(
    chart: Chart, index: dict[str, int], parent: list[int], highlight: int
) -> list[int]:
    """The boxes whose teams show when the page opens (see the module's docstring)."""
    kids: dict[int, list[int]] = {}
    for i, sup in enumerate(parent):
        if sup >= 0:
            kids.setdefault(sup, []).append(i)
    roots = [index[key] for key in chart.roots]
    shown = spend(roots, ChartOptions(max_posts=DEFAULT_MAX_POSTS), lambda i: kids.get(i, []))
    opened = set(shown)
    node = parent[highlight] if highlight >= 0 else -1
    while node >= 0:
        opened.add(node)
        node = parent[node]
    return sorted(opened)


def script_json(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` are written as ``\\u`` escapes, so no title can close the
    script element (``</script>``) or open a comment; JSON.parse reads them back.

    >>> script_json({"t": "</script><b>&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
