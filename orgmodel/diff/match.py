"""Which post (and unit) of BEFORE is which post of AFTER.

A diff is only as good as its matching. Ids decide first: two exports of the
same HR system, or two versions of an org file, keep their ids. Where ids
differ or are absent (two systems, a renumbered export, a retitled post whose
id was derived from its title), posts are matched by what a person would
look at, each rule with the confidence it deserves:

========================  ==========  ==================================================
rule                      confidence  what must agree
========================  ==========  ==================================================
``mapping``               1.0         the user's mapping file says so
``id``                    1.0         the same id on both sides
``title-superior``        0.9         organization, normalised title, matched superior
``superior-reports``      0.75        organization, matched superior and the same
                                      matched direct reports (a retitled manager)
``title``                 0.6         organization and normalised title, each the only
                                      post so called on its side (a post that moved)
========================  ==========  ==================================================

Fallback rules only pair posts nobody matched yet and only when the pairing
is unique on both sides; aggregate rows (UK junior staff) are never matched
by title alone, and posts listed as abolished (a UK organogram's
``Eliminated``) only by id. Units match by mapping, id, then organization + normalised
name. Everything runs over columns and dicts keyed by id, so matching two
million-post orgs is linear.

>>> from orgmodel.graph import OrgGraph
>>> from orgmodel.records import OrgData, PostRecord as P, Relation, RelKind, LineKind
>>> R = lambda a, b: Relation(RelKind.REPORTS_TO, a, b, LineKind.PRIMARY)
>>> before = OrgGraph(OrgData(posts=[P("1", "Mayor"), P("2", "City Clerk")],
...                           relations=[R("2", "1")]))
>>> after = OrgGraph(OrgData(posts=[P("a", "Mayor"), P("b", "City Clerk")],
...                          relations=[R("b", "a")]))
>>> m = match(before, after)
>>> [(before.id_of(b), after.id_of(a), m.rule_of(b)) for b, a in m.pairs()]
[('1', 'a', 'title-superior'), ('2', 'b', 'title-superior')]
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow.compute as pc
import yaml

from orgmodel.errors import SourceError
from orgmodel.fileio import read_text
from orgmodel.graph import OrgGraph
from orgmodel.names.rules import name_key

__all__ = [
    "RULES",
    "Match",
    "MatchRule",
    "eliminated",
    "int_list",
    "match",
    "read_mapping",
    "unit_nodes",
]


@dataclass(frozen=True)
class MatchRule:
    """A way two posts are judged the same, with how far it can be trusted."""

    name: str
    confidence: float
    description: str


RULES: dict[str, MatchRule] = {
    r.name: r
    for r in (
        MatchRule("mapping", 1.0, "named in the mapping file"),
        MatchRule("id", 1.0, "the same id"),
        MatchRule("title-superior", 0.9, "same organization, title and matched superior"),
        MatchRule("superior-reports", 0.75, "same matched superior and direct reports"),
        MatchRule("title", 0.6, "the only post with this title in its organization, both sides"),
        MatchRule("name", 0.9, "same organization and unit name"),
    )
}
_RULE_CODES = list(RULES)


def int_list(values: Sequence[int]) -> list[int]:
    """A plain list of ints from an ``array``, a numpy array or a list (fast loops read lists)."""
    tolist = getattr(values, "tolist", None)
    return list(tolist()) if tolist is not None else list(values)


_NONE = -1


def eliminated(attributes: Sequence[Mapping[str, str] | None]) -> set[int]:
    """Posts marked abolished (a UK organogram's ``Eliminated``), from the attributes column
    (the posts with attributes found at C speed first: most exports have none)."""
    if attributes.count(None) == len(attributes):  # most exports: no post has any
        return set()
    given = compress(range(len(attributes)), map(operator.is_not, attributes, repeat(None)))
    return {n for n in given if attributes[n].get("status") == "eliminated"}  # type: ignore[union-attr]


def unit_nodes(graph: OrgGraph) -> list[int]:
    """The unit node each post sits in (-1 for none): :meth:`OrgGraph.post_units` as a list."""
    return graph.post_units().tolist()


@dataclass
class Match:
    """The pairing of BEFORE's nodes with AFTER's, and the rule behind each pair.

    ``b2a[n]`` is the AFTER node of BEFORE node ``n`` (-1: removed), ``a2b``
    the reverse; both cover posts and units. ``rule[n]`` indexes
    :data:`RULES` for matched BEFORE nodes.
    """

    b2a: list[int]
    a2b: list[int]
    rule: list[int]
    before_posts: int
    after_posts: int
    notes: list[str] = field(default_factory=list)

    def pairs(self) -> Iterable[tuple[int, int]]:
        """Matched (before, after) post pairs, in BEFORE's order."""
        b2a = self.b2a
        return ((b, b2a[b]) for b in range(self.before_posts) if b2a[b] >= 0)

    def rule_of(self, before: int) -> str:
        return _RULE_CODES[self.rule[before]]

    def confidence(self, before: int) -> float:
        return RULES[self.rule_of(before)].confidence

    def by_rule(self) -> dict[str, int]:
        """How many posts each rule matched (``id`` first)."""
        rules = self._matched_rules()[1]
        counts = np.bincount(rules, minlength=len(_RULE_CODES))
        return {_RULE_CODES[k]: int(v) for k, v in enumerate(counts) if v}

    def pairs_not_by_id(self) -> Iterator[tuple[int, int]]:
        """Matched (before, after) post pairs that a rule other than the id matched.

        Read from the arrays at once: a million posts matched by id cost no Python step.
        """
        before, rules = self._matched_rules()
        b2a = self.b2a
        for b in before[rules != _RULE_CODES.index("id")].tolist():
            yield b, b2a[b]

    def _matched_rules(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """The matched BEFORE posts and the rule of each, as arrays."""
        n = self.before_posts
        b2a = np.asarray(self.b2a[:n], dtype=np.int64)
        before = np.flatnonzero(b2a >= 0)
        return before, np.asarray(self.rule[:n], dtype=np.int64)[before]

    def _pair(self, b: int, a: int, rule: str) -> None:
        self.b2a[b] = a
        self.a2b[a] = b
        self.rule[b] = _RULE_CODES.index(rule)


def read_mapping(path: str | Path) -> dict[str, tuple[str | None, int]]:
    """A mapping file: ``before-id: after-id`` per line (``~`` = no match); id -> (id, line).

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "map.yaml")
    >>> _ = open(p, "w").write("# renumbered\\n'104': E-104\\nold-cio: ~\\n")
    >>> read_mapping(p)
    {'104': ('E-104', 2), 'old-cio': (None, 3)}
    """
    name = str(path)
    text = read_text(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise SourceError(
            name, f"invalid YAML: {exc.problem}", line=mark.line + 1 if mark else None
        ) from None
    if not isinstance(root, yaml.MappingNode):
        raise SourceError(name, "expected a mapping of 'before-id: after-id' lines", line=1)
    out: dict[str, tuple[str | None, int]] = {}
    for key, value in root.value:
        line = key.start_mark.line + 1
        if not isinstance(key, yaml.ScalarNode) or not isinstance(value, yaml.ScalarNode):
            raise SourceError(name, "each entry must be 'before-id: after-id'", line=line)
        null = value.tag == "tag:yaml.org,2002:null" or value.value in ("", "~", "null")
        out[str(key.value)] = (None if null else str(value.value), line)
    return out


def _check_mapping(
    mapping: Mapping[str, tuple[str | None, int]], before: OrgGraph, after: OrgGraph, path: str
) -> None:
    targets: dict[str, int] = {}
    for old, (new, line) in mapping.items():
        if old not in before.index:
            raise SourceError(path, f"{old!r} is not an id in BEFORE", line=line)
        if new is None:
            continue
        if new not in after.index:
            raise SourceError(path, f"{new!r} is not an id in AFTER", line=line)
        if before.is_post(before.index[old]) != after.is_post(after.index[new]):
            raise SourceError(
                path, f"{old!r} and {new!r} are not both posts or both units", line=line
            )
        if new in targets:
            raise SourceError(
                path, f"{new!r} is already the match of line {targets[new]}", line=line
            )
        targets[new] = line


class _Values:
    """One field of a graph's posts, read a post at a time (``values[node]``)."""

    def __init__(self, graph: OrgGraph, name: str) -> None:
        self._value = graph.posts.value
        self._name = name

    def __getitem__(self, node: int) -> Any:
        return self._value(self._name, node)


class _Matcher:
    def __init__(self, before: OrgGraph, after: OrgGraph) -> None:
        self.b, self.a = before, after
        self.nb, self.na = before.post_count, after.post_count
        id_rule = _RULE_CODES.index("id")  # the rule of most pairs; others overwrite it
        self.m = Match(
            [-1] * before.size, [-1] * after.size, [id_rule] * before.size, self.nb, self.na
        )
        self._norm: dict[str, str] = {}
        # read post by post: the rules after the ids look at the few posts left unmatched
        self.b_org, self.a_org = _Values(before, "org"), _Values(after, "org")
        self.b_title, self.a_title = _Values(before, "title"), _Values(after, "title")
        self.b_par, self.a_par = before.parent, after.parent

    def norm(self, title: str) -> str:
        """A title's :func:`~orgmodel.names.rules.name_key`, computed once per distinct title
        (titles repeat a great deal)."""
        key = self._norm.get(title)
        if key is None:
            key = self._norm[title] = name_key(title)
        return key

    def by_mapping(self, mapping: Mapping[str, tuple[str | None, int]]) -> set[int]:
        forced: set[int] = set()  # BEFORE nodes whose match the user decided, even "none"
        for old, (new, _) in mapping.items():
            b = self.b.index[old]
            forced.add(b)
            if new is not None:
                self.m._pair(b, self.a.index[new], "mapping")
        return forced

    def by_id(self, forced: set[int]) -> None:
        m, a_index = self.m, self.a.index
        b2a, a2b = m.b2a, m.a2b
        # each BEFORE post's id among AFTER's posts, in one hash join; then paired with array
        # operations (ids are distinct on each side: no two posts claim one match)
        found = pc.index_in(self.b.posts.arrow("id"), value_set=self.a.posts.arrow("id"))
        targets = np.asarray(found.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)
        if forced:  # the user's mapping paired some already
            new_b2a = np.asarray(b2a[: self.nb], dtype=np.int64)
            new_a2b = np.asarray(a2b[: self.na], dtype=np.int64)
        else:
            new_b2a = np.full(self.nb, -1, dtype=np.int64)
            new_a2b = np.full(self.na, -1, dtype=np.int64)
        b_free = new_b2a < 0
        a_free = np.append(new_a2b < 0, False)
        if forced:
            b_free[[b for b in forced if b < self.nb]] = False
        pairs = np.flatnonzero(b_free & a_free[targets] & (targets >= 0))
        new_b2a[pairs] = targets[pairs]
        new_a2b[targets[pairs]] = pairs
        b2a[: self.nb] = new_b2a.tolist()
        a2b[: self.na] = new_a2b.tolist()
        b_units, a_units = self.b.units, self.a.units
        for j, unit in enumerate(b_units):
            node = self.nb + j
            if node in forced:
                continue
            a = a_index.get(unit.id)
            if a is not None and a >= self.na and a2b[a] < 0:
                m._pair(node, a, "id")
        a_org, b_org = self._org_key(self.a), self._org_key(self.b)
        unmatched_a: dict[tuple[str | None, str], list[int]] = {}
        for j, unit in enumerate(a_units):
            if a2b[self.na + j] < 0:
                key = (a_org(unit.org), name_key(unit.name, unit=True))
                unmatched_a.setdefault(key, []).append(self.na + j)
        unmatched_b: dict[tuple[str | None, str], list[int]] = {}
        for j, unit in enumerate(b_units):
            if b2a[self.nb + j] < 0 and self.nb + j not in forced:
                key = (b_org(unit.org), name_key(unit.name, unit=True))
                unmatched_b.setdefault(key, []).append(self.nb + j)
        for key, bs in unmatched_b.items():
            cands = unmatched_a.get(key, [])
            if len(bs) == 1 and len(cands) == 1:
                m._pair(bs[0], cands[0], "name")

    def _org_key(self, graph: OrgGraph) -> Callable[[str | None], str | None]:
        """An organization as both sides can name it: its normalised name, else its id.

        A CSV export names organizations, and reading it back derives new ids
        (``hfd`` becomes ``city-of-hartford``): units are compared within the
        organization of the same name.
        """
        orgs = graph.orgs

        def key(org: str | None) -> str | None:
            rec = orgs.get(org) if org is not None else None
            return self.norm(rec.name) if rec is not None and rec.name else org

        return key

    def _mapped_parent(self, b: int) -> int | None:
        """The AFTER node of b's superior; -1 for a top post; None when it has none."""
        p = self.b_par[b]
        if p < 0:
            return -1
        mapped = self.m.b2a[p]
        return mapped if mapped >= 0 else None

    def by_title_superior(self, free_b: list[int], free_a: list[int]) -> int:
        """Top-down: a post's superior is matched before the post is looked at."""
        a2b, a_org, a_title, a_par = self.m.a2b, self.a_org, self.a_title, self.a_par
        after_keys: dict[tuple[Any, ...], list[int]] = {}
        for a in free_a:
            if a2b[a] < 0:
                after_keys.setdefault((a_org[a], self.norm(a_title[a]), a_par[a]), []).append(a)
        levels: dict[int, list[int]] = {}
        depth = self.b.depth
        for b in free_b:
            if self.m.b2a[b] < 0 and depth[b] >= 0:
                levels.setdefault(depth[b], []).append(b)
        found = 0
        for level in sorted(levels):
            keys: dict[tuple[Any, ...], list[int]] = {}
            for b in levels[level]:
                parent = self._mapped_parent(b)
                if parent is not None:
                    keys.setdefault((self.b_org[b], self.norm(self.b_title[b]), parent), []).append(
                        b
                    )
            for key, bs in keys.items():
                cands = [a for a in after_keys.get(key, ()) if a2b[a] < 0]
                if len(bs) == 1 and len(cands) == 1:
                    self.m._pair(bs[0], cands[0], "title-superior")
                    found += 1
        return found

    def by_reports(self, free_b: list[int], free_a: list[int]) -> int:
        """A retitled manager: same superior, same (matched) direct reports."""
        m, a_org = self.m, self.a_org
        after_keys: dict[tuple[Any, ...], list[int]] = {}
        for a in free_a:
            kids = self.a.children(a)
            if m.a2b[a] < 0 and len(kids):
                key = (a_org[a], self.a_par[a], frozenset(int_list(kids)))
                after_keys.setdefault(key, []).append(a)
        if not after_keys:
            return 0
        keys: dict[tuple[Any, ...], list[int]] = {}
        for b in free_b:
            kids = self.b.children(b)
            parent = self._mapped_parent(b)
            if m.b2a[b] >= 0 or not len(kids) or parent is None:
                continue
            mapped = frozenset(m.b2a[k] for k in kids)
            if -1 not in mapped:
                keys.setdefault((self.b_org[b], parent, mapped), []).append(b)
        found = 0
        for key, bs in keys.items():
            cands = [a for a in after_keys.get(key, ()) if m.a2b[a] < 0]
            if len(bs) == 1 and len(cands) == 1:
                m._pair(bs[0], cands[0], "superior-reports")
                found += 1
        return found

    def by_title(self, free_b: list[int], free_a: list[int]) -> int:
        """The only post so called in its organization, on both sides: it moved."""
        m = self.m
        b_attrs, a_attrs = self.b.column("attributes"), self.a.column("attributes")

        def counts(graph: OrgGraph) -> Counter[tuple[Any, str]]:
            """Posts per (organization, normalised title), counted column-wise."""
            org, title = graph.posts.arrow("org"), graph.posts.arrow("title")
            pairs = pc.binary_join_element_wise(pc.fill_null(org, "\x01"), title, "\x00")
            out: Counter[tuple[Any, str]] = Counter()
            for row in pc.value_counts(pairs).to_pylist():
                org_id, _, text = row["values"].partition("\x00")
                out[(None if org_id == "\x01" else org_id, self.norm(text))] += row["counts"]
            return out

        def aggregate(attrs: dict[str, str] | None) -> bool:
            return bool(attrs and attrs.get("aggregate"))

        free_a_keys: dict[tuple[Any, str], int] = {}
        for a in free_a:
            if m.a2b[a] < 0 and not aggregate(a_attrs[a]):
                free_a_keys[(self.a_org[a], self.norm(self.a_title[a]))] = a
        if not free_a_keys:
            return 0
        b_counts, a_counts = counts(self.b), counts(self.a)
        found = 0
        for b in free_b:
            if m.b2a[b] >= 0 or aggregate(b_attrs[b]):
                continue
            key = (self.b_org[b], self.norm(self.b_title[b]))
            hit = free_a_keys.get(key)
            if hit is not None and m.a2b[hit] < 0 and b_counts[key] == 1 and a_counts[key] == 1:
                m._pair(b, hit, "title")
                found += 1
        return found


def match(
    before: OrgGraph,
    after: OrgGraph,
    mapping: Mapping[str, tuple[str | None, int]] | None = None,
    *,
    mapping_path: str = "mapping",
) -> Match:
    """Pair BEFORE's posts and units with AFTER's (see the rules above)."""
    matcher = _Matcher(before, after)
    forced: set[int] = set()
    if mapping:
        _check_mapping(mapping, before, after, mapping_path)
        forced = matcher.by_mapping(mapping)
    matcher.by_id(forced)
    m = matcher.m
    forced |= eliminated(before.column("attributes"))  # abolished posts: by id only
    dead_a = eliminated(after.column("attributes"))
    while True:  # (the free posts are found at C speed: compress over the match lists)
        unmatched_b = compress(range(matcher.nb), map(_NONE.__eq__, m.b2a))
        free_b = [b for b in unmatched_b if b not in forced]
        unmatched_a = compress(range(matcher.na), map(_NONE.__eq__, m.a2b))
        free_a = [a for a in unmatched_a if a not in dead_a]
        if not free_b or not free_a:
            break
        found = matcher.by_title_superior(free_b, free_a)
        found += matcher.by_reports(free_b, free_a)
        if not found:
            found = matcher.by_title(free_b, free_a)
        if not found:
            break
    return m
