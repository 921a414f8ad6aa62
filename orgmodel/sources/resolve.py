"""Merge facts from many sources into one structure: one post per (organization, role).

Postings name the same post many ways -- "Chief Operating Officer (COO)",
"the COO", "Chief Operating Officer"; "Superintendent of Schools" in one
posting and "Superintendent" in another; "Facilities" and "Facilities
Department". :func:`resolve` gives each such role one id within its
organization, attaches postings to the posts org files already describe, and
makes the superiors no source describes into posts marked *inferred*. An
informational link ("works closely with relevant individuals in other
departments") never makes a post or a unit: it connects what is known, and
a link to nothing known is a note (``F003``), not a box on the chart.
Nothing is dropped: two sources that disagree keep both lines, with their
provenance, for the validator to report. Names are matched by the
:data:`~orgmodel.names.rules.MERGE` tiers of :mod:`orgmodel.names.rules`, the
rules every other place that compares names uses.

A large table arrives as a columnar block (:class:`~orgmodel.graph.columns.PostBlock`)
and stays one: its posts are found by id and by name through sorted key tables
built column-wise (:class:`TablePosts`), its manager references are rewritten
column-wise where a posting's post was merged into another, so a million-row
export with one posting beside it keeps the columnar load.

>>> from orgmodel.records import OrgData, OrgRecord, PostRecord, Prov, Relation, RelKind
>>> data = OrgData(
...     organizations=[OrgRecord("hps", "Hartford Public Schools")],
...     posts=[PostRecord("hps-coo", "Chief Operating Officer", "hps", abbreviation="COO"),
...            PostRecord("hps/coo", "the COO", "hps", attributes={"posting": "coo.md"})],
...     relations=[Relation(RelKind.REPORTS_TO, "hps/coo", "Superintendent", "primary",
...                         prov=Prov("coo.md", start=0, end=14))])
>>> out = resolve(data)
>>> [(p.id, p.title, p.prov.inferred) for p in out.posts]
[('hps-coo', 'Chief Operating Officer', False), ('hps/superintendent', 'Superintendent', True)]
>>> out.relations[0].subject, out.relations[0].object
('hps-coo', 'hps/superintendent')
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from orgmodel.fileio import slug
from orgmodel.names.kinds import BODY_WORDS, guess_unit_kind, looks_like_unit
from orgmodel.names.rules import (
    MERGE,
    Asked,
    Tier,
    abbreviations,
    asked,
    first_tier,
    name_key,
    starts_with_words,
)
from orgmodel.records import (
    LinkType,
    LoadIssue,
    OrgData,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitRecord,
)

if TYPE_CHECKING:
    import pyarrow as pa

    from orgmodel.graph.columns import PostBlock
    from orgmodel.graph.keytable import KeyTable

__all__ = ["RoleIndex", "TablePosts", "resolve"]


class TablePosts:
    """The posts of columnar tables as the merging sees them: found by id and by role
    name through key tables built column-wise on first use, never a record per row.

    >>> from orgmodel.graph.columns import PostBlock
    >>> table = TablePosts([PostBlock.from_pylists("hr.csv", {
    ...     "id": ["1", "2", "3"], "org": ["c", "c", "c"],
    ...     "title": ["Mayor", "City Clerk (CC)", "Deputy City Clerk"]})])
    >>> table.has("2"), table.has("9"), table.org_of("3")
    (True, False, 'c')
    >>> table.hits("c", Tier.EXACT, asked("the city clerk"))
    ['2']
    >>> table.hits("c", Tier.PREFIX, asked("city")), table.hits("c", Tier.PREFIX, asked("x"))
    (['2'], [])
    >>> table.hits("c", Tier.ABBREVIATION, asked("CC")), table.hits("x", Tier.EXACT, asked("Mayor"))
    (['2'], [])
    """

    def __init__(self, blocks: Iterable[PostBlock]) -> None:
        self._blocks = list(blocks)
        self._made: dict[tuple[int, str], KeyTable] = {}
        self._columns: dict[tuple[int, str], pa.Array] = {}

    def _column(self, b: int, field: str) -> pa.Array:
        found = self._columns.get((b, field))
        if found is None:
            found = self._columns[b, field] = self._blocks[b].table.column(field).combine_chunks()
        return found

    def _table(self, b: int, kind: str) -> KeyTable:
        """Block ``b``'s ids (``kind`` "id") or one kind of its names, sorted (made once)."""
        found = self._made.get((b, kind))
        if found is None:
            from orgmodel.graph.keytable import KeyTable
            from orgmodel.names.index import name_table

            column: Callable[[str], pa.Array] = functools.partial(self._column, b)
            made = KeyTable.build(column("id")) if kind == "id" else name_table(kind, column)
            found = self._made[b, kind] = made
        return found

    def _values(self, b: int, field: str, rows: list[int]) -> list[Any]:
        import pyarrow as pa

        values: list[Any] = self._column(b, field).take(pa.array(rows, pa.int64())).to_pylist()
        return values

    def has(self, ident: str) -> bool:
        """Whether a table has a post of this id."""
        return any(self._table(b, "id").find(ident) for b in range(len(self._blocks)))

    def org_of(self, ident: str) -> str | None:
        """The organization of the table post of this id (the first, if several)."""
        for b in range(len(self._blocks)):
            rows = self._table(b, "id").find(ident)
            if rows:
                org: str | None = self._values(b, "org", rows[:1])[0]
                return org
        return None

    def hits(self, org: str | None, tier: Tier, name: Asked, most: int = 2) -> list[str]:
        """Ids of the table posts of ``org`` that ``name`` matches in ``tier``, in table order
        (at most ``most`` distinct ones: whether one or several match is what counts)."""
        found: list[str] = []
        for b in range(len(self._blocks)):
            if tier is Tier.EXACT:
                rows = self._table(b, "title").find(name.key)
            elif tier is Tier.ABBREVIATION:
                rows = sorted(set(self._table(b, "abbreviation").find(name.abbreviation or "")))
            elif tier is Tier.PREFIX:
                titles = self._table(b, "title")
                rows = sorted({*titles.find(name.key), *titles.starting(name.key + " ")})
            else:
                continue
            if not rows:
                continue
            orgs, ids = self._values(b, "org", rows), self._values(b, "id", rows)
            for post_org, ident in zip(orgs, ids, strict=True):
                if post_org == org and ident not in found:
                    found.append(ident)
                    if len(found) >= most:
                        return found
        return found


