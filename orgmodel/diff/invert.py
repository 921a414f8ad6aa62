"""From a diff back to a scenario: the edits that turn BEFORE into AFTER.

``orgmodel diff BEFORE AFTER --format scenario`` prints it, so a structure
someone drew by hand can be replayed, reviewed edit by edit, or applied to
another copy of BEFORE; the property tests use it to check that applying a
diff's scenario to BEFORE gives a structure with no differences from AFTER.

Edits come in an order that is always valid: new organizations, new units (outer first), unit
renames and moves, new posts (superiors first), moves (top-down in AFTER, so
no move ever passes through a cycle), retitles and other changes in place,
dotted lines and links, the units each changed post heads (``set: POST,
heads: [...]``, AFTER's whole list), and last the removals (innermost first;
a removed post that headed units stops heading them first, or its superior
would inherit them). Posts and units are
named by their BEFORE id, or by their AFTER id when they are new.

>>> from orgmodel.graph import OrgGraph
>>> from orgmodel.diff.changes import compare
>>> from orgmodel.records import OrgData, PostRecord as P, Relation, RelKind, LineKind
>>> R = lambda a, b: Relation(RelKind.REPORTS_TO, a, b, LineKind.PRIMARY)
>>> before = OrgGraph(OrgData(posts=[P("ceo", "CEO"), P("cfo", "CFO"), P("ctl", "Controller")],
...                           relations=[R("cfo", "ceo"), R("ctl", "cfo")]))
>>> after = OrgGraph(OrgData(posts=[P("ceo", "CEO"), P("ctl", "Controller", holder="Ann")],
...                          relations=[R("ctl", "ceo")]))
>>> to_scenario(compare(before, after))["edits"]
[{'move': 'ctl', 'to': 'ceo'}, {'fill': 'ctl', 'holder': 'Ann'}, {'remove': 'cfo'}]
"""

from __future__ import annotations

from typing import Any

import yaml

from orgmodel.diff.changes import Change, ChangeKind, Diff
from orgmodel.diff.match import int_list
from orgmodel.graph import OrgGraph
from orgmodel.names.rules import name_key
from orgmodel.records import LineKind, LinkType, PostRecord, RelKind

__all__ = ["scenario_yaml", "to_scenario"]

_HEADS = (ChangeKind.HEADS_ADDED, ChangeKind.HEADS_REMOVED)


def _unit_depth(graph: OrgGraph, node: int) -> int:
    depth, seen = 0, {node}
    up = graph.unit_of(node)
    while up is not None and up not in seen:
        seen.add(up)
        depth += 1
        up = graph.unit_of(up)
    return depth


