"""Tops and loose ends: several tops, posts with no superior, references that lead nowhere.

An organization's chart hangs from one top (a post marked `root`, or a
board). These rules find organizations with several tops, posts left
without a superior that nobody marked as a top, abolished posts still listed
as tops, and references -- to a superior, a unit, a head -- that match no
post or unit, or several, or a superior that is a department rather than a
post or a board.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from orgmodel.records import LineKind, PostRecord, Relation, RelKind, UnitRecord
from orgmodel.rules.context import Check
from orgmodel.rules.report import Finding, Severity
from orgmodel.rules.rule import rule

__all__ = [
    "RULES",
    "ambiguous_reference",
    "dangling_reference",
    "eliminated_root",
    "orphan_post",
    "several_roots",
    "unit_as_superior",
]


def _eliminated(rec: PostRecord) -> bool:
    return (rec.attributes or {}).get("status") == "eliminated"


def _top_kind(check: Check, node: int) -> str | None:
    """Why a node is a top of the chart: 'designed', 'orphan', 'eliminated' (None: not a top)."""
    graph = check.graph
    if graph.parent[node] != -1:
        return None
    rec = graph.record(node)
    if not isinstance(rec, PostRecord):
        return "designed"  # a board or other unit that posts report to
    if _eliminated(rec):
        return "eliminated"
    if rec.root or rec.prov.inferred:
        return "designed"
    if node in check.facts.unresolved_primary:
        return None  # it has a superior; the reference did not resolve (R003/R004)
    if node in graph.secondary:
        return None  # only a dotted line: L003's
    return "orphan"


@rule("R001", "several-roots", Severity.WARNING, allowed=1)
def several_roots(check: Check) -> Iterator[Finding]:
    """An organization whose chart has several tops.

    Counts the posts marked as the top (`root: true`, `XX` in a UK
    organogram, an empty manager cell in a CSV), the boards posts report to,
    and posts only inferred from postings that have no superior. Several tops
    usually mean posts whose superior was left out, or separate bodies mixed
    into one organization. Posts with no superior that are not marked as tops
    are R002's, abolished posts left as tops R005's. Option `allowed`: how
    many tops an organization may have (1).

    Fails::

        organizations:
          - name: Ministry of Example
            posts:
              - {id: pus, title: Permanent Under-Secretary, root: true}
              - {id: cds, title: Chief of the Defence Staff, root: true}

    Passes::

        organizations:
          - name: Ministry of Example
            posts:
              - {id: pus, title: Permanent Under-Secretary, root: true}
              - {id: cds, title: Chief of the Defence Staff, reports_to: pus}
    """
    graph = check.graph
    by_org: dict[str | None, list[int]] = {}
    for node in graph.roots:
        if _top_kind(check, node) == "designed":
            by_org.setdefault(graph.org_of(node), []).append(node)
    allowed = int(check.options["allowed"])
    for org, tops in by_org.items():
        if len(tops) <= allowed:
            continue
        listed = "; ".join(f"{check.name(n)} ({check.where(check.prov(n))})" for n in tops[:10])
        more = f"; and {len(tops) - 10:,} more" if len(tops) > 10 else ""
        if org is None:  # a registry of separate bodies, or a table with no organization column
            said = f"{len(tops):,} posts in no organization are top posts with no superior"
        else:
            owner = graph.orgs[org].name if org in graph.orgs else org
            said = f"{owner} has {len(tops):,} top posts with no superior"
        yield check.finding(
            f"{said}: {listed}{more}",
            tops,
            [check.prov(n) for n in tops],
        )


@rule("R002", "orphan-post", Severity.WARNING)
def orphan_post(check: Check) -> Iterator[Finding]:
    """A post with no superior that is not marked as the top of its organization.

    The post floats above the chart as a separate top. Give it a superior,
    or mark it `root: true` if it is the top by design. (Posts inferred from
    a posting, whose superior no source describes, count as tops under R001;
    a post with only a dotted line is L003's.)

    Fails::

        organizations:
          - name: City of Minneapolis
            posts:
              - {id: clerk, title: City Clerk, root: true}
              - {id: deputy, title: Deputy City Clerk}

    Passes::

        organizations:
          - name: City of Minneapolis
            posts:
              - {id: clerk, title: City Clerk, root: true}
              - {id: deputy, title: Deputy City Clerk, reports_to: clerk}
    """
    for node in check.graph.roots:
        if _top_kind(check, node) == "orphan":
            yield check.finding(
                f"{check.name(node)} has no superior and is not marked as the top "
                "of its organization",
                [node],
                [check.prov(node)],
            )


@rule("R005", "eliminated-root", Severity.WARNING)
def eliminated_root(check: Check) -> Iterator[Finding]:
    """An abolished post (marked Eliminated) still listed as a top post.

    UK organograms mark abolished posts "Eliminated" and often give them
    `XX` as superior, which makes each a separate top of the chart. Drop the
    row, or attach it where it was.

    Fails::

        # organogram-senior.csv
        Post Unique Reference,Name,Job Title,Organisation,Reports to Senior Post
        1,Jane Doe,Permanent Secretary,Department for Example,XX
        3,Eliminated,Director General Networks,Department for Example,XX

    Passes::

        # organogram-senior.csv
        Post Unique Reference,Name,Job Title,Organisation,Reports to Senior Post
        1,Jane Doe,Permanent Secretary,Department for Example,XX
        3,John Roe,Director General Networks,Department for Example,1
    """
    for node in check.graph.roots:
        if _top_kind(check, node) == "eliminated":
            yield check.finding(
                f"{check.name(node)} is marked Eliminated but is still listed as a top post",
                [node],
                [check.prov(node)],
            )


def _what(rel: Relation) -> str:
    if rel.kind is RelKind.REPORTS_TO:
        return "has a dotted line to" if rel.qualifier == LineKind.SECONDARY else "reports to"
    if rel.kind is RelKind.HEADS:
        return "heads"
    return f"has a {str(rel.qualifier or 'link').replace('_', ' ')} link to"


def _grouped(
    check: Check, rels: list[tuple[Relation, Any]]
) -> dict[tuple[Any, ...], list[tuple[int | str, Relation]]]:
    """One group per wrong reference: same kind, same text, same organization."""
    graph = check.graph
    groups: dict[tuple[Any, ...], list[tuple[int | str, Relation]]] = {}
    for rel, extra in rels:
        node = graph.index.get(rel.subject)
        subject: int | str = node if node is not None else rel.subject
        org = graph.org_of(node) if node is not None else None
        key = (_what(rel), rel.object, org, extra)
        groups.setdefault(key, []).append((subject, rel))
    return groups


def _subject_names(check: Check, members: list[tuple[int | str, Relation]]) -> str:
    nodes = [s for s, _ in members]
    named = [check.name(s) if isinstance(s, int) else repr(s) for s in nodes[:8]]
    text = ", ".join(named)
    if len(nodes) > 8:
        text += f" and {len(nodes) - 8:,} more"
    return text


def _unit_refs(check: Check) -> tuple[list[tuple[Relation, Any]], list[tuple[Relation, Any]]]:
    """Unit references (a post's `unit`, a unit's `part_of`) that match no unit, or several.

    Each distinct (organization, reference) is resolved once, so a million
    posts in eight departments cost eight look-ups.
    """
    import pyarrow.compute as pc

    graph = check.graph
    base = graph.post_count
    units = graph.posts.arrow("unit")  # each distinct (organization, unit) once, column-wise
    pairs = pc.binary_join_element_wise(graph.posts.arrow("org").fill_null("\x01"), units, "\x00")
    refs: set[tuple[str | None, str | None]] = set()
    for key in pc.unique(pairs.drop_null()).to_pylist():
        org, _, ref = key.partition("\x00")
        refs.add((None if org == "\x01" else org, ref))
    refs.update((u.org, u.part_of) for u in graph.units)
    dangling: list[tuple[Relation, Any]] = []
    ambiguous: list[tuple[Relation, Any]] = []
    for org, ref in refs:
        if not ref:
            continue
        hit = graph.index.get(ref)
        if hit is not None and hit >= base:
            continue
        found = [h for h in graph.names.candidates(ref) if h >= base]
        same = [h for h in found if graph.org_of(h) == org] or found
        if len(same) == 1:
            continue
        node = _unit_members(check, org, ref)[0]
        rel = Relation(RelKind.LINK, graph.id_of(node), ref, "unit", False, check.prov(node))
        if same:
            ambiguous.append((rel, tuple(same)))
        else:
            dangling.append((rel, None))
    return dangling, ambiguous


def _unit_members(check: Check, org: str | None, ref: str) -> list[int]:
    """Every post or unit that names `ref` as its unit or parent unit (for the finding)."""
    graph = check.graph
    out = [
        n
        for n, (u, o) in enumerate(zip(graph.column("unit"), graph.column("org"), strict=True))
        if u == ref and o == org
    ]
    base = graph.post_count
    out += [base + j for j, u in enumerate(graph.units) if u.part_of == ref and u.org == org]
    return out


@rule("R003", "dangling-reference", Severity.ERROR)
def dangling_reference(check: Check) -> Iterator[Finding]:
    """A reference to a superior, unit or head that matches no post or unit anywhere.

    The line is lost: the post appears without that superior (or outside
    that unit). Usually a typo, an id from another export, or a post that was
    deleted. Posts that name the same missing reference are one finding.

    Fails::

        organizations:
          - name: City of Minneapolis
            posts:
              - {id: clerk, title: City Clerk, root: true}
              - {id: deputy, title: Deputy City Clerk, reports_to: Chief Clerk}

    Passes::

        organizations:
          - name: City of Minneapolis
            posts:
              - {id: clerk, title: City Clerk, root: true}
              - {id: deputy, title: Deputy City Clerk, reports_to: City Clerk}
    """
    graph = check.graph
    unit_dangling, _ = check.facts.memo("unit-refs", lambda: _unit_refs(check))
    rels: list[tuple[Relation, Any]] = [(r, None) for r in graph.resolution.dangling]
    groups = _grouped(check, rels)
    for (what, obj, _, _), members in groups.items():
        yield check.finding(
            f"{_subject_names(check, members)} {what} {obj!r}, which matches no post or unit",
            [s for s, _ in members],
            [r.prov for _, r in members],
        )
    for rel, _ in unit_dangling:
        node = graph.index[rel.subject]
        users = _unit_members(check, graph.org_of(node), rel.object)
        posts = sum(1 for n in users if graph.is_post(n))
        verb = "in" if posts == len(users) else "part of" if not posts else "in or part of"
        verb = ("are " if len(users) > 1 else "is ") + verb
        yield check.finding(
            f"{check.names(users)} {verb} unit {rel.object!r}, which matches no unit",
            users,
            [check.prov(n) for n in users[:50]],
        )
    for rel in graph.unresolved_subjects:
        yield check.finding(
            f"a line from {rel.subject!r} to {rel.object!r}: {rel.subject!r} matches no post",
            [rel.subject],
            [rel.prov],
        )


@rule("R004", "ambiguous-reference", Severity.ERROR)
def ambiguous_reference(check: Check) -> Iterator[Finding]:
    """A reference that matches several posts or units, so none is used.

    A name such as "Director" or "COO" that several posts answer to cannot be
    followed; the line is dropped. Use the id, or a full title that only one
    post has.

    Fails::

        organizations:
          - name: City of Hartford
            posts:
              - {id: mayor, title: Mayor, root: true}
              - {id: dir-a, title: Director, reports_to: mayor}
              - {id: dir-b, title: Director, reports_to: mayor}
              - {id: analyst, title: Budget Analyst, reports_to: Director}

    Passes::

        organizations:
          - name: City of Hartford
            posts:
              - {id: mayor, title: Mayor, root: true}
              - {id: dir-a, title: Director, reports_to: mayor}
              - {id: dir-b, title: Director, reports_to: mayor}
              - {id: analyst, title: Budget Analyst, reports_to: dir-a}
    """
    graph = check.graph
    _, unit_ambiguous = check.facts.memo("unit-refs", lambda: _unit_refs(check))
    rels: list[tuple[Relation, Any]] = [(r, tuple(h)) for r, h in graph.resolution.ambiguous]
    for (what, obj, _, hits), members in _grouped(check, rels).items():
        yield check.finding(
            f"{_subject_names(check, members)} {what} {obj!r}, which could be any of "
            f"{check.names(list(hits))}; use an id or a title only one has",
            [*(s for s, _ in members), *hits],
            [r.prov for _, r in members],
        )
    for rel, hits in unit_ambiguous:
        node = graph.index[rel.subject]
        users = _unit_members(check, graph.org_of(node), rel.object)
        yield check.finding(
            f"{check.names(users)} name unit {rel.object!r}, which could be any of "
            f"{check.names(list(hits))}; use an id",
            [*users, *hits],
            [check.prov(n) for n in users[:50]],
        )


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeio" else f"a {kind}"


def _which_unit(check: Check, ref: str, units: tuple[int, ...]) -> str:
    """`a department (Facilities Department)`, or several units by name."""
    graph = check.graph
    if len(units) > 1:
        return f"units ({check.names(list(units))}), not posts or boards"
    rec = graph.record(units[0])
    kind = str(rec.kind) if isinstance(rec, UnitRecord) else "unit"
    named = "" if graph.title(units[0]) == ref else f" ({check.name(units[0])})"
    return f"{_a(kind)}{named}, not a post or a board"


@rule("R006", "unit-as-superior", Severity.ERROR)
def unit_as_superior(check: Check) -> Iterator[Finding]:
    """A reporting line to a department, office or other unit that is not a board.

    A post reports to a post -- or to a body such as a board, council or
    committee -- not to a department: the line is not used, by id or by
    name, so the post has no superior on the chart. Name the post that
    heads the unit (the finding says who, when a post heads it).

    Fails::

        organizations:
          - name: Hartford Public Schools
            units:
              - {id: facilities, name: Facilities Department}
            posts:
              - {id: dir, title: Director of Facilities, root: true, heads: facilities}
              - {id: mgr, title: Facilities Manager, reports_to: Facilities Department}

    Passes::

        organizations:
          - name: Hartford Public Schools
            units:
              - {id: facilities, name: Facilities Department}
            posts:
              - {id: dir, title: Director of Facilities, root: true, heads: facilities}
              - {id: mgr, title: Facilities Manager, reports_to: dir}
    """
    graph = check.graph
    rels: list[tuple[Relation, Any]] = [(r, tuple(u)) for r, u in graph.resolution.not_body]
    for (what, obj, _, units), members in _grouped(check, rels).items():
        heads = list(dict.fromkeys(p for u in units for p, _ in graph.headed_by.get(u, [])))
        hint = f"; name the post that heads it: {check.names(heads)}" if heads else ""
        if len(units) > 1:
            hint = ""
        yield check.finding(
            f"{_subject_names(check, members)} {what} {obj!r}, which is "
            f"{_which_unit(check, obj, units)}: the line is not used{hint}",
            [*(s for s, _ in members), *units],
            [r.prov for _, r in members],
        )


RULES = (
    several_roots,
    orphan_post,
    dangling_reference,
    ambiguous_reference,
    eliminated_root,
    unit_as_superior,
)