class RoleIndex:
    """Names -> ids within each organization, for posts and units separately, matched by the
    :data:`~orgmodel.names.rules.MERGE` tiers; a table's posts (``tables``) are found there."""

    def __init__(self, tables: TablePosts | None = None) -> None:
        # each bucket an ordered set (a dict): a title a thousand posts share is a thousand
        # additions, not a thousand scans of the bucket
        self.keys: dict[tuple[str | None, bool, str], dict[str, None]] = {}
        self.abbrevs: dict[tuple[str | None, bool, str], dict[str, None]] = {}
        self.titles: dict[tuple[str | None, bool], dict[str, dict[str, None]]] = {}
        self.tables = tables

    def add(
        self, org: str | None, unit: bool, ident: str, name: str, abbreviation: str | None
    ) -> None:
        key = name_key(name, unit=unit)
        self.keys.setdefault((org, unit, key), {})[ident] = None
        for abbr in abbreviations(name, abbreviation):
            self.abbrevs.setdefault((org, unit, abbr), {})[ident] = None
        self.titles.setdefault((org, unit), {}).setdefault(key, {})[ident] = None

    def hits(self, org: str | None, unit: bool, tier: Tier, name: Asked) -> list[str]:
        """The ids ``name`` matches in one tier: records first, then the tables' posts."""
        key = name.unit_key if unit else name.key
        if tier is Tier.EXACT:
            found = list(self.keys.get((org, unit, key), {}))
        elif tier is Tier.ABBREVIATION:
            found = list(self.abbrevs.get((org, unit, name.abbreviation or ""), {}))
        elif tier is Tier.PREFIX:
            titles = self.titles.get((org, unit), {})  # each distinct key once
            found = sorted(
                {i for k, ids in titles.items() if starts_with_words(k, key) for i in ids}
            )
        else:
            found = []
        if not unit and self.tables is not None:
            found += [i for i in self.tables.hits(org, tier, name) if i not in found]
        return found

    def find(self, org: str | None, unit: bool, name: str) -> str | None:
        """The one id this name denotes in ``org``, or None when none or several do."""
        _, hits = first_tier(asked(name), MERGE, lambda tier, n: self.hits(org, unit, tier, n))
        return hits[0] if len(hits) == 1 else None


