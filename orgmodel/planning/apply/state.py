"""The records a scenario edits, and what every edit needs to work on them.

:class:`EditState` holds the base's posts and units by id and its relations
with their objects resolved to ids (so a line given by name follows the post,
whatever it is renamed to). It turns the names an edit gives into ids --
refusing a name that matches nothing, several things, or something an earlier
edit removed -- makes new ids, keeps the primary tree (``up``/``down``) for the
cycle check, and gives each fact an edit makes the scenario's file and line.
The edits themselves are in :mod:`orgmodel.planning.apply.posts` and
:mod:`orgmodel.planning.apply.units`; :func:`orgmodel.planning.apply.apply` runs them in order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from orgmodel.diff.match import unit_nodes
from orgmodel.errors import AmbiguousNameError, NameNotFoundError
from orgmodel.fileio import slug
from orgmodel.graph import OrgGraph
from orgmodel.names.lookup import find, find_org_among
from orgmodel.names.rules import name_key
from orgmodel.planning.scenario import Scenario
from orgmodel.records import (
    BODY_KINDS,
    LineKind,
    OrgData,
    OrgRecord,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitRecord,
)

__all__ = ["PRIMARY", "REPORTS", "SECONDARY", "EditState", "Handler", "Refused"]

PRIMARY, SECONDARY, REPORTS = LineKind.PRIMARY, LineKind.SECONDARY, RelKind.REPORTS_TO


class Refused(Exception):
    """An edit that cannot be made; :func:`~orgmodel.planning.apply.apply` turns it into a
    SourceError with the edit's file and line."""


def _resolved_objects(graph: OrgGraph) -> dict[int, str]:
    """id(relation) -> the id its object resolved to in the graph (names become ids)."""
    out: dict[int, str] = {}
    for sub, rel in enumerate(graph.parent_rel):
        if rel is not None:
            out[id(rel)] = graph.id_of(graph.parent[sub])
    for table in (graph.extra_primary, graph.secondary, graph.heads):
        for pairs in table.values():
            for node, rel in pairs:
                out[id(rel)] = graph.id_of(node)
    for _, obj, rel in graph.links:
        out[id(rel)] = graph.id_of(obj)
    return out


