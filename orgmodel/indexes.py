"""Finding nodes by id and by name, built only as far as a command needs.

:class:`IdIndex` maps ids to node numbers. On a million-post graph a
dictionary of every id costs half a second and 100 MB, which a command such
as ``stats`` never needs; so the first few lookups scan the id column in C
(a few milliseconds each) and the dictionary is built only once lookups
become frequent. :class:`NameIndex` maps normalised titles, abbreviations
and holders' names to nodes, for references written as names.

>>> import pyarrow as pa
>>> idx = IdIndex(pa.array(["a", "b"]), {"u": 2})
>>> idx["b"], idx.get("u"), "zz" in idx, len(idx)
(1, 2, False, 3)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from orgmodel.naming import acronym, norm_name, parenthetical, squash

if TYPE_CHECKING:
    from orgmodel.graph import OrgGraph

__all__ = ["IdIndex", "NameIndex"]

_SCAN_FROM = 20_000  # posts above which single lookups scan instead of building the dict
_SCANS = 16  # scanning lookups before the dictionary is built after all


class IdIndex(Mapping[str, int]):
    """Post ids (node = position) and unit ids (node given) -> node; posts win a clash."""

    def __init__(self, post_ids: pa.Array, units: Mapping[str, int]) -> None:
        self._post_ids = post_ids
        self._units = dict(units)
        self._dict: dict[str, int] | None = None
        self._scans = 0

    def _built(self) -> dict[str, int]:
        if self._dict is None:
            table = dict(self._units)
            table.update(zip(self._post_ids.to_pylist(), range(len(self._post_ids)), strict=True))
            self._dict = table
        return self._dict

    def get(self, key: str, default: int | None = None) -> int | None:  # type: ignore[override]
        table = self._dict
        if table is not None:
            return table.get(key, default)
        if len(self._post_ids) > _SCAN_FROM and self._scans < _SCANS:
            self._scans += 1
            at = pc.index(self._post_ids, pa.scalar(key, pa.string())).as_py()
            if at >= 0:
                return int(at)
            return self._units.get(key, default)
        return self._built().get(key, default)

    def __getitem__(self, key: str) -> int:
        hit = self.get(key)
        if hit is None:
            raise KeyError(key)
        return hit

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._built())

    def __len__(self) -> int:
        return len(self._built())


class _Distinct:
    """A column's distinct values, and where each occurs, from one dictionary encoding."""

    def __init__(self, array: pa.Array) -> None:
        encoded = array.dictionary_encode()
        self.values: list[str | None] = encoded.dictionary.to_pylist()
        self.codes = np.asarray(encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False))

    def nodes(self, codes: list[int]) -> list[int]:
        """The rows holding any of these distinct values, in row order."""
        if len(codes) == 1:
            return np.flatnonzero(self.codes == codes[0]).tolist()
        return np.flatnonzero(np.isin(self.codes, codes)).tolist()


