"""One rule set for names: every place that compares names agrees on what names the same thing.

The places: a graph's name tables (a user's lookup, references the graph
resolves), the merging of postings (records and columnar tables alike), a
table whose managers are given by name, and the diff's matching of titles and
unresolved superiors.
"""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.diff.match import match
from orgmodel.graph import OrgGraph
from orgmodel.graph.columns import PostBlock
from orgmodel.names.index import name_table
from orgmodel.names.rules import (
    LOOKUP,
    MERGE,
    REFERENCE,
    Tier,
    abbreviations,
    asked,
    first_tier,
    name_key,
)
from orgmodel.readers.parents_by_name import rows_to_data
from orgmodel.records import LineKind, OrgData, OrgRecord, PostRecord, Relation, RelKind
from orgmodel.sources.resolve import RoleIndex, TablePosts

# Titles as sources write them: shared words (so prefixes and abbreviations collide),
# articles, parentheticals, case and punctuation.
_WORD = st.sampled_from(
    ["Chief", "Operating", "Officer", "Director", "of", "Finance", "Deputy", "City", "Clerk",
     "the", "and", "&", "Facilities", "(COO)", "(CFO)", "Services", "Records", "IT"]
)  # fmt: skip
_TITLE = st.lists(_WORD, min_size=1, max_size=5).map(" ".join).filter(lambda t: name_key(t) != "")
_CASES: list[Callable[[str], str]] = [str, str.upper, str.lower, "The {}".format, "{}.".format]
_CASE = st.sampled_from(_CASES)


def _posts(titles: list[str]) -> list[PostRecord]:
    return [PostRecord(f"p{i}", t, "c") for i, t in enumerate(titles)]


def _queries(titles: list[str], data: st.DataObject) -> list[str]:
    picked = [data.draw(_CASE)(data.draw(st.sampled_from(titles))) for _ in range(4)]
    return [*picked, *data.draw(st.lists(_TITLE, max_size=3)), "COO", "the CFO", "Chief"]


@settings(max_examples=150, deadline=None)
@given(st.lists(_TITLE, min_size=1, max_size=8), st.data())
def test_merging_postings_finds_what_the_graph_finds_in_the_merge_tiers(
    titles: list[str], data: st.DataObject
) -> None:
    graph = OrgGraph(OrgData(organizations=[OrgRecord("c", "City")], posts=_posts(titles)))
    records = RoleIndex()
    for post in _posts(titles):
        records.add("c", False, post.id, post.title, post.abbreviation)
    block = PostBlock.from_pylists(
        "t.csv", {"id": [f"p{i}" for i in range(len(titles))], "org": ["c"] * len(titles),
                  "title": titles}
    )  # fmt: skip
    tables = RoleIndex(TablePosts([block]))
    for query in _queries(titles, data):
        nodes = graph.names.find(query, MERGE)
        expected = graph.id_of(nodes[0]) if len(nodes) == 1 else None
        assert records.find("c", False, query) == expected, query
        assert tables.find("c", False, query) == expected, query  # a columnar table agrees


@settings(max_examples=150, deadline=None)
@given(st.lists(_TITLE, min_size=1, max_size=8), st.data())
def test_the_column_wise_tables_key_names_as_the_rules_do(
    titles: list[str], data: st.DataObject
) -> None:
    given_abbr = data.draw(st.lists(st.sampled_from([None, "Ops", "coo"]), min_size=len(titles),
                                    max_size=len(titles)))  # fmt: skip
    columns = {"title": pa.array(titles), "abbreviation": pa.array(given_abbr, pa.string())}
    title_table = name_table("title", columns.__getitem__)
    abbr_table = name_table("abbreviation", columns.__getitem__)
    for row, (title, abbr) in enumerate(zip(titles, given_abbr, strict=True)):
        assert row in title_table.find(name_key(title))
        for key in abbreviations(title, abbr):
            assert row in abbr_table.find(key), (title, key)


def test_the_tiers_of_each_place() -> None:
    assert LOOKUP[: len(REFERENCE)] == REFERENCE  # a reference is a lookup without partial words
    assert Tier.HOLDER not in MERGE and Tier.CONTAINS not in MERGE
    titles = {"superintendent of schools": "supt", "deputy superintendent": "dep"}

    def hits(tier: Tier, name: object) -> list[str]:
        key = asked("Superintendent").key
        if tier is Tier.PREFIX:
            return [i for k, i in titles.items() if k.startswith(key)]
        if tier is Tier.CONTAINS:
            return [i for k, i in titles.items() if key in k]
        return []

    assert first_tier(asked("Superintendent"), LOOKUP, hits) == (Tier.PREFIX, ["supt"])
    assert first_tier(asked("Superintendent"), REFERENCE, hits) == (None, [])


def test_a_unit_is_named_with_or_without_its_kind_word_everywhere() -> None:
    data = OrgData(
        organizations=[OrgRecord("c", "City")],
        units=[],
        posts=[PostRecord("d", "Director of Facilities", "c", unit="Facilities Department")],
    )
    from orgmodel.records import UnitKind, UnitRecord

    data.units.append(UnitRecord("fac", "Facilities Department", UnitKind.DEPARTMENT, "c"))
    graph = OrgGraph(data)
    fac = graph.node("fac")
    assert graph.names.find("Facilities") == [fac]  # the lookup
    assert graph.names.candidates("the facilities department") == [fac]  # a reference
    index = RoleIndex()
    index.add("c", True, "fac", "Facilities Department", None)
    assert index.find("c", True, "Facilities") == "fac"  # the merging of postings


def test_a_manager_named_in_a_table_matches_as_the_graph_would() -> None:
    header = ["record_id", "name", "reports_to"]
    rows = [
        (2, ["1", "Office of the Mayor (OTM)", ""]),
        (3, ["2", "Department of Finance", "the office of the mayor"]),
        (4, ["3", "Payroll", "Department of Finance."]),
    ]
    data = rows_to_data(header, rows, "bodies.csv")
    lines = {r.subject: r.object for r in data.relations}
    assert lines == {"2": "1", "3": "2"}  # by the key: article, case, punctuation aside
    graph = OrgGraph(data)
    assert graph.names.candidates("the office of the mayor") == [graph.node("1")]


def test_the_diff_pairs_titles_and_unresolved_superiors_by_the_same_key() -> None:
    def version(title: str, boss: str, ids: str) -> OrgGraph:
        posts = [PostRecord(f"{ids}1", "Mayor", "c"), PostRecord(f"{ids}2", title, "c")]
        lines = [Relation(RelKind.REPORTS_TO, f"{ids}2", f"{ids}1", LineKind.PRIMARY),
                 Relation(RelKind.REPORTS_TO, f"{ids}1", boss, LineKind.PRIMARY)]  # fmt: skip
        return OrgGraph(OrgData(organizations=[OrgRecord("c", "City")], posts=posts,
                                relations=lines))  # fmt: skip

    before = version("Chief Financial Officer (CFO)", "the Council", "a")
    after = version("chief financial officer", "Council", "b")
    pairs = {(before.id_of(b), after.id_of(a)) for b, a in match(before, after).pairs()}
    assert ("a2", "b2") in pairs
    from orgmodel.diff.changes import compare

    assert not [c for c in compare(before, after).changes if c.kind == "moved"]
