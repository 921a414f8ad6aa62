"""What a rule sees: the graph, its own options, and facts several rules share.

A :class:`Check` is handed to one rule for one run. It names posts for
messages (``Director of Finance [E104]``: the id is added only when the
title alone is ambiguous), makes findings with the rule's code and
effective severity, and gives access to :class:`Facts` -- things computed
once per validation and shared by rules (the references that did not
resolve, the reporting cycles), each only when a rule first asks for it.

Everything here works on the graph's columns and arrays, so a rule that
loops over a million posts never builds a record per post.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from itertools import compress, repeat
from typing import Any, TypeVar, cast

from orgmodel.graph import OrgGraph
from orgmodel.records import LineKind, PostRecord, Prov, Relation, RelKind
from orgmodel.rules.locate import Locator
from orgmodel.rules.report import Finding, Severity
from orgmodel.rules.rule import Rule

__all__ = ["Check", "Cycle", "Facts"]

T = TypeVar("T")
_MINUS_ONE = -1
_BULK = 64  # nodes from which reading their columns whole beats reading value by value


class Cycle:
    """A loop of primary reporting lines: its nodes in order, and how many hang below it."""

    def __init__(self, nodes: list[int], below: int) -> None:
        self.nodes = nodes
        self.below = below


class Facts:
    """Shared, lazily computed facts about one graph (one instance per validation)."""

    def __init__(self, graph: OrgGraph) -> None:
        self.graph = graph
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """A value several rules of one family share, computed by the first that asks."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    @cached_property
    def unresolved_primary(self) -> set[int]:
        """Posts whose primary reference matched no post, several, or a unit that is not a
        body (they have a superior; the reference did not give one)."""
        out: set[int] = set()
        index = self.graph.index
        res = self.graph.resolution
        rels: list[Relation] = list(res.dangling)
        rels += [r for r, _ in res.ambiguous]
        rels += [r for r, _ in res.not_body]
        for rel in rels:
            if rel.kind is RelKind.REPORTS_TO and rel.qualifier != LineKind.SECONDARY:
                node = index.get(rel.subject)
                if node is not None:
                    out.add(node)
        return out

    @cached_property
    def with_attributes(self) -> list[int]:
        """Posts that have attributes at all (found at C speed; most exports have none)."""
        column = self.graph.column("attributes")
        return list(compress(range(len(column)), map(operator.is_not, column, repeat(None))))

    @cached_property
    def groups(self) -> Counter[int]:
        """How many group rows (a UK junior-staff line: a headcount) each node has below it."""
        parent = self.graph.parent
        column = self.graph.column("attributes")
        counts: Counter[int] = Counter()
        for node in self.with_attributes:
            if "aggregate" in column[node] and parent[node] != -1:
                counts[parent[node]] += 1
        return counts

    @cached_property
    def reports(self) -> list[int]:
        """Each post's direct reports that are posts, not group rows nor the post itself.

        Spans come from the child index in one vectorised subtraction; only the
        few group rows and self-reports are then taken off one by one.
        """
        graph = self.graph
        n, start = graph.post_count, graph.child_start
        counts = list(map(operator.sub, start[1 : n + 1], start[:n]))
        for node, groups in self.groups.items():
            if node < n:
                counts[node] -= groups
        for cycle in self.cycles:
            if len(cycle.nodes) == 1 and cycle.nodes[0] < n:
                counts[cycle.nodes[0]] -= 1
        return counts

    @cached_property
    def title_counts(self) -> Counter[tuple[str | None, str]]:
        """How many posts and units of each organization carry each title (when an id must help).

        Counted column-wise (pyarrow's ``value_counts``: a few hundredths of a second for a
        million posts sharing a few thousand titles); with one organization (a big export,
        typically) titles alone are counted.
        """
        import pyarrow.compute as pc

        graph = self.graph
        several = len(graph.orgs) > 1
        titles = graph.posts.arrow("title")
        counts: Counter[tuple[str | None, str]] = Counter()
        if several:
            orgs = graph.posts.arrow("org")
            key = pc.binary_join_element_wise(orgs.fill_null(""), titles, "\x00")
            for row in pc.value_counts(key).to_pylist():
                org, _, title = row["values"].partition("\x00")
                counts[(org or None, title)] += row["counts"]
        else:
            for row in pc.value_counts(titles).to_pylist():
                counts[(None, row["values"])] += row["counts"]
        counts.update((u.org if several else None, u.name) for u in graph.units)
        return counts

    @cached_property
    def locator(self) -> Locator:
        """Lines for posting spans (each posting read once)."""
        return Locator()

    @cached_property
    def cycles(self) -> list[Cycle]:
        """Every loop of primary lines, once each, in one pass over the parent pointers.

        Nodes in or under a loop are those with no depth (never reached from a
        top) that still have a superior. Walking up from each, a walk that
        meets itself has found a loop; one that meets an earlier walk has not.
        """
        graph = self.graph
        parent, depth = graph.parent, graph.depth
        walk_of = [0] * graph.size  # 0: not visited; else the number of the walk that did
        cycle_of: dict[int, int] = {}  # walk number -> index of the cycle it ends in
        cycles: list[Cycle] = []
        counts: list[int] = []
        walk = 0
        for start in compress(range(graph.size), map(_MINUS_ONE.__eq__, depth)):
            if parent[start] == -1 or walk_of[start]:
                continue
            walk += 1
            path: list[int] = []
            node = start
            while node != -1 and not walk_of[node]:
                walk_of[node] = walk
                path.append(node)
                node = parent[node]
            if node != -1 and walk_of[node] == walk:  # met itself: a new loop
                loop = path[path.index(node) :]
                cycle_of[walk] = len(cycles)
                cycles.append(Cycle(loop, 0))
                counts.append(len(path) - len(loop))
            elif node != -1 and walk_of[node] in cycle_of:  # joined an earlier walk's loop
                cycle_of[walk] = cycle_of[walk_of[node]]
                counts[cycle_of[walk]] += len(path)
        for cycle, below in zip(cycles, counts, strict=True):
            cycle.below = below
        return cycles


