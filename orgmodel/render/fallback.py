"""Charts without Graphviz's ``dot``: the WebAssembly Graphviz lays out, we draw the boxes.

The WebAssembly build of Graphviz has no HTML-like labels, so on its own
it draws plain boxes: no unit band, no bold title, no colours. Here each
box goes to it as an empty box of the size its rows need (measured with
:mod:`~orgmodel.render.metrics`), so the layout -- ranks, combs, stacked
teams, lines -- is the one ``dot`` makes; then every box in its SVG is
drawn again from :func:`~orgmodel.render.look.look`, the rows ``dot``'s
tables show: the unit band, the title in bold, the holder or *Vacant*, the
unit, "+N more", borders, fills and dashes. The title lines get their sizes
and colours too. PNG and PDF are then made from that SVG by
:mod:`~orgmodel.render.raster`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from orgmodel.render.chart import Box, Chart
from orgmodel.render.look import Look, Row, look
from orgmodel.render.metrics import line_height, text_width
from orgmodel.render.themes import Theme

__all__ = ["box_size", "decorate", "node_attrs"]

SVG = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")


@dataclass(frozen=True)
class _Measured:
    look: Look
    width: float
    heights: list[float]


def _measure(box: Box, theme: Theme) -> _Measured:
    lk = look(box, theme)
    border = 2 if lk.thick else 1
    widest = 0.0
    heights = []
    for row in lk.rows:
        pad = 2 * (row.padding + 2)  # the cell's padding and the table's
        for line in row.lines:
            widest = max(widest, text_width(line, row.size, bold=row.bold) + pad)
        heights.append(len(row.lines) * line_height(row.size) + 2 * row.padding)
    width = max(float(lk.width) + 4, widest) + 2 * border
    return _Measured(lk, width, heights)


def box_size(box: Box, theme: Theme) -> tuple[float, float]:
    """The width and height, in points, of ``box`` drawn as ``dot`` draws its table."""
    measured = _measure(box, theme)
    border = 2 if measured.look.thick else 1
    return measured.width, sum(measured.heights) + 1.5 + 2 * border


def node_attrs(box: Box, theme: Theme) -> dict[str, str]:
    """DOT attributes for an empty box of the right size, which :func:`decorate` fills in."""
    width, height = box_size(box, theme)
    return {
        "shape": "box",
        "fixedsize": "true",
        "width": f"{width / 72:.3f}",
        "height": f"{height / 72:.3f}",
        "margin": "0",
        "style": "filled",
        "fillcolor": look(box, theme).fill,
    }


def _outline(group: ET.Element) -> tuple[ET.Element, tuple[float, float, float, float]] | None:
    """The element holding a node's box (the node, or the link a tooltip adds), and the box."""
    polygon_tag = f"{{{SVG}}}polygon"
    for holder in group.iter():
        polygon = holder.find(polygon_tag)
        if polygon is None:
            continue
        xs, ys = [], []
        for pair in (polygon.get("points") or "").split():
            x, _, y = pair.partition(",")
            xs.append(float(x))
            ys.append(float(y))
        if xs:
            return holder, (min(xs), min(ys), max(xs), max(ys))
    return None


def _el(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(
        parent, f"{{{SVG}}}{tag}", {k.replace("_", "-"): v for k, v in attrs.items()}
    )


def _draw_box(group: ET.Element, box: Box, theme: Theme) -> None:
    found = _outline(group)
    if found is None:
        return
    target, (x0, y0, x1, y1) = found
    for child in list(target):
        if child.tag in (f"{{{SVG}}}polygon", f"{{{SVG}}}text"):
            target.remove(child)  # the plain box and label, drawn again below
    measured = _measure(box, theme)
    lk = measured.look
    border = 2 if lk.thick else 1
    outline = {"fill": lk.fill, "stroke": lk.border, "stroke_width": str(border)}
    if lk.dashed:
        outline["stroke_dasharray"] = "5,2"
    _el(target, "rect", x=f"{x0:.2f}", y=f"{y0:.2f}", width=f"{x1 - x0:.2f}",
        height=f"{y1 - y0:.2f}", **outline)  # fmt: skip
    top = y0 + border + 1
    middle = (x0 + x1) / 2
    for row, height in zip(lk.rows, measured.heights, strict=True):
        _draw_row(target, row, x0 + border, x1 - border, top, height, middle, theme)
        top += height


def _draw_row(
    parent: ET.Element,
    row: Row,
    left: float,
    right: float,
    top: float,
    height: float,
    middle: float,
    theme: Theme,
) -> None:
    if row.band:
        _el(parent, "rect", x=f"{left:.2f}", y=f"{top:.2f}", width=f"{right - left:.2f}",
            height=f"{height:.2f}", fill=row.band, stroke="none")  # fmt: skip
    if row.rule:
        _el(parent, "line", x1=f"{left:.2f}", y1=f"{top:.2f}", x2=f"{right:.2f}",
            y2=f"{top:.2f}", stroke=row.rule, stroke_width="1")  # fmt: skip
    step = line_height(row.size)
    for i, line in enumerate(row.lines):
        baseline = top + row.padding + i * step + row.size * 0.95
        text = _el(
            parent, "text", x=f"{middle:.2f}", y=f"{baseline:.2f}", text_anchor="middle",
            font_family=theme.font, font_size=f"{row.size:.2f}", fill=row.ink,
        )  # fmt: skip
        if row.bold:
            text.set("font-weight", "bold")
        if row.italic:
            text.set("font-style", "italic")
        text.text = line


def _title_lines(root: ET.Element, theme: Theme) -> None:
    """The chart's title in bold at the title size; the lines under it smaller and muted."""
    graph = root.find(f"{{{SVG}}}g")
    if graph is None:
        return
    texts = [child for child in graph if child.tag == f"{{{SVG}}}text"]
    for i, text in enumerate(texts):
        if i == 0:
            text.set("font-weight", "bold")
            text.set("font-size", f"{theme.title_size:.2f}")
            text.set("fill", theme.text)
        else:
            text.set("font-size", f"{theme.small + 1:.2f}")
            text.set("fill", theme.muted)
        text.set("font-family", theme.font)


def decorate(svg: bytes, chart: Chart, theme: Theme) -> bytes:
    """The WebAssembly engine's SVG of ``chart`` with every box drawn as ``dot`` would."""
    root = ET.fromstring(svg)
    for group in root.iter(f"{{{SVG}}}g"):
        if "node" not in (group.get("class") or "").split():
            continue
        box = chart.boxes.get(group.get("id") or "")
        if box is not None:
            _draw_box(group, box, theme)
    _title_lines(root, theme)
    body: bytes = ET.tostring(root, encoding="utf-8")
    return b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + (
        body.split(b"?>", 1)[-1].lstrip()
    )
