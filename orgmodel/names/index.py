"""Finding posts and units by name: the tables behind :func:`orgmodel.names.lookup.find`.

Each kind of name -- titles, abbreviations, holders -- is one sorted
:class:`~orgmodel.graph.keytable.KeyTable` of every post, keyed by the rules
of :mod:`orgmodel.names.rules` computed column-wise
(:mod:`orgmodel.names.columns`), and built the first time a name is looked
up: a command that takes ids never pays for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from orgmodel.graph.keytable import KeyTable
from orgmodel.names.rules import (
    LOOKUP,
    REFERENCE,
    Asked,
    Tier,
    abbreviations,
    asked,
    first_tier,
    holds_words,
    name_key,
    norm_name,
    starts_with_words,
)

if TYPE_CHECKING:
    import pyarrow as pa

    from orgmodel.graph import OrgGraph

__all__ = ["NAME_TABLES", "NameIndex", "name_table"]


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
    >>> g.names.candidates("COO"), g.names.candidates("jo li"), g.names.find("director")
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
            _add(self._units, name_key(unit.name, unit=True), base + j)
            for abbr in abbreviations(unit.name, unit.abbreviation):
                _add(self._unit_abbrev, abbr, base + j)

    def table(self, kind: str) -> KeyTable:
        """The key table of one kind of name (:data:`NAME_TABLES`), built on first use."""
        found = self._tables.get(kind)
        if found is None:
            found = self._tables[kind] = name_table(kind, self._graph.posts.arrow)
            if self.keep is not None:
                self.keep(kind, found)
        return found

    def built(self) -> dict[str, KeyTable]:
        """The name tables made (or restored) so far, by kind."""
        return dict(self._tables)

    def hits(self, tier: Tier, name: Asked) -> list[int]:
        """The nodes ``name`` matches in one tier (:mod:`orgmodel.names.rules`): posts in
        node order, then units."""
        units = self._units
        if tier is Tier.EXACT:
            return self.table("title").find(name.key) + units.get(name.unit_key, [])
        if tier is Tier.ABBREVIATION:
            abbr = name.abbreviation or ""
            posts = sorted(set(self.table("abbreviation").find(abbr)))
            return posts + self._unit_abbrev.get(abbr, [])
        if tier is Tier.HOLDER:
            return self.table("holder").find(name.key)
        titles = self.table("title")
        if tier is Tier.PREFIX:
            posts = sorted({*titles.find(name.key), *titles.starting(name.key + " ")})
            match = starts_with_words
        else:
            posts = _containing(titles, name.key)
            match = holds_words
        return posts + [n for key, ns in units.items() if match(key, name.unit_key) for n in ns]

    def find(
        self,
        text: str,
        tiers: Sequence[Tier] = LOOKUP,
        allowed: Callable[[int], bool] | None = None,
    ) -> list[int]:
        """The nodes ``text`` names in the first of ``tiers`` with a match (among those
        ``allowed``, when given)."""

        def hits(tier: Tier, name: Asked) -> list[int]:
            found = self.hits(tier, name)
            return found if allowed is None else [n for n in found if allowed(n)]

        return first_tier(asked(text), tiers, hits)[1]

    def candidates(self, text: str) -> list[int]:
        """The nodes a source's reference names as a whole name (:data:`REFERENCE` tiers):
        by title or unit name, abbreviation, or holder, in that order."""
        return self.find(text, REFERENCE)

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


def name_table(kind: str, column: Callable[[str], pa.Array]) -> KeyTable:
    """One kind of name (:data:`NAME_TABLES`) of every post whose fields ``column(field)``
    gives, keyed as :func:`~orgmodel.names.rules.name_key` and
    :func:`~orgmodel.names.rules.abbreviations` key one name, column-wise, and sorted.

    A graph's posts (:class:`NameIndex`) and a table's posts being merged with
    postings (:mod:`orgmodel.sources.resolve`) are keyed by this one function.
    """
    import numpy as np
    import pyarrow as pa

    from orgmodel.names.columns import acronyms, norm_names, parentheticals, uppers

    if kind == "title":
        return KeyTable.build(_per_value(column("title"), norm_names))
    if kind == "holder":
        return KeyTable.build(_per_value(column("holder"), norm_names))
    if kind == "abbreviation":
        titles = column("title")
        rows = np.arange(len(titles), dtype=np.int64)
        keys = [
            _per_value(titles, lambda a: uppers(parentheticals(a))),
            _per_value(titles, acronyms),
            uppers(column("abbreviation")),
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
