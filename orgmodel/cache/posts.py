"""The graph's posts read from the saved index: single values by the standard library.

:class:`SavedPosts` is a :class:`~orgmodel.graph.columns.PostColumns` whose columns
are views of the mapped file (:mod:`orgmodel.graph.columnviews`). A command that
prints a few posts reads their values without importing pyarrow; one that
reads a field of many posts -- or asks for a column as a pyarrow array --
gets the same memory as a pyarrow array, without a copy.

>>> import pyarrow as pa
>>> from orgmodel.graph.columns import TABLE_SCHEMA
>>> from orgmodel.graph.columnviews import view_of
>>> from orgmodel.records import PostRecord
>>> from orgmodel.graph.columns import post_columns
>>> built = post_columns([[PostRecord("1", "Mayor"), PostRecord("2", "Clerk", holder="Li")]])
>>> saved = SavedPosts({n: view_of(built.arrow(n)) for n in TABLE_SCHEMA.names}, 2)
>>> saved[1] == built[1], saved.value("holder", 1), saved.arrow("title").to_pylist()
(True, 'Li', ['Mayor', 'Clerk'])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from orgmodel.graph.columns import PostColumns
from orgmodel.graph.columnviews import View, to_arrow

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["SavedPosts"]


class SavedPosts(PostColumns):
    """Posts whose columns are :class:`~orgmodel.graph.columnviews.View` s of the saved buffers."""

    def __init__(self, views: Mapping[str, View], length: int) -> None:
        self._length = length
        self._arrays: dict[str, pa.Array] = {}
        self._table_made: pa.Table | None = None
        self._lists: dict[str, list[Any]] = {}
        self._reads: dict[str, int] = {}
        self._views = dict(views)
        self._limit: int | None = None

    def __len__(self) -> int:
        return self._length

    @property
    def table(self) -> pa.Table:
        """The columns as one pyarrow table (made on first use, on the same memory)."""
        if self._table_made is None:
            import pyarrow as pa

            from orgmodel.graph.columns import schemas

            schema = schemas().table
            self._table_made = pa.Table.from_arrays(
                [self.arrow(f.name) for f in schema], schema=schema
            )
        return self._table_made

    def arrow(self, name: str) -> pa.Array:
        found = self._arrays.get(name)
        if found is None:
            from orgmodel.graph.columns import schemas

            kind = schemas().table.field(name).type
            found = self._arrays[name] = to_arrow(self._views[name], kind)
        return found
