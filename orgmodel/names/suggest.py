""" "Did you mean": the titles, unit names and holders closest to a name that matched nothing.

People look posts up by title *and* by who holds them, so suggestions come
from both: ``Okoye`` suggests ``Raymond Okoye`` as ``Superintendant``
suggests ``Superintendent of Schools``. The comparison is rapidfuzz's
weighted ratio (whole-string, partial and token-order similarity, case and
punctuation ignored), computed in C++ over the distinct names read column-wise
from the graph -- a few hundred milliseconds for a million posts, where
Python's difflib took 11 s.

>>> from orgmodel.graph import OrgGraph
>>> from orgmodel.records import OrgData, PostRecord
>>> g = OrgGraph(OrgData(posts=[
...     PostRecord("s", "Superintendent of Schools", holder="Dr. Celeste Ambrose"),
...     PostRecord("d", "Deputy Superintendent", holder="Raymond Okoye")]))
>>> suggestions(g, "Okoye"), suggestions(g, "superintendant")
(['Raymond Okoye'], ['Deputy Superintendent', 'Superintendent of Schools'])
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from orgmodel.graph import OrgGraph

__all__ = ["CUTOFF", "LIMIT", "suggestions"]

LIMIT = 3
"""Suggestions at most: a short list reads better in a one-paragraph error."""
CUTOFF = 70.0
"""Weighted-ratio score (0-100) below which a name is no suggestion."""


def _distinct(array: pa.Array, keep: pa.Array | None) -> list[str]:
    if keep is not None:
        array = array.filter(keep)
    values = pc.unique(array.drop_null()).to_pylist()
    return [v for v in values if v and v.strip()]


def _names(graph: OrgGraph, org: str | None) -> list[str]:
    """Distinct post titles, holders' names and unit names (of one organization, if given)."""
    keep = None
    if org is not None:
        keep = pc.fill_null(pc.equal(graph.posts.arrow("org"), org), False)
    names = _distinct(graph.posts.arrow("title"), keep)
    names += _distinct(graph.posts.arrow("holder"), keep)
    names += [u.name for u in graph.units if org is None or u.org == org]
    return list(dict.fromkeys(names))


def suggestions(graph: OrgGraph, wanted: str, org: str | None = None) -> list[str]:
    """Up to :data:`LIMIT` titles, holders or unit names close to ``wanted``, closest first.

    Names that score alike keep the order of a plain edit-distance ratio, so
    of several titles that contain the word the shortest, nearest comes first.
    """
    from rapidfuzz import fuzz, process, utils  # loaded only when a name matched nothing

    names = _names(graph, org)
    hits = process.extract(
        wanted,
        names,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=LIMIT * 4,
        score_cutoff=CUTOFF,
    )
    key = utils.default_process(wanted)
    ranked = sorted(
        hits, key=lambda hit: (-round(hit[1]), -fuzz.ratio(key, utils.default_process(hit[0])))
    )
    return [name for name, _, _ in ranked[:LIMIT]]
