"""JSON trees: flat id/parent_id arrays, SAM.gov's path-encoded parents, nested children."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from orgmodel.errors import SourceError
from orgmodel.readers import detect_format
from orgmodel.readers.jsontree import read_jsontree
from tests.conftest import REALDATA, needs_realdata
from tests.readers.graph_counts import Counts, counts, load

Write = Callable[[str, str | bytes], Path]
US = REALDATA / "us-federal-hierarchy"
UK = REALDATA / "uk-organograms-all-2013-nested" / "all.json"


def test_nested_tree_with_groupings_juniors_and_repeated_refs(write: Write) -> None:
    tree = {
        "Name": "Government",
        "children": [
            {"Name": "Department for Tests", "children": [
                {"Name": "Test Agency", "children": [
                    {"Name": "Chief Executive", "Ref": "1", "FTE": 1.0, "children": [
                        {"Name": "Director", "Ref": "2", "FTE": 1, "children": [
                            {"Name": "Analyst", "Junior": True, "FTE": 3.5},
                        ]},
                        {"Name": "Director", "Ref": "2", "FTE": "n/a"},
                    ]},
                ]},
            ]},
        ],
    }  # fmt: skip
    path = write("tree.json", json.dumps(tree))
    assert detect_format(path) == "jsontree"
    data = read_jsontree(path)
    assert [(p.id, p.title, p.fte, p.root) for p in data.posts] == [
        ("test-agency/1", "Chief Executive", 1.0, True),
        ("test-agency/2", "Director", 1.0, False),
        ("1.1.1.1.1.1", "Analyst", 3.5, False),
        ("test-agency/2~2", "Director", None, False),
    ]
    assert [o.name for o in data.organizations] == ["Test Agency"]
    assert data.posts[0].attributes == {"group": "Government > Department for Tests"}
    assert data.posts[2].attributes == {
        "aggregate": "junior",
        "group": "Government > Department for Tests",
    }
    assert [i.code for i in data.issues] == ["bad-value", "duplicate-id"]


def test_sam_parent_is_the_newest_path(write: Write) -> None:
    def rec(ident: int, name: str, *paths: tuple[str, str]) -> dict[str, Any]:
        return {"fhorgid": ident, "fhorgname": name, "fhorgtype": "OFFICE",
                "fhorgparenthistory": [{"fhfullparentpathid": p, "effectivedate": d,
                                        "actiontype": "MOVE"} for p, d in paths]}  # fmt: skip

    records = [
        rec(1, "DEPT OF TESTS", ("1", "1990-01-01 00:00")),
        rec(2, "OLD PARENT", ("1.2", "1990-01-01 00:00")),
        rec(3, "TEST OFFICE", ("1.3", "1990-01-01 00:00"), ("1.2.3", "2010-01-01 00:00")),
        rec(4, "NO HISTORY"),
    ]
    path = write("sam.json", json.dumps([*records, records[1]], indent=1))
    data = read_jsontree(path)
    assert [(r.subject, r.object) for r in data.relations] == [("2", "1"), ("3", "2")]
    assert [p.root for p in data.posts] == [True, False, False, True]
    assert data.issues[-1].message == "skipped 1 of 5 records: exact duplicate (1)"


def test_not_a_tree(write: Write) -> None:
    with pytest.raises(SourceError, match="is neither an org file nor an org tree: a JSON string"):
        read_jsontree(write("x.json", '"just a string"'))


@needs_realdata
def test_real_us_government_manual() -> None:
    records = json.loads((US / "usgovmanual_raw.json").read_text(encoding="utf-8"))
    ids = {r["id"] for r in records}
    has_parent = [r for r in records if r["parent_id"] not in ("None", "", None)]
    expected = Counts(
        len(records),
        len(records) - len(has_parent),
        sum(1 for r in has_parent if r["parent_id"] in ids),
    )
    assert counts(load(US / "usgovmanual_raw.json")) == expected


@needs_realdata
def test_real_samgov_with_duplicates_and_moves() -> None:
    records = json.loads((US / "samgov_raw.json").read_text(encoding="utf-8"))
    unique: dict[str, dict[str, Any]] = {}
    for r in records:
        unique.setdefault(str(r["fhorgid"]), r)
    parents = {}
    for ident, r in unique.items():
        history = r.get("fhorgparenthistory") or []
        newest = sorted(history, key=lambda h: h["effectivedate"])[-1] if history else None
        path = newest["fhfullparentpathid"].split(".") if newest else []
        parents[ident] = path[-2] if len(path) > 1 else None
    expected = Counts(
        len(unique),
        sum(1 for p in parents.values() if p is None or p not in unique),
        sum(1 for p in parents.values() if p is not None and p in unique),
    )
    graph = load(US / "samgov_raw.json")
    assert counts(graph) == expected
    copies = [str(r["fhorgid"]) for r in records]
    assert len({i for i in copies if copies.count(i) > 1}) == 36  # as SOURCE.md says
    same = [json.dumps(r, sort_keys=True) == json.dumps(unique[str(r["fhorgid"])], sort_keys=True)
            for r in records]  # fmt: skip
    assert all(same)
    assert graph.issues[-1].message == f"skipped 52 of {len(records)} records: exact duplicate (52)"


@needs_realdata
def test_real_uk_2013_nested_tree() -> None:
    tree = json.loads(UK.read_text(encoding="utf-8"))
    tally: Counter[str] = Counter()  # posts, roots, lines
    orgs: set[str] = set()

    def walk(node: dict[str, Any], above_post: bool, group: str) -> None:
        is_post = "Ref" in node or bool(node.get("Junior"))
        if is_post:
            tally["posts"] += 1
            tally["lines" if above_post else "roots"] += 1
            orgs.add(group)
        for child in node.get("children", []):
            walk(child, is_post or above_post, group if is_post or above_post else node["Name"])

    walk(tree, False, "")
    graph = load(UK)
    assert counts(graph) == Counts(tally["posts"], tally["roots"], tally["lines"])
    assert graph.post_count == 41_799 - 126  # every node but the 126 groupings
    assert len(graph.orgs) == len(orgs)
    assert not graph.duplicates  # repeated Refs were renamed, not merged
