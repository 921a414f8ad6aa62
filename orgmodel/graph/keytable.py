"""Sorted keys, each with a node: what finds a post by id or name without a dictionary.

A dictionary of a million ids or names costs half a second and 100 MB to
build on every run. Sorted once -- when the graph is first built, then kept
in the saved index (:mod:`orgmodel.cache`) -- the same keys answer a lookup
by binary search over memory the operating system maps in: twenty
comparisons of bytes, a few microseconds, nothing built. Keys are compared
as UTF-8 bytes, the order pyarrow sorts them in (the same order as Python's
for ``str``).

A table asked very many times (the graph resolving every manager's name of
a large export) builds its dictionary after all, once the lookups would have
cost more than building it.

>>> import pyarrow as pa
>>> table = KeyTable.build(pa.array(["mayor", None, "clerk", "mayor", ""]))
>>> table.find("mayor"), table.find("clerk"), table.find("nobody"), len(table), len(table.keys)
([0, 3], [2], [], 3, 2)
>>> table.starting("ma"), table.starting("cl")
([0, 3], [2])
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from orgmodel.graph.columnviews import PermutedText, StringView, TextView, view_of

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

__all__ = ["KeyTable"]


class _Bytes(Sequence[bytes]):
    """The keys as bytes, for :mod:`bisect`."""

    def __init__(self, keys: TextView) -> None:
        self._keys = keys

    def __len__(self) -> int:
        return len(self._keys)

    def __getitem__(self, i: Any) -> Any:
        return self._keys.raw(i)


class KeyTable:
    """Distinct ``keys``, sorted bytewise; the nodes of ``keys[k]`` are
    ``nodes[starts[k]:starts[k + 1]]``, ascending (``starts`` None: one node per key,
    ``nodes[k]``)."""

    def __init__(
        self, keys: TextView, nodes: Sequence[int], starts: Sequence[int] | None = None
    ) -> None:
        if (len(keys) if starts is None else len(starts) - 1) != len(keys) or (
            starts is None and len(nodes) != len(keys)
        ):
            raise ValueError("a key table needs one start per key (or one node per key)")
        if starts is not None and starts[len(keys)] != len(nodes):
            raise ValueError("a key table's starts must end at its last node")
        self.keys = keys
        self.nodes = nodes
        self.starts = starts
        self._bytes = _Bytes(keys)
        self._lookups = 0
        self._dict: dict[str, int] | None = None

    def __len__(self) -> int:
        """How many nodes have a key (a node with several keys counts once for each)."""
        return len(self.nodes)

    arrays: tuple[pa.Array, np.ndarray[Any, Any], np.ndarray[Any, Any] | None] | None = None
    """What :meth:`build` made (keys, nodes, starts), for the saved index to keep."""

    @classmethod
    def sorted_by(cls, keys: StringView, order: Sequence[int]) -> KeyTable:
        """The table of distinct ``keys`` (one node each, the ids of a graph's posts) in the
        sorted ``order`` of their positions: no sorted copy of the keys is made."""
        return cls(PermutedText(keys, order), order)

    @classmethod
    def build(cls, keys: pa.Array, nodes: np.ndarray[Any, Any] | None = None) -> KeyTable:
        """The table of ``keys[i]`` -> ``nodes[i]`` (default ``i``); null and empty keys are left
        out. Sorting is pyarrow's (stable, so equal keys keep their nodes in order)."""
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        if isinstance(keys, pa.ChunkedArray):
            keys = keys.combine_chunks()
        if keys.type != pa.string():
            keys = keys.cast(pa.string())
        given = np.arange(len(keys), dtype=np.int64) if nodes is None else np.asarray(nodes)
        if keys.null_count or not pc.all(pc.not_equal(keys, "")).as_py():
            kept = pc.and_(keys.is_valid(), pc.not_equal(keys, "")).fill_null(False)
            keys, given = keys.filter(kept), given[np.asarray(kept)]
        order = pc.array_sort_indices(keys)
        ordered = keys.take(order)
        sorted_nodes = np.ascontiguousarray(given[np.asarray(order)], dtype=np.int64)
        n = len(ordered)
        new = np.ones(n, dtype=bool)
        if n > 1:
            new[1:] = np.asarray(pc.not_equal(ordered[1:], ordered[:-1]))
        if new.all():
            distinct, starts = pa.concat_arrays([ordered]), None
        else:
            firsts = np.flatnonzero(new)
            distinct = ordered.take(pa.array(firsts))
            starts = np.append(firsts, n).astype(np.int64)
        table = cls(
            _strings(distinct),
            _int64(sorted_nodes),
            None if starts is None else _int64(starts),
        )
        table.arrays = (distinct, sorted_nodes, starts)
        return table

    def _key(self, key: str) -> int:
        """The position of ``key`` among the keys, or -1."""
        table = self._dict
        if table is None:
            self._lookups += 1
            if self._lookups > max(1_000, len(self.keys) // 30):
                table = self._dict = {k: i for i, k in enumerate(self.keys)}
        if table is not None:
            return table.get(key, -1)
        raw = key.encode("utf-8")
        k = bisect.bisect_left(self._bytes, raw)
        return k if k < len(self.keys) and self.keys.raw(k) == raw else -1

    def _nodes(self, lo: int, hi: int) -> list[int]:
        """The nodes of keys ``lo .. hi - 1``."""
        if self.starts is not None:
            lo, hi = self.starts[lo], self.starts[hi]
        return list(self.nodes[lo:hi])

    def find(self, key: str) -> list[int]:
        """The nodes whose key is ``key``, ascending."""
        if not key:
            return []
        k = self._key(key)
        return self._nodes(k, k + 1) if k >= 0 else []

    def starting(self, prefix: str) -> list[int]:
        """The nodes whose key starts with ``prefix`` (in key order, then ascending)."""
        if not prefix:
            return []
        raw = prefix.encode("utf-8")
        lo = bisect.bisect_left(self._bytes, raw)
        hi = bisect.bisect_left(self._bytes, raw + b"\xff", lo)  # no UTF-8 text holds 0xff
        return self._nodes(lo, hi)

    def key_of(self, position: int) -> int:
        """The key (its position among the keys) of the node at ``position`` of :attr:`nodes`."""
        if self.starts is None:
            return position
        return bisect.bisect_right(self.starts, position) - 1


def _strings(array: pa.Array) -> StringView:
    view = view_of(array)
    assert isinstance(view, StringView)
    return view


def _int64(values: np.ndarray[Any, Any]) -> memoryview[Any]:
    return values.data.cast("B").cast("q")
