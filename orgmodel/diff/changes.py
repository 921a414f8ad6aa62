"""What changed between two matched structures, as data with stable kinds.

Each :class:`Change` names its kind (a stable code scripts can rely on), the
BEFORE and AFTER node it is about, and -- depending on the kind -- the old
and new superior, unit, title, holder, grade or FTE. Differences of case and
spacing alone are not changes ("Ian coates" -> "Ian Coates").

=====================  ===========================================================
kind                   meaning
=====================  ===========================================================
``added``              a post only AFTER has
``removed``            a post only BEFORE has
``moved``              the primary superior changed (``old_node`` -> ``new_node``; a superior
                       named in the data that matches no post is in ``old_value`` /
                       ``new_value`` instead)
``eliminated``         a post AFTER still lists but marks as abolished (a UK organogram's
                       ``Eliminated``): removed, with its old superior in ``old_node``
``superior-added``     another primary superior, beside the first, appeared (``new_node``,
                       or a name in ``new_value``)
``superior-removed``   one of those went (``old_node`` or ``old_value``)
``retitled``           the title changed
``unit-changed``       the unit the post sits in changed
``secondary-added``    a dotted line to ``new_node`` appeared
``secondary-removed``  the dotted line to ``old_node`` went
``heads-added``        the post now heads the unit ``new_node``
``heads-removed``      the post no longer heads the unit ``old_node``
``link-added``         an informational link to ``new_node`` appeared, of type ``new_value``
                       (``liaison``, ``advises``, ``works_with``)
``link-removed``       the link to ``old_node`` (of type ``old_value``) went
``link-retyped``       the link to ``old_node`` / ``new_node`` has another type
                       (``old_value`` -> ``new_value``)
``holder-changed``     another person holds the post
``vacated``            the post lost its holder
``filled``             a vacant post got a holder
``grade-changed``      the grade changed
``fte-changed``        the FTE changed
``unit-added``         a unit only AFTER has
``unit-removed``       a unit only BEFORE has
``unit-reparented``    the unit a unit is part of changed
``unit-renamed``       a matched unit has another name
=====================  ===========================================================

>>> from orgmodel.graph import OrgGraph
>>> from orgmodel.records import OrgData, PostRecord as P, Relation, RelKind, LineKind
>>> R = lambda a, b: Relation(RelKind.REPORTS_TO, a, b, LineKind.PRIMARY)
>>> before = OrgGraph(OrgData(posts=[P("ceo", "CEO"), P("cfo", "CFO"), P("ctl", "Controller")],
...                           relations=[R("cfo", "ceo"), R("ctl", "cfo")]))
>>> after = OrgGraph(OrgData(posts=[P("ceo", "CEO"), P("cfo", "CFO"), P("ctl", "Comptroller")],
...                          relations=[R("cfo", "ceo"), R("ctl", "ceo")]))
>>> [(str(c.kind), c.old_value, c.new_value) for c in compare(before, after).changes]
[('moved', None, None), ('retitled', 'Controller', 'Comptroller')]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import compress
from typing import Any

from orgmodel.collector import paused_gc
from orgmodel.diff.match import Match, eliminated, match
from orgmodel.diff.notes import unmatched_notes
from orgmodel.diff.superiors import superior_refs
from orgmodel.graph import OrgGraph
from orgmodel.holders import HolderStatus, holder_status
from orgmodel.names.rules import name_key
from orgmodel.records import LinkType, Relation

__all__ = ["Change", "ChangeKind", "Diff", "compare"]


class ChangeKind(StrEnum):
    """The stable codes of changes (the ``kind`` of ``--format json``)."""

    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    ELIMINATED = "eliminated"
    RETITLED = "retitled"
    UNIT_CHANGED = "unit-changed"
    SECONDARY_ADDED = "secondary-added"
    SECONDARY_REMOVED = "secondary-removed"
    SUPERIOR_ADDED = "superior-added"
    SUPERIOR_REMOVED = "superior-removed"
    HEADS_ADDED = "heads-added"
    HEADS_REMOVED = "heads-removed"
    LINK_ADDED = "link-added"
    LINK_REMOVED = "link-removed"
    LINK_RETYPED = "link-retyped"
    HOLDER_CHANGED = "holder-changed"
    VACATED = "vacated"
    FILLED = "filled"
    GRADE_CHANGED = "grade-changed"
    FTE_CHANGED = "fte-changed"
    UNIT_ADDED = "unit-added"
    UNIT_REMOVED = "unit-removed"
    UNIT_REPARENTED = "unit-reparented"
    UNIT_RENAMED = "unit-renamed"


UNIT_KINDS = frozenset(
    {
        ChangeKind.UNIT_ADDED,
        ChangeKind.UNIT_REMOVED,
        ChangeKind.UNIT_REPARENTED,
        ChangeKind.UNIT_RENAMED,
    }
)


@dataclass(frozen=True)
class Change:
    """One change. ``before``/``after`` are nodes of each graph (None where absent);
    ``old_node`` is a BEFORE node (old superior or unit), ``new_node`` an AFTER node."""

    kind: ChangeKind
    before: int | None
    after: int | None
    old_node: int | None = None
    new_node: int | None = None
    old_value: str | float | None = None
    new_value: str | float | None = None

    @property
    def is_unit(self) -> bool:
        return self.kind in UNIT_KINDS

    @property
    def before_node(self) -> int:
        """``before`` for a change known to have one (every kind but ``added``/``unit-added``).

        Code that has checked the kind reads the node as an ``int``; a change
        without one is a ValueError here, not a None passed on to the graph.

        >>> Change(ChangeKind.RETITLED, 3, 7).before_node
        3
        >>> Change(ChangeKind.ADDED, None, 7).before_node
        Traceback (most recent call last):
        ...
        ValueError: a change of kind 'added' has no BEFORE node
        """
        return _known(self.before, self.kind, "BEFORE")

    @property
    def after_node(self) -> int:
        """``after`` for a change known to have one (every kind but ``removed``/``unit-removed``).

        >>> Change(ChangeKind.RETITLED, 3, 7).after_node
        7
        """
        return _known(self.after, self.kind, "AFTER")


def _known(node: int | None, kind: ChangeKind, side: str) -> int:
    if node is None:
        raise ValueError(f"a change of kind {kind.value!r} has no {side} node")
    return node


@dataclass
class Diff:
    """Two graphs, how their nodes match, and the changes, in a stable order.

    ``notes`` say what the diff could not compare as the data stands (rows
    that repeat an id, posts listed only as eliminated, superiors that are
    only names), one sentence each, for the reports to print.
    """

    before: OrgGraph
    after: OrgGraph
    match: Match
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many changes of each kind (every kind listed, zeros included)."""
        out = {k.value: 0 for k in ChangeKind}
        for c in self.changes:
            out[c.kind] += 1
        return out

    def changed_posts(self) -> tuple[set[int], set[int]]:
        """BEFORE and AFTER nodes that some post change is about."""
        bs = {c.before for c in self.changes if c.before is not None and not c.is_unit}
        as_ = {c.after for c in self.changes if c.after is not None and not c.is_unit}
        return bs, as_

    def __bool__(self) -> bool:
        return bool(self.changes)


