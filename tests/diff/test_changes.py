"""Each kind of change, found on a small org edited the way a planner edits one."""

from __future__ import annotations

from typing import Any

import pytest

from orgmodel.diff.changes import ChangeKind, Diff, compare
from orgmodel.diff.report import change_dict
from tests.diff.helpers import BASE, graph


def diff_of(*edits: tuple[str, str]) -> Diff:
    after = BASE
    for old, new in edits:
        assert old in after, old
        after = after.replace(old, new)
    return compare(graph(BASE, "before.yaml"), graph(after, "after.yaml"))


def only(d: Diff) -> dict[str, Any]:
    assert len(d.changes) == 1, [change_dict(d, c) for c in d.changes]
    return change_dict(d, d.changes[0])


def test_the_same_structure_has_no_changes() -> None:
    d = diff_of()
    assert not d and d.changes == []
    assert set(d.counts().values()) == {0}


def test_added_post_with_its_superior() -> None:
    got = only(
        diff_of(
            (
                "      - {id: analyst",
                "      - {id: auditor, title: Internal Auditor, "
                "reports_to: gm}\n      - {id: analyst",
            )
        )
    )
    assert got["kind"] == "added"
    assert got["post"]["id"] == "auditor"
    assert got["to"]["id"] == "gm"


def test_removed_post_and_its_report_moved() -> None:
    d = diff_of(
        ("      - {id: analyst, title: Budget Analyst, reports_to: controller, unit: fin}\n", ""),
    )
    assert only(d)["kind"] == "removed"
    d = diff_of(
        (
            "      - {id: controller, title: Controller, reports_to: cfo, unit: fin, "
            "secondary: coo}\n",
            "",
        ),
        ("reports_to: controller", "reports_to: cfo"),
    )
    kinds = sorted(
        (str(c.kind), d.before.id_of(c.before)) for c in d.changes if c.before is not None
    )
    assert kinds == [("moved", "analyst"), ("removed", "controller")]
    moved = next(change_dict(d, c) for c in d.changes if c.kind is ChangeKind.MOVED)
    assert (moved["from"]["id"], moved["to"]["id"]) == ("controller", "cfo")


@pytest.mark.parametrize(
    ("edit", "kind", "subject", "old", "new"),
    [
        (
            (
                "{id: plant-mgr, title: Plant Manager, reports_to: coo",
                "{id: plant-mgr, title: Plant Manager, reports_to: gm",
            ),
            "moved",
            "plant-mgr",
            "coo",
            "gm",
        ),
        (
            ("title: Plant Operator", "title: Water Treatment Operator"),
            "retitled",
            "operator",
            "Plant Operator",
            "Water Treatment Operator",
        ),
        (
            ("reports_to: controller, unit: fin}", "reports_to: controller, unit: ops}"),
            "unit-changed",
            "analyst",
            "fin",
            "ops",
        ),
        (("holder: Sam Lee", "holder: Ana Ortiz"), "holder-changed", "cfo", "Sam Lee", "Ana Ortiz"),
        (("holder: Sam Lee, ", ""), "vacated", "cfo", "Sam Lee", None),
        (
            ("title: Chief Operating Officer,", "title: Chief Operating Officer, holder: Li Wei,"),
            "filled",
            "coo",
            None,
            "Li Wei",
        ),
        (("grade: M2", "grade: M3"), "grade-changed", "plant-mgr", "M2", "M3"),
        (("fte: 6", "fte: 7.5"), "fte-changed", "operator", 6.0, 7.5),
        ((", secondary: coo}", "}"), "secondary-removed", "controller", "coo", None),
        (
            (
                "reports_to: coo, unit: plant, grade",
                "reports_to: coo, secondary: cfo, unit: plant, grade",
            ),
            "secondary-added",
            "plant-mgr",
            None,
            "cfo",
        ),
    ],
)
def test_each_kind_of_post_change(
    edit: tuple[str, str], kind: str, subject: str, old: object, new: object
) -> None:
    got = only(diff_of(edit))
    assert got["kind"] == kind
    assert got["post"]["id"] == subject
    ends = [got.get("from"), got.get("to")]
    ends = [e["id"] if isinstance(e, dict) else e for e in ends]
    if kind == "secondary-removed":
        assert ends[0] == old and "to" not in got
    elif kind == "secondary-added":
        assert ends[1] == new and "from" not in got
    else:
        assert ends == [old, new]


