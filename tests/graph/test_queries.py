"""Query answers on the bundled sample data, checked against the facts it models."""

from __future__ import annotations

import pytest

from orgmodel.graph import OrgGraph, queries
from orgmodel.names.lookup import find
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def g() -> OrgGraph:
    return load_graph([ROOT / "data"])


def test_hps_coo_chain_and_dotted_line(g: OrgGraph) -> None:
    coo = find(g, "hps-coo")
    assert [g.id_of(n) for n in queries.chain(g, coo)] == [
        "hps-deputy-admin-finance",
        "hps-superintendent",
        "hps-board",
    ]
    everyone = queries.chain_all(g, coo)
    dotted = [s for s in everyone if s.via == "secondary"]
    assert [(g.id_of(s.node), s.distance) for s in dotted] == [("hps-superintendent", 1)]


def test_hps_coo_heads_the_five_units(g: OrgGraph) -> None:
    heads = {g.title(u) for u in queries.oversees(g, find(g, "hps-coo")).heads}
    assert {
        "Office of Enrollment and School Choice",
        "Facilities Department",
        "Food & Child Nutrition Services Department",
        "Transportation Office",
        "Educational Technology",
    } <= heads


def test_reports_direct_and_all(g: OrgGraph) -> None:
    coo = find(g, "hps-coo")
    direct = queries.reports(g, coo)
    assert len(direct) == 8 and {lv for _, lv in direct} == {1}
    below = queries.reports(g, coo, everyone=True)
    assert len(below) > len(direct)
    two = queries.reports(g, coo, everyone=True, depth=2)
    assert {lv for _, lv in two} == {1, 2}


def test_common_and_path(g: OrgGraph) -> None:
    a, b = find(g, "Director of Facilities"), find(g, "Chief Financial Officer")
    meet = queries.common(g, a, b)
    assert meet is not None and g.id_of(meet.node) == "hps-deputy-admin-finance"
    assert (meet.distance_a, meet.distance_b) == (2, 1)
    steps = queries.path(g, a, b)
    assert steps is not None and [g.id_of(n) for n in steps][1:-1] == [
        "hps-coo",
        "hps-deputy-admin-finance",
    ]


def test_posts_of_different_organizations_share_no_superior(g: OrgGraph) -> None:
    hps, city = find(g, "hps-coo"), find(g, "hfd-coo")
    assert queries.common(g, hps, city) is None
    assert queries.path(g, hps, city) is None


def test_stats(g: OrgGraph) -> None:
    s = queries.stats(g)
    # four organizations' files, plus the City of New Haven known only from its posting
    assert s.organizations == 5
    # 114 from the files + postings-only posts; "supervising managers" in a qualification
    # line of the facilities posting is a requirement, not a post the director supervises
    assert s.posts == 120
    assert s.secondary_lines == 1  # the COO's dotted line, stated by the file and the posting
    assert s.without_superior == 1  # New Haven's generic "department or division manager"
    assert s.span_max == 8  # the HPS COO: seven from the file, and the "operational directors"
    assert sum(s.span_distribution.values()) == s.managers


def test_sample_postings_merge_into_the_posts_the_files_describe(g: OrgGraph) -> None:
    coo = find(g, "hps-coo")
    sources = {rel.prov.source for _, rel in g.secondary[coo]}
    assert len(sources) == 1  # stated twice (file and posting), kept once
    heads = {g.id_of(u) for u, _ in g.heads[coo]}
    assert {"hps-facilities", "hps-transportation", "hps-enrollment"} <= heads
    # the deliberate contradiction: the transportation posting names another superior
    transport = find(g, "hps-director-transportation")
    assert g.id_of(g.parent[transport]) == "hps-coo"
    assert [g.id_of(s) for s, _ in g.extra_primary[transport]] == ["hps-deputy-admin-finance"]
    leader = find(g, "City of New Haven: IT Project Leader")
    boss = g.parent_rel[leader]
    assert boss is not None and boss.generic and boss.prov.cue
