"""Tables whose parents are named, several to a row (NYC governance organizations)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.graph import OrgGraph
from orgmodel.readers import detect_format
from orgmodel.readers.parents_by_name import read_parents_by_name
from tests.conftest import REALDATA, needs_realdata
from tests.readers.graph_counts import Counts, counts, load

Write = Callable[[str, str | bytes], Path]
NYC = REALDATA / "nyc-governance-orgs"


def test_parents_by_name_several_per_row(write: Write) -> None:
    path = write(
        "bodies.csv",
        "\ufeffrecord_id,name,acronym,principal_officer_full_name,principal_officer_title,reports_to\n"
        "G1,Office of the Mayor,,Ana Ruiz,Mayor,\n"
        "G2,Office of the Comptroller,,Li Wei,Comptroller,\n"
        "G3,Department of Finance,DOF,,,office of the mayor\n"
        "G4,Audit Committee,,,,Office of the Mayor; Office of the Comptroller\n"
        "G5,Tax Tribunal,,,,Mayor\n",
    )
    assert detect_format(path) == "parents_by_name"
    data = read_parents_by_name(path)
    assert [(p.id, p.title, p.holder, p.root) for p in data.posts][:3] == [
        ("G1", "Office of the Mayor", "Ana Ruiz", True),
        ("G2", "Office of the Comptroller", "Li Wei", True),
        ("G3", "Department of Finance", None, False),
    ]
    assert data.posts[2].abbreviation == "DOF"
    assert data.posts[0].attributes == {"principal_officer_title": "Mayor"}
    graph = OrgGraph(data)
    g4 = graph.node("G4")
    assert graph.id_of(graph.parent[g4]) == "G1"
    assert [graph.id_of(s) for s, _ in graph.extra_primary[g4]] == ["G2"]
    assert [r.object for r in graph.resolution.dangling] == ["Mayor"]


def test_ids_as_parents_stay_a_plain_table(write: Write) -> None:
    path = write("t.csv", "id,name,parent\n1,Mayor,\n2,Clerk,1\n")
    assert detect_format(path) == "table"


@needs_realdata
@pytest.mark.parametrize(
    "name",
    [
        "NYCGovernanceOrganizations_v1.7.12_2025-12-29.csv",
        "NYCGovernanceOrganizations_v1.8.43_2026-06-12.csv",
    ],
)
def test_real_nyc_releases_agree_with_an_independent_count(name: str) -> None:
    with (NYC / name).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_name = {r["name"].strip().casefold(): r["record_id"] for r in rows}
    parents = {
        r["record_id"]: [p.strip() for p in r["reports_to"].split(";") if p.strip()] for r in rows
    }
    resolved = {k: [p for p in v if p.casefold() in by_name] for k, v in parents.items()}
    dangling = sum(len(v) - len(resolved[k]) for k, v in parents.items())
    expected = Counts(
        len(rows),
        sum(1 for v in resolved.values() if not v),
        sum(len(v) for v in resolved.values()),
    )
    graph = load(NYC / name)
    assert detect_format(NYC / name) == "parents_by_name"
    assert counts(graph) == expected
    assert len(graph.resolution.dangling) == dangling
    several = sum(1 for v in resolved.values() if len(v) > 1)
    assert len(graph.extra_primary) == several