class _Fields:
    """The fields the comparison reads of a few posts, taken from the columns at once:
    ``fields(name, node)`` as ``graph.posts.value(name, node)`` reads it."""

    NAMES = ("title", "holder", "grade", "fte", "attributes")

    def __init__(self, graph: OrgGraph, nodes: list[int]) -> None:
        import pyarrow as pa

        rows = pa.array(nodes, pa.int64())
        self._at = {node: k for k, node in enumerate(nodes)}
        self._columns = {}
        for name in self.NAMES:
            values = graph.posts.arrow(name).take(rows).to_pylist()
            if name == "attributes":
                values = [None if v is None else dict(v) for v in values]
            self._columns[name] = values

    def __call__(self, name: str, node: int) -> Any:
        return self._columns[name][self._at[node]]


def _same_text(x: str | None, y: str | None) -> bool:
    """Equal but for case and spacing (None only equals None)."""
    if x == y:
        return True
    if x is None or y is None:
        return False
    return " ".join(x.split()).casefold() == " ".join(y.split()).casefold()


def _holder(name: str | None, attrs: Mapping[str, str] | None) -> tuple[str | None, bool]:
    """The holder and whether it is known (``N/D`` in an organogram means undisclosed)."""
    known = holder_status(name, attrs) is not HolderStatus.WITHHELD
    return (name or None), known


def _link_table(graph: OrgGraph) -> dict[int, dict[int, list[str]]]:
    """post -> the node at the other end of each of its links -> their types, in order.

    Only links from posts are compared (the org file states links on posts);
    a link with no type is a liaison, as the org file writes it.
    """
    out: dict[int, dict[int, list[str]]] = {}
    for sub, obj, rel in graph.links:
        if sub < graph.post_count:
            types = out.setdefault(sub, {}).setdefault(obj, [])
            kind = str(rel.qualifier or LinkType.LIAISON)
            if kind not in types:
                types.append(kind)
    return out


