"""orgmodel: org structures from postings and org files -- query, validate, chart, compare.

The Python API in one call: :func:`load` reads files and folders of any format
orgmodel reads and gives an :class:`Org` to ask questions of, by names:

>>> import orgmodel
>>> org = orgmodel.load("data")
>>> org.find("HPS: COO").title
'Chief Operating Officer'

Importing ``orgmodel`` costs next to nothing: the engines behind each method
(the graph, the readers, the renderer, the diff) are imported when first used,
which keeps the command line's start-up short.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from orgmodel.answers import Common, Post, Step, Unit
    from orgmodel.errors import (
        AmbiguousNameError,
        NameNotFoundError,
        OrgModelError,
        SourceError,
    )
    from orgmodel.org import Comparison, Org, load
    from orgmodel.records import OrgData, PostRecord, Prov, Relation, UnitRecord

__all__ = [
    "AmbiguousNameError",
    "Common",
    "Comparison",
    "NameNotFoundError",
    "Org",
    "OrgData",
    "OrgModelError",
    "Post",
    "PostRecord",
    "Prov",
    "Relation",
    "SourceError",
    "Step",
    "Unit",
    "UnitRecord",
    "__version__",
    "load",
]
__version__ = "0.1.0"

_HOMES = {
    "load": "orgmodel.org",
    "Org": "orgmodel.org",
    "Comparison": "orgmodel.org",
    "Post": "orgmodel.answers",
    "Unit": "orgmodel.answers",
    "Step": "orgmodel.answers",
    "Common": "orgmodel.answers",
    "OrgModelError": "orgmodel.errors",
    "SourceError": "orgmodel.errors",
    "AmbiguousNameError": "orgmodel.errors",
    "NameNotFoundError": "orgmodel.errors",
    "OrgData": "orgmodel.records",
    "PostRecord": "orgmodel.records",
    "Prov": "orgmodel.records",
    "Relation": "orgmodel.records",
    "UnitRecord": "orgmodel.records",
}
"""Where each public name is defined: imported on first use (PEP 562)."""


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'orgmodel' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # found once; later uses are a plain attribute read
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
