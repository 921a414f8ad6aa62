"""Terminal output: the tree says how many posts it left out."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from orgmodel.cli.present import (
    chain_all_text,
    chain_json,
    chain_text,
    load_warnings,
    loops_back_to,
    tree,
    tree_json,
    tree_notes,
    tree_text,
)
from orgmodel.config import Settings
from orgmodel.graph import OrgGraph
from orgmodel.graph.queries import chain, chain_all
from orgmodel.orgfile.read import parse_orgfile
from orgmodel.records import LineKind, OrgData, PostRecord, Relation, RelKind
from orgmodel.sources.load import load_graph


def _star(n: int) -> OrgGraph:
    posts = [PostRecord("boss", "Boss", root=True)]
    posts += [PostRecord(f"p{i}", f"Post {i}") for i in range(n)]
    rels = [Relation(RelKind.REPORTS_TO, f"p{i}", "boss", LineKind.PRIMARY) for i in range(n)]
    return OrgGraph(OrgData(posts=posts, relations=rels))


def test_limit_cut_mid_list_counts_every_post_left_out() -> None:
    graph = _star(10)
    assert (
        tree(graph, [graph.node("boss")], None, limit=4).hidden == 7
    )  # boss and 3 reports shown, 7 reports left out


def test_depth_cut_counts_everyone_below() -> None:
    graph = _star(5)
    assert tree(graph, [graph.node("boss")], 0, limit=500).hidden == 5


def _forest(n: int) -> OrgGraph:
    return OrgGraph(OrgData(posts=[PostRecord(f"p{i}", f"Post {i}") for i in range(n)]))


def test_limit_counts_top_posts_too() -> None:
    graph = _forest(30)
    shown = tree(graph, None, None, limit=10)
    assert len(shown.items) == 10 and shown.hidden == 20 and shown.hidden_tops == 20
    assert tree_notes(shown) == [
        "20 posts not shown, 20 of them top posts (use --depth/--limit/--root)"
    ]
    assert len(tree_text(graph, shown)) == 10


def _loop() -> OrgGraph:
    posts = [PostRecord(i, t) for i, t in (("1", "Boss"), ("2", "Deputy"), ("3", "Analyst"))]
    rels = [
        Relation(RelKind.REPORTS_TO, a, b, LineKind.PRIMARY)
        for a, b in (("1", "2"), ("2", "1"), ("3", "2"))
    ]
    return OrgGraph(OrgData(posts=posts, relations=rels))


def test_chain_text_says_where_a_reporting_cycle_closes() -> None:
    graph = _loop()
    node = graph.node("3")
    steps = chain(graph, node)
    assert [graph.id_of(s) for s in steps] == ["2", "1"]
    assert graph.id_of(loops_back_to(graph, node, steps) or 0) == "2"
    last = chain_text(graph, node, steps).splitlines()[-1]
    assert last.startswith("      [red]↻ back to Deputy[/] (reporting cycle)")


def test_a_tree_of_a_cycle_lists_each_post_once() -> None:
    graph = _loop()
    shown = tree(graph, [graph.node("1")], None, limit=10)
    assert [graph.id_of(i.node) for i in shown.items] == ["1", "2", "3"]
    assert [graph.id_of(i.loops_to) for i in shown.items if i.loops_to >= 0] == ["1"]
    assert tree(graph, None, None, limit=10).in_cycles == 3
    assert tree_json(graph, shown)["posts"][1]["loops_back_to"] == "1"


def test_load_warnings_say_what_was_done_with_duplicate_rows_and_unit_superiors(
    tmp_path: Path,
) -> None:
    table = tmp_path / "org.csv"
    table.write_text(
        "id,title,manager,department\n"
        "1,Boss,,Operations Department\n"
        "1,Other,2,\n"
        "2,Deputy,Operations Department,Operations Department\n"
    )
    lines = load_warnings(load_graph([table], settings=Settings()))
    assert (
        f"{table}:3: duplicate id '1' (first at {table}:2); the first is used, "
        "and this row's lines (to '2') are not"
    ) in lines
    assert (
        f"{table}:4: Deputy reports to 'Operations Department', which is a department, "
        "not a post or a board; not used"
    ) in lines


_ASSUMED = """\
organizations:
  - name: City of New York
    posts:
      - {id: mayor, title: Mayor, root: true}
      - id: fdm
        title: First Deputy Mayor
        reports_to:
          - {to: mayor, source: {inferred: true}}
      - {id: director, title: Director of Operations, reports_to: fdm}
"""


def test_a_chain_says_which_lines_are_assumed_and_where_each_is_written() -> None:
    graph = OrgGraph(parse_orgfile(_ASSUMED, "nyc.yaml"))
    node = graph.node("director")
    text = chain_text(graph, node, chain(graph, node)).splitlines()
    assert text[1].endswith("(nyc.yaml:9)[/]")
    assert text[2].endswith("(nyc.yaml:5, inferred: no source states it)[/]")
    for steps in (chain(graph, node), chain_all(graph, node)):
        lines = chain_json(graph, node, steps)["chain"]
        assert [(s["id"], s["source"], s["inferred"]) for s in lines] == [
            ("fdm", "nyc.yaml:9", False),
            ("mayor", "nyc.yaml:5", True),
        ]


def test_a_line_break_in_a_title_prints_as_a_space_so_a_tree_keeps_a_line_per_post() -> None:
    graph = OrgGraph(
        OrgData(
            posts=[PostRecord("1", "Chief\nExecutive", root=True), PostRecord("2", "CFO")],
            relations=[Relation(RelKind.REPORTS_TO, "2", "1", LineKind.PRIMARY)],
        )
    )
    console = Console(file=io.StringIO(), width=200)
    for branch in tree_text(graph, tree(graph, None, None, 10)):
        console.print(branch)
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 2 and "Chief Executive" in lines[0]


def test_chain_all_gives_each_line_its_source_and_says_which_are_inferred() -> None:
    graph = OrgGraph(parse_orgfile(_ASSUMED, "nyc.yaml"))
    node = graph.node("director")
    text = chain_all_text(graph, node, chain_all(graph, node)).splitlines()
    assert text[1].endswith("via Director of Operations[/] [dim](nyc.yaml:9)[/]")
    assert text[2].endswith("(nyc.yaml:5, inferred: no source states it)[/]")
