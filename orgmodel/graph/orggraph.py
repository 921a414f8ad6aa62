"""OrgGraph: the org structure built once from the records, then only read.

Nodes are posts and units, numbered: posts ``0 .. post_count-1`` in source
order, then units. The primary reporting tree is held as parent pointers
and a compact child index (CSR arrays), with depths computed once, because
the questions people ask -- chain of command, everyone below, common
superior -- are walks along those pointers and must stay in microseconds on
a million posts. The posts themselves stay column-wise
(:class:`~orgmodel.graph.columns.PostColumns`): a million-row CSV reaches the
graph without a Python object per row, and the tree is derived with array
operations (:mod:`orgmodel.graph.tree`). Secondary (dotted) lines, headships and
links sit beside the tree. :meth:`OrgGraph.to_networkx` hands the same
structure to networkx for the algorithms that earn their cost there.

>>> from orgmodel.records import OrgData, PostRecord, Relation, RelKind, LineKind
>>> data = OrgData(posts=[PostRecord("supt", "Superintendent", root=True),
...                       PostRecord("coo", "Chief Operating Officer")],
...                relations=[Relation(RelKind.REPORTS_TO, "coo", "supt", LineKind.PRIMARY)])
>>> g = OrgGraph(data)
>>> g.id_of(g.parent[g.node("coo")])
'supt'
>>> g.depth[g.node("coo")]
1
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

from orgmodel.records import (
    BODY_KINDS,
    LineKind,
    LoadIssue,
    OrgData,
    OrgRecord,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitRecord,
)

# numpy and pyarrow are imported where the graph is built or read as arrays: a graph
# restored from the saved index (orgmodel.cache) answers a query without either.
if TYPE_CHECKING:
    import networkx as nx
    import numpy as np

    from orgmodel.graph.columns import PostBlock, PostColumns
    from orgmodel.graph.indexes import IdIndex
    from orgmodel.names.index import NameIndex

    IntArray = np.ndarray[tuple[int], np.dtype[np.int64]]
    """A one-dimensional array of node numbers (its ``tolist()`` is typed ``list[int]``)."""

    NameIndexFactory = Callable[["OrgGraph"], NameIndex]

__all__ = ["NO_RECORDS", "IntArray", "NameIndex", "OrgGraph", "Resolution"]

NO_RECORDS = (
    "a graph restored from the saved index keeps no records; "
    "load the sources with orgmodel.sources.load.load_data"
)


def __getattr__(name: str) -> Any:
    """``NameIndex``, re-exported from :mod:`orgmodel.names.index` when first asked for."""
    if name == "NameIndex":
        from orgmodel.names.index import NameIndex

        return NameIndex
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass
class Resolution:
    """What the graph made of the references it could not take at face value.

    ``dangling``: references that match no post or unit; ``ambiguous``: those
    that match several (with the nodes); ``not_body``: reporting lines to a
    unit that is not a body -- a department, an office -- by id or by name
    (with the units): a post reports to a post, or to a board, council or
    committee, so the line is not used. ``by_name``: references resolved by
    a name rather than an id.
    """

    dangling: list[Relation] = field(default_factory=list)
    ambiguous: list[tuple[Relation, list[int]]] = field(default_factory=list)
    not_body: list[tuple[Relation, list[int]]] = field(default_factory=list)
    by_name: int = 0


def _int_array(values: np.ndarray[Any, Any]) -> array[int]:
    """A numpy int64 array as a stdlib ``array('q')``: scalar reads are 3x faster in walks."""
    import numpy as np

    out = array("q")
    out.frombytes(np.ascontiguousarray(values, dtype=np.int64).tobytes())
    return out


def _encode(
    rows: PostColumns, blocks: list[PostBlock]
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any] | None]:
    """Codes for every post id, then each table's manager and dotted-line references (-1: none);
    and the rows in the sorted order of their ids, when no id repeats (else None).

    Codes follow first appearance, so the post ids take codes ``0 .. u-1`` --
    the node numbers of the first post of each id -- and a reference with a
    code below ``u`` names that post. When the ids are distinct (sorting them
    tells, and the sorted order serves the id lookups), the references are
    matched by hashing their few distinct values -- a manager has many reports
    -- rather than a million ids: measured 0.2 s instead of 0.5 s at a million.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    ids = rows.arrow("id")
    refs = []
    for block in blocks:
        refs.append(block.table.column("manager").combine_chunks())
        if block.secondary_rows is not None:
            refs.append(pa.array([r.object for r in block.secondary], pa.string()))
    order = np.asarray(pc.array_sort_indices(ids), dtype=np.int64)
    ordered = ids.take(pa.array(order))
    if len(ids) > 1 and pc.any(pc.equal(ordered[1:], ordered[:-1])).as_py():
        joined = pa.concat_arrays([ids, *refs]) if refs else ids
        indices = joined.dictionary_encode().indices.fill_null(-1)
        return np.asarray(indices.to_numpy(zero_copy_only=False), dtype=np.int64), None
    n = len(ids)
    codes = [np.arange(n, dtype=np.int64)]
    if refs:
        encoded = (pa.concat_arrays(refs) if len(refs) > 1 else refs[0]).dictionary_encode()
        found = pc.index_in(ids, value_set=encoded.dictionary)  # per row: the reference it is
        node_of = np.full(len(encoded.dictionary) + 1, n, dtype=np.int64)  # n: no post's id
        hit = np.flatnonzero(np.asarray(found.is_valid()))
        node_of[np.asarray(found.filter(found.is_valid()), dtype=np.int64)] = hit
        node_of[-1] = -1  # no reference at all
        ref_codes = np.asarray(encoded.indices.fill_null(-1), dtype=np.int64)
        codes.append(node_of[ref_codes])
    return np.concatenate(codes), order


