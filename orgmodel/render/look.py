"""What a box looks like, row by row: one description for both ways of drawing it.

The system ``dot`` draws a box as an HTML-like table (:mod:`~orgmodel.render.dot`);
without it, :mod:`~orgmodel.render.fallback` draws the same rows into the
WebAssembly Graphviz's SVG. Both read this: the unit band, the title in
bold, the holder or *Vacant*, the unit, notes, the "+N more" foot, and the
colours, border and dashes of the box.

>>> from orgmodel.render.chart import Box, BoxKind
>>> from orgmodel.render.themes import get
>>> rows = look(Box("p0", BoxKind.POST, "Clerk", header="Records Office"), get("default")).rows
>>> [(r.role, r.lines, r.bold) for r in rows]
[('header', ['Records Office'], False), ('title', ['Clerk'], True), ('holder', ['Vacant'], False)]
"""

from __future__ import annotations

from dataclasses import dataclass

from orgmodel.render.chart import Box, BoxKind
from orgmodel.render.labels import box_text
from orgmodel.render.themes import Theme

__all__ = ["Look", "Row", "look"]


@dataclass(frozen=True)
class Row:
    """One row of a box: its lines, how they are set, and the band behind them, if any."""

    role: str  # header, title, holder, detail, notes, more
    lines: list[str]
    ink: str
    size: float
    bold: bool = False
    italic: bool = False
    band: str | None = None  # a fill of its own (the unit band, the "+N more" foot)
    padding: float = 2
    rule: str | None = None  # a line above the row (the "+N more" foot)


@dataclass(frozen=True)
class Look:
    """A box: its rows, border, fill, and whether its outline is thick or dashed."""

    rows: list[Row]
    border: str
    fill: str
    thick: bool
    dashed: bool
    width: int  # the least width of the box, in points


def look(box: Box, theme: Theme) -> Look:
    """The rows and colours of ``box`` in ``theme``."""
    text = box_text(box, theme)
    fade = box.inferred
    ink = theme.inferred if fade else theme.text
    soft = theme.inferred if fade else theme.muted
    border = theme.highlight if box.highlighted else theme.inferred if fade else theme.box_border
    fill = theme.highlight_fill if box.highlighted else theme.box_fill
    if box.kind is BoxKind.MORE:
        border, fill, ink = theme.more_border, theme.more_fill, theme.muted
    elif box.kind is BoxKind.BODY:
        fill = theme.body_fill
    paint = box.paint
    if paint is not None:
        border, fill = paint.color, paint.fill or fill
        ink = paint.ink or ink
    small = theme.small
    rows: list[Row] = []
    if text.header:
        band, band_ink = (theme.inferred_fill, theme.muted) if fade else (
            theme.header_fill, theme.header_text)  # fmt: skip
        rows.append(Row("header", text.header, band_ink, small, band=band, padding=3))
    rows.append(Row("title", text.title, ink, theme.size, bold=True))
    if text.holder is None:
        rows.append(
            Row("holder", ["Vacant"], soft if fade else theme.vacant, theme.size, italic=True)
        )
    elif text.holder:
        rows.append(Row("holder", text.holder, soft, theme.size))
    if text.detail:
        rows.append(Row("detail", text.detail, soft, small))
    if text.notes:
        rows.append(Row("notes", list(text.notes), ink, small))
    if text.more:
        rows.append(
            Row(
                "more",
                [text.more],
                theme.muted,
                small,
                band=theme.more_fill,
                rule=theme.more_border,
            )
        )
    thick = box.highlighted or (paint is not None and paint.thick)
    dashed = box.kind is BoxKind.MORE or fade or (paint is not None and paint.dashed)
    width = theme.box_width if box.kind is not BoxKind.MORE else theme.box_width * 2 // 3
    return Look(rows, border, fill, thick, dashed, width)