class _Inverter:
    def __init__(self, diff: Diff) -> None:
        self.d, self.b, self.a, self.m = diff, diff.before, diff.after, diff.match
        self.edits: list[dict[str, Any]] = []
        # Lines BEFORE's records hold to an id it lacks (a link to another file's post): they
        # are there already, and take hold once an edit adds that post -- no edit adds them.
        dangling = self.b.resolution.dangling
        self.waiting_links = {
            (r.subject, r.object, str(r.qualifier or LinkType.LIAISON))
            for r in dangling
            if r.kind is RelKind.LINK
        }
        self.waiting_dotted = {
            (r.subject, r.object)
            for r in dangling
            if r.kind is RelKind.REPORTS_TO and r.qualifier is LineKind.SECONDARY
        }
        # AFTER's organization ids as edits name them: BEFORE's id for the same organization
        # (by id, else by name); an AFTER organization BEFORE lacks keeps its own.
        before = {o.id for o in self.b.orgs.values()}
        by_name = {name_key(o.name): o.id for o in self.b.orgs.values()}
        self.orgs = {
            o.id: o.id if o.id in before else by_name.get(name_key(o.name), o.id)
            for o in self.a.orgs.values()
        }

    def ref(self, after_node: int | None) -> str | None:
        """How an edit names an AFTER node: its BEFORE id when matched, else its own id."""
        if after_node is None or after_node < 0:
            return None
        b = self.m.a2b[after_node]
        return self.b.id_of(b) if b >= 0 else self.a.id_of(after_node)

    def organizations(self) -> None:
        """``add_organization`` for each AFTER organization BEFORE lacks (by id, else name)."""
        before = {o.id for o in self.b.orgs.values()}
        for org in self.a.orgs.values():
            if self.orgs[org.id] == org.id and org.id not in before:
                edit: dict[str, Any] = {"add_organization": org.name, "id": org.id}
                if org.abbreviation:
                    edit["abbreviation"] = org.abbreviation
                self.edits.append(edit)

    def org_ref(self, after_org: str) -> str:
        return self.orgs.get(after_org, after_org)

    def of(self, kind: ChangeKind) -> list[Change]:
        return [c for c in self.d.changes if c.kind is kind]

    def units(self) -> None:
        a = self.a
        added = sorted(
            (c.after for c in self.of(ChangeKind.UNIT_ADDED) if c.after is not None),
            key=lambda n: _unit_depth(a, n),
        )
        for n in added:
            unit = a.units[n - a.post_count]
            spec: dict[str, Any] = {"id": unit.id, "name": unit.name, "kind": str(unit.kind)}
            parent = self.ref(a.unit_of(n))
            if parent is not None:
                spec["part_of"] = parent
            if unit.abbreviation:
                spec["abbreviation"] = unit.abbreviation
            edit: dict[str, Any] = {"add_unit": spec}
            if unit.org is not None:
                edit["organization"] = self.org_ref(unit.org)
            self.edits.append(edit)
        for c in self.of(ChangeKind.UNIT_RENAMED):
            self.edits.append({"rename_unit": self.b.id_of(c.before_node), "name": c.new_value})
        moved = self.of(ChangeKind.UNIT_REPARENTED)
        for c in sorted(moved, key=lambda c: _unit_depth(a, c.after or 0)):
            self.edits.append(
                {"move_unit": self.b.id_of(c.before_node), "to": self.ref(c.new_node)}
            )

    def added_posts(self) -> None:
        a = self.a
        depth = int_list(a.depth)
        added = sorted(
            (c.after for c in self.of(ChangeKind.ADDED) if c.after is not None),
            key=lambda n: depth[n],
        )
        for n in added:
            post = a.record(n)
            assert isinstance(post, PostRecord)
            spec: dict[str, Any] = {"id": post.id, "title": post.title}
            for key in ("abbreviation", "holder", "grade", "fte"):
                value = getattr(post, key)
                if value is not None:
                    spec[key] = value
            unit = a.unit_of(n)
            if unit is not None:
                spec["unit"] = self.ref(unit)
            parent = a.parent[n]
            if parent >= 0:
                spec["reports_to"] = self.ref(parent)
            if post.attributes:
                spec["attributes"] = dict(post.attributes)
            edit: dict[str, Any] = {"add": spec}
            if post.org is not None:
                edit["organization"] = self.org_ref(post.org)
            self.edits.append(edit)

    def in_place(self) -> None:
        depth = int_list(self.a.depth)
        moves = sorted(self.of(ChangeKind.MOVED), key=lambda c: depth[c.after or 0])
        for c in moves:
            self.edits.append({"move": self._before_id(c), "to": self.ref(c.new_node)})
        for c in self.d.changes:
            k = ChangeKind
            post = self.ref(c.after) if c.after is not None else self._before_id(c)
            if c.kind is k.RETITLED:
                self.edits.append({"retitle": post, "title": c.new_value})
            elif c.kind is k.UNIT_CHANGED:
                self.edits.append({"set": post, "unit": self.ref(c.new_node)})
            elif c.kind is k.GRADE_CHANGED:
                self.edits.append({"set": post, "grade": c.new_value})
            elif c.kind is k.FTE_CHANGED:
                self.edits.append({"set": post, "fte": c.new_value})
            elif c.kind in (k.FILLED, k.HOLDER_CHANGED):
                self.edits.append({"fill": post, "holder": c.new_value})
            elif c.kind is k.VACATED:
                self.edits.append({"vacate": post})
            elif c.kind is k.SECONDARY_REMOVED and c.old_node is not None:
                self.edits.append({"remove_dotted": post, "from": self.b.id_of(c.old_node)})
            elif c.kind is k.SECONDARY_ADDED:
                to = self.ref(c.new_node)
                if (post, to) not in self.waiting_dotted:
                    self.edits.append({"add_dotted": post, "to": to})
            elif c.kind in (k.LINK_REMOVED, k.LINK_RETYPED) and c.old_node is not None:
                other = self.b.id_of(c.old_node)
                self.edits.append({"remove_link": post, "from": other, "type": c.old_value})
            if c.kind in (k.LINK_ADDED, k.LINK_RETYPED):
                other_end = self.ref(c.new_node)
                if (post, other_end, c.new_value) not in self.waiting_links:
                    self.edits.append({"add_link": post, "to": other_end, "type": c.new_value})
        self.headships()

    def headships(self) -> None:
        """One ``set: POST, heads: [...]`` per post whose units headed changed: AFTER's list."""
        a = self.a
        posts = [c.after for c in self.d.changes if c.kind in _HEADS and c.after is not None]
        for j in dict.fromkeys(posts):
            heads = [self.ref(u) for u, _ in a.heads.get(j, [])]
            self.edits.append({"set": self.ref(j), "heads": heads})

    def _before_id(self, c: Change) -> str:
        return self.b.id_of(c.before_node)

    def removals(self) -> None:
        depth = int_list(self.b.depth)
        removed = sorted(self.of(ChangeKind.REMOVED), key=lambda c: -depth[c.before or 0])
        for c in removed:
            if self.b.heads.get(c.before_node):  # else its superior would inherit them
                self.edits.append({"set": self._before_id(c), "heads": []})
            self.edits.append({"remove": self._before_id(c)})
        units = sorted(
            self.of(ChangeKind.UNIT_REMOVED), key=lambda c: -_unit_depth(self.b, c.before or 0)
        )
        for c in units:
            self.edits.append({"remove_unit": self._before_id(c)})


def to_scenario(diff: Diff, name: str | None = None) -> dict[str, Any]:
    """The scenario (as the dict a scenario file holds) that turns BEFORE into AFTER."""
    inv = _Inverter(diff)
    inv.organizations()
    inv.units()
    inv.added_posts()
    inv.in_place()
    inv.removals()
    out: dict[str, Any] = {}
    if name:
        out["scenario"] = name
    out["edits"] = inv.edits
    return out


def scenario_yaml(diff: Diff, name: str | None = None) -> str:
    """:func:`to_scenario` as the text of a scenario file."""
    return yaml.safe_dump(to_scenario(diff, name), sort_keys=False, allow_unicode=True, width=100)
