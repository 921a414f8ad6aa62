"""The renderer: org charts as SVG, PNG, PDF, DOT, Mermaid or interactive HTML.

Three steps, one module each:

1. :mod:`~orgmodel.render.selection` chooses what goes on the chart (a
   subtree, a depth, an organization, "+N more" boxes past ``max_posts``,
   a highlighted chain of command) and returns a
   :class:`~orgmodel.render.chart.Chart`;
2. :mod:`~orgmodel.render.dot` (Graphviz), :mod:`~orgmodel.render.mermaid`
   or :mod:`~orgmodel.render.html` (one interactive page) writes it out, in a
   :mod:`~orgmodel.render.themes` theme, with all user text escaped by
   :mod:`~orgmodel.render.labels`;
3. :mod:`~orgmodel.render.engine` lays DOT out with ``dot`` (or the
   WebAssembly Graphviz for SVG when ``dot`` is missing).

>>> from orgmodel.sources.load import load_graph
>>> graph = load_graph(["data/minneapolis-city-clerk.csv"])
>>> drawing = draw(graph, ChartOptions(max_posts=5), "mermaid")
>>> drawing.content.decode().splitlines()[3]
'flowchart TB'
>>> drawing.chart.shown_posts, drawing.chart.hidden_posts
(5, 18)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from orgmodel.fileio import atomic_write
from orgmodel.render.options import DEFAULT_MAX_POSTS, HTML_MAX_POSTS, ChartOptions

# The drawing modules are imported by draw(): every command that takes a chart's options
# (render, diff -o) imports this package, and only drawing needs them.
if TYPE_CHECKING:
    from orgmodel.graph import OrgGraph
    from orgmodel.render.chart import Chart

__all__ = ["DEFAULT_MAX_POSTS", "HTML_MAX_POSTS", "ChartOptions", "Drawing", "draw", "write"]


@dataclass(frozen=True)
class Drawing:
    """A finished chart: the file's bytes, what it shows, and what drew it."""

    content: bytes
    chart: Chart
    format: str
    engine: str | None


def draw(graph: OrgGraph, options: ChartOptions, fmt: str) -> Drawing:
    """The chart of ``graph`` as ``fmt`` (svg, png, pdf, dot, mermaid or html)."""
    from orgmodel.render import dot, fallback, html, mermaid, raster
    from orgmodel.render.engine import find_engine, layout
    from orgmodel.render.selection import select
    from orgmodel.render.themes import get as get_theme

    if fmt not in ("svg", "png", "pdf", "dot", "mermaid", "html"):
        raise ValueError(f"unknown chart format {fmt!r}")
    engine = find_engine(fmt) if fmt in ("svg", "png", "pdf") else None
    chart = select(graph, options)
    if fmt == "html":
        return Drawing(html.source(chart, options).encode("utf-8"), chart, fmt, None)
    if fmt == "mermaid":
        return Drawing(mermaid.source(chart, options).encode("utf-8"), chart, fmt, None)
    if engine is None:
        return Drawing(dot.source(chart, options).encode("utf-8"), chart, fmt, None)
    if engine.html_labels:
        text = dot.source(chart, options, html_labels=True)
        return Drawing(layout(engine, text, fmt), chart, fmt, engine.name)
    text = dot.source(chart, options, html_labels=False)
    svg = fallback.decorate(layout(engine, text, "svg"), chart, get_theme(options.theme))
    return Drawing(svg if fmt == "svg" else raster.convert(svg, fmt), chart, fmt, engine.name)


def write(
    path: str | Path, graph: OrgGraph, options: ChartOptions, fmt: str | None = None
) -> Drawing:
    """Draw the chart in ``fmt`` (default: what ``path``'s extension names) and write it
    atomically (``-``: to standard output)."""
    from orgmodel.render.engine import format_of

    drawing = draw(graph, options, fmt or format_of(path))
    atomic_write(path, drawing.content, binary=drawing.format in ("png", "pdf"))
    return drawing