class _Comparer:
    def __init__(self, diff: Diff) -> None:
        self.d = diff
        self.b, self.a, self.m = diff.before, diff.after, diff.match
        self.out = diff.changes
        self.b_refs, self.a_refs = superior_refs(self.b), superior_refs(self.a)

    def add(self, kind: ChangeKind, before: int | None, after: int | None, **kw: Any) -> None:
        self.out.append(Change(kind, before, after, **kw))

    def _candidates(self, b_dead: set[int], a_dead: set[int]) -> list[int]:
        """BEFORE's posts that may have changed -- every one that has, and a few more -- found
        with array operations over both graphs' columns, so the comparison below looks at a
        few thousand posts of a million, not at each."""
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        b, a, m = self.b, self.a, self.m
        nb = b.post_count
        b2a = np.asarray(m.b2a, dtype=np.int64)
        js = b2a[:nb]
        maybe = js < 0  # removed
        idx = np.flatnonzero(~maybe)
        jj = js[idx]
        p, q = b.np_parent[idx], a.np_parent[jj]
        mapped = np.where(p >= 0, b2a[np.maximum(p, 0)], -1)
        flags = (mapped != q) | ((p >= 0) & (mapped < 0)) | ((p < 0) & (q < 0))
        bu, au = b.post_units()[idx], a.post_units()[jj]
        mapped_u = np.where(bu >= 0, b2a[np.maximum(bu, 0)], -1)
        flags |= (mapped_u != au) | ((bu >= 0) & (mapped_u < 0))
        rows, cols = pa.array(idx), pa.array(jj)
        for name in ("title", "holder", "grade", "fte"):
            x, y = b.posts.arrow(name), a.posts.arrow(name)
            if x.null_count == len(x) and y.null_count == len(y):
                continue  # a field neither side has (no grades in the export)
            x, y = x.take(rows), y.take(cols)
            unequal = pc.or_(pc.not_equal(x, y).fill_null(False), pc.xor(x.is_null(), y.is_null()))
            flags |= np.asarray(unequal)
        maybe[idx[flags]] = True
        for i in b_dead:
            maybe[i] = True
        for j in a_dead:
            if m.a2b[j] >= 0:
                maybe[m.a2b[j]] = True
        found: list[int] = np.flatnonzero(maybe).tolist()
        return found

    def posts(self) -> None:
        b, a, m = self.b, self.a, self.m
        b2a, a2b = m.b2a, m.a2b
        b_par, a_par = b.parent, a.parent
        bu, au = b.post_units(), a.post_units()
        b_dead, a_dead = eliminated(b.column("attributes")), eliminated(a.column("attributes"))
        b_names, a_names = self.b_refs.name_of, self.a_refs.name_of
        add = self.add
        candidates = self._candidates(b_dead, a_dead)
        bv = _Fields(b, candidates)  # their fields read in one go, column by column
        av = _Fields(a, [b2a[i] for i in candidates if b2a[i] >= 0])
        for i in candidates:
            j = b2a[i]
            if j < 0:
                if i not in b_dead:  # a post already listed as eliminated was gone already
                    add(ChangeKind.REMOVED, i, None, **self._old_superior(i, b_par[i]))
                continue
            if i in b_dead or j in a_dead:
                if i not in b_dead:
                    add(ChangeKind.ELIMINATED, i, j, **self._old_superior(i, b_par[i]))
                elif j not in a_dead:
                    add(ChangeKind.ADDED, i, j, **self._new_superior(j, a_par[j]))
                continue  # nothing else about an abolished post is news
            p, q = b_par[i], a_par[j]
            mapped = b2a[p] if p >= 0 else -1
            if p >= 0 or q >= 0:
                moved = mapped != q or (p >= 0 and mapped < 0)
            else:  # neither has a superior that is a post: compare the names they report to
                old, new = b_names.get(i), a_names.get(j)
                moved = (old is None) != (new is None) or (
                    old is not None and new is not None and name_key(old) != name_key(new)
                )
            if moved:
                add(
                    ChangeKind.MOVED,
                    i,
                    j,
                    **self._old_superior(i, p),
                    **self._new_superior(j, q),
                )
            bt, at = bv("title", i), av("title", j)
            if bt != at and not _same_text(bt, at):
                add(ChangeKind.RETITLED, i, j, old_value=bt, new_value=at)
            u, w = int(bu[i]), int(au[j])
            if (b2a[u] if u >= 0 else -1) != w or (u >= 0 and b2a[u] < 0):
                add(
                    ChangeKind.UNIT_CHANGED,
                    i,
                    j,
                    old_node=u if u >= 0 else None,
                    new_node=w if w >= 0 else None,
                )
            bh, ah = bv("holder", i), av("holder", j)
            if bh != ah:
                self._holder(i, j, bh, ah, bv("attributes", i), av("attributes", j))
            bg, ag = bv("grade", i), av("grade", j)
            if bg != ag and not _same_text(bg, ag):
                add(ChangeKind.GRADE_CHANGED, i, j, old_value=bg, new_value=ag)
            bf, af = bv("fte", i), av("fte", j)
            if bf != af:
                add(ChangeKind.FTE_CHANGED, i, j, old_value=bf, new_value=af)
        for j in compress(range(a.post_count), map((-1).__eq__, a2b)):
            if j not in a_dead:  # listed only as eliminated: never added
                add(ChangeKind.ADDED, None, j, **self._new_superior(j, a_par[j]))

    def _old_superior(self, i: int, p: int) -> dict[str, Any]:
        """``old_node`` (a post) or ``old_value`` (a name that matched none) of BEFORE's post."""
        if p >= 0:
            return {"old_node": p}
        return {"old_value": self.b_refs.name_of.get(i)}

    def _new_superior(self, j: int, q: int) -> dict[str, Any]:
        if q >= 0:
            return {"new_node": q}
        return {"new_value": self.a_refs.name_of.get(j)}

    def other_superiors(self) -> None:
        """Primary superiors beside the first (several parents): which appeared, which went."""
        m = self.m
        b_others, a_others = self.b_refs.others, self.a_refs.others
        subjects = {i for i in b_others if m.b2a[i] >= 0}
        subjects |= {m.a2b[j] for j in a_others if m.a2b[j] >= 0}
        for i in sorted(subjects):
            j = m.b2a[i]
            old, new = b_others.get(i, []), a_others.get(j, [])

            def key(ref: int | str, side: str) -> tuple[str, int | str]:
                if isinstance(ref, str):
                    return ("name", name_key(ref))
                mapped = m.b2a[ref] if side == "b" else ref
                return ("node", mapped) if mapped >= 0 else ("gone", ref)

            new_keys = {key(r, "a") for r in new}
            old_keys = {key(r, "b") for r in old}
            for ref in old:
                if key(ref, "b") not in new_keys:
                    kw = {"old_value": ref} if isinstance(ref, str) else {"old_node": ref}
                    self.add(ChangeKind.SUPERIOR_REMOVED, i, j, **kw)
            for ref in new:
                if key(ref, "a") not in old_keys:
                    kw = {"new_value": ref} if isinstance(ref, str) else {"new_node": ref}
                    self.add(ChangeKind.SUPERIOR_ADDED, i, j, **kw)

    def _holder(
        self,
        i: int,
        j: int,
        old: str | None,
        new: str | None,
        old_attrs: Mapping[str, str] | None,
        new_attrs: Mapping[str, str] | None,
    ) -> None:
        old, old_known = _holder(old, old_attrs)
        new, new_known = _holder(new, new_attrs)
        if not (old_known and new_known) or _same_text(old, new):
            return
        if old is None:
            kind = ChangeKind.FILLED
        elif new is None:
            kind = ChangeKind.VACATED
        else:
            kind = ChangeKind.HOLDER_CHANGED
        self.add(kind, i, j, old_value=old, new_value=new)

    def secondary(self) -> None:
        self._edges(self.b.secondary, self.a.secondary, ChangeKind.SECONDARY_ADDED,
                    ChangeKind.SECONDARY_REMOVED)  # fmt: skip

    def headships(self) -> None:
        self._edges(self.b.heads, self.a.heads, ChangeKind.HEADS_ADDED, ChangeKind.HEADS_REMOVED)

    def _edges(
        self,
        b_table: Mapping[int, list[tuple[int, Relation]]],
        a_table: Mapping[int, list[tuple[int, Relation]]],
        added: ChangeKind,
        removed: ChangeKind,
    ) -> None:
        """Lines from a post to other nodes (dotted lines, units headed): which came, which went.

        A removed post's lines go with it (the removal says so); a new post's are new.
        """
        b, a, m = self.b, self.a, self.m
        subjects = {i for i in b_table if i < b.post_count and m.b2a[i] >= 0}
        subjects |= {m.a2b[j] for j in a_table if j < a.post_count and m.a2b[j] >= 0}
        for i in sorted(subjects):
            j = m.b2a[i]
            old = [s for s, _ in b_table.get(i, [])]
            new = [s for s, _ in a_table.get(j, [])]
            kept = {m.b2a[s] for s in old if m.b2a[s] >= 0}
            for s in old:
                if m.b2a[s] < 0 or m.b2a[s] not in new:
                    self.add(removed, i, j, old_node=s)
            for s in new:
                if s not in kept:
                    self.add(added, i, j, new_node=s)
        for j in sorted(a_table):
            if j < a.post_count and m.a2b[j] < 0:
                for s, _ in a_table[j]:
                    self.add(added, None, j, new_node=s)

    def links(self) -> None:
        """Informational links of each post, by the node at the other end and their type."""
        b, a, m = self.b, self.a, self.m
        old_links, new_links = _link_table(b), _link_table(a)
        subjects = {i for i in old_links if m.b2a[i] >= 0}
        subjects |= {m.a2b[j] for j in new_links if m.a2b[j] >= 0}
        for i in sorted(subjects):
            j = m.b2a[i]
            old, new = old_links.get(i, {}), new_links.get(j, {})
            for s, old_types in old.items():
                t = m.b2a[s]
                new_types = new.get(t, []) if t >= 0 else []
                gone = [x for x in old_types if x not in new_types]
                came = [x for x in new_types if x not in old_types]
                if len(old_types) == len(new_types) == len(gone) == len(came) == 1:
                    self.add(ChangeKind.LINK_RETYPED, i, j, old_node=s, new_node=t,
                             old_value=gone[0], new_value=came[0])  # fmt: skip
                    continue
                for x in gone:
                    self.add(ChangeKind.LINK_REMOVED, i, j, old_node=s, old_value=x)
                for x in came:
                    self.add(ChangeKind.LINK_ADDED, i, j, new_node=t, new_value=x)
            kept = {m.b2a[s] for s in old if m.b2a[s] >= 0}
            for t, types in new.items():
                if t not in kept:
                    for x in types:
                        self.add(ChangeKind.LINK_ADDED, i, j, new_node=t, new_value=x)
        for j in sorted(new_links):
            if m.a2b[j] < 0:  # the links of a new post are new too
                for t, types in new_links[j].items():
                    for x in types:
                        self.add(ChangeKind.LINK_ADDED, None, j, new_node=t, new_value=x)

    def units(self) -> None:
        b, a, m = self.b, self.a, self.m
        nb, na = b.post_count, a.post_count
        for k, unit in enumerate(b.units):
            i = nb + k
            j = m.b2a[i]
            if j < 0:
                self.add(ChangeKind.UNIT_REMOVED, i, None)
                continue
            other = a.units[j - na]
            if not _same_text(unit.name, other.name):
                self.add(ChangeKind.UNIT_RENAMED, i, j, old_value=unit.name, new_value=other.name)
            up_b, up_a = b.unit_of(i), a.unit_of(j)
            mapped = m.b2a[up_b] if up_b is not None else -1
            if mapped != (up_a if up_a is not None else -1) or (up_b is not None and mapped < 0):
                self.add(ChangeKind.UNIT_REPARENTED, i, j, old_node=up_b, new_node=up_a)
        for k in range(len(a.units)):
            if m.a2b[na + k] < 0:
                self.add(ChangeKind.UNIT_ADDED, None, na + k)


def compare(
    before: OrgGraph,
    after: OrgGraph,
    mapping: Mapping[str, tuple[str | None, int]] | None = None,
    *,
    mapping_path: str = "mapping",
) -> Diff:
    """Match the two structures and list every change (posts; dotted lines, units headed and
    links; then units).

    The cyclic garbage collector is paused meanwhile, as for loading: two
    million-post graphs are millions of objects each pass would walk again.
    """
    with paused_gc():
        diff = Diff(before, after, match(before, after, mapping, mapping_path=mapping_path))
        comparer = _Comparer(diff)
        comparer.posts()
        comparer.other_superiors()
        comparer.secondary()
        comparer.headships()
        comparer.links()
        comparer.units()
        diff.notes = unmatched_notes(diff, comparer.b_refs, comparer.a_refs)
    return diff
