"""The edits of posts: move, add, remove, retitle, fill, vacate, set, dotted lines and links.

Each takes the :class:`~orgmodel.planning.apply.state.EditState` and one checked edit
of :mod:`orgmodel.planning.scenario`, changes the records or raises
:class:`~orgmodel.planning.apply.state.Refused`. A removed post leaves nothing
dangling: its reports go to its superior (or where ``reports_go_to`` says),
the units it headed go with them, and the dotted lines and links to it go.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from orgmodel.names.rules import name_key
from orgmodel.orgfile.schema import HeadRef, LineRef, PostSpec
from orgmodel.planning.apply.state import PRIMARY, REPORTS, SECONDARY, EditState, Handler, Refused
from orgmodel.planning.scenario import (
    AddDottedEdit,
    AddEdit,
    AddLinkEdit,
    FillEdit,
    MoveEdit,
    RemoveDottedEdit,
    RemoveEdit,
    RemoveLinkEdit,
    RetitleEdit,
    SetEdit,
    VacateEdit,
)
from orgmodel.records import LinkType, PostRecord, Relation, RelKind

__all__ = [
    "HANDLERS",
    "add",
    "add_dotted",
    "add_link",
    "fill",
    "move",
    "remove",
    "remove_dotted",
    "remove_link",
    "retitle",
    "set_fields",
    "vacate",
]


def move(state: EditState, e: MoveEdit) -> None:
    post = state.post(e.move)
    superior = state.superior(e.to) if e.to is not None else None
    if superior is not None:
        state.refuse_cycle(post, superior)
    state.set_superior(post, superior)
    if e.unit is not None:
        state.posts[post] = state.posts[post]._replace(unit=state.unit(e.unit))


def add(state: EditState, e: AddEdit) -> None:
    spec: PostSpec = e.add
    reports = [state.superior(_to(r)) for r in spec.reports_to]
    org: str | None = None
    if e.organization is not None:
        org = state.organization(e.organization)
    elif reports:
        org = state.org_of(reports[0])
    ident = state.new_id(spec.id, org, spec.title)
    prov = state.prov()
    unit = state.unit(spec.unit) if spec.unit else None
    state.posts[ident] = PostRecord(
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
    rels = state.rels.setdefault(ident, [])
    for sup in reports:
        rels.append(Relation(REPORTS, ident, sup, PRIMARY, False, prov))
    if reports:
        state.up[ident] = reports[0]
        state.down.setdefault(reports[0], []).append(ident)
    for ref in spec.secondary:
        rels.append(Relation(REPORTS, ident, state.superior(_to(ref)), SECONDARY, False, prov))
    for head in spec.heads:
        unit_id = state.unit(head.unit if isinstance(head, HeadRef) else head)
        rels.append(Relation(RelKind.HEADS, ident, unit_id, None, False, prov))
    for link in spec.links:
        target = state.post(link.to)
        rels.append(Relation(RelKind.LINK, ident, target, LinkType(link.type), False, prov))
    state.added_titles.setdefault(name_key(spec.title), []).append(ident)


def remove(state: EditState, e: RemoveEdit) -> None:
    post = state.post(e.remove, instead="remove_unit")
    if e.reports_go_to:
        target: str | None = state.superior(e.reports_go_to)
        if target == post:
            raise Refused(f"{state.name(post)}'s reports cannot go to the post itself")
        assert target is not None
        state.refuse_cycle(post, target)
    else:
        target = state.up.get(post)
    for sub in list(state.down.get(post, [])):
        state.set_superior(sub, target)
    state.set_superior(post, None)
    prov = state.prov()
    heads = [r for r in state.rels.pop(post, []) if r.kind is RelKind.HEADS]
    if target in state.posts:  # the units it headed go with its reports
        state.rels.setdefault(target, []).extend(
            r._replace(subject=target, prov=prov) for r in heads
        )
    # dotted lines and links to the removed post go with it
    state.map_rels(lambda r: None if r.object == post else r)
    del state.posts[post]
    state.down.pop(post, None)
    state.removed[post] = state.line


def retitle(state: EditState, e: RetitleEdit) -> None:
    post = state.post(e.retitle)
    rec = state.posts[post]
    abbreviation = e.abbreviation if "abbreviation" in e.model_fields_set else rec.abbreviation
    state.posts[post] = rec._replace(title=e.title, abbreviation=abbreviation)


def fill(state: EditState, e: FillEdit) -> None:
    post = state.post(e.fill)
    rec = state.posts[post]
    attrs = {k: v for k, v in (rec.attributes or {}).items() if k != "status"}
    state.posts[post] = rec._replace(holder=e.holder, attributes=attrs or None)


def vacate(state: EditState, e: VacateEdit) -> None:
    post = state.post(e.vacate)
    state.posts[post] = state.posts[post]._replace(holder=None)


def set_fields(state: EditState, e: SetEdit) -> None:
    post = state.post(e.set)
    changes: dict[str, Any] = {}
    given = e.model_fields_set
    if "unit" in given:
        changes["unit"] = state.unit(e.unit) if e.unit is not None else None
    if "grade" in given:
        changes["grade"] = e.grade
    if "fte" in given:
        changes["fte"] = e.fte
    if "heads" in given:
        _set_heads(state, post, [state.unit(ref) for ref in e.heads])
    state.posts[post] = state.posts[post]._replace(**changes)


def _set_heads(state: EditState, post: str, units: list[str]) -> None:
    """Make ``post`` head exactly ``units`` (a headship it keeps keeps its provenance)."""
    rels = state.rels.setdefault(post, [])
    kept = {r.object: r for r in rels if r.kind is RelKind.HEADS and r.object in units}
    rels[:] = [r for r in rels if r.kind is not RelKind.HEADS]
    prov = state.prov()
    for unit in dict.fromkeys(units):
        rels.append(kept.get(unit) or Relation(RelKind.HEADS, post, unit, None, False, prov))


def _dotted(state: EditState, post: str, superior: str) -> Relation | None:
    for rel in state.rels.get(post, []):
        if rel.kind is REPORTS and rel.qualifier == SECONDARY and rel.object == superior:
            return rel
    return None


def add_dotted(state: EditState, e: AddDottedEdit) -> None:
    post, superior = state.post(e.add_dotted), state.superior(e.to)
    if post == superior:
        raise Refused(f"{state.name(post)} cannot have a dotted line to itself")
    if _dotted(state, post, superior) is not None:
        raise Refused(f"{state.name(post)} already has a dotted line to {state.name(superior)}")
    line = Relation(REPORTS, post, superior, SECONDARY, False, state.prov())
    state.rels.setdefault(post, []).append(line)


def remove_dotted(state: EditState, e: RemoveDottedEdit) -> None:
    post, superior = state.post(e.remove_dotted), state.superior(e.from_)
    rel = _dotted(state, post, superior)
    if rel is None:
        raise Refused(f"{state.name(post)} has no dotted line to {state.name(superior)}")
    state.rels[post].remove(rel)


def _links(state: EditState, post: str, other: str) -> list[Relation]:
    return [r for r in state.rels.get(post, []) if r.kind is RelKind.LINK and r.object == other]


def add_link(state: EditState, e: AddLinkEdit) -> None:
    post, other = state.post(e.add_link), state.post_or_unit(e.to)
    if post == other:
        raise Refused(f"{state.name(post)} cannot have a link to itself")
    have = [str(r.qualifier or LinkType.LIAISON) for r in _links(state, post, other)]
    if e.type in have:
        raise Refused(f"{state.name(post)} already has a {e.type} link to {state.name(other)}")
    link = Relation(RelKind.LINK, post, other, e.type, False, state.prov())
    state.rels.setdefault(post, []).append(link)


def remove_link(state: EditState, e: RemoveLinkEdit) -> None:
    post, other = state.post(e.remove_link), state.post_or_unit(e.from_)
    links = _links(state, post, other)
    if e.type is not None:
        links = [r for r in links if (r.qualifier or LinkType.LIAISON) == e.type]
    if not links:
        of_type = f" {e.type}" if e.type is not None else ""
        raise Refused(f"{state.name(post)} has no{of_type} link to {state.name(other)}")
    state.rels[post] = [r for r in state.rels[post] if r not in links]


def _to(ref: str | LineRef) -> str:
    return ref.to if isinstance(ref, LineRef) else ref


HANDLERS: Mapping[type, Handler] = {
    MoveEdit: move,
    AddEdit: add,
    RemoveEdit: remove,
    RetitleEdit: retitle,
    FillEdit: fill,
    VacateEdit: vacate,
    SetEdit: set_fields,
    AddDottedEdit: add_dotted,
    RemoveDottedEdit: remove_dotted,
    AddLinkEdit: add_link,
    RemoveLinkEdit: remove_link,
}
"""Each post edit's model -> the function that makes it."""
