"""Superiors that are only names, several primary superiors, abolished posts: how the diff
compares them (on org files written for these cases)."""

from __future__ import annotations

from orgmodel.diff.changes import ChangeKind, Diff, compare
from orgmodel.diff.report import Sides, change_line, to_json
from tests.diff.helpers import graph

ORG = """\
organizations:
  - name: City
    posts:
      - {id: mayor-office, title: Office of the Mayor, root: true}
      - {id: comptroller, title: Office of the Comptroller, root: true}
      - id: payroll
        title: Office of Payroll Administration
        reports_to: [mayor-office, comptroller]
      - {id: doi, title: Department of Investigation, reports_to: Mayor}
      - {id: parks, title: Department of Parks, reports_to: First Deputy Mayor}
      - {id: rail, title: Director Rail, reports_to: mayor-office}
"""


def _diff(after: str) -> Diff:
    return compare(graph(ORG), graph(after))


def test_the_same_names_are_no_change() -> None:
    assert not _diff(ORG).changes


def test_a_move_between_names_that_match_no_post() -> None:
    d = _diff(ORG.replace("reports_to: First Deputy Mayor", "reports_to: Chief of Staff"))
    (c,) = d.changes
    assert (c.kind, c.old_value, c.new_value) == (
        ChangeKind.MOVED,
        "First Deputy Mayor",
        "Chief of Staff",
    )
    assert change_line(d, c) == (
        "Department of Parks [parks]: ‘First Deputy Mayor’ (matches no post) → "
        "‘Chief of Staff’ (matches no post)"
    )
    (item,) = to_json(d, Sides("a", "b"))["changes"]
    assert item["from"] == {"name": "First Deputy Mayor", "matched": False}
    assert "'First Deputy Mayor'" in d.notes[0] and d.notes[0].startswith("BEFORE: 2 superiors")


def test_a_name_becoming_a_post_is_a_move_and_case_is_not() -> None:
    d = _diff(ORG.replace("reports_to: Mayor}", "reports_to: mayor-office}"))
    (c,) = d.changes
    assert (c.kind, c.old_value, c.new_node) == (
        ChangeKind.MOVED,
        "Mayor",
        d.after.node("mayor-office"),
    )
    assert not _diff(ORG.replace("reports_to: Mayor}", "reports_to: '  MAYOR '}")).changes


def test_further_primary_superiors_added_and_removed() -> None:
    d = _diff(ORG.replace("[mayor-office, comptroller]", "[mayor-office, doi, Board of Estimate]"))
    got = [(str(c.kind), c.old_node, c.new_node, c.old_value, c.new_value) for c in d.changes]
    b, a = d.before, d.after
    assert got == [
        ("superior-removed", b.node("comptroller"), None, None, None),
        ("superior-added", None, a.node("doi"), None, None),
        ("superior-added", None, None, None, "Board of Estimate"),
    ]
    assert change_line(d, d.changes[0]) == (
        "Office of Payroll Administration [payroll]: no longer also under "
        "Office of the Comptroller [comptroller]"
    )
    # the first superior decides the tree: swapping the order is a move, and a second line
    swapped = _diff(ORG.replace("[mayor-office, comptroller]", "[comptroller, mayor-office]"))
    assert [str(c.kind) for c in swapped.changes] == ["moved", "superior-removed", "superior-added"]


def test_an_eliminated_post_is_removed_where_it_stands() -> None:
    dead = ORG.replace(
        "{id: rail, title: Director Rail, reports_to: mayor-office}",
        "{id: rail, title: Director Rail, root: true, attributes: {status: eliminated}}",
    )
    d = _diff(dead)
    (c,) = d.changes
    assert (c.kind, c.old_node) == (ChangeKind.ELIMINATED, d.before.node("mayor-office"))
    assert change_line(d, c) == "Director Rail [rail], was under Office of the Mayor [mayor-office]"
    # already eliminated: neither removed when it goes nor added when listed again
    assert not compare(graph(dead), graph(dead)).changes
    gone = compare(graph(dead), graph(dead.replace("rail, title: Director Rail", "x, title: X")))
    assert [str(c.kind) for c in gone.changes] == []
    assert gone.notes == [
        "BEFORE lists 1 post as Eliminated (abolished already): not counted as removed",
        "AFTER lists 1 post as Eliminated that BEFORE does not have: not counted as added",
        *[n for n in gone.notes if "superiors named" in n],
    ]
    back = compare(graph(dead), graph(ORG))  # listed as eliminated, then live again
    (c,) = back.changes
    assert (c.kind, c.before is not None) == (ChangeKind.ADDED, True)
