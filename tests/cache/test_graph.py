"""A graph restored from the saved index is the graph the build made, field for field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.cache.bundle import Bundle, write_bundle
from orgmodel.cache.graph import POST_COLUMNS, SavedGraph, graph_buffers
from orgmodel.cli.present import chain_text, load_warnings, tree, tree_json
from orgmodel.config import Settings
from orgmodel.graph import OrgGraph, queries
from orgmodel.graph.columns import TABLE_SCHEMA
from orgmodel.rules.validate import validate
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT

# An HR export with the mistakes real ones have: a duplicated id, a manager that matches
# nothing, one that reports to itself, managers by name, dotted lines, extra columns, an
# FTE that is no number, a row without an id, and text beyond ASCII.
EXPORT = textwrap.dedent(
    """\
    id,name,title,department,organization,manager,dotted line manager,fte,badge
    1,Ana Ruiz,City Manager,Office of the City Manager,City of Springfield,,,1,A1
    2,Bo Lindqvist,Deputy City Manager,Office of the City Manager,City of Springfield,1,,1,
    3,Vacant,Budget Director,Finance Department,City of Springfield,Bo Lindqvist,1,0.5,B7
    3,Li Wei,Budget Analyst,Finance Department,City of Springfield,3,,1,
    4,Zoë Ångström,Städtische Referentin,Finance Department,City of Springfield,9,2,half,
    5,Sam Okoye,Clerk,,City of Springfield,5,,,
    ,Nobody,Intern,,City of Springfield,1,,,
    6,Jo Park,Analyst (Acting),Finance Department,Shelbyville,,,,C3
    """
)


def _saved(graph: OrgGraph, folder: Path) -> SavedGraph:
    buffers, meta = graph_buffers(graph)
    path = folder / "g.orgindex"
    write_bundle(path, buffers, meta)
    return SavedGraph(Bundle(path))


def assert_same(fresh: OrgGraph, saved: OrgGraph) -> None:
    """Every field a command reads, compared."""
    assert (saved.post_count, saved.size) == (fresh.post_count, fresh.size)
    for name in (*TABLE_SCHEMA.names, "prov"):
        assert saved.posts.column(name) == fresh.posts.column(name), name
    for name in POST_COLUMNS:
        assert saved.posts.arrow(name).to_pylist() == fresh.posts.arrow(name).to_pylist(), name
    for name in ("parent", "depth", "child_start", "child_list", "below"):
        assert list(getattr(saved, name)) == list(getattr(fresh, name)), name
        if name != "below":
            assert saved.__getattribute__(f"np_{name}").tolist() == list(getattr(fresh, name))
    for name in OrgGraph.SAVED:
        assert getattr(saved, name) == getattr(fresh, name), name
    for node in range(fresh.size):
        assert saved.record(node) == fresh.record(node)
        assert saved.parent_rel[node] == fresh.parent_rel[node]
        assert saved.describe(node) == fresh.describe(node)
        assert saved.unit_of(node) == fresh.unit_of(node)
        assert saved.index[fresh.id_of(node)] == fresh.index[fresh.id_of(node)]
        assert queries.dotted_reports(saved, node) == queries.dotted_reports(fresh, node)
        assert chain_text(saved, node, queries.chain(saved, node)) == chain_text(
            fresh, node, queries.chain(fresh, node)
        )
    for text in [*fresh.posts.column("title"), *fresh.posts.column("holder"), "COO", "nobody"]:
        if text:
            assert saved.names.candidates(text) == fresh.names.candidates(text), text
            assert saved.names.find(text) == fresh.names.find(text), text
    assert saved.names.titles() == fresh.names.titles()
    assert "zz-not-an-id" not in saved.index
    assert queries.stats(saved).to_dict(saved) == queries.stats(fresh).to_dict(fresh)
    assert load_warnings(saved) == load_warnings(fresh)
    assert tree_json(saved, tree(saved, None, None, 500)) == tree_json(
        fresh, tree(fresh, None, None, 500)
    )
    assert validate(saved).to_dict() == validate(fresh).to_dict()


def test_an_hr_export_with_its_mistakes(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(EXPORT, encoding="utf-8")
    fresh = load_graph([path], settings=Settings())
    assert fresh.duplicates and fresh.resolution.dangling and fresh.issues  # as it should be
    assert_same(fresh, _saved(fresh, tmp_path))


def test_the_sample_data_org_files_csv_and_postings(tmp_path: Path) -> None:
    fresh = load_graph([ROOT / "data"], settings=Settings())
    assert fresh.heads and fresh.secondary and fresh.units
    assert_same(fresh, _saved(fresh, tmp_path))


def test_a_saved_graph_keeps_no_records(tmp_path: Path) -> None:
    fresh = load_graph([ROOT / "data" / "minneapolis-city-clerk.csv"], settings=Settings())
    assert fresh.data.post_count == fresh.post_count
    with pytest.raises(AttributeError, match="keeps no records"):
        _ = _saved(fresh, tmp_path).data


_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["Director", "Analyst", "Clerk", "Chief Operating Officer (COO)", ""]),
        st.integers(-1, 30),  # the manager: a row, none, or (past the rows) an id no row has
        st.sampled_from(["", "Ana Ruiz", "Bo", "Zoë Ångström"]),
        st.sampled_from(["", "Finance", "Parks"]),
        st.integers(-1, 30),  # a dotted-line manager
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=40, deadline=None)
@given(_ROWS)
def test_any_table_comes_back_as_it_was_built(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, int, str, str, int]]
) -> None:
    folder = tmp_path_factory.mktemp("table")
    lines = ["id,title,name,department,manager,dotted line manager"]
    for i, (title, boss, name, unit, dotted) in enumerate(rows):
        ref = "" if boss < 0 else f"P{boss}"  # P20 and up match no row: dangling references
        lines.append(f"P{i},{title},{name},{unit},{ref},{'' if dotted < 0 else f'P{dotted}'}")
    path = folder / "org.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fresh = load_graph([path], settings=Settings())
    assert_same(fresh, _saved(fresh, folder))
