"""PNG and PDF from an SVG chart without Graphviz: renderers that install as wheels.

When ``dot`` is missing, the chart is SVG first (:mod:`~orgmodel.render.fallback`);
PNG comes from resvg (the Rust SVG renderer, through ``resvg-py``) at the
96 dpi ``dot`` uses, on the theme's background; PDF from svglib, which turns
the SVG into ReportLab vector drawing -- text stays text, in the PDF's own
Helvetica, so no font file is needed. Both are pip wheels for Linux, macOS
and Windows: nothing to install beside orgmodel.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from orgmodel.errors import RenderError

__all__ = ["convert"]

_FONT_MAP = {"helvetica": "Helvetica", "arial": "Helvetica", "sans-serif": "Helvetica"}


def convert(svg: bytes, fmt: str) -> bytes:
    """``svg`` as a ``png`` or ``pdf`` file's bytes."""
    if fmt == "png":
        return _png(svg)
    if fmt == "pdf":
        return _pdf(svg)
    raise ValueError(f"no raster format {fmt!r}")


def _png(svg: bytes) -> bytes:
    try:
        import resvg_py
    except ImportError:
        raise RenderError(_missing("resvg-py", "PNG")) from None
    return bytes(resvg_py.svg_to_bytes(svg_string=svg.decode("utf-8"), dpi=96.0))


def _pdf(svg: bytes) -> bytes:
    try:
        from reportlab.graphics import renderPDF
        from svglib.svglib import svg2rlg
    except ImportError:
        raise RenderError(_missing("svglib", "PDF")) from None
    with tempfile.TemporaryDirectory(prefix="orgmodel-pdf-") as folder:
        source = Path(folder) / "chart.svg"
        source.write_bytes(svg)
        drawing = svg2rlg(str(source))
    if drawing is None:
        raise RenderError("the chart's SVG could not be turned into a PDF")
    out = io.BytesIO()
    renderPDF.drawToFile(drawing, out)
    return out.getvalue()


def _missing(package: str, fmt: str) -> str:
    return (
        f"{fmt} charts without Graphviz need the '{package}' package, which is not installed: "
        f"pip install {package} (or install Graphviz's dot)"
    )
