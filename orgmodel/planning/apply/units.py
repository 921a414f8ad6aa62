"""The edits of units: add, remove, move, rename, merge and split.

Each takes the :class:`~orgmodel.planning.apply.state.EditState` and one checked edit
of :mod:`orgmodel.planning.scenario`, changes the records or raises
:class:`~orgmodel.planning.apply.state.Refused`. A unit that goes leaves nothing
dangling: its posts move (to the unit its edit names, else to its parent),
the units part of it move up, the lines heading it go to the unit it was
merged into or are dropped, and the posts reporting to it (a board's
superintendent) go where the edit says, to the body it is part of or merged
into, or the edit is refused; dotted lines and links to it go with it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from orgmodel.orgfile.schema import UnitSpec
from orgmodel.planning.apply.state import EditState, Handler, Refused
from orgmodel.planning.scenario import (
    AddUnitEdit,
    MergeUnitsEdit,
    MoveUnitEdit,
    RemoveUnitEdit,
    RenameUnitEdit,
    SplitUnitEdit,
)
from orgmodel.records import BODY_KINDS, Prov, Relation, RelKind, UnitRecord

__all__ = [
    "HANDLERS",
    "add_unit",
    "merge_units",
    "move_unit",
    "remove_unit",
    "rename_unit",
    "split_unit",
]


def _new_unit(
    state: EditState, spec: UnitSpec, organization: str | None, parent: str | None
) -> str:
    part_of = state.unit(spec.part_of) if spec.part_of else parent
    org: str | None = None
    if organization is not None:
        org = state.organization(organization)
    elif part_of:
        org = state.org_of(part_of)
    ident = state.new_id(spec.id, org, spec.name)
    kind = spec.kind
    state.units[ident] = UnitRecord(
        ident, spec.name, kind, org, part_of, spec.abbreviation, state.prov()
    )
    return ident


def add_unit(state: EditState, e: AddUnitEdit) -> None:
    _new_unit(state, e.add_unit, e.organization, None)


def _drop_unit(state: EditState, unit: str, posts_to: str | None) -> None:
    parent = state.units[unit].part_of
    for ident, post in list(state.posts.items()):
        if post.unit == unit:
            state.posts[ident] = post._replace(unit=posts_to)
    for ident, sub in list(state.units.items()):
        if sub.part_of == unit:
            state.units[ident] = sub._replace(part_of=parent if ident != parent else None)
    state.map_rels(lambda r: None if r.kind is RelKind.HEADS and r.object == unit else r)
    del state.units[unit]
    state.removed[unit] = state.line


def remove_unit(state: EditState, e: RemoveUnitEdit) -> None:
    unit = state.unit(e.remove_unit)
    target = state.unit(e.posts_go_to) if e.posts_go_to else state.units[unit].part_of
    if target == unit:
        raise Refused(f"the posts of {state.name(unit)} cannot go to the unit being removed")
    if "reports_go_to" in e.model_fields_set:
        superior = state.superior(e.reports_go_to) if e.reports_go_to is not None else None
        _repoint_reports(state, unit, superior)
    else:
        _repoint_reports(state, unit, _body_above(state, unit), default=True)
    _drop_unit(state, unit, target)


def _body_above(state: EditState, unit: str) -> str | None:
    """The nearest unit ``unit`` is part of that posts can report to (a board's council)."""
    seen = {unit}
    up = state.units[unit].part_of
    while up is not None and up in state.units and up not in seen:
        if state.units[up].kind in BODY_KINDS:
            return up
        seen.add(up)
        up = state.units[up].part_of
    return None


_REMOVE_HINT = (
    "say where those lines go with 'reports_go_to: POST' (or 'reports_go_to: ~' to make them "
    "top posts)"
)
_MERGE_HINT = "merge it into a body (board, council) or move those posts first"


def _repoint_reports(
    state: EditState,
    unit: str,
    superior: str | None,
    *,
    default: bool = False,
    hint: str = _REMOVE_HINT,
) -> None:
    """Send the posts that report to ``unit`` (a body) to ``superior``: no line left dangling.

    With no superior given (``default``) and none above the unit, the edit is
    refused rather than guessing; dotted lines and links to the unit go with it.
    """
    reports = list(state.down.get(unit, []))
    if reports and default and superior is None:
        names = ", ".join(state.name(p) for p in reports)
        verb = "reports" if len(reports) == 1 else "report"
        raise Refused(f"{names} {verb} to {state.name(unit)}; {hint}")
    if superior == unit:
        raise Refused(f"the reports of {state.name(unit)} cannot go to the unit being removed")
    for post in reports:
        if superior is not None:
            state.refuse_cycle(post, superior)
        state.set_superior(post, superior)
    state.map_rels(lambda r: None if r.kind is not RelKind.HEADS and r.object == unit else r)
    state.down.pop(unit, None)


def _refuse_unit_cycle(state: EditState, unit: str, parent: str) -> None:
    node: str | None = parent
    seen: set[str] = set()
    while node is not None and node not in seen:
        if node == unit:
            raise Refused(
                f"{state.name(unit)} cannot be part of {state.name(parent)}, which is part "
                "of it, which would make a cycle"
            )
        seen.add(node)
        node = state.units[node].part_of if node in state.units else None


def move_unit(state: EditState, e: MoveUnitEdit) -> None:
    unit = state.unit(e.move_unit)
    parent = state.unit(e.to) if e.to is not None else None
    if parent is not None:
        _refuse_unit_cycle(state, unit, parent)
    state.units[unit] = state.units[unit]._replace(part_of=parent)


def rename_unit(state: EditState, e: RenameUnitEdit) -> None:
    unit = state.unit(e.rename_unit)
    state.units[unit] = state.units[unit]._replace(name=e.name)


def merge_units(state: EditState, e: MergeUnitsEdit) -> None:
    merged = [state.unit(ref) for ref in e.merge_units]
    if isinstance(e.into, str):
        target = state.unit(e.into)
    else:
        target = _new_unit(state, e.into, None, state.units[merged[0]].part_of)
    prov = state.prov()
    for unit in merged:
        if unit == target:
            continue
        if state.units[target].part_of == unit:  # merging a unit into one nested in it
            state.units[target] = state.units[target]._replace(part_of=state.units[unit].part_of)
        body = target if state.units[target].kind in BODY_KINDS else None
        _repoint_reports(state, unit, body, default=True, hint=_MERGE_HINT)
        state.map_rels(_retarget_heads(unit, target, prov))
        for ident, rec in list(state.units.items()):
            if rec.part_of == unit:
                state.units[ident] = rec._replace(part_of=target if ident != target else None)
        _drop_unit(state, unit, target)


def split_unit(state: EditState, e: SplitUnitEdit) -> None:
    unit = state.unit(e.split_unit)
    parent = state.units[unit].part_of
    for part in e.into:
        posts = [state.post(ref) for ref in part.posts]
        stray = [p for p in posts if state.posts[p].unit != unit]
        if stray:
            raise Refused(f"{state.name(stray[0])} is not in {state.name(unit)}")
        spec = UnitSpec.model_validate(part.model_dump(exclude={"posts"}))
        new = _new_unit(state, spec, None, parent)
        for p in posts:
            state.posts[p] = state.posts[p]._replace(unit=new)


def _retarget_heads(old: str, new: str, prov: Prov) -> Callable[[Relation], Relation]:
    def fn(rel: Relation) -> Relation:
        if rel.kind is RelKind.HEADS and rel.object == old:
            return rel._replace(object=new, prov=prov)
        return rel

    return fn


HANDLERS: Mapping[type, Handler] = {
    AddUnitEdit: add_unit,
    RemoveUnitEdit: remove_unit,
    MoveUnitEdit: move_unit,
    RenameUnitEdit: rename_unit,
    MergeUnitsEdit: merge_units,
    SplitUnitEdit: split_unit,
}
"""Each unit edit's model -> the function that makes it."""
