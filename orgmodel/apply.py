"""Apply a scenario's edits to an org structure's records: the proposed org.

:func:`apply` works on :class:`~orgmodel.records.OrgData` (what any source
reads into) and returns new records; nothing is written and the base is not
touched, so a refused edit leaves no trace. An edit is refused -- with the
scenario's file and line -- when it names a post or unit that does not
exist (or an earlier edit removed), or when it would put a post under its own
reports (a cycle). Every fact an edit makes carries the scenario's file and
line as its provenance, so the saved proposal says where each change came from.

>>> from orgmodel.orgfile import parse_orgfile
>>> from orgmodel.scenario import parse_scenario
>>> base = parse_orgfile('''
... organizations:
...   - name: Acme
...     posts:
...       - {id: ceo, title: Chief Executive, root: true}
...       - {id: cfo, title: Chief Financial Officer, reports_to: ceo}
...       - {id: ctl, title: Controller, reports_to: cfo}
... ''', "acme.yaml")
>>> plan = parse_scenario('''
... edits:
...   - move: Controller
...     to: ceo
...   - remove: cfo
... ''', "plan.yaml")
>>> new = apply(base, plan)
>>> [(r.subject, r.object, r.prov.where(), r.prov.cue) for r in new.relations]
[('ctl', 'ceo', 'plan.yaml:3', 'move')]
>>> bad = parse_scenario("edits:\\n  - move: ceo\\n    to: ctl\\n", "bad.yaml")
>>> apply(base, bad)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
orgmodel.errors.SourceError: bad.yaml:2: move: Chief Executive cannot go under Controller: ...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from orgmodel.diff.match import unit_nodes
from orgmodel.errors import AmbiguousNameError, NameNotFoundError, SourceError
from orgmodel.fileio import slug
from orgmodel.graph import OrgGraph
from orgmodel.lookup import find, find_org
from orgmodel.model import HeadRef, LineRef, PostSpec, UnitSpec
from orgmodel.naming import norm_name
from orgmodel.records import (
    BODY_KINDS,
    LineKind,
    LinkType,
    OrgData,
    OrgRecord,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitRecord,
)
from orgmodel.scenario import (
    AddDottedEdit,
    AddEdit,
    AddUnitEdit,
    Edit,
    FillEdit,
    MergeUnitsEdit,
    MoveEdit,
    MoveUnitEdit,
    RemoveDottedEdit,
    RemoveEdit,
    RemoveUnitEdit,
    RenameUnitEdit,
    RetitleEdit,
    Scenario,
    SetEdit,
    SplitUnitEdit,
    VacateEdit,
)

__all__ = ["apply"]

PRIMARY, SECONDARY, REPORTS = LineKind.PRIMARY, LineKind.SECONDARY, RelKind.REPORTS_TO


class _Refused(Exception):
    """An edit that cannot be made; turned into a SourceError with the edit's line."""


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


