"""HRIS exports: managers by name, names written "Last, First", ambiguous id columns."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.errors import SourceError
from orgmodel.readers import read_source
from orgmodel.readers.people import natural_order, person_name
from orgmodel.records import OrgData, PostRecord
from tests.conftest import REALDATA, needs_realdata
from tests.readers.graph_counts import Counts, counts, load

Write = Callable[[str, str | bytes], Path]
HR = REALDATA / "hr-dataset-v14" / "HRDataset_v14.csv"


@pytest.mark.parametrize(
    ("written", "natural"),
    [("Dietrich, Jenna  ", "Jenna Dietrich"), ("O'Neil, Mary-Kate  B", "Mary-Kate B O'Neil"),
     ("Smith, Jr.", None), ("Ana Ruiz", None), ("Acme, Inc, Ltd", None)],
)  # fmt: skip
def test_person_name(written: str, natural: str | None) -> None:
    assert person_name(written) == natural


def test_natural_order_only_when_most_names_are_last_first() -> None:
    names = ["Ruiz, Ana", "Li Wei", "Bo Berg"]
    mixed = OrgData(posts=[PostRecord(str(i), "A", holder=n) for i, n in enumerate(names)])
    assert natural_order(mixed) == 0
    hr = OrgData(
        posts=[PostRecord("1", "A", holder="Ruiz, Ana"), PostRecord("2", "B", holder="Wei, Li")]
    )
    assert natural_order(hr) == 2
    assert hr.posts[0].holder == "Ana Ruiz"
    assert hr.posts[0].attributes == {"name as written": "Ruiz, Ana"}


def test_two_candidate_id_columns_ask_for_a_mapping(write: Write) -> None:
    path = write("hr.csv", 'EmpID,PositionID,Employee Name,ManagerName\n1,7,"Ruiz, Ana",\n')
    with pytest.raises(
        SourceError, match="two columns could be the id: column 1 'EmpID' and column 2"
    ):
        read_source(path)
    data = read_source(path, mapping={"id": "EmpID"})
    assert data.posts[0].attributes == {"PositionID": "7", "name as written": "Ruiz, Ana"}


def _norm(name: str) -> str:
    """An independent name key: "Last, First M." and "First M Last" agree."""
    if "," in name:
        last, first = name.split(",", 1)
        name = f"{first} {last}"
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


@needs_realdata
def test_real_hr_export_managers_by_name() -> None:
    raw = HR.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # the quirks the test is about
    with HR.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    people: dict[str, list[str]] = {}
    for r in rows:
        people.setdefault(_norm(r["Employee_Name"]), []).append(r["EmpID"])
    managers = {r["ManagerName"].strip() for r in rows if r["ManagerName"].strip()}
    matched = {m for m in managers if len(people.get(_norm(m), [])) == 1}
    assert (len(managers), len(matched)) == (21, 16)  # SOURCE.md's 15, plus Brandon R. LeBlanc
    lines = sum(1 for r in rows if r["ManagerName"].strip() in matched)
    graph = load(HR, mapping={"id": "EmpID", "manager": "ManagerName"})
    assert counts(graph) == Counts(len(rows), len(rows) - lines, lines)
    assert {r.object for r in graph.resolution.dangling} == managers - matched
    assert graph.posts[graph.node("10304")].holder == "Jenna Dietrich"
