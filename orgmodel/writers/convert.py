"""Sources in, one file out in another format: the library side of ``orgmodel convert``.

Loads the sources as every command does, builds the graph once, and hands
both to the writer the output's format names (:mod:`orgmodel.writers`).
What the format cannot hold comes back in :attr:`Conversion.lost`, for the
command to print -- never silently dropped.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "org.csv").write_text("id,title,manager\\n1,Mayor,\\n2,City Clerk,1\\n")
>>> result = convert([d / "org.csv"], d / "org.graphml")
>>> result.format, result.graph.post_count
('graphml', 2)
>>> result.lost
['2 post(s) with a source file and line: dropped, GraphML attributes carry no source lines']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from orgmodel.collector import paused_gc
from orgmodel.config import Settings
from orgmodel.graph import OrgGraph
from orgmodel.sources.load import load_data
from orgmodel.sources.output_guard import refuse_overwriting
from orgmodel.writers import format_for, write
from orgmodel.writers.orgrdf import DEFAULT_BASE

__all__ = ["Conversion", "convert"]


@dataclass
class Conversion:
    """What was written where, from how much, and what the format left out."""

    output: Path
    format: str
    graph: OrgGraph
    lost: list[str] = field(default_factory=list)


def convert(
    sources: Sequence[str | Path],
    output: str | Path,
    *,
    to: str | None = None,
    fmt: str | None = None,
    mapping: Mapping[str, str] | None = None,
    settings: Settings | None = None,
    base: str = DEFAULT_BASE,
) -> Conversion:
    """Read ``sources`` and write ``output`` in the format ``to`` or its extension names.

    An ``output`` that is one of the sources is refused before any source is
    read: the converted file would replace it, comments and all.
    """
    target = format_for(output, to)  # a bad name fails before any source is read
    settings = settings or Settings()
    refuse_overwriting(
        output,
        settings.sources_for(sources),
        role="one of the sources",
        why="convert would replace it, and drop its comments",
    )
    data = load_data(sources, fmt=fmt, mapping=mapping, settings=settings)
    with paused_gc():  # as load_graph does: the build and the writers make many small objects
        graph = OrgGraph(data)
        lost = write(data, graph, output, target, base)
    return Conversion(Path(output), target, graph, lost)
