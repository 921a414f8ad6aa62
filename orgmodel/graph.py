"""OrgGraph: the org structure built once from the records, then only read.

Nodes are posts and units, numbered; the primary reporting tree is held as
parent pointers and a compact child index (CSR arrays), with depths computed
once, because the questions people ask -- chain of command, everyone below,
common superior -- are walks along those pointers and must stay in
microseconds on a million posts. Secondary (dotted) lines, headships and
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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from orgmodel.naming import acronym, norm_name, parenthetical, squash
from orgmodel.records import (
    BODY_KINDS,
    LineKind,
    LoadIssue,
    OrgData,
    OrgRecord,
    PostRecord,
    Relation,
    RelKind,
    UnitRecord,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["NameIndex", "OrgGraph", "Resolution"]


@dataclass
class Resolution:
    """What the graph made of the references it could not take at face value."""

    dangling: list[Relation] = field(default_factory=list)
    ambiguous: list[tuple[Relation, list[int]]] = field(default_factory=list)
    by_name: int = 0


class NameIndex:
    """Normalised titles, names, holders and abbreviations -> node numbers.

    Built lazily: a million-row export whose managers are all given by id
    never pays for it.
    """

    def __init__(self, graph: OrgGraph) -> None:
        self.exact: dict[str, list[int]] = {}
        self.abbrev: dict[str, list[int]] = {}
        self.holders: dict[str, list[int]] = {}
        for i, post in enumerate(graph.posts):
            self._add(self.exact, norm_name(post.title), i)
            for abbr in {post.abbreviation, parenthetical(post.title), acronym(post.title)}:
                if abbr:
                    self._add(self.abbrev, abbr.upper(), i)
            if post.holder:
                self._add(self.holders, norm_name(post.holder), i)
        base = len(graph.posts)
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


class OrgGraph:
    """The structure: posts, units, the primary tree and the lines beside it."""

    def __init__(self, data: OrgData) -> None:
        self.data = data
        self.issues: list[LoadIssue] = list(data.issues)
        self.orgs: dict[str, OrgRecord] = {}
        for org in data.organizations:
            self.orgs.setdefault(org.id, org)
        self.index: dict[str, int] = {}
        self.posts: list[PostRecord] = []
        self.duplicates: list[tuple[PostRecord | UnitRecord, PostRecord | UnitRecord]] = []
        for post in data.posts:
            first = self.index.get(post.id)
            if first is None:
                self.index[post.id] = len(self.posts)
                self.posts.append(post)
            else:
                self.duplicates.append((self.posts[first], post))
        self.units: list[UnitRecord] = []
        base = len(self.posts)
        for unit in data.units:
            first = self.index.get(unit.id)
            if first is None:
                self.index[unit.id] = base + len(self.units)
                self.units.append(unit)
            elif first >= base and unit[:-1] == self.units[first - base][:-1]:
                continue  # the same unit named again (by another row or file)
            else:
                self.duplicates.append((self.record(first), unit))
        self.size = base + len(self.units)
        self._names: NameIndex | None = None
        self._nx: dict[bool, nx.DiGraph] = {}
        self._columns: dict[str, list[Any]] = {}
        self.resolution = Resolution()
        self._build_lines(data.relations)
        self._build_children()
        self._build_depths()

    # ------------------------------------------------------------ building

    def _build_lines(self, relations: list[Relation]) -> None:
        n = self.size
        self.parent = array("q", [-1]) * n
        self.parent_rel: list[Relation | None] = [None] * n
        self.extra_primary: dict[int, list[tuple[int, Relation]]] = {}
        self.secondary: dict[int, list[tuple[int, Relation]]] = {}
        self.heads: dict[int, list[tuple[int, Relation]]] = {}
        self.headed_by: dict[int, list[tuple[int, Relation]]] = {}
        self.links: list[tuple[int, int, Relation]] = []
        self.unresolved_subjects: list[Relation] = []
        index, parent, parent_rel = self.index, self.parent, self.parent_rel
        for rel in relations:
            sub = index.get(rel.subject)
            if sub is None:
                self.unresolved_subjects.append(rel)
                continue
            obj = index.get(rel.object)
            if obj is None:
                obj = self._resolve_name(rel, sub)
                if obj is None:
                    continue
            if rel.kind is RelKind.REPORTS_TO:
                if rel.qualifier == LineKind.SECONDARY:
                    lines = self.secondary.setdefault(sub, [])
                    if all(s != obj for s, _ in lines):  # the same dotted line stated twice
                        lines.append((obj, rel))
                    continue
                current = parent[sub]
                if current == -1:
                    parent[sub], parent_rel[sub] = obj, rel
                elif current == obj:
                    continue  # the same line stated twice
                else:
                    old = parent_rel[sub]
                    if old is not None and old.prov.inferred and not rel.prov.inferred:
                        self.extra_primary.setdefault(sub, []).append((current, old))
                        parent[sub], parent_rel[sub] = obj, rel
                    else:
                        self.extra_primary.setdefault(sub, []).append((obj, rel))
            elif rel.kind is RelKind.HEADS:
                self.heads.setdefault(sub, []).append((obj, rel))
                self.headed_by.setdefault(obj, []).append((sub, rel))
            else:
                self.links.append((sub, obj, rel))

    def _resolve_name(self, rel: Relation, sub: int) -> int | None:
        hits = self.names.candidates(rel.object)
        if rel.kind is RelKind.HEADS:
            hits = [h for h in hits if h >= len(self.posts)]
        elif rel.kind is RelKind.REPORTS_TO:
            hits = [h for h in hits if h < len(self.posts) or self.is_body(h)]
        org = self.org_of(sub)
        same_org = [h for h in hits if self.org_of(h) == org]
        hits = same_org or hits
        if len(hits) == 1:
            self.resolution.by_name += 1
            return hits[0]
        if hits:
            self.resolution.ambiguous.append((rel, hits))
        else:
            self.resolution.dangling.append(rel)
        return None

    def _build_children(self) -> None:
        n = self.size
        counts = array("q", [0]) * (n + 1)
        for p in self.parent:
            if p >= 0:
                counts[p + 1] += 1
        for i in range(n):
            counts[i + 1] += counts[i]
        self.child_start = counts
        fill = array("q", counts)
        kids = array("q", [0]) * counts[n]
        for child, p in enumerate(self.parent):
            if p >= 0:
                kids[fill[p]] = child
                fill[p] += 1
        self.child_list = kids

    def _build_depths(self) -> None:
        n = self.size
        depth = array("q", [-1]) * n
        self.roots: list[int] = []
        start, kids = self.child_start, self.child_list
        for i in range(n):
            if self.parent[i] == -1 and (i < len(self.posts) or start[i + 1] > start[i]):
                self.roots.append(i)
        stack = list(self.roots)
        for r in self.roots:
            depth[r] = 0
        while stack:
            node = stack.pop()
            d = depth[node] + 1
            for k in range(start[node], start[node + 1]):
                child = kids[k]
                depth[child] = d
                stack.append(child)
        self.depth = depth

    # ------------------------------------------------------------ reading

    @property
    def names(self) -> NameIndex:
        """The name index (built on first use)."""
        if self._names is None:
            self._names = NameIndex(self)
        return self._names

    @property
    def post_count(self) -> int:
        return len(self.posts)

    def node(self, ident: str) -> int:
        """The node number of an id (KeyError if none)."""
        return self.index[ident]

    def is_post(self, node: int) -> bool:
        return node < len(self.posts)

    def is_body(self, node: int) -> bool:
        """A unit that posts can report to (board, council, committee)."""
        return node >= len(self.posts) and self.units[node - len(self.posts)].kind in BODY_KINDS

    def record(self, node: int) -> PostRecord | UnitRecord:
        return self.posts[node] if node < len(self.posts) else self.units[node - len(self.posts)]

    def id_of(self, node: int) -> str:
        return self.record(node).id

    def title(self, node: int) -> str:
        rec = self.record(node)
        return rec.title if isinstance(rec, PostRecord) else rec.name

    def org_of(self, node: int) -> str | None:
        return self.record(node).org

    def org_name(self, node: int) -> str | None:
        org = self.org_of(node)
        if org is None:
            return None
        rec = self.orgs.get(org)
        return rec.name if rec else org

    def unit_of(self, node: int) -> int | None:
        """The unit a post sits in (resolved by id, else by name within its organization)."""
        rec = self.record(node)
        ref = rec.unit if isinstance(rec, PostRecord) else rec.part_of
        if not ref:
            return None
        hit = self.index.get(ref)
        if hit is not None and hit >= len(self.posts):
            return hit
        units = [h for h in self.names.candidates(ref) if h >= len(self.posts)]
        same = [h for h in units if self.org_of(h) == rec.org] or units
        return same[0] if len(same) == 1 else None

    def children(self, node: int) -> array[int]:
        """Direct reports on primary lines, in source order."""
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
        return iter(range(len(self.posts)))

    def column(self, name: str) -> list[Any]:
        """One field of every post, in node order (``"title"``, ``"holder"``, ``"fte"`` ...).

        The way to read a field of all posts at once: loops over a million
        posts should read columns, not build a record per post.

        >>> from orgmodel.records import OrgData, PostRecord
        >>> OrgGraph(OrgData(posts=[PostRecord("a", "Mayor")])).column("title")
        ['Mayor']
        """
        if name not in PostRecord._fields:
            raise KeyError(f"posts have no field {name!r}; fields are {PostRecord._fields}")
        cached = self._columns.get(name)
        if cached is None:
            at = PostRecord._fields.index(name)
            cached = self._columns[name] = [p[at] for p in self.posts]
        return cached

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
        rec = self.record(node)
        out: dict[str, Any] = {"id": rec.id}
        if isinstance(rec, PostRecord):
            out["title"] = rec.title
            out["holder"] = rec.holder
        else:
            out["name"] = rec.name
            out["kind"] = str(rec.kind)
        out["organization"] = self.org_name(node)
        return out