def _link_target(index: RoleIndex, org: str | None, name: str) -> str | None:
    """The post, else the unit, a link names in the organization (None: neither is known)."""
    return index.find(org, False, name) or index.find(org, True, name)


def _unplaced_link(rel: Relation) -> LoadIssue:
    kind = LinkType(rel.qualifier or LinkType.LIAISON)
    return LoadIssue(
        "extraction",
        f"link ({kind}) to {rel.object!r}: no post or unit of that name is known, and an "
        "informational link makes none; not drawn",
        rel.prov,
        (rel.subject,),
    )


def _replaced(block: PostBlock, field: str, new: dict[str, str]) -> PostBlock:
    """``block`` with the values of one string column replaced by ``new`` (column-wise: the
    distinct values are mapped, not the rows); the block itself when none is there."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from orgmodel.graph.columns import PostBlock

    if not new:
        return block
    column = block.table.column(field).combine_chunks()
    if not pc.any(pc.is_in(column, value_set=pa.array(list(new), pa.string()))).as_py():
        return block
    encoded = column.dictionary_encode()
    values = [new.get(v, v) for v in encoded.dictionary.to_pylist()]
    mapped = pa.array(values, pa.string()).take(encoded.indices)
    table = block.table.set_column(block.table.schema.get_field_index(field), field, mapped)
    return PostBlock(block.source, table, block.secondary, block.secondary_rows)


def resolve(data: OrgData) -> OrgData:
    """One id per (organization, role) across all sources; inferred posts for the superiors
    and reports that postings name, never for what a link names (a link only connects).

    Runs of records and columnar blocks keep their order; blocks stay blocks."""
    from orgmodel.graph.columns import PostBlock

    out = OrgData(issues=list(data.issues), sources=list(data.sources))
    org_alias: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for org in data.organizations:
        key = name_key(org.name)
        if key in by_name:
            org_alias[org.id] = by_name[key]
            continue
        if org.id in by_name.values():
            continue
        by_name[key] = org.id
        out.organizations.append(org)

    def org_of(org: str | None) -> str | None:
        return org_alias.get(org, org) if org else org

    chunks: list[PostBlock | tuple[list[PostRecord], list[Relation]]] = [
        _replaced(c, "org", org_alias) if isinstance(c, PostBlock) else c for c in data.chunks()
    ]
    tables = TablePosts(c for c in chunks if isinstance(c, PostBlock))
    index = RoleIndex(tables)
    post_alias: dict[str, str] = {}
    known: set[str] = set()

    def is_known(ident: str) -> bool:
        return ident in known or tables.has(ident)

    for unit in data.units:
        unit = unit._replace(org=org_of(unit.org))
        existing = index.find(unit.org, True, unit.name)
        if existing and existing != unit.id:
            post_alias[unit.id] = existing  # same name, same organization: the same unit
            continue
        if unit.id in known:
            continue
        known.add(unit.id)
        index.add(unit.org, True, unit.id, unit.name, unit.abbreviation)
        out.units.append(unit)
    placed: list[list[PostRecord]] = [[] for _ in chunks]  # each run's described posts
    late: list[PostRecord] = []  # postings' posts and inferred ones, after every source
    postings: list[PostRecord] = []
    for at, chunk in enumerate(chunks):
        if isinstance(chunk, PostBlock):
            continue
        for post in chunk[0]:
            if (post.attributes or {}).get("posting"):
                postings.append(post)
                continue
            post = post._replace(org=org_of(post.org))
            if post.id not in known:
                known.add(post.id)
                index.add(post.org, False, post.id, post.title, post.abbreviation)
            placed[at].append(post)  # a duplicate id too: kept for the validator
    for post in postings:
        post = post._replace(org=org_of(post.org))
        existing = index.find(post.org, False, post.title)
        if existing is not None:
            post_alias[post.id] = existing
            continue
        if not is_known(post.id):
            known.add(post.id)
            index.add(post.org, False, post.id, post.title, post.abbreviation)
        late.append(post)
    post_org = {p.id: p.org for run in placed for p in run}
    post_org.update({p.id: p.org for p in late})
    post_org.update({u.id: u.org for u in out.units})

    def org_of_post(ident: str) -> str | None:
        return post_org[ident] if ident in post_org else tables.org_of(ident)

    def inferred(org: str | None, name: str, unit: bool, prov: Prov) -> str:
        found = index.find(org, unit, name)
        if found is not None:
            return found
        ident = f"{org}/{slug(name)}" if org else slug(name)
        base, n = ident, 2
        while is_known(ident):
            ident, n = f"{base}-{n}", n + 1
        known.add(ident)
        guessed = Prov(prov.source, prov.line, prov.start, prov.end, prov.cue, inferred=True)
        if unit:
            kind = guess_unit_kind(name)
            out.units.append(UnitRecord(ident, name, kind, org, None, None, guessed))
        else:
            late.append(PostRecord(ident, name, org, prov=guessed))
        index.add(org, unit, ident, name, None)
        post_org[ident] = org
        return ident

    from_postings = {p.id for p in postings}

    def resolved(rel: Relation) -> Relation | None:
        subject = post_alias.get(rel.subject, rel.subject)
        subject_org = org_of_post(subject) if is_known(subject) else None
        obj = post_alias.get(rel.object, rel.object)
        if rel.subject not in from_postings and rel.object not in from_postings:
            # org files and tables: references stay as written, for the graph to resolve
            return rel._replace(subject=subject, object=obj)
        if rel.kind is RelKind.LINK:
            found = obj if is_known(obj) else _link_target(index, subject_org, obj)
            if found is None:  # "works with relevant individuals": no post to make
                out.issues.append(_unplaced_link(rel))
                return None
            return rel._replace(subject=subject, object=found)
        if not is_known(obj):
            wants_unit = rel.kind is RelKind.HEADS or (
                rel.kind is not RelKind.REPORTS_TO and looks_like_unit(obj)
            )
            if rel.kind is RelKind.REPORTS_TO and looks_like_unit(obj):
                wants_unit = index.find(subject_org, True, obj) is not None or any(
                    w in BODY_WORDS for w in name_key(obj).split()
                )
            obj = inferred(subject_org, obj, wants_unit, rel.prov)
        if not is_known(subject) and rel.kind is RelKind.REPORTS_TO:
            # "supervises: X" from a posting: X is the subject, named by role
            subject = inferred(org_of_post(obj), subject, False, rel.prov)
        return rel._replace(subject=subject, object=obj)

    lines: list[list[Relation]] = [[] for _ in chunks]
    links: list[Relation] = []  # last: one may name a post only a later line makes
    for at, chunk in enumerate(chunks):
        if isinstance(chunk, PostBlock):
            continue
        for rel in chunk[1]:
            if rel.kind is RelKind.LINK:
                links.append(rel)
            elif (done := resolved(rel)) is not None:
                lines[at].append(done)
    late_lines = [done for rel in links if (done := resolved(rel)) is not None]
    for at, chunk in enumerate(chunks):
        if isinstance(chunk, PostBlock):
            block = _replaced(chunk, "manager", post_alias)
            dotted = [
                rel._replace(
                    subject=post_alias.get(rel.subject, rel.subject),
                    object=post_alias.get(rel.object, rel.object),
                )
                for rel in block.secondary
            ]
            out.add_block(PostBlock(block.source, block.table, dotted, block.secondary_rows))
        else:
            out.record_posts.extend(placed[at])
            out.record_relations.extend(lines[at])
    out.record_posts.extend(late)
    out.record_relations.extend(late_lines)
    out.unit_ignores = {post_alias.get(k, k): v for k, v in data.unit_ignores.items()}
    return out
