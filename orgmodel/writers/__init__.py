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
from pathlib import Path

from orgmodel.errors import UsageError
from orgmodel.fileio import atomic_write
from orgmodel.graph import OrgGraph
from orgmodel.records import OrgData
from orgmodel.writers.common import Output
from orgmodel.writers.d3json import render_d3
from orgmodel.writers.flatcsv import render_csv
from orgmodel.writers.gojs import render_gojs, render_gojs_tree
from orgmodel.writers.graphml import render_graphml
from orgmodel.writers.native import render_json, render_yaml
from orgmodel.writers.orgrdf import DEFAULT_BASE, render_jsonld, render_turtle
from orgmodel.writers.popolo import render_popolo

__all__ = ["WRITERS", "Writer", "format_for", "render", "write"]

Render = Callable[[OrgData, OrgGraph], Output]


@dataclass(frozen=True)
class Writer:
    """A format's name, the file endings that choose it, and its renderer."""

    name: str
    suffixes: tuple[str, ...]
    render: Callable[..., Output]
    takes_base: bool = False
    description: str = ""
    takes_folder: bool = False  # native files name their sources relative to where they are


WRITERS: dict[str, Writer] = {
    w.name: w
    for w in (
        Writer("yaml", (".yaml", ".yml"), render_yaml, False, "native org file (YAML)", True),
        Writer("json", (".json",), render_json, False, "native org file (JSON)", True),
        Writer("csv", (".csv",), render_csv, description="flat CSV for Visio / OrgChart Now"),
        Writer("graphml", (".graphml",), render_graphml, description="GraphML for yEd / Gephi"),
        Writer("d3", (".d3.json",), render_d3, description="d3-org-chart JSON"),
        Writer("turtle", (".ttl",), render_turtle, True, "W3C ORG ontology, Turtle"),
        Writer("jsonld", (".jsonld",), render_jsonld, True, "W3C ORG ontology, JSON-LD"),
        Writer("popolo", (".popolo.json",), render_popolo, description="Popolo JSON"),
        Writer("gojs", (".gojs.json",), render_gojs, description="GoJS GraphLinksModel"),
        Writer("gojs-tree", (".gojs-tree.json",), render_gojs_tree, description="GoJS TreeModel"),
    )
}


def format_for(path: str | Path, to: str | None = None) -> str:
    """The output format: ``to`` when given, else told by the file's ending (longest first)."""
    if to is not None:
        if to not in WRITERS:
            raise UsageError(f"unknown output format {to!r}; formats are {', '.join(WRITERS)}")
        return to
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
    atomic_write(path, output.content)
    return output.lost
