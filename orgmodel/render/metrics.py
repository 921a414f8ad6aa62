"""How wide a line of text is in Helvetica, the charts' first font: for sizing boxes ourselves.

The system ``dot`` measures HTML-like labels with the real fonts; the
WebAssembly Graphviz has no such labels, so :mod:`orgmodel.render.fallback`
sizes each box from these widths (Adobe's Helvetica and Helvetica-Bold
metrics, in thousandths of an em, for printable ASCII; other characters take
the width of a digit) and draws its text itself.

>>> round(text_width("Chief Operating Officer", 11, bold=True), 1)
121.0
>>> text_width("", 11)
0.0
"""

from __future__ import annotations

__all__ = ["line_height", "text_width"]

_FIRST = 32
# fmt: off
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  # space-/
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  # 0-?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  # @-O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  # P-_
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  # `-o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  # p-~
)
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)
# fmt: on
_OTHER = 556


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in points of ``text`` set in Helvetica (bold) at ``size`` points."""
    table = _BOLD if bold else _REGULAR
    total = 0
    for ch in text:
        code = ord(ch) - _FIRST
        total += table[code] if 0 <= code < len(table) else _OTHER
    return total * size / 1000


def line_height(size: float) -> float:
    """The height of one line of text at ``size`` points, as ``dot`` spaces a table's lines
    (fitted to its boxes: 1.02 em, to within a point a box)."""
    return size * 1.02