class NameIndex:
    """Normalised titles, names, holders and abbreviations -> node numbers.

    Built lazily and over *distinct* values: a million posts share a few
    thousand titles, so each title is normalised once, and the posts bearing
    it are found with one array comparison when a lookup needs them. Holders'
    names (distinct per person) are indexed only when a name is not a title.

    >>> from orgmodel.records import OrgData, PostRecord
    >>> from orgmodel.graph import OrgGraph
    >>> g = OrgGraph(OrgData(posts=[PostRecord("1", "Chief Operating Officer", holder="Jo Li"),
    ...                             PostRecord("2", "Director of Facilities")]))
    >>> g.names.candidates("COO"), g.names.candidates("jo li"), g.names.tiers("director")
    ([0], [0], [1])
    """

    def __init__(self, graph: OrgGraph) -> None:
        self._graph = graph
        self._titles = _Distinct(graph.posts.arrow("title"))
        self._exact: dict[str, list[int]] | None = None
        self._abbrev: dict[str, list[int]] | None = None
        self._holders: tuple[_Distinct, dict[str, list[int]]] | None = None
        self._holder_scans = 0
        self._holder_encoding: pa.DictionaryArray | None = None
        self._units: dict[str, list[int]] = {}
        self._unit_abbrev: dict[str, list[int]] = {}
        base = graph.post_count
        for j, unit in enumerate(graph.units):
            _add(self._units, norm_name(unit.name), base + j)
            for abbr in {unit.abbreviation, parenthetical(unit.name)}:
                if abbr:
                    _add(self._unit_abbrev, abbr.upper(), base + j)

    def _exact_keys(self) -> dict[str, list[int]]:
        if self._exact is None:
            self._exact = {}
            for code, title in enumerate(self._titles.values):
                _add(self._exact, norm_name(title or ""), code)
        return self._exact

    def _abbrev_keys(self) -> dict[str, list[int]]:
        """Abbreviation -> title codes (acronyms, parentheticals) or, for given ones, -(node+1)."""
        if self._abbrev is None:
            self._abbrev = {}
            for code, title in enumerate(self._titles.values):
                for abbr in {parenthetical(title or ""), acronym(title or "")}:
                    if abbr:
                        _add(self._abbrev, abbr.upper(), code)
            given = self._graph.posts.arrow("abbreviation")
            for node in np.flatnonzero(np.asarray(given.is_valid())).tolist():
                _add(self._abbrev, str(given[node].as_py()).upper(), -(node + 1))
        return self._abbrev

    def _holder_keys(self) -> tuple[_Distinct, dict[str, list[int]]]:
        if self._holders is None:
            names = _Distinct(self._graph.posts.arrow("holder"))
            keys: dict[str, list[int]] = {}
            for code, holder in enumerate(names.values):
                if holder:
                    _add(keys, norm_name(holder), code)
            self._holders = (names, keys)
        return self._holders

    def _title_nodes(self, codes: list[int]) -> list[int]:
        direct = sorted(-c - 1 for c in codes if c < 0)
        by_title = (
            self._titles.nodes([c for c in codes if c >= 0]) if any(c >= 0 for c in codes) else []
        )
        return sorted(set(direct) | set(by_title)) if direct else by_title

    def candidates(self, text: str) -> list[int]:
        """Nodes named exactly ``text`` by title/name, abbreviation or holder, in that order."""
        key = norm_name(text)
        codes = self._exact_keys().get(key, [])
        hits = (self._title_nodes(codes) if codes else []) + self._units.get(key, [])
        if not hits and " " not in squash(text):
            abbr = squash(text).upper()
            codes = self._abbrev_keys().get(abbr, [])
            hits = (self._title_nodes(codes) if codes else []) + self._unit_abbrev.get(abbr, [])
        if not hits and key:
            hits = self._holder_nodes(key)
        return hits

    def _holder_nodes(self, key: str) -> list[int]:
        """Posts whose holder's normalised name is ``key``.

        Many distinct holders (a large HR export) and few such lookups: find
        the names containing the key's words in C first, and normalise
        only those, rather than index a million names for one question.
        """
        if self._holders is None and self._holder_scans < _SCANS:
            if self._holder_encoding is None:
                self._holder_encoding = self._graph.posts.arrow("holder").dictionary_encode()
            names = self._holder_encoding
            if len(names.dictionary) > _SCAN_FROM:
                self._holder_scans += 1
                words = [w for w in key.split() if w != "and"] or [key]
                hit = pc.match_substring(names.dictionary, words[0], ignore_case=True)
                for word in words[1:]:  # names holding every word of the key, case ignored
                    hit = pc.and_(hit, pc.match_substring(names.dictionary, word, ignore_case=True))
                codes = [
                    int(c)
                    for c in np.flatnonzero(np.asarray(hit.fill_null(False)))
                    if norm_name(names.dictionary[int(c)].as_py()) == key
                ]
                if not codes:
                    return []
                rows = np.asarray(names.indices.fill_null(-1).to_numpy(zero_copy_only=False))
                return np.flatnonzero(np.isin(rows, codes)).tolist()
        names_, keys = self._holder_keys()
        codes = keys.get(key, [])
        return names_.nodes(codes) if codes else []

    def tiers(self, key: str) -> list[int]:
        """Nodes whose normalised name starts with the words of ``key``, else contains them."""
        words = key.split()
        prefix: list[int] = []
        contains: list[int] = []
        for name, codes in self._exact_keys().items():
            if name.split()[: len(words)] == words:
                prefix.extend(codes)
            elif f" {key} " in f" {name} ":
                contains.extend(codes)
        unit_prefix = [n for name, ns in self._units.items() if name.split()[: len(words)] == words
                       for n in ns]  # fmt: skip
        unit_contains = [n for name, ns in self._units.items()
                         if name.split()[: len(words)] != words and f" {key} " in f" {name} "
                         for n in ns]  # fmt: skip
        if prefix or unit_prefix:
            return (self._title_nodes(prefix) if prefix else []) + unit_prefix
        return (self._title_nodes(contains) if contains else []) + unit_contains

    def titles(self) -> dict[str, str]:
        """Every distinct post title and unit name, by its normalised form (for "did you mean")."""
        out = {norm_name(u.name): u.name for u in self._graph.units}
        for key, codes in self._exact_keys().items():
            out.setdefault(key, self._titles.values[codes[0]] or key)
        return out


def _add(table: dict[str, list[int]], key: str, value: int) -> None:
    if key:
        bucket = table.setdefault(key, [])
        if value not in bucket:
            bucket.append(value)
