"""Posts held column-wise: how a million-row table reaches the graph without a million objects.

A :class:`PostBlock` is what the table reader makes of one CSV: a
:mod:`pyarrow` table with one column per post field, the row's line in the
file, and the manager reference as written. :class:`PostColumns` is the
graph's table of *all* posts in node order, made by :func:`post_columns`
from the blocks and from the records other readers produce. Both turn a row
back into a :class:`~orgmodel.records.PostRecord` only when asked, so
commands that print ten posts pay for ten.

>>> block = PostBlock.from_pylists("org.csv", {
...     "id": ["1", "2"], "title": ["Mayor", "City Clerk"], "line": [2, 3],
...     "manager": [None, "1"], "root": [True, False]})
>>> [p.title for p in block.records()]
['Mayor', 'City Clerk']
>>> [(r.subject, r.object, r.prov.where()) for r in block.relations()]
[('2', '1', 'org.csv:3')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from orgmodel.records import LineKind, PostRecord, Prov, Relation, RelKind

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

    from orgmodel.graph.columnviews import View

    ATTRIBUTES: pa.DataType
    BLOCK_SCHEMA: pa.Schema
    TABLE_SCHEMA: pa.Schema

__all__ = [
    "ATTRIBUTES",
    "BLOCK_SCHEMA",
    "TABLE_SCHEMA",
    "PostBlock",
    "PostColumns",
    "Schemas",
    "post_columns",
    "schemas",
]


class Schemas(NamedTuple):
    """The column types, made on first use: importing pyarrow costs a tenth of a second, which
    a command answered from the saved index (:mod:`orgmodel.cache`) never pays."""

    attributes: pa.DataType
    block: pa.Schema
    """A block's columns: the post fields, the row's line and the manager as written (or null)."""
    prov: list[tuple[str, pa.DataType]]
    table: pa.Schema
    """The graph's post table: post fields, the manager reference of table rows, provenance."""


@functools.cache
def schemas() -> Schemas:
    """:data:`ATTRIBUTES`, :data:`BLOCK_SCHEMA` and :data:`TABLE_SCHEMA` (also importable by
    those names).

    >>> schemas().table.names[:3]
    ['id', 'title', 'org']
    """
    import pyarrow as pa

    attributes = pa.map_(pa.string(), pa.string())
    block = pa.schema(
        [
            ("id", pa.string()),
            ("title", pa.string()),
            ("org", pa.string()),
            ("unit", pa.string()),
            ("abbreviation", pa.string()),
            ("holder", pa.string()),
            ("grade", pa.string()),
            ("fte", pa.float64()),
            ("root", pa.bool_()),
            ("attributes", attributes),
            ("line", pa.int64()),
            ("manager", pa.string()),
        ]
    )
    prov = [
        ("prov_source", pa.string()),
        ("prov_line", pa.int64()),
        ("prov_start", pa.int64()),
        ("prov_end", pa.int64()),
        ("prov_cue", pa.string()),
        ("prov_inferred", pa.bool_()),
    ]
    table = pa.schema([*(f for f in block if f.name != "line"), *prov])
    return Schemas(attributes, block, prov, table)


_CONSTANTS = {"ATTRIBUTES": 0, "BLOCK_SCHEMA": 1, "TABLE_SCHEMA": 3}


def __getattr__(name: str) -> Any:
    """``ATTRIBUTES``, ``BLOCK_SCHEMA``, ``TABLE_SCHEMA``: made when first imported."""
    if name in _CONSTANTS:
        return schemas()[_CONSTANTS[name]]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_FIELDS = PostRecord._fields[:-1]  # every field but prov
_READS_BEFORE_CONVERTING = 2_000  # single reads of a field before the whole column is converted
_SHARE_BEFORE_CONVERTING = 10  # ... or one read in this many of its values, if that is more


def _attrs(value: Any) -> dict[str, str] | None:
    return dict(value) if value is not None else None


