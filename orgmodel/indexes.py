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

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

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
        if self._dict is None and len(self._post_ids) > _SCAN_FROM and self._scans < _SCANS:
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


class NameIndex:
    """Normalised titles, names, holders and abbreviations -> node numbers.

    Built lazily: a million-row export whose managers are all given by id
    never pays for it.
    """

    def __init__(self, graph: OrgGraph) -> None:
        self.exact: dict[str, list[int]] = {}
        self.abbrev: dict[str, list[int]] = {}
        self.holders: dict[str, list[int]] = {}
        titles: Sequence[str] = graph.column("title")
        abbreviations: Sequence[str | None] = graph.column("abbreviation")
        holders: Sequence[str | None] = graph.column("holder")
        for i, title in enumerate(titles):
            self._add(self.exact, norm_name(title), i)
            for abbr in {abbreviations[i], parenthetical(title), acronym(title)}:
                if abbr:
                    self._add(self.abbrev, abbr.upper(), i)
            if holders[i]:
                self._add(self.holders, norm_name(holders[i] or ""), i)
        base = graph.post_count
        for j, unit in enumerate(graph.units):
            self._add(self.exact, norm_name(unit.name), base + j)
            for abbr in {unit.abbreviation, parenthetical(unit.name)}:
                if abbr:
                    self._add(self.abbrev, abbr.upper(), base + j)

    @staticmethod
    def _add(table: dict[str, list[int]], key: str, node: int) -> None:
        if key:
            bucket = table.setdefault(key, [])
            if node not in bucket:
                bucket.append(node)

    def candidates(self, text: str) -> list[int]:
        """Nodes named exactly ``text`` by title/name, abbreviation or holder, in that order."""
        key = norm_name(text)
        hits = list(self.exact.get(key, []))
        if not hits and " " not in squash(text):
            hits = list(self.abbrev.get(squash(text).upper(), []))
        if not hits:
            hits = list(self.holders.get(key, []))
        return hits