class EditState:
    """The records being edited: posts and units by id, relations with resolved objects."""

    def __init__(self, base: OrgData, scenario: Scenario) -> None:
        self.graph = graph = OrgGraph(base)
        self.path = scenario.path
        self.orgs: list[OrgRecord] = list(graph.orgs.values())
        where = unit_nodes(graph)
        self.posts: dict[str, PostRecord] = {}
        for n, post in enumerate(graph.posts):
            in_unit = graph.id_of(where[n]) if where[n] >= 0 else post.unit
            self.posts[post.id] = post._replace(unit=in_unit)
        self.extra_posts = [dup for first, dup in graph.duplicates if isinstance(dup, PostRecord)]
        self.units: dict[str, UnitRecord] = {}
        for k, unit in enumerate(graph.units):
            up = graph.unit_of(graph.post_count + k)
            part_of = graph.id_of(up) if up is not None else unit.part_of
            self.units[unit.id] = unit._replace(part_of=part_of)
        resolved = _resolved_objects(graph)
        self.rels: dict[str, list[Relation]] = {}
        self.up: dict[str, str] = {}
        self.down: dict[str, list[str]] = {}
        for rel in base.relations:
            rel = rel._replace(object=resolved.get(id(rel), rel.object))
            self.rels.setdefault(rel.subject, []).append(rel)
            if _is_primary(rel) and rel.subject not in self.up:
                self.up[rel.subject] = rel.object
                self.down.setdefault(rel.object, []).append(rel.subject)
        self.issues = list(base.issues)
        self.removed: dict[str, int] = {}  # id -> line of the edit that removed it
        self.added_titles: dict[str, list[str]] = {}
        self.line = 0
        self.verb = ""

    # ------------------------------------------------------------ names

    def prov(self) -> Prov:
        """The scenario's file and line, with the edit as the cue (saved with the fact)."""
        return Prov(self.path, self.line, cue=self.verb)

    def post(self, ref: str, instead: str | None = None) -> str:
        """The id of the post ``ref`` names (refused when none, several, or removed).

        A name that is a unit's says so, and which edit (``instead``) works on units.
        """
        if ref in self.posts:
            return ref
        if ref in self.removed:
            raise Refused(f"{ref!r} was removed by the edit on line {self.removed[ref]}")
        added = self.added_titles.get(name_key(ref), [])
        if len(added) == 1:
            return added[0]
        try:
            node = find(self.graph, ref, units=False)
        except NameNotFoundError as exc:
            try:
                unit = self.unit(ref)
            except Refused:
                raise Refused(str(exc)) from None
            rec = self.units[unit]
            hint = f"; use '{instead}: {ref}' for a unit" if instead else ""
            what = f"{ref!r} is a unit ({rec.name}, a {rec.kind}), not a post"
            raise Refused(what + hint) from None
        except AmbiguousNameError as exc:
            raise Refused(str(exc)) from None
        ident = self.graph.id_of(node)
        if ident in self.removed:
            raise Refused(f"{ref!r} was removed by the edit on line {self.removed[ident]}")
        return ident

    def unit(self, ref: str) -> str:
        """The id of the unit ``ref`` names."""
        if ref in self.units:
            return ref
        if ref in self.removed:
            raise Refused(f"unit {ref!r} was removed by the edit on line {self.removed[ref]}")
        named = [
            u.id
            for u in self.units.values()
            if name_key(u.name, unit=True) == name_key(ref, unit=True)
        ]
        if len(named) == 1:
            return named[0]
        try:
            node = find(self.graph, ref, posts=False)
        except (NameNotFoundError, AmbiguousNameError) as exc:
            raise Refused(str(exc).replace("post or unit", "unit")) from None
        ident = self.graph.id_of(node)
        if ident not in self.units:
            raise Refused(f"unit {ref!r} was removed by the edit on line {self.removed[ident]}")
        return ident

    def post_or_unit(self, ref: str) -> str:
        """A post, else a unit (what an informational link may point to)."""
        try:
            return self.post(ref)
        except Refused as not_post:
            try:
                return self.unit(ref)
            except Refused:
                raise not_post from None

    def superior(self, ref: str) -> str:
        """A post, or a body (board, council) posts report to."""
        if ref in self.units and self.units[ref].kind in BODY_KINDS:
            return ref
        try:
            return self.post(ref)
        except Refused:
            try:
                ident = self.unit(ref)
            except Refused:
                raise Refused(f"no post or board matches {ref!r}") from None
            if self.units[ident].kind not in BODY_KINDS:
                raise Refused(
                    f"{self.units[ident].name!r} is a {self.units[ident].kind}, not a post or "
                    "a body a post can report to"
                ) from None
            return ident

    def name(self, ident: str) -> str:
        rec = self.posts.get(ident)
        if rec is not None:
            return rec.title
        unit = self.units.get(ident)
        return unit.name if unit is not None else ident

    def org_of(self, ident: str) -> str | None:
        rec = self.posts.get(ident) or self.units.get(ident)
        return rec.org if rec is not None else None

    def organization(self, ref: str) -> str:
        """The id of the organization ``ref`` names: the base's, or one an edit added."""
        try:
            found = find_org_among(self.orgs, ref)
        except AmbiguousNameError as exc:
            raise Refused(str(exc)) from None
        if found is None:
            raise Refused(
                f"no organization matches {ref!r}; add it first with 'add_organization: NAME'"
            )
        return found

    def new_id(self, given: str | None, org: str | None, name: str) -> str:
        if given is not None:
            if given in self.posts or given in self.units:
                raise Refused(f"id {given!r} is already taken by {self.name(given)!r}")
            return given
        base = f"{org}/{slug(name)}" if org else slug(name)
        ident, n = base, 2
        while ident in self.posts or ident in self.units or ident in self.removed:
            ident, n = f"{base}-{n}", n + 1
        return ident

    # ------------------------------------------------------------ structure

    def refuse_cycle(self, post: str, superior: str) -> None:
        """Refuse putting ``post`` under ``superior`` when ``superior`` is below it."""
        if post == superior:
            raise Refused(f"{self.name(post)} cannot report to itself")
        chain, seen, node = [], {superior}, superior
        while node != post:
            up = self.up.get(node)
            if up is None or up in seen:
                return
            seen.add(up)
            chain.append(up)
            node = up
        via = [self.name(c) for c in chain[:-1]]
        through = f" (through {', '.join(via)})" if via else ""
        raise Refused(
            f"{self.name(post)} cannot go under {self.name(superior)}: "
            f"{self.name(superior)} reports{through} to {self.name(post)}, "
            "which would make a cycle"
        )

    def set_superior(self, post: str, superior: str | None) -> None:
        """Replace every primary line of ``post`` by one to ``superior`` (None: a top post)."""
        rels = self.rels.setdefault(post, [])
        rels[:] = [r for r in rels if not _is_primary(r)]
        old = self.up.pop(post, None)
        if old is not None:
            self.down[old].remove(post)
        if superior is not None:
            rels.append(Relation(REPORTS, post, superior, PRIMARY, False, self.prov()))
            self.up[post] = superior
            self.down.setdefault(superior, []).append(post)
        self.posts[post] = self.posts[post]._replace(root=superior is None)

    def all_rels(self) -> list[Relation]:
        return [rel for rels in self.rels.values() for rel in rels]

    def map_rels(self, fn: Callable[[Relation], Relation | None]) -> None:
        """Rewrite (or drop, when ``fn`` returns None) every relation, keeping their order."""
        for rels in self.rels.values():
            rels[:] = _unique([r for r in map(fn, rels) if r is not None])

    # ------------------------------------------------------------ result

    def result(self, sources: list[str]) -> OrgData:
        return OrgData(
            organizations=self.orgs,
            units=list(self.units.values()),
            posts=[*self.posts.values(), *self.extra_posts],
            relations=self.all_rels(),
            issues=self.issues,
            sources=sources,
        )


Handler = Callable[[EditState, Any], None]
"""An edit's implementation: it changes the state, or raises :class:`Refused`."""


def _is_primary(rel: Relation) -> bool:
    return rel.kind is REPORTS and rel.qualifier != SECONDARY


def _unique(rels: list[Relation]) -> list[Relation]:
    """Drop a relation stated twice (a post heading a merged unit twice)."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for rel in rels:
        key = (rel.kind, rel.subject, rel.object, rel.qualifier)
        if key not in seen:
            seen.add(key)
            out.append(rel)
    return out