class PostBlock:
    """The posts of one table source, column-wise (see :data:`BLOCK_SCHEMA`).

    ``secondary`` holds the dotted lines, few enough to be records;
    ``secondary_rows`` the row each comes from, so the graph can place them
    without looking their subjects up by id.
    """

    def __init__(
        self,
        source: str,
        table: pa.Table,
        secondary: list[Relation],
        secondary_rows: list[int] | None = None,
    ) -> None:
        self.source = source
        block = schemas().block
        self.table = table.cast(block) if table.schema != block else table
        self.secondary = secondary
        self.secondary_rows = secondary_rows
        if secondary_rows is not None and len(secondary_rows) != len(secondary):
            raise ValueError("secondary_rows must give one row per secondary line")

    @classmethod
    def from_pylists(
        cls, source: str, columns: dict[str, list[Any]], secondary: list[Relation] | None = None
    ) -> PostBlock:
        """A block from Python lists (missing columns are null; ``root`` defaults to False)."""
        import pyarrow as pa

        n = len(columns["id"])
        arrays = []
        block = schemas().block
        for f in block:
            values = columns.get(f.name)
            if values is None:
                values = [False] * n if f.name == "root" else [None] * n
            arrays.append(pa.array(values, type=f.type))
        return cls(source, pa.Table.from_arrays(arrays, schema=block), secondary or [])

    def __len__(self) -> int:
        return int(self.table.num_rows)

    def records(self) -> list[PostRecord]:
        """Every row as a :class:`PostRecord` (the slow way, for code that wants records)."""
        cols = {name: self.table.column(name).to_pylist() for name in schemas().block.names}
        src = self.source
        return [
            PostRecord._make(
                [
                    *(cols[f][i] for f in _FIELDS[:-1]),
                    _attrs(cols["attributes"][i]),
                    Prov(src, cols["line"][i]),
                ]
            )
            for i in range(len(self))
        ]

    def relations(self) -> list[Relation]:
        """The manager references as primary lines, then the dotted lines."""
        ids = self.table.column("id").to_pylist()
        lines = self.table.column("line").to_pylist()
        managers = self.table.column("manager").to_pylist()
        src, primary, reports = self.source, LineKind.PRIMARY, RelKind.REPORTS_TO
        out = [
            Relation(reports, ids[i], m, primary, False, Prov(src, lines[i]))
            for i, m in enumerate(managers)
            if m
        ]
        return out + self.secondary


