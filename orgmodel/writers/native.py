"""The native org file (YAML or JSON): everything the model holds, provenance included.

A thin layer over :func:`orgmodel.orgfile.write.dump_orgfile`: the records are
written as the sources stated them (references by id or by name, each fact
with its source), so reading the file back gives the same graph.
"""

from __future__ import annotations

from orgmodel.graph import OrgGraph
from orgmodel.records import OrgData
from orgmodel.writers.common import Output

__all__ = ["render_json", "render_yaml"]


def render_yaml(data: OrgData, graph: OrgGraph, folder: str | None = None) -> Output:
    """The org file as YAML; ``folder``, where it is saved, anchors its source paths."""
    from orgmodel.orgfile.write import dump_orgfile  # pydantic loads when a native file is written

    return Output(dump_orgfile(data, "yaml", folder))


def render_json(data: OrgData, graph: OrgGraph, folder: str | None = None) -> Output:
    """The org file as JSON; ``folder``, where it is saved, anchors its source paths."""
    from orgmodel.orgfile.write import dump_orgfile

    return Output(dump_orgfile(data, "json", folder))
