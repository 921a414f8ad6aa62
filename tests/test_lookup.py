"""Finding the post a user means, on the bundled sample data."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgmodel.config import Settings
from orgmodel.errors import AmbiguousNameError, NameNotFoundError
from orgmodel.graph import OrgGraph
from orgmodel.load import load_graph
from orgmodel.lookup import find
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def sample() -> OrgGraph:
    return load_graph([ROOT / "data"])


@pytest.mark.parametrize(
    "name",
    ["hps-coo", "Hartford Public Schools: COO", "HPS: coo", "hps: Chief Operating Officer",
     "Hartford Public Schools: the Chief Operating Officer (COO)"],
)  # fmt: skip
def test_ways_to_name_the_hps_coo(sample: OrgGraph, name: str) -> None:
    assert sample.id_of(find(sample, name)) == "hps-coo"


def test_abbreviation_shared_by_two_organizations_is_ambiguous(sample: OrgGraph) -> None:
    with pytest.raises(AmbiguousNameError) as info:
        find(sample, "COO")
    assert len(info.value.candidates) == 2
    assert "hfd-coo" in str(info.value) and "hps-coo" in str(info.value)


def test_prefix_tier_prefers_the_title_that_starts_with_the_words(sample: OrgGraph) -> None:
    assert sample.title(find(sample, "hps: superintendent")) == "Superintendent of Schools"


def test_no_match_suggests_close_titles(sample: OrgGraph) -> None:
    with pytest.raises(NameNotFoundError) as info:
        find(sample, "Superintendant of Schols")
    assert "Superintendent of Schools" in info.value.suggestions


def test_holder_name_finds_their_post(sample: OrgGraph) -> None:
    assert sample.title(find(sample, "priya natarajan")) == "Director of Administration"


def test_units_can_be_found_too(sample: OrgGraph) -> None:
    node = find(sample, "Facilities Department")
    assert not sample.is_post(node)


def test_names_in_a_large_export_are_found_by_scanning_then_by_index(tmp_path: Path) -> None:
    n = 25_000  # more distinct holders than the size at which holder lookups scan
    rows = "".join(f"E{i},Person {i},{'Analyst' if i else 'Director'},{'E0' if i else ''}\n"
                   for i in range(n))  # fmt: skip
    path = tmp_path / "big.csv"
    path.write_text("id,name,title,manager\n" + rows)
    graph = load_graph([path], settings=Settings())
    assert find(graph, "person  77") == 77  # holder, by scan
    assert find(graph, "Director") == 0
    with pytest.raises(AmbiguousNameError):
        find(graph, "Analyst")
    for i in range(20):  # past the scans allowed, the holder index is built
        assert find(graph, f"Person {i * 1000 + 1}") == i * 1000 + 1
    assert graph.names._holders is not None
    with pytest.raises(NameNotFoundError) as err:
        find(graph, "Anlyst")
    assert err.value.suggestions == ["Analyst"]
