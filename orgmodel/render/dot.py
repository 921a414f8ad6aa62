"""The DOT builder: a :class:`~orgmodel.render.chart.Chart` as a Graphviz graph.

Every box is an HTML-like table (title in bold, holder or *Vacant*, unit),
built with the ``graphviz`` package; every piece of user text in it passes
through :mod:`orgmodel.render.labels`, and node and edge ids are our own
(``p12``), so no title can break the DOT or add an attribute.

The reporting lines are drawn by :mod:`orgmodel.render.connectors`: square
org-chart combs, and wide teams stacked in columns so that forty reports do
not make a chart twenty metres wide.

For a layout engine that cannot read HTML-like labels (the WebAssembly
Graphviz used when ``dot`` is not installed), ``html_labels=False`` gives
boxes of the tables' sizes, with their text as plain labels, which
:mod:`~orgmodel.render.fallback` then draws as the tables look.

>>> from orgmodel.render.chart import Chart, Box, BoxKind, Line
>>> chart = Chart("Demo")
>>> chart.boxes["p0"] = Box("p0", BoxKind.POST, 'Chief "Boss" <b>', holder="A & B")
>>> chart.boxes["p1"] = Box("p1", BoxKind.POST, "Clerk")
>>> chart.roots, chart.children, chart.lines = ["p0"], {"p0": ["p1"]}, [Line("p0", "p1")]
>>> text = source(chart, ChartOptions())
>>> "Chief &quot;Boss&quot; &lt;b&gt;" in text and "A &amp; B" in text
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import cast

import graphviz
from graphviz import escape as gv_escape
from graphviz import nohtml

from orgmodel.render import connectors, fallback
from orgmodel.render.chart import Box, Chart, Line, LineStyle
from orgmodel.render.connectors import line_attrs
from orgmodel.render.labels import box_text, clean, counts_text, html, shorten
from orgmodel.render.look import look
from orgmodel.render.options import ChartOptions
from orgmodel.render.themes import Theme, get

__all__ = ["build", "left_lines", "source"]

_Labeller = Callable[[Box, Theme], str]


def source(chart: Chart, options: ChartOptions, *, html_labels: bool = True) -> str:
    """The DOT text of ``chart``."""
    return str(build(chart, options, html_labels=html_labels).source)


def build(chart: Chart, options: ChartOptions, *, html_labels: bool = True) -> graphviz.Digraph:
    """A ``graphviz.Digraph`` of ``chart``, ready to lay out."""
    theme = get(options.theme)
    g = graphviz.Digraph("orgchart")
    g.attr(
        "graph",
        rankdir=options.direction,
        bgcolor=theme.background,
        fontname=theme.font,
        fontcolor=theme.text,
        nodesep="0.18",
        ranksep="0.26",
        newrank="true",
        splines="line",
        ordering="out",
        labelloc="t",
        labeljust="l",
        pad="0.3",
        label=_title(chart, theme, html_labels),
    )
    g.attr(
        "node",
        shape="plain" if html_labels else "box",
        fontname=theme.font,
        fontsize=f"{theme.size:g}",
        fontcolor=theme.text,
    )
    g.attr("edge", arrowhead="none", arrowtail="none", color=theme.line, penwidth="1.2")
    if not html_labels:
        g.attr("graph", fontsize=f"{theme.title_size:g}")  # room for the title drawn bold
    teams = connectors.plan(chart, assistants=options.assistants)
    column = connectors.columns(chart, teams)
    for key, box in chart.boxes.items():
        if html_labels:
            g.node(key, label=_html_label(box, theme), group=column[key], **_box_attrs(box, theme))
        else:  # an empty box of the table's size: render.fallback draws its rows
            attrs = {**_box_attrs(box, theme), **fallback.node_attrs(box, theme)}
            g.node(key, label=_plain_label(box, theme), group=column[key], **attrs)
    connectors.draw(g, chart, teams, column, theme)
    for line in chart.lines:
        if not line.tree:
            _side_line(g, line, theme)
    return g


# ----------------------------------------------------------------- boxes


def _box_attrs(box: Box, theme: Theme) -> dict[str, str]:
    classes = [str(box.kind)]
    if box.vacant:
        classes.append("vacant")
    if box.inferred:
        classes.append("inferred")
    if box.highlighted:
        classes.append("highlight")
    attrs = {"id": box.key, "class": " ".join(classes)}
    if box.tooltip:
        attrs["tooltip"] = gv_escape(clean(box.tooltip))
    return attrs


def _html_label(box: Box, theme: Theme) -> str:
    lk = look(box, theme)
    rows: list[str] = []
    for row in lk.rows:
        content = _br(row.lines)
        if row.bold:
            content = f"<B>{content}</B>"
        if row.italic:
            content = f"<I>{content}</I>"
        cell: dict[str, str] = {}
        if row.band:
            cell["BGCOLOR"] = row.band
        if row.rule:
            cell.update(SIDES="T", BORDER="1", COLOR=row.rule)
        if row.padding != 2 or row.rule:
            cell["CELLPADDING"] = f"{row.padding:g}"
        if row.role == "title":
            cell["WIDTH"] = str(lk.width)
        size = None if row.size == theme.size else f"{row.size:g}"
        rows.append(_row(_font(content, row.ink, size), **cell))
    style = ' STYLE="dashed"' if lk.dashed else ""
    return (
        f'<<TABLE BORDER="{2 if lk.thick else 1}" CELLBORDER="0" CELLSPACING="0" '
        f'CELLPADDING="2" COLOR="{lk.border}" BGCOLOR="{lk.fill}"{style}>{"".join(rows)}</TABLE>>'
    )


def _row(content: str, **cell: str) -> str:
    """One table row of one cell; attribute values are ours (colours, sizes), never user text."""
    attrs = "".join(f' {name}="{value}"' for name, value in cell.items())
    return f"<TR><TD{attrs}>{content}</TD></TR>"


def _font(content: str, color: str, size: str | None = None) -> str:
    point = f' POINT-SIZE="{size}"' if size else ""
    return f'<FONT COLOR="{color}"{point}>{content}</FONT>'


def _br(lines: Iterable[str]) -> str:
    return "<BR/>".join(html(line) for line in lines)


def left_lines(lines: Iterable[str]) -> str:
    """A plain (not HTML-like) label of left-aligned lines, for an engine without HTML labels."""
    return cast(str, nohtml("\\l".join(gv_escape(t) for t in lines) + "\\l"))  # NoHtml


def _plain_label(box: Box, theme: Theme) -> str:
    text = box_text(box, theme)
    holder = ["Vacant"] if text.holder is None else text.holder
    parts = [*(h.upper() for h in text.header), *text.title, *holder, *text.detail, *text.notes]
    if text.more:
        parts.append(text.more)
    return cast(str, nohtml("\\n".join(gv_escape(p) for p in parts)))  # stays NoHtml


# ----------------------------------------------------------------- lines


def _side_line(g: graphviz.Digraph, line: Line, theme: Theme) -> None:
    """A dotted line or a second primary superior: drawn, but not moving the boxes."""
    attrs = line_attrs(line, theme)
    attrs.update(constraint="false", arrowhead="vee", arrowsize="0.7")
    if line.style is LineStyle.SECONDARY:
        attrs.update(style="dashed")
        attrs.setdefault("color", theme.secondary)
    g.edge(line.sup, line.sub, **attrs)


# ----------------------------------------------------------------- title


def _title(chart: Chart, theme: Theme, html_labels: bool) -> str:
    """Title, date and counts, and a legend when more than one kind of line appears."""
    facts = []
    if chart.date:
        facts.append(clean(chart.date))
    facts.append(counts_text(chart))
    kinds = chart.line_kinds()
    legend: list[tuple[str, str, str]] = []
    if len(kinds) > 1:
        legend.append((theme.line, "───", "reports to"))
        if "secondary" in kinds:
            legend.append((theme.secondary, "╌╌╌", "dotted-line reporting"))
        if "inferred" in kinds:
            legend.append((theme.inferred, "───", "inferred (grey boxes too)"))
    title = shorten(clean(chart.title), 120)
    if not html_labels:
        text = [title, " · ".join(facts)]
        if legend:
            text.append("   ".join(f"{mark} {what}" for _, mark, what in legend))
        return left_lines(text)
    note = f"{theme.small + 1:g}"
    rows = [
        _row(_font(f"<B>{html(title)}</B>", theme.text, f"{theme.title_size:g}"), ALIGN="LEFT"),
        _row(_font(html(" · ".join(facts)), theme.muted, note), ALIGN="LEFT"),
    ]
    if legend:
        items = "   ".join(f"{_font(mark, color)} {html(what)}" for color, mark, what in legend)
        rows.append(_row(_font(items, theme.muted, note), ALIGN="LEFT"))
    rows.append('<TR><TD HEIGHT="12"></TD></TR>')  # air between the title and the chart
    table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
    return f"<{table}{''.join(rows)}</TABLE>>"
