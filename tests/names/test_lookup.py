"""Finding the post a user means, on the bundled sample data."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgmodel.config import Settings
from orgmodel.errors import AmbiguousNameError, NameNotFoundError, UsageError
from orgmodel.graph import OrgGraph
from orgmodel.names.lookup import find, find_org, find_root, org_named
from orgmodel.orgfile.read import parse_orgfile
from orgmodel.sources.load import load_graph
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


def test_names_in_a_large_export_are_found_through_sorted_key_tables(tmp_path: Path) -> None:
    n = 25_000  # distinct holders: normalised column-wise, sorted once, then searched
    rows = "".join(f"E{i},Person {i},{'Analyst' if i else 'Director'},{'E0' if i else ''}\n"
                   for i in range(n))  # fmt: skip
    path = tmp_path / "big.csv"
    path.write_text("id,name,title,manager\n" + rows)
    graph = load_graph([path], settings=Settings())
    assert find(graph, "person  77") == 77  # holder
    assert find(graph, "Director") == 0
    with pytest.raises(AmbiguousNameError):
        find(graph, "Analyst")
    for i in range(20):
        assert find(graph, f"Person {i * 1000 + 1}") == i * 1000 + 1
    assert len(graph.names.table("holder")) == n
    assert graph.names.table("title").find("analyst") == list(range(1, n))
    with pytest.raises(NameNotFoundError) as err:
        find(graph, "Anlyst")
    assert err.value.suggestions == ["Analyst"]


def _twins() -> OrgGraph:
    return OrgGraph(
        parse_orgfile(
            "organizations:\n"
            "  - {id: sw-koeln, name: Städtische Werke, abbreviation: SW,\n"
            "     posts: [{id: gf-k, title: Geschäftsführer}]}\n"
            "  - {id: sw-bonn, name: Städtische Werke,\n"
            "     posts: [{id: gf-b, title: Geschäftsführer}]}\n",
            "twins.yaml",
        )
    )


def test_an_organization_name_two_share_is_ambiguous_not_the_first() -> None:
    graph = _twins()
    with pytest.raises(AmbiguousNameError) as info:
        find_org(graph, "städtische werke")
    assert info.value.total == 2
    assert "[id sw-koeln]" in str(info.value) and "[id sw-bonn]" in str(info.value)
    with pytest.raises(AmbiguousNameError):
        find(graph, "Städtische Werke: Geschäftsführer")
    assert find_org(graph, "sw-bonn") == "sw-bonn"  # an id is never ambiguous
    assert find_org(graph, "SW") == "sw-koeln"
    assert graph.id_of(find(graph, "sw-bonn: Geschäftsführer")) == "gf-b"


def test_org_named_matches_words_of_a_name_once(sample: OrgGraph) -> None:
    assert org_named(sample, "Public Schools") == "hps"
    with pytest.raises(AmbiguousNameError, match="matches 4 organizations"):
        org_named(sample, "City of")  # Hartford, Minneapolis, New York, New Haven
    with pytest.raises(UsageError, match="no organization matches 'Springfield'; the sources"):
        org_named(sample, "Springfield")


def test_ambiguity_counts_every_match_not_those_listed(tmp_path: Path) -> None:
    rows = "1,Director,\n" + "".join(f"{i},Analyst,1\n" for i in range(2, 22))
    (tmp_path / "org.csv").write_text("id,title,manager\n" + rows)
    graph = load_graph([tmp_path / "org.csv"], settings=Settings())
    with pytest.raises(AmbiguousNameError) as info:
        find(graph, "Analyst")
    assert info.value.total == 20 and len(info.value.candidates) == 12
    assert str(info.value).startswith("'Analyst' matches 20 posts: ")


def test_a_tree_starts_from_a_post_or_a_board_not_a_department(sample: OrgGraph) -> None:
    assert sample.id_of(find_root(sample, "Board of Education")) == "hps-board"
    assert sample.id_of(find_root(sample, "HPS: COO")) == "hps-coo"
    with pytest.raises(UsageError, match="is a department no post reports to") as info:
        find_root(sample, "Facilities Department")
    assert "such as its head 'Director of Facilities'" in str(info.value)


def test_a_qualifier_names_the_organization_as_render_org_does(sample: OrgGraph) -> None:
    """'Minneapolis: City Clerk' works as `render --org Minneapolis` does (words of a name)."""
    clerk = find(sample, "City of Minneapolis: City Clerk")
    assert find(sample, "Minneapolis: City Clerk") == clerk
    assert find(sample, "minneapolis: city clerk") == clerk
    assert sample.id_of(find(sample, "Hartford Schools: COO")) == "hps-coo"


def test_a_qualifier_that_names_no_organization_says_so(sample: OrgGraph) -> None:
    with pytest.raises(UsageError, match=r"'Nowhere' names no organization.*City of Minneapolis"):
        find(sample, "Nowhere: City Clerk")


def test_an_ambiguous_title_within_a_named_organization_asks_for_the_full_title(
    sample: OrgGraph,
) -> None:
    with pytest.raises(AmbiguousNameError, match="Use the full title or the id") as caught:
        find(sample, "Minneapolis: Clerk")
    assert "Qualify it with the organization" not in str(caught.value)
