"""Finding the post a user means, on the bundled sample data."""

from __future__ import annotations

import pytest

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
