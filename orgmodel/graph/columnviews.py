"""Columns in Arrow's memory layout, read with the standard library alone.

The saved index (:mod:`orgmodel.cache`) keeps the graph's columns as the
buffers pyarrow holds them in -- a validity bitmap, offsets and UTF-8 bytes
for text, 8-byte numbers, bit-packed booleans -- in one memory-mapped file.
A query reads a dozen values of a million; importing pyarrow to read them
would cost more than the query (a tenth of a second), so these views read
single values straight from the buffers, and a command that works on whole
columns turns the same buffers into pyarrow arrays without a copy
(:func:`to_arrow`).

>>> import array
>>> offsets = memoryview(array.array("i", [0, 5, 5, 12]).tobytes()).cast("i")
>>> names = StringView(3, offsets, memoryview(b"MayorDeputy"), memoryview(bytes([0b101])))
>>> list(names), names.raw(2)
(['Mayor', None, 'Deputy'], b'Deputy')
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "BoolView", "DictView", "MapView", "NullView", "NumberView", "PermutedText", "StringView",
    "TextView", "View", "is_set", "to_arrow", "view_of",
]  # fmt: skip


def is_set(bitmap: memoryview[Any], i: int) -> bool:
    """Bit ``i`` of an Arrow bitmap (least significant bit first)."""
    return bool((bitmap[i >> 3] >> (i & 7)) & 1)


class View(Sequence[Any]):
    """One column: ``length`` values, ``validity`` a bitmap (None: no value is missing)."""

    def __init__(self, length: int, validity: memoryview[Any] | None) -> None:
        self.length = length
        self.validity = validity

    def __len__(self) -> int:
        return self.length

    def valid(self, i: int) -> bool:
        return self.validity is None or is_set(self.validity, i)

    def get(self, i: int) -> Any:
        """Value ``i`` (``0 <= i < len``: not checked), None where missing: the fast read."""
        bits = self.validity
        if bits is None or (bits[i >> 3] >> (i & 7)) & 1:
            return self.value(i)
        return None

    def value(self, i: int) -> Any:  # pragma: no cover - every view defines it
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> list[Any]: ...
    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self.length))]
        if i < 0:
            i += self.length
        if not 0 <= i < self.length:
            raise IndexError(i)
        return self.value(i) if self.valid(i) else None

    def __iter__(self) -> Iterator[Any]:
        for i in range(self.length):
            yield self.value(i) if self.valid(i) else None


class TextView(View):
    """Text whose values can be read as UTF-8 bytes (what sorted keys compare)."""

    def raw(self, i: int) -> bytes:  # pragma: no cover - every text view defines it
        raise NotImplementedError


class StringView(TextView):
    """UTF-8 text: value ``i`` is ``data[offsets[i]:offsets[i + 1]]``."""

    def __init__(
        self,
        length: int,
        offsets: memoryview[Any],
        data: memoryview[Any],
        validity: memoryview[Any] | None,
    ) -> None:
        super().__init__(length, validity)
        self.offsets = offsets
        self.data = data

    def raw(self, i: int) -> bytes:
        """The bytes of value ``i`` (empty for a missing value): what sorted keys compare."""
        return bytes(self.data[self.offsets[i] : self.offsets[i + 1]])

    def value(self, i: int) -> str:
        return str(self.data[self.offsets[i] : self.offsets[i + 1]], "utf-8")


class PermutedText(TextView):
    """Another text column read in another order: value ``i`` is ``base[order[i]]`` (the ids
    in sorted order, without a sorted copy of them)."""

    def __init__(self, base: StringView, order: Sequence[int]) -> None:
        super().__init__(len(order), None)
        self.base = base
        self.order = order

    def valid(self, i: int) -> bool:
        return self.base.valid(self.order[i])

    def get(self, i: int) -> Any:
        return self.value(i) if self.valid(i) else None

    def raw(self, i: int) -> bytes:
        return self.base.raw(self.order[i])

    def value(self, i: int) -> str:
        return self.base.value(self.order[i])


class NullView(View):
    """A column with no value at all (no buffers kept)."""

    def __init__(self, length: int) -> None:
        super().__init__(length, None)

    def valid(self, i: int) -> bool:
        return False

    def get(self, i: int) -> Any:
        return self.value(i) if self.valid(i) else None


class DictView(View):
    """Text of few distinct values: ``words[codes[i]]`` (the saved form of a repetitive
    column, such as the file each post was read from)."""

    def __init__(self, length: int, codes: memoryview[Any], words: StringView) -> None:
        super().__init__(length, None)
        self.codes = codes
        self.words = words

    def valid(self, i: int) -> bool:
        return bool(self.codes[i] >= 0)

    def get(self, i: int) -> Any:
        return self.value(i) if self.valid(i) else None

    def value(self, i: int) -> Any:
        return self.words[self.codes[i]]


class NumberView(View):
    """Integers (``format`` ``"q"``, or ``"i"`` when kept in 4 bytes) or floats (``"d"``)."""

    def __init__(
        self, length: int, values: memoryview[Any], validity: memoryview[Any] | None
    ) -> None:
        super().__init__(length, validity)
        self.values = values

    def value(self, i: int) -> Any:
        return self.values[i]


class BoolView(View):
    """Booleans, one bit each."""

    def __init__(
        self, length: int, bits: memoryview[Any], validity: memoryview[Any] | None
    ) -> None:
        super().__init__(length, validity)
        self.bits = bits

    def value(self, i: int) -> bool:
        return is_set(self.bits, i)


class MapView(View):
    """A map of text to text per row (the posts' extra columns), as dicts."""

    def __init__(
        self,
        length: int,
        offsets: memoryview[Any],
        keys: StringView,
        items: StringView,
        validity: memoryview[Any] | None,
    ) -> None:
        super().__init__(length, validity)
        self.offsets = offsets
        self.keys = keys
        self.items = items

    def value(self, i: int) -> dict[str, str]:
        keys, items = self.keys, self.items
        return {keys[k]: items[k] for k in range(self.offsets[i], self.offsets[i + 1])}


def to_arrow(view: View, kind: pa.DataType) -> pa.Array:
    """The same column as a pyarrow array of type ``kind``, on the same memory (no copy, but
    for a dictionary-coded column, decoded, and integers kept in 4 bytes, widened)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    def buf(mv: memoryview[Any] | None) -> pa.Buffer | None:
        return None if mv is None else pa.py_buffer(mv)

    nulls = -1 if view.validity is not None else 0
    if isinstance(view, NullView):
        return pa.nulls(view.length, kind)
    if isinstance(view, DictView):
        codes = pa.Array.from_buffers(pa.int32(), view.length, [None, buf(view.codes)])
        words = to_arrow(view.words, kind)
        codes = pc.if_else(pc.less(codes, 0), pa.scalar(None, pa.int32()), codes)
        return pa.DictionaryArray.from_arrays(codes, words).dictionary_decode()
    if isinstance(view, StringView):
        return pa.Array.from_buffers(
            kind, view.length, [buf(view.validity), buf(view.offsets), buf(view.data)], nulls
        )
    if isinstance(view, NumberView):
        stored = pa.int32() if view.values.format == "i" else kind
        array = pa.Array.from_buffers(
            stored, view.length, [buf(view.validity), buf(view.values)], nulls
        )
        return array if stored == kind else array.cast(kind)
    if isinstance(view, BoolView):
        return pa.Array.from_buffers(kind, view.length, [buf(view.validity), buf(view.bits)], nulls)
    if isinstance(view, MapView):
        keys = to_arrow(view.keys, kind.key_type)
        items = to_arrow(view.items, kind.item_type)
        entries = pa.StructArray.from_arrays(
            [keys, items], fields=[kind.key_field, kind.item_field]
        )
        return pa.Array.from_buffers(
            kind, view.length, [buf(view.validity), buf(view.offsets)], nulls, children=[entries]
        )
    raise TypeError(f"no pyarrow type for {type(view).__name__}")


def _mv(buffer: pa.Buffer | None, fmt: Literal["B", "q", "i", "d"] = "B") -> memoryview[Any] | None:
    if buffer is None:
        return None
    view = memoryview(buffer)
    return view if fmt == "B" else view.cast(fmt)


def view_of(array: pa.Array) -> View:
    """A view of a pyarrow array's own buffers (no copy): the reader the saved index uses,
    on memory pyarrow holds. A slice is rebased first, so every view starts at offset 0."""
    import pyarrow as pa
    import pyarrow.types as pt

    if array.offset or (pt.is_map(array.type) and array.values.offset):
        array = pa.concat_arrays([array])
    kind, n = array.type, len(array)
    buffers = array.buffers()
    validity = _mv(buffers[0]) if array.null_count else None
    if pt.is_string(kind):
        offsets, data = _mv(buffers[1], "i"), _mv(buffers[2]) or memoryview(b"")
        assert offsets is not None
        return StringView(n, offsets, data, validity)
    if pt.is_int64(kind) or pt.is_float64(kind):
        values = _mv(buffers[1], "q" if pt.is_int64(kind) else "d")
        assert values is not None
        return NumberView(n, values, validity)
    if pt.is_boolean(kind):
        bits = _mv(buffers[1])
        assert bits is not None
        return BoolView(n, bits, validity)
    if pt.is_map(kind):
        offsets = _mv(buffers[1], "i")
        assert offsets is not None
        keys, items = view_of(array.keys), view_of(array.items)
        assert isinstance(keys, StringView) and isinstance(items, StringView)
        return MapView(n, offsets, keys, items, validity)
    raise TypeError(f"no view for pyarrow type {kind}")
