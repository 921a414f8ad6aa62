"""NYC governance organizations, v1.7.12 (Dec 2025) -> v1.8.43 (Jun 2026): a change of mayor.

The diff must report the reorganisation exactly as an independent reading of
the two CSVs does (``tests/nyc_realdata.py``): bodies added and removed by
``record_id``; a body moved when the superior it is placed under changed (the
first parent that is a row, else the first name it gives); further parents
(several to a row) compared as a set; renamed bodies and new principal officers.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from orgmodel.config import Settings
from orgmodel.diff.changes import ChangeKind, Diff, compare
from orgmodel.sources.load import load_graph
from tests.conftest import needs_realdata
from tests.nyc_realdata import NYC, RELEASES, Release, key, release

pytestmark = needs_realdata


@cache
def diff() -> Diff:
    before, after = (load_graph([NYC / name], settings=Settings()) for name in RELEASES)
    return compare(before, after)


def _side(d: Diff, before: bool, node: int | None, name: str | float | None) -> object:
    if node is not None:
        return (d.before if before else d.after).id_of(node)
    return ("name", key(name)) if isinstance(name, str) else None


def test_bodies_added_and_removed_by_record_id() -> None:
    d = diff()
    a, b = release(RELEASES[0]), release(RELEASES[1])
    added = {d.after.id_of(c.after_node) for c in d.changes if c.kind is ChangeKind.ADDED}
    removed = {d.before.id_of(c.before_node) for c in d.changes if c.kind is ChangeKind.REMOVED}
    assert added == b.rows.keys() - a.rows.keys() and len(added) == 10
    assert removed == a.rows.keys() - b.rows.keys() and len(removed) == 16


def test_moves_are_the_changes_of_superior_the_csv_shows() -> None:
    d = diff()
    a, b = release(RELEASES[0]), release(RELEASES[1])
    moved = {
        d.before.id_of(c.before_node): (
            _side(d, True, c.old_node, c.old_value),
            _side(d, False, c.new_node, c.new_value),
        )
        for c in d.changes
        if c.kind is ChangeKind.MOVED
    }
    common = a.rows.keys() & b.rows.keys()
    want = {k: (a.first(k), b.first(k)) for k in common if a.first(k) != b.first(k)}
    assert moved == want
    kinds = Counter(
        tuple("name" if isinstance(s, tuple) else "none" if s is None else "row" for s in pair)
        for pair in want.values()
    )
    assert len(want) == 84 and kinds == {
        ("row", "row"): 53,  # a name that matches no row -> a row is ("name", "row")
        ("row", "name"): 17,
        ("none", "row"): 7,
        ("name", "row"): 6,
        ("name", "name"): 1,
    }


def test_moves_checked_by_hand() -> None:
    d = diff()
    a = release(RELEASES[0])

    def move(body: str) -> tuple[object, object]:
        (c,) = [
            c
            for c in d.changes
            if c.kind is ChangeKind.MOVED and d.before.id_of(c.before_node) == body
        ]
        return _side(d, True, c.old_node, c.old_value), _side(d, False, c.new_node, c.new_value)

    # NYPD: reported to a name no row has, now to the First Deputy Mayor (000193)
    nypd = a.rows["NYC_GOID_000389"]["reports_to"]
    assert move("NYC_GOID_000389") == (("name", key(nypd)), "NYC_GOID_000193")
    # HPD: from the deputy mayor 000162 (removed) to 100032 (added in v1.8.43)
    assert move("NYC_GOID_000216") == ("NYC_GOID_000162", "NYC_GOID_100032")
    # Correction and Probation: their deputy mayor (000164) went; both to 000193
    assert move("NYC_GOID_000140") == ("NYC_GOID_000164", "NYC_GOID_000193")
    assert move("NYC_GOID_000150") == ("NYC_GOID_000164", "NYC_GOID_000193")
    # 000244 still names its superior 000246 by the name it had in v1.7.12; 000246 was
    # renamed, so the name is left matching no row: a move to the name, and a note says so
    old_name = a.rows["NYC_GOID_000246"]["name"]
    assert move("NYC_GOID_000244") == ("NYC_GOID_000246", ("name", key(old_name)))
    assert any(n.startswith("AFTER: 10 posts still name their BEFORE superior") for n in d.notes)


def test_several_parents_compare_as_a_set_beside_the_first() -> None:
    d = diff()
    a, b = release(RELEASES[0]), release(RELEASES[1])
    several = {k for k, ps in a.parents.items() if len(ps) > 1}
    assert several == {k for k, ps in b.parents.items() if len(ps) > 1}
    assert len(several) == 5
    assert all(a.others(k) == b.others(k) for k in several)  # unchanged between the releases
    kinds = {ChangeKind.SUPERIOR_ADDED, ChangeKind.SUPERIOR_REMOVED}
    assert not [c for c in d.changes if c.kind in kinds]


def _holders(r: Release, body: str) -> str:
    return key(r.rows[body]["principal_officer_full_name"])


def test_renamed_bodies_and_new_principal_officers() -> None:
    d = diff()
    a, b = release(RELEASES[0]), release(RELEASES[1])
    common = a.rows.keys() & b.rows.keys()
    renamed = {k for k in common if key(a.rows[k]["name"]) != key(b.rows[k]["name"])}
    got = {d.before.id_of(c.before_node) for c in d.changes if c.kind is ChangeKind.RETITLED}
    assert got == renamed and len(renamed) == 4
    officers = Counter(
        "filled" if not _holders(a, k) else "vacated" if not _holders(b, k) else "holder-changed"
        for k in common
        if _holders(a, k) != _holders(b, k)
    )
    counts = d.counts()
    assert officers == {k: counts[k] for k in ("holder-changed", "vacated", "filled")}
    assert officers == {"holder-changed": 56, "vacated": 4, "filled": 1}