class _ParentRels(Sequence[Relation | None]):
    """``parent_rel[n]``: the relation that set node ``n``'s superior, made on demand."""

    def __init__(self, graph: OrgGraph) -> None:
        self._g = graph

    def __len__(self) -> int:
        return self._g.size

    @overload
    def __getitem__(self, node: int) -> Relation | None: ...
    @overload
    def __getitem__(self, node: slice) -> list[Relation | None]: ...
    def __getitem__(self, node: int | slice) -> Relation | list[Relation | None] | None:
        if isinstance(node, slice):
            return [self[i] for i in range(*node.indices(len(self)))]
        g = self._g
        rel = g._rel_of.get(node)
        if rel is not None or not g._from_block[node]:
            return rel
        v = g.posts.value
        return Relation(
            RelKind.REPORTS_TO, v("id", node), v("manager", node), LineKind.PRIMARY, False,
            Prov(v("prov_source", node), v("prov_line", node)),
        )  # fmt: skip


class OrgGraph:
    """The structure: posts, units, the primary tree and the lines beside it.

    A second row of an id is no post of its own: ``duplicates`` pairs it with
    the first, and its lines are not the first post's either -- they are kept
    in ``duplicate_lines`` (keyed by that row's id and provenance, each line
    with its superior's node, -1 if it names none) as evidence for rule I001.
    A reporting line to a unit that is not a body is not used either
    (``resolution.not_body``, rule R006).
    """

    def __init__(self, data: OrgData) -> None:
        from orgmodel.graph.columns import PostBlock, post_columns

        self._data: OrgData | None = data
        self.sources: list[str] = list(data.sources)
        self.unit_ignores: dict[str, str] = dict(data.unit_ignores)
        self.issues: list[LoadIssue] = list(data.issues)
        self.orgs: dict[str, OrgRecord] = {}
        for org in data.organizations:
            self.orgs.setdefault(org.id, org)
        chunks = data.chunks()
        rows = post_columns([c if isinstance(c, PostBlock) else c[0] for c in chunks])
        ids, self._id_order = _encode(rows, [c for c in chunks if isinstance(c, PostBlock)])
        codes = self._dedupe_posts(rows, ids[: len(rows)])
        self._post_count = len(self.posts)
        self._manager_codes = ids[len(rows) :]
        self._add_units(data.units)
        self.size = self.post_count + len(self.units)
        self.index = self._id_index()
        self._names: NameIndex | None = None
        self._name_factory: NameIndexFactory | None = None
        self._below: Sequence[int] | None = None
        self._post_units: IntArray | None = None
        self._nx: dict[bool, nx.DiGraph] = {}
        self._name_cache: dict[tuple[RelKind, str, str | None], tuple[list[int], list[int]]] = {}
        self.resolution = Resolution()
        self._build_lines(chunks, codes)
        self._build_tree()

    # ------------------------------------------------------------ building

    def _id_index(self) -> IdIndex:
        """Ids -> nodes: by binary search in the ids' sorted order when the build has it (the
        ids were distinct), else by scanning, then a dictionary (:class:`IdIndex`)."""
        from orgmodel.graph.indexes import IdIndex
        from orgmodel.graph.keytable import KeyTable

        ids = self.posts.arrow("id")
        if self._id_order is None:
            return IdIndex(ids, self._unit_index)
        from orgmodel.graph.columnviews import StringView, view_of

        view = view_of(ids)
        assert isinstance(view, StringView)
        order = self._id_order.data.cast("B").cast("q")
        return IdIndex(ids, self._unit_index, KeyTable.sorted_by(view, order))

    @property
    def id_order(self) -> np.ndarray[Any, Any]:
        """The posts in the sorted order of their ids (what the saved index keeps)."""
        if self._id_order is None:
            import numpy as np
            import pyarrow.compute as pc

            ids = self.posts.arrow("id")
            self._id_order = np.asarray(pc.array_sort_indices(ids), dtype=np.int64)
        return self._id_order

    def _dedupe_posts(
        self, rows: PostColumns, codes: np.ndarray[Any, Any]
    ) -> np.ndarray[Any, Any] | None:
        """Keep the first post of each id; returns each row's node when some were dropped."""
        import numpy as np

        self.duplicates: list[tuple[PostRecord | UnitRecord, PostRecord | UnitRecord]] = []
        self.duplicate_lines: dict[tuple[str, Prov], list[tuple[int, Relation]]] = {}
        self._copies: set[tuple[str, Prov]] = set()
        self._first_row = np.empty(0, dtype=np.int64)
        if not len(rows) or int(codes.max()) + 1 == len(rows):
            self.posts = rows
            return None
        _, first = np.unique(codes, return_index=True)  # codes follow first appearance
        self._first_row = first
        for r in np.flatnonzero(first[codes] != np.arange(len(rows))):
            kept, dup = rows[int(first[codes[r]])], rows[int(r)]
            self.duplicates.append((kept, dup))
            if dup.prov != kept.prov:  # else: one file read twice, the same lines twice
                self._copies.add((dup.id, dup.prov))
        self.posts = rows.take(first)
        return codes

    def _add_units(self, units: list[UnitRecord]) -> None:
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        self.units: list[UnitRecord] = []
        self._unit_index: dict[str, int] = {}
        base = len(self.posts)
        post_of: dict[str, int] = {}
        if units:  # unit ids that are also post ids (few units: hash those, scan the posts)
            unit_ids = pa.array(sorted({u.id for u in units}), pa.string())
            post_ids = self.posts.arrow("id")
            hits = np.flatnonzero(
                np.asarray(pc.is_in(post_ids, value_set=unit_ids).to_numpy(zero_copy_only=False))
            )
            post_of = {post_ids[int(i)].as_py(): int(i) for i in hits}
        clash = {i for i, u in enumerate(units) if u.id in post_of}
        for i, unit in enumerate(units):
            if i in clash:
                self.duplicates.append((self.posts[post_of[unit.id]], unit))
                continue
            first = self._unit_index.get(unit.id)
            if first is None:
                self._unit_index[unit.id] = base + len(self.units)
                self.units.append(unit)
            elif unit[:-1] != self.units[first - base][:-1]:
                self.duplicates.append((self.units[first - base], unit))
            # else: the same unit named again (by another row or file)

    def _build_lines(
        self,
        chunks: list[tuple[list[PostRecord], list[Relation]] | PostBlock],
        codes: np.ndarray[Any, Any] | None,
    ) -> None:
        import numpy as np

        from orgmodel.graph.columns import PostBlock

        n = self.size
        self._parent = np.full(n, -1, dtype=np.int64)
        self._rel_of: dict[int, Relation] = {}
        # which nodes' lines are a table's rows (a numpy array here; bytes in a saved graph)
        self._from_block: Any = np.zeros(n, dtype=bool)
        self.parent_rel = _ParentRels(self)
        self.extra_primary: dict[int, list[tuple[int, Relation]]] = {}
        self.secondary: dict[int, list[tuple[int, Relation]]] = {}
        self.heads: dict[int, list[tuple[int, Relation]]] = {}
        self.headed_by: dict[int, list[tuple[int, Relation]]] = {}
        self.links: list[tuple[int, int, Relation]] = []
        self.unresolved_subjects: list[Relation] = []
        row = at = 0
        for chunk in chunks:
            if isinstance(chunk, PostBlock):
                self._block_lines(chunk, row, codes, self._manager_codes[at : at + len(chunk)])
                at += len(chunk)
                rels: Sequence[Relation] = chunk.secondary
                if chunk.secondary_rows is not None:
                    dotted = self._manager_codes[at : at + len(rels)]
                    at += len(rels)
                    self._block_dotted(chunk, row, codes, dotted)
                    rels = ()
                row += len(chunk)
            else:
                rels = chunk[1]
                row += len(chunk[0])
            copies = self._copies
            for rel in rels:
                sub = self.index.get(rel.subject)
                if sub is None:
                    self.unresolved_subjects.append(rel)
                    continue
                if copies and (rel.subject, rel.prov) in copies:
                    self._set_aside(rel, sub)
                    continue
                obj = self._resolve(rel, sub, self.index.get(rel.object))
                if obj is not None:
                    self._add_line(rel, sub, obj)

    def _set_aside(self, rel: Relation, sub: int) -> None:
        """A line stated by a second row of an id: evidence for I001, never the first post's.

        The row is another post that needs an id of its own (or a copy of the
        first); the post that kept the id keeps only its own lines.
        """
        obj = self.index.get(rel.object)
        if obj is None:
            hits = self._name_hits(rel, sub)[0]
            obj = hits[0] if len(hits) == 1 else -1
        key = (rel.subject, rel.prov)
        self.duplicate_lines.setdefault(key, []).append((obj, rel))

    def _resolve(self, rel: Relation, sub: int, hit: int | None) -> int | None:
        """The node a reference names (``hit``: what its id matched), or None, noting why."""
        if hit is None:
            return self._resolve_name(rel, sub)
        if rel.kind is RelKind.REPORTS_TO and hit >= self.post_count and not self.is_body(hit):
            self.resolution.not_body.append((rel, [hit]))
            return None
        return hit

    def _add_line(self, rel: Relation, sub: int, obj: int) -> None:
        if rel.kind is RelKind.REPORTS_TO:
            if rel.qualifier == LineKind.SECONDARY:
                lines = self.secondary.setdefault(sub, [])
                if all(s != obj for s, _ in lines):  # the same dotted line stated twice
                    lines.append((obj, rel))
                return
            parent = self._parent
            current = int(parent[sub])
            if current == -1:
                parent[sub] = obj
                self._rel_of[sub] = rel
            elif current != obj:  # else: the same line stated twice
                old = self.parent_rel[sub]
                if old is not None and old.prov.inferred and not rel.prov.inferred:
                    self.extra_primary.setdefault(sub, []).append((current, old))
                    parent[sub] = obj
                    self._rel_of[sub] = rel
                    self._from_block[sub] = False
                else:
                    self.extra_primary.setdefault(sub, []).append((obj, rel))
        elif rel.kind is RelKind.HEADS:
            heads = self.heads.setdefault(sub, [])
            if all(u != obj for u, _ in heads):  # the same headship stated by two sources
                heads.append((obj, rel))
                self.headed_by.setdefault(obj, []).append((sub, rel))
        else:
            self.links.append((sub, obj, rel))

    def _block_lines(
        self,
        block: PostBlock,
        row0: int,
        codes: np.ndarray[Any, Any] | None,
        managers: np.ndarray[Any, Any],
    ) -> None:
        """A table's manager column, matched to nodes through the codes of one shared encoding."""
        import numpy as np

        m = len(block)
        rows = np.arange(row0, row0 + m, dtype=np.int64)
        subs = codes[row0 : row0 + m] if codes is not None else rows
        given = managers >= 0
        if not given.any():
            return
        obj = np.where(managers < self.post_count, managers, -1)  # codes below that are post ids
        manager = block.table.column("manager")
        ids = block.table.column("id")
        lines = block.table.column("line")

        def rel_at(r: int) -> Relation:
            return Relation(
                RelKind.REPORTS_TO, ids[r].as_py(), manager[r].as_py(), LineKind.PRIMARY, False,
                Prov(block.source, lines[r].as_py()),
            )  # fmt: skip

        if self._copies:  # a second row of an id: its line is set aside (see _set_aside)
            for r in np.flatnonzero(given & (self._first_row[subs] != rows)):
                rel = rel_at(int(r))
                if (rel.subject, rel.prov) in self._copies:
                    self._set_aside(rel, int(subs[r]))
                    given[r] = False
                    obj[r] = -1
        for r in np.flatnonzero(given & (obj < 0)):  # a unit's id, a name, or nothing
            rel = rel_at(int(r))
            hit = self._resolve(rel, int(subs[r]), self._unit_index.get(rel.object))
            obj[r] = -1 if hit is None else hit
        sel = np.flatnonzero(obj >= 0)
        s, o = subs[sel], obj[sel]
        take = self._parent[s] == -1
        if codes is not None:  # several rows of one id: only the first may set it at once
            first = np.zeros(len(sel), dtype=bool)
            first[np.unique(s, return_index=True)[1]] = True
            take &= first
        self._parent[s[take]] = o[take]
        if codes is None:
            self._from_block[s[take]] = True
        else:  # a duplicate row's line belongs to the first post of its id: keep it as a record
            own_row = self._first_row[s] == rows[sel]
            for k in np.flatnonzero(take & ~own_row):
                self._rel_of[int(s[k])] = rel_at(int(sel[k]))
            self._from_block[s[take & own_row]] = True
        for k in np.flatnonzero(~take):
            self._add_line(rel_at(int(sel[k])), int(s[k]), int(o[k]))

    def _block_dotted(
        self,
        block: PostBlock,
        row0: int,
        codes: np.ndarray[Any, Any] | None,
        objects: np.ndarray[Any, Any],
    ) -> None:
        """A table's dotted lines: subjects from their rows, superiors from the shared codes."""
        assert block.secondary_rows is not None
        n = self.post_count
        copies = self._copies
        for rel, row, code in zip(block.secondary, block.secondary_rows, objects.tolist(),
                                  strict=True):  # fmt: skip
            sub = int(codes[row0 + row]) if codes is not None else row0 + row
            if copies and (rel.subject, rel.prov) in copies:
                self._set_aside(rel, sub)
                continue
            obj = (
                code if 0 <= code < n else self._resolve(rel, sub, self._unit_index.get(rel.object))
            )
            if obj is not None:
                self._add_line(rel, sub, obj)

    def _name_hits(self, rel: Relation, sub: int) -> tuple[list[int], list[int]]:
        """What a name can mean for this line, in the subject's organization when any there:
        the nodes it may name, and (for a reporting line that names none) the units that
        are not bodies it names instead."""
        org = self.org_of(sub)
        key = (rel.kind, rel.object, org)
        found = self._name_cache.get(key)
        if found is None:

            def local(nodes: list[int]) -> list[int]:
                return [h for h in nodes if self.org_of(h) == org] or nodes

            hits = self.names.candidates(rel.object)
            units: list[int] = []
            if rel.kind is RelKind.HEADS:
                hits = [h for h in hits if h >= self.post_count]
            elif rel.kind is RelKind.REPORTS_TO:
                fit = [h for h in hits if h < self.post_count or self.is_body(h)]
                units = [] if fit else local(hits)
                hits = fit
            found = self._name_cache[key] = (local(hits), units)
        return found

    def _resolve_name(self, rel: Relation, sub: int) -> int | None:
        hits, units = self._name_hits(rel, sub)
        if len(hits) == 1:
            self.resolution.by_name += 1
            return hits[0]
        if hits:
            self.resolution.ambiguous.append((rel, list(hits)))
        elif units:
            self.resolution.not_body.append((rel, list(units)))
        else:
            self.resolution.dangling.append(rel)
        return None

    def _build_tree(self) -> None:
        import numpy as np

        from orgmodel.graph.tree import children_csr, depths

        parent = self._parent
        start, kids = children_csr(parent)
        depth = depths(parent)
        is_post = np.arange(self.size) < self.post_count
        has_kids = start[1:] > start[:-1]
        top = parent == -1
        depth[top & ~is_post & ~has_kids] = -1  # a unit nobody reports to is no layer
        self._np: dict[str, IntArray] = {
            "parent": parent, "depth": depth, "child_start": start, "child_list": kids,
        }  # fmt: skip
        self.parent: Sequence[int] = _int_array(parent)
        self.depth: Sequence[int] = _int_array(depth)
        self.child_start: Sequence[int] = _int_array(start)
        self.child_list: Sequence[int] = _int_array(kids)
        self.roots: list[int] = np.flatnonzero(top & (is_post | has_kids)).tolist()

    # ------------------------------------------------------------ saving

    SAVED = (
        "issues", "orgs", "units", "_unit_index", "duplicates", "duplicate_lines", "resolution",
        "_rel_of", "extra_primary", "secondary", "heads", "headed_by", "links",
        "unresolved_subjects", "roots", "sources", "unit_ignores",
    )  # fmt: skip
    """The graph's records beside its arrays: what the saved index keeps besides the posts'
    columns and the tree's arrays (:mod:`orgmodel.cache.graph`)."""
    ARRAYS = ("parent", "depth", "child_start", "child_list")
    """The tree's arrays, one 8-byte integer per node (``child_start``: one more)."""

    def secondary_count(self) -> int:
        """How many dotted (secondary) lines there are."""
        return sum(len(v) for v in self.secondary.values())

    def secondary_reports(self, node: int) -> list[int]:
        """Posts with a dotted (secondary) line to ``node``, in the order the lines were read."""
        return [sub for sub, sups in self.secondary.items() if any(s == node for s, _ in sups)]

    @property
    def data(self) -> OrgData:
        """What the sources said, as the readers gave it (the records the graph was built from).

        A graph restored from the saved index (:mod:`orgmodel.cache`) has none:
        read the sources again (``load_data``) for records.
        """
        if self._data is None:
            raise AttributeError(NO_RECORDS)
        return self._data

    # ------------------------------------------------------------ reading

    def _as_numpy(self, name: str) -> IntArray:
        """One of the tree's arrays as numpy sees it: the array the build made, or a view of
        the stdlib array a restored graph holds (no copy)."""
        found = self._np.get(name)
        if found is None:
            import numpy as np

            values = getattr(self, name)  # a saved graph keeps them in 4 bytes: widen those
            width = np.int64 if values.itemsize == 8 else np.int32
            found = self._np[name] = np.frombuffer(values, dtype=width).astype(np.int64, copy=False)
        return found

    @property
    def np_parent(self) -> IntArray:
        """:attr:`parent` as a numpy array, for whole-tree array work."""
        return self._as_numpy("parent")

    @property
    def np_depth(self) -> IntArray:
        """:attr:`depth` as a numpy array (-1 in or under a cycle)."""
        return self._as_numpy("depth")

    @property
    def np_child_start(self) -> IntArray:
        """:attr:`child_start` as a numpy array (CSR offsets into :attr:`np_child_list`)."""
        return self._as_numpy("child_start")

    @property
    def np_child_list(self) -> IntArray:
        """:attr:`child_list` as a numpy array."""
        return self._as_numpy("child_list")

    @property
    def names(self) -> NameIndex:
        """The name index (built on first use)."""
        if self._names is None:
            if self._name_factory is not None:
                self._names = self._name_factory(self)
            else:
                from orgmodel.names.index import NameIndex

                self._names = NameIndex(self)
        return self._names

    def built_names(self) -> NameIndex | None:
        """The name index if a lookup or the build has made it, else None (nothing is built)."""
        return self._names

    @property
    def post_count(self) -> int:
        return self._post_count

    def node(self, ident: str) -> int:
        """The node number of an id (KeyError if none)."""
        return self.index[ident]

    def is_post(self, node: int) -> bool:
        return node < self.post_count

    def is_body(self, node: int) -> bool:
        """A unit that posts can report to (board, council, committee)."""
        return node >= self.post_count and self.units[node - self.post_count].kind in BODY_KINDS

    def record(self, node: int) -> PostRecord | UnitRecord:
        n = self.post_count
        return self.posts[node] if node < n else self.units[node - n]

    def prov(self, node: int) -> Prov:
        """Where a post or unit is described (``record(node).prov``, without the record)."""
        n = self.post_count
        prov: Prov = self.posts.value("prov", node) if node < n else self.units[node - n].prov
        return prov

    def id_of(self, node: int) -> str:
        n = self.post_count
        return str(self.posts.value("id", node)) if node < n else self.units[node - n].id

    def title(self, node: int) -> str:
        n = self.post_count
        return str(self.posts.value("title", node)) if node < n else self.units[node - n].name

    def org_of(self, node: int) -> str | None:
        n = self.post_count
        return self.posts.value("org", node) if node < n else self.units[node - n].org

    def org_name(self, node: int) -> str | None:
        org = self.org_of(node)
        if org is None:
            return None
        rec = self.orgs.get(org)
        return rec.name if rec else org

    def unit_of(self, node: int) -> int | None:
        """The unit a post sits in (resolved by id, else by name within its organization)."""
        n = self.post_count
        ref = self.posts.value("unit", node) if node < n else self.units[node - n].part_of
        return self._unit_ref(self.org_of(node), ref) if ref else None

    def _unit_ref(self, org: str | None, ref: str) -> int | None:
        hit = self._unit_index.get(ref)
        if hit is not None:
            return hit
        n = self.post_count
        units = [h for h in self.names.candidates(ref) if h >= n]
        same = [h for h in units if self.org_of(h) == org] or units
        return same[0] if len(same) == 1 else None

    def post_units(self) -> IntArray:
        """The unit node each post sits in (-1 for none), resolved once per distinct reference.

        What :meth:`unit_of` answers for one post, for all of them at once: a
        million posts name a few hundred units.
        """
        if self._post_units is None:
            import numpy as np
            import pyarrow.compute as pc

            refs = self.posts.arrow("unit")
            orgs = self.posts.arrow("org")
            key = pc.binary_join_element_wise(orgs.fill_null(""), refs, "\x00")  # null: no unit
            encoded = key.dictionary_encode()
            found = [
                self._unit_ref(org or None, ref)
                for org, _, ref in (k.partition("\x00") for k in encoded.dictionary.to_pylist())
            ]
            table = np.array([-1 if f is None else f for f in found] + [-1], dtype=np.int64)
            codes = encoded.indices.fill_null(len(found)).to_numpy(zero_copy_only=False)
            self._post_units = np.take(table, np.asarray(codes, dtype=np.int64))
        return self._post_units

    @property
    def below(self) -> Sequence[int]:
        """How many posts and units sit below each node on primary lines (computed once)."""
        if self._below is None:
            from orgmodel.graph.tree import subtree_sizes

            self._below = _int_array(subtree_sizes(self.np_parent, self.np_depth))
        return self._below

    def children(self, node: int) -> Sequence[int]:
        """Direct reports on primary lines, in source order.

        The tree's arrays are stdlib ``array`` s, or in a graph restored from the
        saved index memoryviews of the mapped file: index, slice, iterate them.
        """
        return self.child_list[self.child_start[node] : self.child_start[node + 1]]

    def span(self, node: int) -> int:
        return self.child_start[node + 1] - self.child_start[node]

    def label(self, node: int) -> str:
        """Title, with the organization when several are loaded."""
        text = self.title(node)
        org = self.org_name(node)
        if org and len(self.orgs) > 1:
            text += f" ({org})"
        return text

    def iter_posts(self) -> Iterator[int]:
        return iter(range(self.post_count))

    def column(self, name: str) -> list[Any]:
        """One field of every post, in node order (``"title"``, ``"holder"``, ``"fte"`` ...).

        The way to read a field of all posts at once: loops over a million
        posts should read columns, not build a record per post. ``"prov"``
        gives each post's :class:`~orgmodel.records.Prov`.

        >>> from orgmodel.records import OrgData, PostRecord
        >>> OrgGraph(OrgData(posts=[PostRecord("a", "Mayor")])).column("title")
        ['Mayor']
        """
        if name not in PostRecord._fields:
            raise KeyError(f"posts have no field {name!r}; fields are {PostRecord._fields}")
        return self.posts.column(name)

    def to_networkx(self, secondary: bool = True) -> nx.DiGraph:
        """networkx DiGraph superior -> subordinate (edge attribute ``kind``), built once."""
        if secondary not in self._nx:
            import networkx as nx

            g = nx.DiGraph()
            g.add_nodes_from(range(self.size))
            g.add_edges_from(
                ((p, c, {"kind": "primary"}) for c, p in enumerate(self.parent) if p >= 0)
            )
            for sub, sups in self.extra_primary.items():
                g.add_edges_from((s, sub, {"kind": "primary"}) for s, _ in sups)
            if secondary:
                for sub, sups in self.secondary.items():
                    for s, _ in sups:
                        if not g.has_edge(s, sub):
                            g.add_edge(s, sub, kind="secondary")
            self._nx[secondary] = g
        return self._nx[secondary]

    def describe(self, node: int) -> dict[str, Any]:
        """A JSON-ready summary of one node (what query results print)."""
        out: dict[str, Any]
        if node < self.post_count:
            value = self.posts.value
            out = {"id": value("id", node), "title": value("title", node)}
            out["holder"] = value("holder", node)
        else:
            unit = self.units[node - self.post_count]
            out = {"id": unit.id, "name": unit.name, "kind": str(unit.kind)}
        out["organization"] = self.org_name(node)
        return out