class Check:
    """One rule's view of one validation: options, naming, and how to make a finding."""

    def __init__(
        self,
        graph: OrgGraph,
        rule: Rule,
        facts: Facts,
        severity: Severity | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> None:
        self.graph = graph
        self.rule = rule
        self.facts = facts
        self.severity = severity or rule.severity
        self.options: dict[str, Any] = {**rule.options, **(options or {})}

    def name(self, node: int) -> str:
        """How a message names a post or unit: its title, plus the id when titles repeat.

        The organization is added when several are loaded (as everywhere in
        orgmodel's output).
        """
        graph = self.graph
        text = graph.label(node)
        org = graph.org_of(node) if len(graph.orgs) > 1 else None
        if self.facts.title_counts[(org, graph.title(node))] > 1:
            text += f" [{graph.id_of(node)}]"
        return text

    def names_of(self, nodes: Sequence[int]) -> list[str]:
        """:meth:`name` of each of many nodes, the posts' columns read in one go: a rule that
        reports thousands of posts reads a few columns, not a hundred thousand values."""
        import pyarrow as pa

        graph = self.graph
        n = graph.post_count
        posts = sorted({x for x in nodes if x < n})
        if len(posts) < _BULK:
            return [self.name(x) for x in nodes]
        rows = pa.array(posts)
        several = len(graph.orgs) > 1
        titles = graph.posts.arrow("title").take(rows).to_pylist()
        ids = graph.posts.arrow("id").take(rows).to_pylist()
        orgs = graph.posts.arrow("org").take(rows).to_pylist() if several else [None] * len(posts)
        counts, known = self.facts.title_counts, graph.orgs
        named: dict[int, str] = {}
        for node, title, ident, org in zip(posts, titles, ids, orgs, strict=True):
            text = title
            if org is not None and several:
                text += f" ({known[org].name if org in known else org})"
            if counts[(org, title)] > 1:
                text += f" [{ident}]"
            named[node] = text
        return [named[x] if x < n else self.name(x) for x in nodes]

    def ids_of(self, nodes: Sequence[int]) -> list[str]:
        """The ids of many nodes (posts' read in one go)."""
        import pyarrow as pa

        graph = self.graph
        n = graph.post_count
        if len(nodes) < _BULK or any(x >= n for x in nodes):
            return [graph.id_of(x) for x in nodes]
        found: list[str] = graph.posts.arrow("id").take(pa.array(nodes)).to_pylist()
        return found

    def provs_of(self, nodes: Sequence[int]) -> list[Prov]:
        """:meth:`prov` of many nodes (posts' provenance columns read in one go)."""
        import pyarrow as pa

        graph = self.graph
        n = graph.post_count
        if len(nodes) < _BULK or any(x >= n for x in nodes):
            return [self.prov(x) for x in nodes]
        rows = pa.array(nodes)
        fields = ("prov_source", "prov_line", "prov_start", "prov_end", "prov_cue", "prov_inferred")
        columns = [graph.posts.arrow(f).take(rows).to_pylist() for f in fields]
        columns[-1] = [bool(v) for v in columns[-1]]
        return list(map(Prov, *columns))

    def names(self, nodes: Sequence[int], limit: int = 8) -> str:
        """``A, B and C`` (the first ``limit`` of them, then how many more)."""
        shown = [self.name(n) for n in nodes[:limit]]
        if len(nodes) > limit:
            return ", ".join(shown) + f" and {len(nodes) - limit:,} more"
        if len(shown) > 1:
            return ", ".join(shown[:-1]) + " and " + shown[-1]
        return shown[0] if shown else ""

    def where(self, prov: Prov) -> str:
        """``file:line`` of a fact, from the span for postings (else ``file@start-end``)."""
        line = self.facts.locator.line(prov)
        if prov.line is None and line is not None:
            return f"{prov.source}:{line}"
        return prov.where()

    def prov(self, node: int) -> Prov:
        """Where a post or unit is described."""
        return self.graph.prov(node)

    def finding(
        self,
        message: str,
        subjects: Iterable[int | str] = (),
        sources: Iterable[Prov | None] = (),
    ) -> Finding:
        """A finding of this rule: subjects as node numbers or ids, sources as provenance."""
        ids = tuple(s if isinstance(s, str) else self.graph.id_of(s) for s in subjects)
        seen: list[Prov] = []
        for prov in sources:
            if prov is not None and prov not in seen:
                seen.append(prov)
        return Finding(self.rule.code, self.rule.name, self.severity, message, ids, tuple(seen))

    def is_aggregate(self, node: int) -> bool:
        """A row that stands for several people (a UK junior-staff line with its FTE)."""
        rec = self.graph.record(node)
        return isinstance(rec, PostRecord) and bool((rec.attributes or {}).get("aggregate"))
