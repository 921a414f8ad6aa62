"""What the readers' real-data tests compare: posts, roots and reporting lines of a graph."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from orgmodel.graph import OrgGraph
from orgmodel.readers import read_source


class Counts(NamedTuple):
    posts: int
    roots: int
    lines: int


def counts(graph: OrgGraph) -> Counts:
    """Posts, post roots, and primary lines (the tree's and the extra ones)."""
    lines = sum(1 for p in graph.parent if p >= 0)
    lines += sum(len(v) for v in graph.extra_primary.values())
    roots = sum(1 for r in graph.roots if graph.is_post(r))
    return Counts(graph.post_count, roots, lines)


def load(path: Path, fmt: str | None = None, mapping: Mapping[str, str] | None = None) -> OrgGraph:
    return OrgGraph(read_source(path, fmt, mapping))
