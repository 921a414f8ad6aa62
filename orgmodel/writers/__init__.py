"""Writers: one module per output format, and the choice of one by name or extension.

Each writer turns the loaded model (the records, and the graph built from
them) into one file and lists what the format could not hold
(:class:`~orgmodel.writers.common.Output`); :func:`write` saves it
atomically and returns those lines for the caller to print.

================  =====================  =========================================
format            extension              module
================  =====================  =========================================
``yaml``          ``.yaml``, ``.yml``    :mod:`~orgmodel.writers.native`
``json``          ``.json``              :mod:`~orgmodel.writers.native`
``csv``           ``.csv``               :mod:`~orgmodel.writers.flatcsv`
``graphml``       ``.graphml``           :mod:`~orgmodel.writers.graphml`
``d3``            ``.d3.json``           :mod:`~orgmodel.writers.d3json`
``turtle``        ``.ttl``               :mod:`~orgmodel.writers.orgrdf`
``jsonld``        ``.jsonld``            :mod:`~orgmodel.writers.orgrdf`
``popolo``        ``.popolo.json``       :mod:`~orgmodel.writers.popolo`
``gojs``          ``.gojs.json``         :mod:`~orgmodel.writers.gojs`
``gojs-tree``     ``.gojs-tree.json``    :mod:`~orgmodel.writers.gojs`
``parquet``       ``.parquet``           :mod:`~orgmodel.writers.parquet`
================  =====================  =========================================

>>> format_for("org.d3.json"), format_for("org.ttl"), format_for("org.json")
('d3', 'turtle', 'json')
>>> format_for("org.json", "popolo")
'popolo'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from importlib import import_module
from pathlib import Path

from orgmodel.errors import UsageError
from orgmodel.fileio import atomic_write, is_stdio
from orgmodel.graph import OrgGraph
from orgmodel.records import OrgData
from orgmodel.writers.common import Output
from orgmodel.writers.orgrdf import DEFAULT_BASE

__all__ = ["WRITERS", "Writer", "format_for", "render", "write"]

Render = Callable[[OrgData, OrgGraph], Output]


@dataclass(frozen=True)
class Writer:
    """A format's name, the file endings that choose it, and its renderer."""

    name: str
    suffixes: tuple[str, ...]
    renderer: str
    """``module:function`` of the renderer, imported when it is used: listing the formats
    (``--help``, the shell's completion) must not import pyarrow for Parquet."""
    takes_base: bool = False
    description: str = ""
    takes_folder: bool = False  # native files name their sources relative to where they are

    @property
    def render(self) -> Callable[..., Output]:
        module, function = self.renderer.split(":")
        fn: Callable[..., Output] = getattr(import_module(f"orgmodel.writers.{module}"), function)
        return fn


WRITERS: dict[str, Writer] = {
    w.name: w
    for w in (
        Writer(
            "yaml", (".yaml", ".yml"), "native:render_yaml", False, "native org file (YAML)", True
        ),
        Writer("json", (".json",), "native:render_json", False, "native org file (JSON)", True),
        Writer(
            "csv", (".csv",), "flatcsv:render_csv", description="flat CSV for Visio / OrgChart Now"
        ),
        Writer(
            "graphml",
            (".graphml",),
            "graphml:render_graphml",
            description="GraphML for yEd / Gephi",
        ),
        Writer("d3", (".d3.json",), "d3json:render_d3", description="d3-org-chart JSON"),
        Writer("turtle", (".ttl",), "orgrdf:render_turtle", True, "W3C ORG ontology, Turtle"),
        Writer("jsonld", (".jsonld",), "orgrdf:render_jsonld", True, "W3C ORG ontology, JSON-LD"),
        Writer("popolo", (".popolo.json",), "popolo:render_popolo", description="Popolo JSON"),
        Writer("gojs", (".gojs.json",), "gojs:render_gojs", description="GoJS GraphLinksModel"),
        Writer(
            "gojs-tree", (".gojs-tree.json",), "gojs:render_gojs_tree", description="GoJS TreeModel"
        ),
        Writer("parquet", (".parquet",), "parquet:render_parquet", description="Parquet, lossless"),
    )
}


def format_for(path: str | Path, to: str | None = None) -> str:
    """The output format: ``to`` when given, else told by the file's ending (longest first)."""
    if to is not None:
        if to not in WRITERS:
            raise UsageError(f"unknown output format {to!r}; formats are {', '.join(WRITERS)}")
        return to
    if is_stdio(path):
        raise UsageError(
            f"-o {path} writes to standard output, which has no file ending to tell the format "
            f"by: name it with --to ({', '.join(WRITERS)})"
        )
    name = str(path).lower()
    endings = sorted(
        ((s, w.name) for w in WRITERS.values() for s in w.suffixes), key=lambda e: -len(e[0])
    )
    for suffix, fmt in endings:
        if name.endswith(suffix):
            return fmt
    raise UsageError(
        f"cannot tell the output format from {str(path)!r}; name it with --to "
        f"({', '.join(WRITERS)}) or use one of the endings "
        + ", ".join(s for w in WRITERS.values() for s in w.suffixes)
    )


def render(
    data: OrgData,
    graph: OrgGraph,
    fmt: str,
    base: str = DEFAULT_BASE,
    *,
    folder: str | None = None,
) -> Output:
    """The text of ``fmt`` for this model, and what it could not hold.

    ``folder`` is where the text will be saved (None: printed).
    """
    writer = WRITERS[format_for("", fmt)]
    fn = partial(writer.render, base=base) if writer.takes_base else writer.render
    if writer.takes_folder:
        fn = partial(fn, folder=folder)
    return fn(data, graph)


def write(
    data: OrgData,
    graph: OrgGraph,
    path: str | Path,
    fmt: str | None = None,
    base: str = DEFAULT_BASE,
) -> list[str]:
    """Write the model to ``path`` (atomically) and return what the format could not hold."""
    output = render(data, graph, format_for(path, fmt), base, folder=str(Path(path).parent))
    atomic_write(path, output.content, binary=isinstance(output.content, bytes))
    return output.lost