def _records_table(records: Sequence[PostRecord]) -> pa.Table:
    import pyarrow as pa

    schema = schemas().table
    cols: dict[str, list[Any]] = {f: [] for f in schema.names}
    for post in records:
        for f, value in zip(_FIELDS, post, strict=False):
            cols[f].append(value)
        prov = post.prov
        cols["prov_source"].append(prov.source)
        cols["prov_line"].append(prov.line)
        cols["prov_start"].append(prov.start)
        cols["prov_end"].append(prov.end)
        cols["prov_cue"].append(prov.cue)
        cols["prov_inferred"].append(prov.inferred)
    cols["manager"] = [None] * len(records)
    cols["root"] = [bool(r) for r in cols["root"]]
    arrays = [pa.array(cols[f.name], type=f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def _block_table(block: PostBlock) -> pa.Table:
    import numpy as np
    import pyarrow as pa

    t = block.table
    n = len(block)
    types = schemas()
    nulls = {name: pa.nulls(n, type=typ) for name, typ in types.prov}
    nulls["prov_source"] = pa.DictionaryArray.from_arrays(
        pa.array(np.zeros(n, dtype=np.int32)), pa.array([block.source])
    ).cast(pa.string())
    nulls["prov_line"] = t.column("line")
    nulls["prov_inferred"] = pa.array(np.zeros(n, dtype=bool))
    arrays = [t.column(f.name) if f.name in types.block.names else nulls[f.name]
              for f in types.table]  # fmt: skip
    return pa.Table.from_arrays(arrays, schema=types.table)


def post_columns(chunks: Sequence[Sequence[PostRecord] | PostBlock]) -> PostColumns:
    """All posts, in order, as one :class:`PostColumns` (blocks are not copied row by row)."""
    import pyarrow as pa

    tables = [
        _block_table(c) if isinstance(c, PostBlock) else _records_table(c) for c in chunks if len(c)
    ]
    if not tables:
        tables = [_records_table([])]
    table = pa.concat_tables(tables) if len(tables) > 1 else tables[0]
    return PostColumns(table.combine_chunks())


class PostColumns(Sequence[PostRecord]):
    """The graph's posts: a table read by column, a record made per row on demand.

    ``column(name)`` gives a field of every post as a Python list (converted
    once, then cached); ``arrow(name)`` the same as a pyarrow array for
    vectorised work. Indexing gives a :class:`PostRecord`.
    """

    def __init__(self, table: pa.Table) -> None:
        self._table = table
        self._lists: dict[str, list[Any]] = {}
        self._reads: dict[str, int] = {}
        self._views: dict[str, View] = {}
        self._limit: int | None = None

    @property
    def table(self) -> pa.Table:
        """The posts as one pyarrow table (:data:`TABLE_SCHEMA`)."""
        return self._table

    def __len__(self) -> int:
        return int(self.table.num_rows)

    def arrow(self, name: str) -> pa.Array:
        column = self.table.column(name)
        return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()

    def column(self, name: str) -> list[Any]:
        cached = self._lists.get(name)
        if cached is None:
            if name == "prov":
                cached = [self._prov(i) for i in range(len(self))]
            elif name == "attributes":
                values = self.arrow(name)
                if values.null_count == len(values):  # a table without extra columns
                    cached = [None] * len(values)
                else:
                    cached = [None if a is None else dict(a) for a in values.to_pylist()]
            else:
                cached = self.arrow(name).to_pylist()
            self._lists[name] = cached
        return cached

    def value(self, name: str, i: int) -> Any:
        """One field of one post (a list lookup when the column is cached).

        A few reads go to the table directly (a command that prints ten posts
        of a million never converts a column); a field read many times is
        converted once, which is cheaper than thousands of single reads.
        """
        cached = self._lists.get(name)
        if cached is not None:
            return cached[i]
        reads = self._reads[name] = self._reads.get(name, 0) + 1
        if reads > self._convert_after():
            return self.column(name)[i]
        if name == "prov":
            return self._prov(i)
        view = self._views.get(name)
        if view is None:
            view = self._view(name)
        return view.get(i)

    def _convert_after(self) -> int:
        """Single reads of a field after which it is converted whole: a few thousand, or a
        tenth of the posts (a column converts in about the time of reading a tenth singly)."""
        if self._limit is None:
            self._limit = max(_READS_BEFORE_CONVERTING, len(self) // _SHARE_BEFORE_CONVERTING)
        return self._limit

    def _view(self, name: str) -> View:
        """A field's column read from its buffers (:mod:`orgmodel.graph.columnviews`: a third of the
        time of a pyarrow scalar's ``as_py()``)."""
        from orgmodel.graph.columnviews import view_of

        view = self._views[name] = view_of(self.arrow(name))
        return view

    def _prov(self, i: int) -> Prov:
        v = self.value
        return Prov(
            v("prov_source", i), v("prov_line", i), v("prov_start", i), v("prov_end", i),
            v("prov_cue", i), bool(v("prov_inferred", i)),
        )  # fmt: skip

    @overload
    def __getitem__(self, i: int) -> PostRecord: ...
    @overload
    def __getitem__(self, i: slice) -> list[PostRecord]: ...
    def __getitem__(self, i: int | slice) -> PostRecord | list[PostRecord]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return PostRecord._make([*(self.value(f, i) for f in _FIELDS), self._prov(i)])

    def __iter__(self) -> Iterator[PostRecord]:
        cols = [self.column(f) for f in _FIELDS]
        provs = self.column("prov")
        for i in range(len(self)):
            yield PostRecord._make([*(c[i] for c in cols), provs[i]])

    def take(self, rows: np.ndarray[Any, Any]) -> PostColumns:
        """The posts at ``rows`` (in that order)."""
        import pyarrow as pa

        return PostColumns(self.table.take(pa.array(rows)))

    def is_null(self, name: str) -> np.ndarray[Any, Any]:
        """A boolean mask: the field is missing."""
        import numpy as np
        import pyarrow.compute as pc

        return np.asarray(pc.is_null(self.arrow(name)).to_numpy(zero_copy_only=False))