@pytest.mark.parametrize(
    ("edit", "kind", "subject"),
    [
        (
            (
                "      - {id: fin,",
                "      - {id: it, name: IT Office, kind: office}\n      - {id: fin,",
            ),
            "unit-added",
            "it",
        ),
        (
            ("      - {id: fin, name: Finance Department, kind: department}\n", ""),
            "unit-removed",
            "fin",
        ),
        (("kind: section, part_of: ops}", "kind: section}"), "unit-reparented", "plant"),
        (("name: Treatment Plant", "name: Water Treatment Plant"), "unit-renamed", "plant"),
    ],
)
def test_each_kind_of_unit_change(edit: tuple[str, str], kind: str, subject: str) -> None:
    d = diff_of(edit)
    units = [change_dict(d, c) for c in d.changes if c.is_unit]
    assert [(u["kind"], u["unit"]["id"]) for u in units] == [(kind, subject)]


@pytest.mark.parametrize(
    ("edit", "kind", "subject", "ends"),
    [
        (
            ("unit: plant, grade", "unit: plant, heads: plant, grade"),
            "heads-added",
            "plant-mgr",
            {"to": "plant"},
        ),
        (("unit: fin,\n         heads: fin,", "unit: fin,\n        "), "heads-removed", "cfo",
         {"from": "fin"}),
        (
            ("fte: 6}", "fte: 6, links: [{to: analyst, type: works_with}]}"),
            "link-added",
            "operator",
            {"with": "analyst", "to": "works_with"},
        ),
        ((", links: [{to: plant-mgr, type: liaison}]", ""), "link-removed", "cfo",
         {"with": "plant-mgr", "from": "liaison"}),
        (("type: liaison", "type: advises"), "link-retyped", "cfo",
         {"with": "plant-mgr", "from": "liaison", "to": "advises"}),
    ],
)  # fmt: skip
def test_units_headed_and_links_are_changes(
    edit: tuple[str, str], kind: str, subject: str, ends: dict[str, str]
) -> None:
    d = diff_of(edit)
    got = only(d)
    assert (got["kind"], got["post"]["id"]) == (kind, subject)
    shown = {k: v["id"] if isinstance(v, dict) else v for k, v in got.items()}
    assert {k: shown.get(k) for k in ("from", "to", "with") if k in shown} == ends
    assert d.counts()[kind] == 1


def test_a_headship_handed_over_and_the_headships_of_a_new_post() -> None:
    d = diff_of(
        ("unit: ops, heads: ops}", "unit: ops}"),
        (
            "      - {id: plant-mgr",
            "      - {id: ops-dir, title: Director of Operations, reports_to: coo,\n"
            "         heads: [ops, plant]}\n"
            "      - {id: plant-mgr",
        ),
    )
    heads = [
        (str(c.kind), d.after.id_of(c.after_node), c.old_node, c.new_node)
        for c in d.changes
        if c.kind in (ChangeKind.HEADS_ADDED, ChangeKind.HEADS_REMOVED)
    ]
    b_ops, a = d.before.node("ops"), d.after
    assert heads == [
        ("heads-removed", "coo", b_ops, None),
        ("heads-added", "ops-dir", None, a.node("ops")),
        ("heads-added", "ops-dir", None, a.node("plant")),
    ]


def test_case_and_spacing_are_not_changes() -> None:
    assert not diff_of(
        ("holder: Sam Lee", "holder: 'sam  lee'"), ("title: Controller,", "title: CONTROLLER,")
    )


def test_moving_a_post_to_the_top_and_to_a_removed_superior() -> None:
    d = diff_of(
        (
            "{id: coo, title: Chief Operating Officer, reports_to: gm,",
            "{id: coo, title: Chief Operating Officer, root: true,",
        )
    )
    got = only(d)
    assert (got["kind"], got["from"]["id"], got["to"]) == ("moved", "gm", None)
