"""An :class:`~orgmodel.graph.OrgGraph` as the buffers of a bundle, and back.

The posts' columns are written as pyarrow holds them (validity, offsets,
bytes) -- with a column of no values kept as nothing, one of few distinct
values as codes into them, integers that fit in four bytes in four -- the
tree's arrays as integers, the ids as a sorted key table
(:class:`~orgmodel.graph.keytable.KeyTable`), and the records beside the tree
(units, organizations, dotted lines, load issues) as one pickle each.
Reading them back builds nothing: the restored graph's columns and tables
are views of the mapped file, and each pickle is read when the graph is
first asked for that attribute (``chain`` never reads the dotted lines).

>>> import tempfile, pathlib
>>> from orgmodel.cache.bundle import Bundle, write_bundle
>>> from orgmodel.records import OrgData, PostRecord, Relation, RelKind, LineKind
>>> g = OrgGraph(OrgData(posts=[PostRecord("a", "Mayor"), PostRecord("b", "Clerk")],
...     relations=[Relation(RelKind.REPORTS_TO, "b", "a", LineKind.PRIMARY)]))
>>> buffers, meta = graph_buffers(g)
>>> path = pathlib.Path(tempfile.mkdtemp()) / "g.orgindex"
>>> write_bundle(path, buffers, meta)
>>> r = SavedGraph(Bundle(path))
>>> r.id_of(r.parent[r.node("b")]), r.record(1) == g.record(1), r.parent_rel[1] == g.parent_rel[1]
('a', True, True)
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from orgmodel.cache.bundle import Bundle, BundleError, Format
from orgmodel.cache.posts import SavedPosts
from orgmodel.graph.columnviews import (
    BoolView,
    DictView,
    MapView,
    NullView,
    NumberView,
    StringView,
    View,
    view_of,
)
from orgmodel.graph.keytable import KeyTable
from orgmodel.graph.orggraph import NO_RECORDS, OrgGraph, _ParentRels

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

    from orgmodel.cache.bundle import Buffer
    from orgmodel.names.index import NameIndex

__all__ = ["POST_COLUMNS", "SavedGraph", "graph_buffers", "table_buffers", "table_of"]

POST_COLUMNS = (
    "id", "title", "org", "unit", "abbreviation", "holder", "grade", "fte", "root", "attributes",
    "manager", "prov_source", "prov_line", "prov_start", "prov_end", "prov_cue", "prov_inferred",
)  # fmt: skip
"""The posts' columns as the saved index holds them (the graph's post table, in order)."""

_SAMPLE = 10_000  # values looked at to decide whether a text column is worth coding
_FEW = 100  # distinct values in the sample below which it is


def _compact(array: pa.Array) -> pa.Array:
    """A column as it is best kept: nothing for no values, codes for few distinct ones,
    4-byte integers when they fit (what :func:`~orgmodel.graph.columnviews.to_arrow` undoes)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.types as pt

    if array.null_count == len(array) or not len(array):
        return pa.nulls(len(array), array.type)
    if pt.is_string(array.type):
        sample = array.slice(0, _SAMPLE)
        if pc.count_distinct(sample).as_py() <= min(_FEW, len(sample) // 10):
            return array.dictionary_encode()
    if pt.is_int64(array.type):
        low, high = pc.min_max(array).values()
        if low.as_py() >= -(2**31) and high.as_py() < 2**31:
            return array.cast(pa.int32())
    return array


def _column(
    out: dict[str, Buffer], name: str, array: pa.Array, compact: bool = True
) -> dict[str, Any]:
    """The buffers of one column under ``name.*``, and what it is (for :func:`_view`);
    ``compact``: kept as :func:`_compact` says (else text stays text, for bisection)."""
    import pyarrow as pa
    import pyarrow.types as pt

    if compact:
        array = _compact(array)
    meta: dict[str, Any] = {"length": len(array)}
    if array.null_count == len(array):
        meta["kind"] = "null"
        return meta
    if pt.is_dictionary(array.type):
        meta["kind"] = "dict"
        codes = array.indices.cast(pa.int32()).fill_null(-1)
        out[f"{name}.codes"] = memoryview(codes.buffers()[1])[: 4 * len(codes)]
        meta["words"] = _column(out, f"{name}.words", array.dictionary, compact=False)
        return meta
    if pt.is_int32(array.type):
        array = pa.concat_arrays([array]) if array.offset else array
        meta["kind"] = "int32"
        meta["validity"] = bool(array.null_count)
        if array.null_count:
            out[f"{name}.validity"] = array.buffers()[0]
        out[f"{name}.values"] = memoryview(array.buffers()[1])[: 4 * len(array)]
        return meta
    if pt.is_map(array.type):
        array = pa.concat_arrays([array])  # its entries from 0, as the offsets will say
    view = view_of(array)
    meta["validity"] = view.validity is not None
    if view.validity is not None:
        out[f"{name}.validity"] = view.validity
    if isinstance(view, StringView):
        meta["kind"] = "string"
        out[f"{name}.offsets"], out[f"{name}.data"] = view.offsets, view.data
    elif isinstance(view, NumberView):
        meta["kind"] = "float64" if view.values.format == "d" else "int64"
        out[f"{name}.values"] = view.values
    elif isinstance(view, BoolView):
        meta["kind"] = "bool"
        out[f"{name}.bits"] = view.bits
    elif isinstance(view, MapView):
        meta["kind"] = "map"
        out[f"{name}.offsets"] = view.offsets
        meta["keys"] = _column(out, f"{name}.keys", array.keys, compact=False)
        meta["items"] = _column(out, f"{name}.items", array.items, compact=False)
    else:  # pragma: no cover - view_of makes only these
        raise TypeError(type(view).__name__)
    return meta


def _damaged(bundle: Bundle, name: str, why: str) -> BundleError:
    return BundleError(f"{bundle.path}: column {name!r} {why}")


def _view(bundle: Bundle, name: str, meta: Mapping[str, Any]) -> View:
    """The column :func:`_column` wrote, as a view of the mapped file."""
    n, kind = int(meta["length"]), meta["kind"]
    if kind == "null":
        return NullView(n)
    if kind == "dict":
        codes = bundle.buffer(f"{name}.codes", "i")
        words = _view(bundle, f"{name}.words", meta["words"])
        if len(codes) != n or not isinstance(words, StringView):
            raise _damaged(bundle, name, "has codes that do not fit it")
        return DictView(n, codes, words)
    validity = bundle.buffer(f"{name}.validity") if meta["validity"] else None
    if validity is not None and len(validity) < (n + 7) // 8:
        raise _damaged(bundle, name, "has a short validity bitmap")
    view: View
    if kind == "string":
        offsets = bundle.buffer(f"{name}.offsets", "i")
        data = bundle.buffer(f"{name}.data")
        if len(offsets) != n + 1 or (n and not 0 <= offsets[0] <= offsets[n] <= len(data)):
            raise _damaged(bundle, name, "has offsets outside its text")
        view = StringView(n, offsets, data, validity)
    elif kind in ("int64", "int32", "float64"):
        fmt: Format = "q" if kind == "int64" else "i" if kind == "int32" else "d"
        view = NumberView(n, bundle.buffer(f"{name}.values", fmt), validity)
        if len(view.values) != n:
            raise _damaged(bundle, name, f"has {len(view.values)} values, not {n}")
    elif kind == "bool":
        bits = bundle.buffer(f"{name}.bits")
        if len(bits) < (n + 7) // 8:
            raise _damaged(bundle, name, "has too few bits")
        view = BoolView(n, bits, validity)
    elif kind == "map":
        keys = _view(bundle, f"{name}.keys", meta["keys"])
        items = _view(bundle, f"{name}.items", meta["items"])
        offsets = bundle.buffer(f"{name}.offsets", "i")
        if not isinstance(keys, StringView) or not isinstance(items, StringView):
            raise _damaged(bundle, name, "has keys or values that are not text")
        if len(offsets) != n + 1 or offsets[n] > len(keys):
            raise _damaged(bundle, name, "has offsets outside its entries")
        view = MapView(n, offsets, keys, items, validity)
    else:
        raise _damaged(bundle, name, f"is of unknown kind {kind!r}")
    return view


def table_buffers(out: dict[str, Buffer], name: str, table: KeyTable) -> dict[str, Any]:
    """A key table :meth:`KeyTable.build` made, as buffers under ``name.*``."""
    assert table.arrays is not None
    keys, nodes, starts = table.arrays
    out[f"{name}.nodes"] = _narrow(nodes)
    meta: dict[str, Any] = {"keys": _column(out, f"{name}.keys", keys, False), "starts": None}
    if starts is not None:
        out[f"{name}.starts"] = _narrow(starts)
        meta["starts"] = True
    return meta


def table_of(bundle: Bundle, name: str, meta: Mapping[str, Any]) -> KeyTable:
    """The key table :func:`table_buffers` wrote."""
    keys = _view(bundle, f"{name}.keys", meta["keys"])
    nodes = bundle.buffer(f"{name}.nodes", "i")
    starts = bundle.buffer(f"{name}.starts", "i") if meta["starts"] else None
    if not isinstance(keys, StringView):
        raise BundleError(f"{bundle.path}: key table {name!r} has keys that are not text")
    try:
        return KeyTable(keys, nodes, starts)
    except ValueError as exc:
        raise BundleError(f"{bundle.path}: key table {name!r}: {exc}") from None


def _narrow(values: np.ndarray[Any, Any]) -> memoryview[Any]:
    """Node numbers in four bytes (a graph has fewer than two billion nodes)."""
    import numpy as np

    return np.ascontiguousarray(values, dtype=np.int32).data.cast("B")


def graph_buffers(graph: OrgGraph) -> tuple[dict[str, Buffer], dict[str, Any]]:
    """Everything :class:`SavedGraph` needs, as named buffers and JSON-able metadata.

    The tree's subtree sizes (what ``show`` counts) and the sorted id table
    are computed here if the graph has not made them yet, so no later run does.
    """
    import numpy as np

    out: dict[str, Buffer] = {}
    posts = graph.posts
    columns = {
        name: _column(out, f"posts.{name}", posts.arrow(name), compact=name != "id")
        for name in POST_COLUMNS
    }  # fmt: skip (ids stay text: the id table reads them)
    for name in (*OrgGraph.ARRAYS, "below"):
        out[f"tree.{name}"] = _narrow(np.asarray(memoryview(getattr(graph, name))))
    out["tree.from_block"] = np.ascontiguousarray(graph._from_block, dtype=np.uint8).data
    dotted = [(sub, sup) for sub, sups in graph.secondary.items() for sup, _ in sups]
    out["dotted"] = _narrow(np.array(dotted, dtype=np.int64).reshape(-1))
    out["ids.order"] = _narrow(graph.id_order)
    for name in OrgGraph.SAVED:
        out[f"state.{name}"] = pickle.dumps(getattr(graph, name), pickle.HIGHEST_PROTOCOL)
    meta = {"posts": graph.post_count, "size": graph.size, "columns": columns}
    return out, meta


def _tree_array(bundle: Bundle, name: str, length: int | None) -> memoryview[Any]:
    """One of the tree's arrays: 4-byte node numbers, read in place (no copy)."""
    values = bundle.buffer(f"tree.{name}", "i")
    if length is not None and len(values) != length:
        raise BundleError(f"{bundle.path}: the tree's {name} array is {len(values)} long")
    return values


class SavedGraph(OrgGraph):
    """A graph restored from a bundle: what the build made, nothing recomputed.

    The posts are the saved columns (:class:`~orgmodel.cache.posts.SavedPosts`),
    ids are found in the saved sorted table, ``names`` makes the name index
    (with the name tables saved beside the entry), and each of the records
    of :data:`OrgGraph.SAVED` is unpickled when first read. A saved graph
    has no :attr:`~OrgGraph.data`: it keeps no records of the sources.
    Raises :class:`BundleError` when the buffers do not fit together.
    """

    def __init__(
        self, bundle: Bundle, names: Callable[[OrgGraph], NameIndex] | None = None
    ) -> None:
        from orgmodel.graph.indexes import IdIndex

        self._bundle = bundle
        meta = bundle.meta
        try:
            posts_n, size = int(meta["posts"]), int(meta["size"])
            views = {name: _view(bundle, f"posts.{name}", meta["columns"][name])
                     for name in POST_COLUMNS}  # fmt: skip
            if any(len(v) != posts_n for v in views.values()):
                raise BundleError(f"{bundle.path}: the posts' columns differ in length")
            for name in (*OrgGraph.ARRAYS, "below"):
                length = None if name == "child_list" else size + (name == "child_start")
                setattr(self, "_below" if name == "below" else name,
                        _tree_array(bundle, name, length))  # fmt: skip
            order = bundle.buffer("ids.order", "i")
            ids_view = views["id"]
            if not isinstance(ids_view, StringView) or len(order) != posts_n:
                raise BundleError(f"{bundle.path}: the posts' ids are not a sorted table")
            ids = KeyTable.sorted_by(ids_view, order)
            self._order = order
            self._from_block = bundle.buffer("tree.from_block")
            self._dotted = bundle.buffer("dotted", "i")
        except (KeyError, TypeError, ValueError) as exc:
            raise BundleError(f"{bundle.path}: does not hold a whole graph ({exc!r})") from None
        start = self.child_start
        if len(self._from_block) != size or len(ids.nodes) != posts_n or len(self._dotted) % 2:
            raise BundleError(f"{bundle.path}: the id table or line flags do not fit the posts")
        if start[0] != 0 or start[-1] != len(self.child_list):
            raise BundleError(f"{bundle.path}: the tree's child index does not fit its children")
        self._data = None
        self.posts = SavedPosts(views, posts_n)
        self._post_count = posts_n
        self.size = size
        self._np = {}
        self.parent_rel = _ParentRels(self)
        self.index = IdIndex(ids_view, _Units(self), ids)
        self._names = None
        self._name_factory = names
        self._post_units = None
        self._nx = {}
        self._name_cache = {}
        self._copies = set()

    def __getattr__(self, name: str) -> Any:
        """One of :data:`OrgGraph.SAVED`, unpickled on first use (then a plain attribute)."""
        if name not in OrgGraph.SAVED:
            raise AttributeError(NO_RECORDS if name == "data" else name)
        bundle = self.__dict__["_bundle"]
        try:
            value = pickle.loads(bundle.buffer(f"state.{name}"))
        except (KeyError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
            raise BundleError(f"{bundle.path}: cannot read the saved {name} ({exc!r})") from None
        setattr(self, name, value)
        return value

    @property
    def id_order(self) -> np.ndarray[Any, Any]:
        import numpy as np

        return np.frombuffer(self._order, dtype=np.int32).astype(np.int64)

    def secondary_count(self) -> int:
        return len(self._dotted) // 2

    def secondary_reports(self, node: int) -> list[int]:
        dotted = self._dotted  # (post, superior) pairs, in the order of graph.secondary
        return list(dict.fromkeys(dotted[i - 1] for i in range(1, len(dotted), 2)
                                  if dotted[i] == node))  # fmt: skip


class _Units(Mapping[str, int]):
    """The unit ids of a saved graph, unpickled only if an id is not a post's."""

    def __init__(self, graph: SavedGraph) -> None:
        self._graph = graph

    def _units(self) -> dict[str, int]:
        return self._graph._unit_index

    def __getitem__(self, key: str) -> int:
        return self._units()[key]

    def __iter__(self) -> Any:
        return iter(self._units())

    def __len__(self) -> int:
        return len(self._units())
