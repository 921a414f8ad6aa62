""" "Did you mean" looks at titles, unit names and holders, within the organization named."""

from __future__ import annotations

import pytest

from orgmodel.errors import NameNotFoundError
from orgmodel.graph import OrgGraph
from orgmodel.names.lookup import find
from orgmodel.names.suggest import suggestions
from orgmodel.records import OrgData, OrgRecord, PostRecord
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def sample() -> OrgGraph:
    return load_graph([ROOT / "data"])


@pytest.mark.parametrize(
    ("asked", "first"),
    [
        ("Okoye", "Raymond Okoye"),  # a holder's surname: titles alone suggested nothing
        ("Raymnd Okoye", "Raymond Okoye"),
        ("Superintendant", "Superintendent of Schools"),
        ("Facilites Department", "Facilities Department"),  # a unit
        ("Lindqvst", "Margaret Lindqvist"),
    ],
)
def test_a_name_that_matches_nothing_suggests_the_closest(
    sample: OrgGraph, asked: str, first: str
) -> None:
    with pytest.raises(NameNotFoundError) as info:
        find(sample, asked)
    assert info.value.suggestions[0] == first
    assert len(info.value.suggestions) <= 3


def test_nothing_alike_suggests_nothing(sample: OrgGraph) -> None:
    assert suggestions(sample, "zqxjkv") == []


def test_suggestions_stay_in_the_organization_named() -> None:
    g = OrgGraph(
        OrgData(
            organizations=[OrgRecord("a", "City of A"), OrgRecord("b", "City of B")],
            posts=[
                PostRecord("1", "City Clerk", org="a", holder="Ana Lopez"),
                PostRecord("2", "City Clerk", org="b", holder="Ana Lopes"),
            ],
        )
    )
    assert suggestions(g, "Ana Lope", org="b") == ["Ana Lopes"]
    assert set(suggestions(g, "Ana Lope")) == {"Ana Lopez", "Ana Lopes"}
