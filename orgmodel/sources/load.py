"""One call from sources to a graph: what every command starts with.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "org.csv").write_text("id,title,manager\\n1,Mayor,\\n2,City Clerk,1\\n")
>>> g = load_graph([d / "org.csv"])
>>> g.post_count, g.id_of(g.parent[g.node("2")])
(2, '1')

With ``cache=True`` (what the command line does unless told ``--no-cache``)
the graph comes from the saved index of the sources when they have not
changed since it was saved, and a graph built is saved for next time
(:mod:`orgmodel.cache`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from orgmodel.collector import paused_gc
from orgmodel.config import Settings, find_settings
from orgmodel.errors import UsageError

# The readers (and pyarrow with them) are imported when sources are read: a graph
# restored from the saved index needs none of them.
if TYPE_CHECKING:
    from orgmodel.graph import OrgGraph
    from orgmodel.records import OrgData

__all__ = ["load_data", "load_graph"]


def _resolved(
    sources: Sequence[str | Path] | None,
    mapping: Mapping[str, str] | None,
    settings: Settings | None,
) -> tuple[list[str | Path], dict[str, str]]:
    """The source paths and the column mapping, with ``orgmodel.toml``'s filled in."""
    settings = settings if settings is not None else find_settings()
    paths = settings.sources_for(sources or [])
    if not paths:
        raise UsageError(
            "no sources given: name files or folders with -s/--source, "
            "or list them as sources = [...] in an orgmodel.toml in this folder"
        )
    return paths, settings.mapping_for(mapping)


def load_data(
    sources: Sequence[str | Path] | None = None,
    *,
    fmt: str | None = None,
    mapping: Mapping[str, str] | None = None,
    settings: Settings | None = None,
) -> OrgData:
    """Read the named sources, or those the settings (``orgmodel.toml``) list."""
    paths, merged = _resolved(sources, mapping, settings)
    return _read(paths, fmt, merged)


def _read(paths: list[str | Path], fmt: str | None, mapping: dict[str, str]) -> OrgData:
    from orgmodel.readers import load_sources

    with paused_gc():
        data = load_sources(paths, fmt=fmt, mapping=mapping or None)
        if any((p.attributes or {}).get("posting") for p in data.record_posts):
            from orgmodel.sources.resolve import resolve

            data = resolve(data)  # postings name posts by role: give each role one id
    return data


def load_graph(
    sources: Sequence[str | Path] | None = None,
    *,
    fmt: str | None = None,
    mapping: Mapping[str, str] | None = None,
    settings: Settings | None = None,
    cache: bool = False,
) -> OrgGraph:
    """Sources -> records -> the graph, built once (``cache``: or saved, see above), the
    collector paused while it is built (:func:`~orgmodel.collector.paused_gc`)."""
    paths, merged = _resolved(sources, mapping, settings)
    entry = None
    if cache:
        from orgmodel.cache import entry_for

        entry = entry_for(paths, fmt, merged)
        saved = entry.load() if entry is not None else None
        if saved is not None:
            return saved
    from orgmodel.graph import OrgGraph

    data = _read(paths, fmt, merged)
    with paused_gc():
        graph = OrgGraph(data)
    if entry is not None:
        entry.save(graph)
    return graph
