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
provenance, for the validator to report.

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

from orgmodel.fileio import slug
from orgmodel.names.rules import acronym, guess_unit_kind, norm_name, parenthetical
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

__all__ = ["RoleIndex", "looks_like_unit", "resolve", "role_key"]

_UNIT_WORDS = frozenset(
    {"department", "office", "division", "services", "board", "council", "bureau",
     "committee", "commission", "unit", "program", "programs", "section", "team", "teams"}
)  # fmt: skip
_KIND_SUFFIXES = ("department", "office", "division", "unit", "section", "services", "team")


def looks_like_unit(name: str) -> bool:
    """Department, Office, Division, Services, Board, Council ... name units, not posts.

    >>> looks_like_unit("Facilities Department"), looks_like_unit("Office of Enrollment")
    (True, True)
    >>> looks_like_unit("Director of Facilities")
    False
    """
    words = norm_name(name).split()
    heads = {"office", "board", "department", "division"}
    return bool(words) and (words[-1] in _UNIT_WORDS or words[0] in heads)


def role_key(name: str) -> str:
    """The comparable form of a role or unit name: normalised, kind word dropped for units.

    >>> role_key("the Facilities Department") == role_key("Facilities")
    True
    """
    key = norm_name(name)
    for suffix in _KIND_SUFFIXES:
        if key.endswith(" " + suffix):
            return key[: -len(suffix) - 1]
    return key


class RoleIndex:
    """Names -> ids within each organization, for posts and units separately."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str | None, bool, str], list[str]] = {}
        self.abbrevs: dict[tuple[str | None, bool, str], list[str]] = {}
        self.titles: dict[tuple[str | None, bool], list[tuple[str, str]]] = {}

    def add(
        self, org: str | None, unit: bool, ident: str, name: str, abbreviation: str | None
    ) -> None:
        bucket = self.keys.setdefault((org, unit, role_key(name)), [])
        if ident not in bucket:
            bucket.append(ident)
        for abbr in {abbreviation, parenthetical(name), acronym(name)}:
            if abbr:
                bucket = self.abbrevs.setdefault((org, unit, abbr.upper()), [])
                if ident not in bucket:
                    bucket.append(ident)
        self.titles.setdefault((org, unit), []).append((role_key(name), ident))

    def find(self, org: str | None, unit: bool, name: str) -> str | None:
        """The one id this name denotes in ``org``, or None when none or several do."""
        key = role_key(name)
        hits = self.keys.get((org, unit, key), [])
        if not hits:
            abbr = parenthetical(name) or (key if key and " " not in key else "")
            if abbr:
                hits = self.abbrevs.get((org, unit, abbr.upper()), [])
        if not hits and key:
            words = key.split()
            hits = sorted(
                {i for k, i in self.titles.get((org, unit), []) if k.split()[: len(words)] == words}
            )
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


def resolve(data: OrgData) -> OrgData:
    """One id per (organization, role) across all sources; inferred posts for the superiors
    and reports that postings name, never for what a link names (a link only connects)."""
    out = OrgData(issues=list(data.issues), sources=list(data.sources))
    org_alias: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for org in data.organizations:
        key = norm_name(org.name)
        if key in by_name:
            org_alias[org.id] = by_name[key]
            continue
        if org.id in by_name.values():
            continue
        by_name[key] = org.id
        out.organizations.append(org)

    def org_of(org: str | None) -> str | None:
        return org_alias.get(org, org) if org else org

    index = RoleIndex()
    post_alias: dict[str, str] = {}
    known: set[str] = set()
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
    described = [p for p in data.posts if not (p.attributes or {}).get("posting")]
    postings = [p for p in data.posts if (p.attributes or {}).get("posting")]
    for post in described + postings:
        post = post._replace(org=org_of(post.org))
        existing = index.find(post.org, False, post.title)
        if existing is not None and (post.attributes or {}).get("posting"):
            post_alias[post.id] = existing
            continue
        if post.id in known:
            out.posts.append(post)  # a duplicate id: kept for the validator
            continue
        known.add(post.id)
        index.add(post.org, False, post.id, post.title, post.abbreviation)
        out.posts.append(post)
    post_org = {p.id: p.org for p in out.posts}
    post_org.update({u.id: u.org for u in out.units})

    def inferred(org: str | None, name: str, unit: bool, prov: Prov) -> str:
        found = index.find(org, unit, name)
        if found is not None:
            return found
        ident = f"{org}/{slug(name)}" if org else slug(name)
        base, n = ident, 2
        while ident in known:
            ident, n = f"{base}-{n}", n + 1
        known.add(ident)
        guessed = Prov(prov.source, prov.line, prov.start, prov.end, prov.cue, inferred=True)
        if unit:
            kind = guess_unit_kind(name)
            out.units.append(UnitRecord(ident, name, kind, org, None, None, guessed))
        else:
            out.posts.append(PostRecord(ident, name, org, prov=guessed))
        index.add(org, unit, ident, name, None)
        post_org[ident] = org
        return ident

    from_postings = {p.id for p in postings}
    # links last: one may name a post only a later reporting line makes (an inferred superior)
    lines = [r for r in data.relations if r.kind is not RelKind.LINK]
    links = [r for r in data.relations if r.kind is RelKind.LINK]
    for rel in lines + links:
        subject = post_alias.get(rel.subject, rel.subject)
        subject_org = post_org.get(subject) if subject in known else None
        obj = post_alias.get(rel.object, rel.object)
        if rel.subject not in from_postings and rel.object not in from_postings:
            # org files and tables: references stay as written, for the graph to resolve
            out.relations.append(rel._replace(subject=subject, object=obj))
            continue
        if rel.kind is RelKind.LINK:
            found = obj if obj in known else _link_target(index, subject_org, obj)
            if found is None:  # "works with relevant individuals": no post to make
                out.issues.append(_unplaced_link(rel))
            else:
                out.relations.append(rel._replace(subject=subject, object=found))
            continue
        if obj not in known:
            wants_unit = rel.kind is RelKind.HEADS or (
                rel.kind is not RelKind.REPORTS_TO and looks_like_unit(obj)
            )
            if rel.kind is RelKind.REPORTS_TO and looks_like_unit(obj):
                wants_unit = index.find(subject_org, True, obj) is not None or any(
                    w in norm_name(obj).split() for w in ("board", "council", "committee")
                )
            obj = inferred(subject_org, obj, wants_unit, rel.prov)
        if subject not in known and rel.kind is RelKind.REPORTS_TO:
            # "supervises: X" from a posting: X is the subject, named by role
            subject = inferred(post_org.get(obj), subject, False, rel.prov)
        out.relations.append(rel._replace(subject=subject, object=obj))
    out.unit_ignores = {post_alias.get(k, k): v for k, v in data.unit_ignores.items()}
    return out
