"""Finding posts and units by name: the tables behind :func:`orgmodel.names.lookup.find`.

Each kind of name -- titles, abbreviations, holders -- is one sorted
:class:`~orgmodel.graph.keytable.KeyTable` of every post, keyed by the rules
of :mod:`orgmodel.names.rules` computed column-wise
(:mod:`orgmodel.names.columns`), and built the first time a name is looked
up: a command that takes ids never pays for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from orgmodel.graph.keytable import KeyTable
from orgmodel.names.rules import norm_name, parenthetical, squash

if TYPE_CHECKING:
    import pyarrow as pa

    from orgmodel.graph import OrgGraph

__all__ = ["NAME_TABLES", "NameIndex"]


NAME_TABLES = ("title", "abbreviation", "holder")
"""The key tables of a :class:`NameIndex`: normalised titles, abbreviations, holders."""


class NameIndex:
    """Normalised titles, names, holders and abbreviations -> node numbers.

    Each kind of name is one :class:`~orgmodel.graph.keytable.KeyTable` of every
    post, built on first use: the names normalised column-wise
    (:mod:`orgmodel.names.columns`; a title shared by many posts once), then
    sorted. A graph restored from the saved index gets the tables it saved
    (``tables``); ``keep`` is told of each table built here, so the saved
    index can keep it for the next run.

    >>> from orgmodel.records import OrgData, PostRecord
    >>> from orgmodel.graph import OrgGraph
    >>> g = OrgGraph(OrgData(posts=[PostRecord("1", "Chief Operating Officer", holder="Jo Li"),
    ...                             PostRecord("2", "Director of Facilities")]))
    >>> g.names.candidates("COO"), g.names.candidates("jo li"), g.names.tiers("director")
    ([0], [0], [1])
    """

    def __init__(
        self,
        graph: OrgGraph,
        tables: Mapping[str, KeyTable] | None = None,
        keep: Callable[[str, KeyTable], None] | None = None,
    ) -> None:
        self._graph = graph
        self._tables: dict[str, KeyTable] = dict(tables or {})
        self.keep = keep
        """Told of each name table built here (the saved index keeps them)."""
        self._units: dict[str, list[int]] = {}
        self._unit_abbrev: dict[str, list[int]] = {}
        base = graph.post_count
        for j, unit in enumerate(graph.units):
            _add(self._units, norm_name(unit.name), base + j)
            for abbr in {unit.abbreviation, parenthetical(unit.name)}:
                if abbr:
                    _add(self._unit_abbrev, abbr.upper(), base + j)

    def table(self, kind: str) -> KeyTable:
        """The key table of one kind of name (:data:`NAME_TABLES`), built on first use."""
        found = self._tables.get(kind)
        if found is None:
            found = self._tables[kind] = _build(self._graph, kind)
            if self.keep is not None:
                self.keep(kind, found)
        return found

    def built(self) -> dict[str, KeyTable]:
        """The name tables made (or restored) so far, by kind."""
        return dict(self._tables)

    def candidates(self, text: str) -> list[int]:
        """Nodes named exactly ``text`` by title/name, abbreviation or holder, in that order."""
        key = norm_name(text)
        hits = self.table("title").find(key) + self._units.get(key, [])
        if not hits and " " not in squash(text):
            abbr = squash(text).upper()
            posts = self.table("abbreviation").find(abbr)
            hits = sorted(set(posts)) + self._unit_abbrev.get(abbr, [])
        if not hits and key:
            hits = self.table("holder").find(key)
        return hits

    def tiers(self, key: str) -> list[int]:
        """Nodes whose normalised name starts with the words of ``key``, else contains them."""
        if not key:
            return []
        words = key.split()
        titles = self.table("title")
        prefix = sorted({*titles.find(key), *titles.starting(key + " ")})
        unit_prefix = [n for name, ns in self._units.items() if name.split()[: len(words)] == words
                       for n in ns]  # fmt: skip
        if prefix or unit_prefix:
            return prefix + unit_prefix
        unit_contains = [n for name, ns in self._units.items() if f" {key} " in f" {name} "
                         for n in ns]  # fmt: skip
        return _containing(titles, key) + unit_contains

    def titles(self) -> dict[str, str]:
        """Every distinct post title and unit name, by its normalised form (for "did you mean")."""
        out = {norm_name(u.name): u.name for u in self._graph.units}
        table = self.table("title")
        keys = table.keys
        firsts = range(len(keys)) if table.starts is None else table.starts
        for k in range(len(keys)):  # each distinct title once: a few thousand in most orgs
            out.setdefault(keys[k], self._graph.title(table.nodes[firsts[k]]))
        return out


def _containing(titles: KeyTable, key: str) -> list[int]:
    """Nodes whose normalised title holds the words of ``key`` (not at its start), ascending."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from orgmodel.graph.columnviews import to_arrow

    if not len(titles.keys):
        return []
    keys = to_arrow(titles.keys, pa.string())
    hit = pc.match_substring(pc.binary_join_element_wise("", keys, "", " "), f" {key} ")
    found: list[int] = []
    for k in np.flatnonzero(np.asarray(hit.fill_null(False))).tolist():
        found.extend(titles.find(titles.keys[k]))
    return sorted(found)


def _build(graph: OrgGraph, kind: str) -> KeyTable:
    """One kind of name of every post, normalised and sorted."""
    import numpy as np
    import pyarrow as pa

    from orgmodel.names.columns import acronyms, norm_names, parentheticals, uppers

    posts = graph.posts
    if kind == "title":
        return KeyTable.build(_per_value(posts.arrow("title"), norm_names))
    if kind == "holder":
        return KeyTable.build(_per_value(posts.arrow("holder"), norm_names))
    if kind == "abbreviation":
        titles = posts.arrow("title")
        rows = np.arange(len(titles), dtype=np.int64)
        keys = [
            _per_value(titles, lambda a: uppers(parentheticals(a))),
            _per_value(titles, acronyms),
            uppers(posts.arrow("abbreviation")),
        ]
        return KeyTable.build(pa.concat_arrays(keys), np.concatenate([rows, rows, rows]))
    raise KeyError(f"no name table {kind!r}; tables are {', '.join(NAME_TABLES)}")


_SAMPLE = 10_000


def _per_value(array: pa.Array, make: Callable[[pa.Array], pa.Array]) -> pa.Array:
    """``make`` of every value, computed once per distinct value when values repeat (a
    million posts share a few thousand titles), else on the whole column."""
    import pyarrow.compute as pc

    if len(array) > _SAMPLE:
        sample = pc.count_distinct(array.slice(0, _SAMPLE)).as_py()
        if sample > _SAMPLE // 2:
            return make(array)
    encoded = array.dictionary_encode()
    made: pa.Array = make(encoded.dictionary).take(encoded.indices)
    return made


def _add(table: dict[str, list[int]], key: str, value: Any) -> None:
    if key:
        bucket = table.setdefault(key, [])
        if value not in bucket:
            bucket.append(value)
