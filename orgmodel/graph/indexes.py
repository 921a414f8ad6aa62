"""Finding nodes by id, built only as far as a command needs.

:class:`IdIndex` maps ids to node numbers. On a million-post graph a
dictionary of every id costs half a second and 100 MB, which a command such
as ``stats`` never needs; so the first few lookups scan the id column in C
(a few milliseconds each) and the dictionary is built only once lookups
become frequent. A graph restored from the saved index (:mod:`orgmodel.cache`)
looks ids up in its sorted id table instead (:class:`~orgmodel.graph.keytable.KeyTable`).
Names are found by :class:`orgmodel.names.index.NameIndex`.

>>> import pyarrow as pa
>>> idx = IdIndex(pa.array(["a", "b"]), {"u": 2})
>>> idx["b"], idx.get("u"), "zz" in idx, len(idx)
(1, 2, False, 3)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from orgmodel.graph.keytable import KeyTable

if TYPE_CHECKING:
    import pyarrow as pa


__all__ = ["IdIndex"]

_SCAN_FROM = 20_000  # posts above which single lookups scan instead of building the dict
_SCANS = 16  # scanning lookups before the dictionary is built after all


class IdIndex(Mapping[str, int]):
    """Post ids (node = position) and unit ids (node given) -> node; posts win a clash.

    ``table``: the post ids sorted (the saved index's), looked up by binary search.
    """

    def __init__(
        self,
        post_ids: pa.Array | Sequence[str],
        units: Mapping[str, int],
        table: KeyTable | None = None,
    ) -> None:
        self._post_ids = post_ids
        self._units = units  # (a saved graph's are read only when an id is no post's)
        self._table = table
        self._dict: dict[str, int] | None = None
        self._scans = 0

    def _built(self) -> dict[str, int]:
        if self._dict is None:
            ids = self._post_ids
            table = dict(self._units)
            listed = ids.to_pylist() if hasattr(ids, "to_pylist") else list(ids)
            table.update(zip(listed, range(len(ids)), strict=True))
            self._dict = table
        return self._dict

    def get(self, key: str, default: int | None = None) -> int | None:  # type: ignore[override]
        table = self._dict
        if table is not None:
            return table.get(key, default)
        if self._table is not None:
            hits = self._table.find(key)
            return hits[0] if hits else self._units.get(key, default)
        if len(self._post_ids) > _SCAN_FROM and self._scans < _SCANS:
            import pyarrow as pa
            import pyarrow.compute as pc

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