class _State:
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

    def post(self, ref: str) -> str:
        """The id of the post ``ref`` names (refused when none, several, or removed)."""
        if ref in self.posts:
            return ref
        if ref in self.removed:
            raise _Refused(f"{ref!r} was removed by the edit on line {self.removed[ref]}")
        added = self.added_titles.get(norm_name(ref), [])
        if len(added) == 1:
            return added[0]
        try:
            node = find(self.graph, ref, units=False)
        except (NameNotFoundError, AmbiguousNameError) as exc:
            raise _Refused(str(exc)) from None
        ident = self.graph.id_of(node)
        if ident in self.removed:
            raise _Refused(f"{ref!r} was removed by the edit on line {self.removed[ident]}")
        return ident

    def unit(self, ref: str) -> str:
        """The id of the unit ``ref`` names."""
        if ref in self.units:
            return ref
        if ref in self.removed:
            raise _Refused(f"unit {ref!r} was removed by the edit on line {self.removed[ref]}")
        named = [u.id for u in self.units.values() if norm_name(u.name) == norm_name(ref)]
        if len(named) == 1:
            return named[0]
        try:
            node = find(self.graph, ref, posts=False)
        except (NameNotFoundError, AmbiguousNameError) as exc:
            raise _Refused(str(exc).replace("post or unit", "unit")) from None
        ident = self.graph.id_of(node)
        if ident not in self.units:
            raise _Refused(f"unit {ref!r} was removed by the edit on line {self.removed[ident]}")
        return ident

    def superior(self, ref: str) -> str:
        """A post, or a body (board, council) posts report to."""
        if ref in self.units and self.units[ref].kind in BODY_KINDS:
            return ref
        try:
            return self.post(ref)
        except _Refused:
            try:
                ident = self.unit(ref)
            except _Refused:
                raise _Refused(f"no post or board matches {ref!r}") from None
            if self.units[ident].kind not in BODY_KINDS:
                raise _Refused(
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
        known = {o.id for o in self.orgs}
        if ref in known:
            return ref
        try:
            found = find_org(self.graph, ref)
        except AmbiguousNameError as exc:
            raise _Refused(str(exc)) from None
        if found is None:
            raise _Refused(f"no organization matches {ref!r}")
        return found

    def new_id(self, given: str | None, org: str | None, name: str) -> str:
        if given is not None:
            if given in self.posts or given in self.units:
                raise _Refused(f"id {given!r} is already taken by {self.name(given)!r}")
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
            raise _Refused(f"{self.name(post)} cannot report to itself")
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
        raise _Refused(
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

    # ------------------------------------------------------------ edits

    def move(self, e: MoveEdit) -> None:
        post = self.post(e.move)
        superior = self.superior(e.to) if e.to is not None else None
        if superior is not None:
            self.refuse_cycle(post, superior)
        self.set_superior(post, superior)
        if e.unit is not None:
            self.posts[post] = self.posts[post]._replace(unit=self.unit(e.unit))

    def add(self, e: AddEdit) -> None:
        spec: PostSpec = e.add
        reports = [self.superior(_to(r)) for r in spec.reports_to]
        org: str | None = None
        if e.organization is not None:
            org = self.organization(e.organization)
        elif reports:
            org = self.org_of(reports[0])
        ident = self.new_id(spec.id, org, spec.title)
        prov = self.prov()
        unit = self.unit(spec.unit) if spec.unit else None
        self.posts[ident] = PostRecord(
            ident,
            spec.title,
            org,
            unit,
            spec.abbreviation,
            spec.holder,
            spec.grade,
            spec.fte,
            spec.root or not reports,
            dict(spec.attributes) or None,
            prov,
        )
        rels = self.rels.setdefault(ident, [])
        for sup in reports:
            rels.append(Relation(REPORTS, ident, sup, PRIMARY, False, prov))
        if reports:
            self.up[ident] = reports[0]
            self.down.setdefault(reports[0], []).append(ident)
        for ref in spec.secondary:
            rels.append(Relation(REPORTS, ident, self.superior(_to(ref)), SECONDARY, False, prov))
        for head in spec.heads:
            unit_id = self.unit(head.unit if isinstance(head, HeadRef) else head)
            rels.append(Relation(RelKind.HEADS, ident, unit_id, None, False, prov))
        for link in spec.links:
            target = self.post(link.to)
            rels.append(Relation(RelKind.LINK, ident, target, LinkType(link.type), False, prov))
        self.added_titles.setdefault(norm_name(spec.title), []).append(ident)

    def remove(self, e: RemoveEdit) -> None:
        post = self.post(e.remove)
        if e.reports_go_to:
            target: str | None = self.superior(e.reports_go_to)
            if target == post:
                raise _Refused(f"{self.name(post)}'s reports cannot go to the post itself")
            assert target is not None
            self.refuse_cycle(post, target)
        else:
            target = self.up.get(post)
        for sub in list(self.down.get(post, [])):
            self.set_superior(sub, target)
        self.set_superior(post, None)
        prov = self.prov()
        heads = [r for r in self.rels.pop(post, []) if r.kind is RelKind.HEADS]
        if target in self.posts:  # the units it headed go with its reports
            self.rels.setdefault(target, []).extend(
                r._replace(subject=target, prov=prov) for r in heads
            )
        # dotted lines and links to the removed post go with it
        self.map_rels(lambda r: None if r.object == post else r)
        del self.posts[post]
        self.down.pop(post, None)
        self.removed[post] = self.line

    def retitle(self, e: RetitleEdit) -> None:
        post = self.post(e.retitle)
        rec = self.posts[post]
        abbreviation = e.abbreviation if "abbreviation" in e.model_fields_set else rec.abbreviation
        self.posts[post] = rec._replace(title=e.title, abbreviation=abbreviation)

    def fill(self, e: FillEdit) -> None:
        post = self.post(e.fill)
        rec = self.posts[post]
        attrs = {k: v for k, v in (rec.attributes or {}).items() if k != "status"}
        self.posts[post] = rec._replace(holder=e.holder, attributes=attrs or None)

    def vacate(self, e: VacateEdit) -> None:
        post = self.post(e.vacate)
        self.posts[post] = self.posts[post]._replace(holder=None)

    def set(self, e: SetEdit) -> None:
        post = self.post(e.set)
        changes: dict[str, Any] = {}
        given = e.model_fields_set
        if "unit" in given:
            changes["unit"] = self.unit(e.unit) if e.unit is not None else None
        if "grade" in given:
            changes["grade"] = e.grade
        if "fte" in given:
            changes["fte"] = e.fte
        self.posts[post] = self.posts[post]._replace(**changes)

    def _dotted(self, post: str, superior: str) -> Relation | None:
        for rel in self.rels.get(post, []):
            if rel.kind is REPORTS and rel.qualifier == SECONDARY and rel.object == superior:
                return rel
        return None

    def add_dotted(self, e: AddDottedEdit) -> None:
        post, superior = self.post(e.add_dotted), self.superior(e.to)
        if post == superior:
            raise _Refused(f"{self.name(post)} cannot have a dotted line to itself")
        if self._dotted(post, superior) is not None:
            raise _Refused(f"{self.name(post)} already has a dotted line to {self.name(superior)}")
        line = Relation(REPORTS, post, superior, SECONDARY, False, self.prov())
        self.rels.setdefault(post, []).append(line)

    def remove_dotted(self, e: RemoveDottedEdit) -> None:
        post, superior = self.post(e.remove_dotted), self.superior(e.from_)
        rel = self._dotted(post, superior)
        if rel is None:
            raise _Refused(f"{self.name(post)} has no dotted line to {self.name(superior)}")
        self.rels[post].remove(rel)

    def _new_unit(self, spec: UnitSpec, organization: str | None, parent: str | None) -> str:
        part_of = self.unit(spec.part_of) if spec.part_of else parent
        org: str | None = None
        if organization is not None:
            org = self.organization(organization)
        elif part_of:
            org = self.org_of(part_of)
        ident = self.new_id(spec.id, org, spec.name)
        kind = spec.kind
        self.units[ident] = UnitRecord(
            ident, spec.name, kind, org, part_of, spec.abbreviation, self.prov()
        )
        return ident

    def add_unit(self, e: AddUnitEdit) -> None:
        self._new_unit(e.add_unit, e.organization, None)

    def _drop_unit(self, unit: str, posts_to: str | None) -> None:
        parent = self.units[unit].part_of
        for ident, post in list(self.posts.items()):
            if post.unit == unit:
                self.posts[ident] = post._replace(unit=posts_to)
        for ident, sub in list(self.units.items()):
            if sub.part_of == unit:
                self.units[ident] = sub._replace(part_of=parent if ident != parent else None)
        self.map_rels(lambda r: None if r.kind is RelKind.HEADS and r.object == unit else r)
        del self.units[unit]
        self.removed[unit] = self.line

    def remove_unit(self, e: RemoveUnitEdit) -> None:
        unit = self.unit(e.remove_unit)
        target = self.unit(e.posts_go_to) if e.posts_go_to else self.units[unit].part_of
        if target == unit:
            raise _Refused(f"the posts of {self.name(unit)} cannot go to the unit being removed")
        self._drop_unit(unit, target)

    def _refuse_unit_cycle(self, unit: str, parent: str) -> None:
        node: str | None = parent
        seen: set[str] = set()
        while node is not None and node not in seen:
            if node == unit:
                raise _Refused(
                    f"{self.name(unit)} cannot be part of {self.name(parent)}, which is part "
                    "of it, which would make a cycle"
                )
            seen.add(node)
            node = self.units[node].part_of if node in self.units else None

    def move_unit(self, e: MoveUnitEdit) -> None:
        unit = self.unit(e.move_unit)
        parent = self.unit(e.to) if e.to is not None else None
        if parent is not None:
            self._refuse_unit_cycle(unit, parent)
        self.units[unit] = self.units[unit]._replace(part_of=parent)

    def rename_unit(self, e: RenameUnitEdit) -> None:
        unit = self.unit(e.rename_unit)
        self.units[unit] = self.units[unit]._replace(name=e.name)

    def merge_units(self, e: MergeUnitsEdit) -> None:
        merged = [self.unit(ref) for ref in e.merge_units]
        if isinstance(e.into, str):
            target = self.unit(e.into)
        else:
            target = self._new_unit(e.into, None, self.units[merged[0]].part_of)
        prov = self.prov()
        for unit in merged:
            if unit == target:
                continue
            if self.units[target].part_of == unit:  # merging a unit into one nested in it
                self.units[target] = self.units[target]._replace(part_of=self.units[unit].part_of)
            self.map_rels(_retarget_heads(unit, target, prov))
            for ident, rec in list(self.units.items()):
                if rec.part_of == unit:
                    self.units[ident] = rec._replace(part_of=target if ident != target else None)
            self._drop_unit(unit, target)

    def split_unit(self, e: SplitUnitEdit) -> None:
        unit = self.unit(e.split_unit)
        parent = self.units[unit].part_of
        for part in e.into:
            posts = [self.post(ref) for ref in part.posts]
            stray = [p for p in posts if self.posts[p].unit != unit]
            if stray:
                raise _Refused(f"{self.name(stray[0])} is not in {self.name(unit)}")
            spec = UnitSpec.model_validate(part.model_dump(exclude={"posts"}))
            new = self._new_unit(spec, None, parent)
            for p in posts:
                self.posts[p] = self.posts[p]._replace(unit=new)

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


def _retarget_heads(old: str, new: str, prov: Prov) -> Callable[[Relation], Relation]:
    def fn(rel: Relation) -> Relation:
        if rel.kind is RelKind.HEADS and rel.object == old:
            return rel._replace(object=new, prov=prov)
        return rel

    return fn


def _is_primary(rel: Relation) -> bool:
    return rel.kind is REPORTS and rel.qualifier != SECONDARY


def _to(ref: str | LineRef) -> str:
    return ref.to if isinstance(ref, LineRef) else ref


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


def _handlers(state: _State) -> dict[type, Callable[[Any], None]]:
    return {
        MoveEdit: state.move,
        AddEdit: state.add,
        RemoveEdit: state.remove,
        RetitleEdit: state.retitle,
        FillEdit: state.fill,
        VacateEdit: state.vacate,
        SetEdit: state.set,
        AddDottedEdit: state.add_dotted,
        RemoveDottedEdit: state.remove_dotted,
        AddUnitEdit: state.add_unit,
        RemoveUnitEdit: state.remove_unit,
        MoveUnitEdit: state.move_unit,
        RenameUnitEdit: state.rename_unit,
        MergeUnitsEdit: state.merge_units,
        SplitUnitEdit: state.split_unit,
    }


def _verb(edit: Edit) -> str:
    return next(iter(edit.model_dump(by_alias=True)))


def apply(base: OrgData, scenario: Scenario) -> OrgData:
    """The records after every edit, in order; :class:`SourceError` at the first refused edit."""
    state = _State(base, scenario)
    handlers = _handlers(state)
    for edit, line in scenario.edits:
        state.line, state.verb = line, _verb(edit)
        try:
            handlers[type(edit)](edit)
        except _Refused as exc:
            raise SourceError(scenario.path, f"{_verb(edit)}: {exc}", line=line) from None
    return state.result([*base.sources, scenario.path])
