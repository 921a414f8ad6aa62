"""Units: who heads them, and how they nest.

A department, office or division is headed by a post; several heads are
fine only when they form one chain of command (a director heads the
Facilities Department and the COO above the director oversees it). Units
nest through `part_of`, which must not loop.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgmodel.graph.queries import chain
from orgmodel.records import BODY_KINDS
from orgmodel.rules.context import Check
from orgmodel.rules.report import Finding, Severity
from orgmodel.rules.rule import rule

__all__ = ["RULES", "several_heads", "unit_cycle", "unit_without_head"]


@rule("U001", "unit-without-head", Severity.WARNING)
def unit_without_head(check: Check) -> Iterator[Finding]:
    """A unit no post heads, in an organization whose other units name their heads.

    Boards, councils and committees are bodies, not headed units, and are
    not reported; nor are the units of an organization that names no head at
    all (a CSV export has no column for it, so a missing head says nothing
    there), nor units only inferred from what a posting mentions.

    Fails::

        organizations:
          - name: Hartford Public Schools
            units:
              - {id: facilities, name: Facilities Department}
              - {id: food, name: Food Services Department}
            posts:
              - {id: coo, title: Chief Operating Officer, root: true, heads: facilities}

    Passes::

        organizations:
          - name: Hartford Public Schools
            units:
              - {id: facilities, name: Facilities Department}
              - {id: food, name: Food Services Department}
            posts:
              - {id: coo, title: Chief Operating Officer, root: true, heads: [facilities, food]}
    """
    graph = check.graph
    base = graph.post_count
    headed = graph.headed_by
    orgs_with_heads = {graph.org_of(u) for u in headed}
    for j, unit in enumerate(graph.units):
        node = base + j
        if (
            node in headed
            or unit.kind in BODY_KINDS
            or unit.org not in orgs_with_heads
            or unit.prov.inferred
        ):
            continue
        yield check.finding(
            f"{check.name(node)} has no head: no post heads it", [node], [unit.prov]
        )


def _above(check: Check, upper: int, lower: int) -> bool:
    """`upper` is `lower`'s superior on primary lines, directly or not."""
    return upper in chain(check.graph, lower)


@rule("U002", "several-heads", Severity.WARNING)
def several_heads(check: Check) -> Iterator[Finding]:
    """A unit with several heads that are not in one chain of command.

    Several heads are normal when each is the superior of the next (the COO
    oversees the Facilities Department that its director heads). Two heads
    side by side -- neither the other's superior -- leave the unit with no
    clear head.

    Fails::

        organizations:
          - name: Hartford Public Schools
            units:
              - {id: facilities, name: Facilities Department}
            posts:
              - {id: coo, title: Chief Operating Officer, root: true}
              - {id: dir, title: Director of Facilities, reports_to: coo, heads: facilities}
              - {id: mgr, title: Facilities Manager, reports_to: coo, heads: facilities}

    Passes::

        organizations:
          - name: Hartford Public Schools
            units:
              - {id: facilities, name: Facilities Department}
            posts:
              - {id: coo, title: Chief Operating Officer, root: true, heads: facilities}
              - {id: dir, title: Director of Facilities, reports_to: coo, heads: facilities}
    """
    for unit, lines in check.graph.headed_by.items():
        heads = list(dict.fromkeys(p for p, _ in lines))
        if len(heads) < 2:
            continue
        side_by_side = [
            (a, b)
            for i, a in enumerate(heads)
            for b in heads[i + 1 :]
            if not (_above(check, a, b) or _above(check, b, a))
        ]
        if not side_by_side:
            continue
        a, b = side_by_side[0]
        yield check.finding(
            f"{check.name(unit)} has {len(heads)} heads, not in one chain of command: "
            f"{check.names(heads)} ({check.name(a)} and {check.name(b)} are neither "
            "the other's superior)",
            [unit, *heads],
            [rel.prov for _, rel in lines],
        )


@rule("U003", "unit-part-of-itself", Severity.ERROR)
def unit_cycle(check: Check) -> Iterator[Finding]:
    """A unit that is part of itself, directly or through other units.

    Units nest through `part_of`; a loop leaves them with no place in the
    organization. One finding per loop, naming every unit in it.

    Fails::

        organizations:
          - name: Hartford Public Schools
            units:
              - {id: ops, name: Operations Division, part_of: facilities}
              - {id: facilities, name: Facilities Department, part_of: ops}

    Passes::

        organizations:
          - name: Hartford Public Schools
            units:
              - {id: ops, name: Operations Division}
              - {id: facilities, name: Facilities Department, part_of: ops}
    """
    graph = check.graph
    base = graph.post_count
    up = {base + j: graph.unit_of(base + j) for j, u in enumerate(graph.units) if u.part_of}
    state: dict[int, int] = {}  # the walk that visited each unit
    for walk, start in enumerate(up, 1):
        path: list[int] = []
        node: int | None = start
        while node is not None and node not in state:
            state[node] = walk
            path.append(node)
            node = up.get(node)
        if node is None or state[node] != walk:
            continue
        loop = path[path.index(node) :]
        if len(loop) == 1:
            text = f"{check.name(loop[0])} is part of itself"
        else:
            steps = " → ".join(check.name(n) for n in [*loop, loop[0]])
            text = f"units nested in a loop: {steps} (each is part of the next)"
        yield check.finding(text, loop, [check.prov(n) for n in loop])


RULES = (unit_without_head, several_heads, unit_cycle)
