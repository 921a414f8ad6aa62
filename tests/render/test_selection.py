"""Choosing what goes on a chart: budgets, depth, organizations, highlight, '+N more' counts."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.errors import UsageError
from orgmodel.graph import OrgGraph
from orgmodel.names.lookup import find, find_org
from orgmodel.records import LineKind, OrgData, PostRecord, Relation, RelKind
from orgmodel.render.chart import BoxKind, Chart
from orgmodel.render.options import ChartOptions
from orgmodel.render.selection import select
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT


def _tree(parents: list[int], orgs: list[str] | None = None) -> OrgGraph:
    posts = [PostRecord(f"p{i}", f"Post {i}", org=orgs[i] if orgs else None)
             for i in range(len(parents))]  # fmt: skip
    rels = [Relation(RelKind.REPORTS_TO, f"p{i}", f"p{p}", LineKind.PRIMARY)
            for i, p in enumerate(parents) if p >= 0]  # fmt: skip
    return OrgGraph(OrgData(posts=posts, relations=rels))


@st.composite
def trees(draw: st.DrawFn) -> list[int]:
    n = draw(st.integers(1, 80))
    return [-1] + [draw(st.integers(0, i - 1)) for i in range(1, n)]


def _shown_posts(chart: Chart) -> set[int]:
    return {b.node for b in chart.boxes.values() if b.kind is BoxKind.POST}


@settings(max_examples=60, deadline=None)
@given(trees(), st.integers(1, 40), st.none() | st.integers(0, 6))
def test_every_post_is_shown_once_or_counted_in_a_more_box(
    parents: list[int], budget: int, depth: int | None
) -> None:
    graph = _tree(parents)
    chart = select(graph, ChartOptions(max_posts=budget, depth=depth))
    g = graph.to_networkx(secondary=False)
    shown = _shown_posts(chart)
    assert len(shown) <= budget
    assert chart.shown_posts == len(shown)
    counted = 0
    for box in chart.boxes.values():
        if not box.more_reports:
            continue
        hidden = [k for k in graph.children(box.node) if k not in shown]
        assert box.more_reports == len(hidden)
        assert box.more_posts == sum(1 + len(nx.descendants(g, k)) for k in hidden)
        counted += box.more_posts
    assert len(shown) + counted == len(parents) == chart.total_posts
    assert chart.hidden_posts == counted


def test_whole_levels_first_then_smallest_teams() -> None:
    # root -> a (3 reports), b (1 report), c (5 reports)
    parents = [-1, 0, 0, 0, 1, 1, 1, 2, 3, 3, 3, 3, 3]
    chart = select(_tree(parents), ChartOptions(max_posts=8))
    assert _shown_posts(chart) == {0, 1, 2, 3, 4, 5, 6, 7}  # b's 1, then a's 3; c's 5 do not fit
    assert chart.boxes["p3"].more_reports == 5 and chart.boxes["p3"].folded


def test_a_team_too_big_for_the_budget_shows_its_first_members_and_a_more_box() -> None:
    chart = select(_tree([-1] + [0] * 40), ChartOptions(max_posts=10))
    assert _shown_posts(chart) == set(range(10))
    more = chart.boxes["m0"]
    assert (more.kind, more.more_reports, more.more_posts) == (BoxKind.MORE, 31, 31)
    assert chart.children["p0"][-1] == "m0"


def test_depth_folds_below_it() -> None:
    chart = select(_tree([-1, 0, 1, 2, 3]), ChartOptions(depth=2))
    assert _shown_posts(chart) == {0, 1, 2}
    assert chart.boxes["p2"].more_posts == 2


def test_highlight_shows_the_chain_whatever_the_budget() -> None:
    parents = [-1, 0, 0, 1, 3, 4]
    chart = select(_tree(parents), ChartOptions(max_posts=1, highlight=5))
    assert _shown_posts(chart) == {0, 1, 3, 4, 5}
    lit = {(line.sup, line.sub) for line in chart.lines if line.highlighted}
    assert lit == {("p0", "p1"), ("p1", "p3"), ("p3", "p4"), ("p4", "p5")}
    assert chart.boxes["m0"].more_reports == 1  # p2, left out beside the chain


def test_highlight_outside_the_root_is_a_usage_error() -> None:
    graph = _tree([-1, 0, 0])
    with pytest.raises(UsageError, match="not under the chart's top posts"):
        select(graph, ChartOptions(roots=(1,), highlight=2))


def test_org_keeps_to_one_organization() -> None:
    graph = _tree([-1, 0, 0, 2, -1], orgs=["a", "a", "a", "b", "b"])
    chart = select(graph, ChartOptions(org="b"))
    assert _shown_posts(chart) == {3, 4}  # 3 reports into org a, but is b's: a top of b
    assert chart.roots == ["p3", "p4"]


def test_self_loops_are_drawn_as_tops() -> None:
    posts = [PostRecord("a", "A"), PostRecord("b", "B")]
    rels = [Relation(RelKind.REPORTS_TO, "b", "b", LineKind.PRIMARY)]
    chart = select(OrgGraph(OrgData(posts=posts, relations=rels)), ChartOptions())
    assert _shown_posts(chart) == {0, 1}


@pytest.fixture(scope="module")
def sample() -> OrgGraph:
    return load_graph([ROOT / "data"])


def test_sample_lines_of_every_kind(sample: OrgGraph) -> None:
    hps = find_org(sample, "HPS")
    chart = select(sample, ChartOptions(org=hps, max_posts=200))
    coo, supt = f"p{find(sample, 'HPS: COO')}", f"p{find(sample, 'HPS: Superintendent')}"
    dotted = [(line.sup, line.sub) for line in chart.lines if line.style == "secondary"]
    assert dotted == [(supt, coo)]
    second = [line for line in chart.lines if not line.tree and line.style == "primary"]
    assert [line.sub for line in second] == [f"p{find(sample, 'HPS: Director of Transportation')}"]
    assert chart.line_kinds() == {"primary", "secondary", "inferred"}  # to an inferred group


def test_units_head_the_box_of_their_lowest_head(sample: OrgGraph) -> None:
    chart = select(sample, ChartOptions(roots=(find(sample, "HPS: COO"),)))
    coo = chart.boxes[f"p{find(sample, 'HPS: COO')}"]
    assert coo.header == "Operations Division"  # its five departments go to their directors
    facilities = chart.boxes[f"p{find(sample, 'HPS: Director of Facilities')}"]
    assert facilities.header == "Facilities Department"
    manager = chart.boxes[f"p{find(sample, 'HPS: Facilities Manager')}"]
    assert manager.detail is None  # same unit as the box above: not repeated


def test_inferred_posts_are_marked(sample: OrgGraph) -> None:
    chart = select(sample, ChartOptions(org=find_org(sample, "City of New Haven")))
    inferred = sorted(b.title for b in chart.boxes.values() if b.inferred)
    assert inferred == ["analysts", "department or division manager", "developers", "technicians"]
    assert "inferred" in chart.line_kinds()


def test_posts_in_a_reporting_cycle_are_counted_as_unplaced() -> None:
    posts = [PostRecord(x, x.upper()) for x in ("top", "a", "b", "c")]
    rels = [Relation(RelKind.REPORTS_TO, s, o, LineKind.PRIMARY)
            for s, o in (("a", "top"), ("b", "c"), ("c", "b"))]  # fmt: skip
    chart = select(OrgGraph(OrgData(posts=posts, relations=rels)), ChartOptions())
    assert (chart.shown_posts, chart.total_posts, chart.unplaced) == (2, 2, 2)


@contextmanager
def _finishes_within(seconds: float) -> Iterator[None]:
    """Fail, rather than hang, when a walk goes round a reporting cycle for ever."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"still running after {seconds} s: a walk round a cycle?")

    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@st.composite
def any_parents(draw: st.DrawFn) -> list[int]:
    """Superiors drawn freely: cycles, self-loops and forests all come up."""
    n = draw(st.integers(1, 30))
    return [draw(st.integers(-1, n - 1)) for _ in range(n)]


@settings(max_examples=80, deadline=None)
@given(any_parents(), st.data(), st.integers(1, 40), st.none() | st.integers(0, 4))
def test_a_root_anywhere_draws_each_post_below_it_once(
    parents: list[int], data: st.DataObject, budget: int, depth: int | None
) -> None:
    n = len(parents)
    root = data.draw(st.integers(0, n - 1))
    highlight = data.draw(st.none() | st.integers(0, n - 1))
    graph = _tree(parents)
    g = graph.to_networkx(secondary=False)
    below = {root} | nx.descendants(g, root)  # the root itself too when it is in a cycle
    options = ChartOptions(roots=(root,), max_posts=budget, depth=depth, highlight=highlight)
    with _finishes_within(3):
        if highlight is not None and highlight not in below:
            with pytest.raises(UsageError):
                select(graph, options)
            return
        chart = select(graph, options)
    assert chart.total_posts == len(below)
    assert sorted(chart.tree_order()) == sorted(chart.boxes)  # a tree: every box reached once
    children = [k for kids in chart.children.values() for k in kids]
    assert len(children) == len(set(children))
    shown = _shown_posts(chart)
    if highlight is None:
        assert len(shown) <= budget
    cut = g.copy()  # below a root every cycle passes through the root: cut its line in
    cut.remove_edges_from([(parents[root], root)] if parents[root] >= 0 else [])
    counted = 0
    for box in chart.boxes.values():
        if box.more_reports:
            hidden = [k for k in graph.children(box.node) if k not in shown and k != root]
            assert box.more_reports == len(hidden)
            assert box.more_posts == sum(1 + len(nx.descendants(cut, k)) for k in hidden)
            counted += box.more_posts
    assert len(shown) + counted == chart.total_posts
    sup = parents[root]
    back = [line for line in chart.lines if line.sub == f"p{root}"]
    if sup != root and sup in shown:  # the root is in a cycle: a line goes back up to it
        assert [(line.sup, line.tree) for line in back] == [(f"p{sup}", False)]
        assert chart.cycles == 1
    else:
        assert not back and not chart.cycles


def test_a_root_in_a_reporting_cycle_is_drawn_once_with_a_line_back_up() -> None:
    graph = _tree([1, 0, 1])  # p0 and p1 report to each other; p2 to p1
    with _finishes_within(3):
        chart = select(graph, ChartOptions(roots=(0,)))
    assert list(chart.boxes) == ["p0", "p1", "p2"]
    assert chart.children == {"p0": ["p1"], "p1": ["p2"]}
    assert [(line.sup, line.sub, line.tree) for line in chart.lines] == [
        ("p0", "p1", True), ("p1", "p2", True), ("p1", "p0", False)]  # fmt: skip
    assert (chart.total_posts, chart.hidden_posts, chart.cycles) == (3, 0, 1)


def test_a_root_below_another_root_is_drawn_once() -> None:
    chart = select(_tree([-1, 0, 1, 2]), ChartOptions(roots=(0, 2)))
    assert chart.roots == ["p0", "p2"] and chart.children == {"p0": ["p1"], "p2": ["p3"]}
    assert (chart.total_posts, chart.shown_posts, chart.cycles) == (4, 4, 0)
    assert ("p1", "p2", False) in [(line.sup, line.sub, line.tree) for line in chart.lines]


def test_highlight_in_a_cycle_says_so() -> None:
    graph = _tree([-1, 2, 1, 1])  # p1 and p2 report to each other, p3 to p1
    with pytest.raises(UsageError, match=r"Post 3 is in or under a reporting cycle.*--root 'p1'"):
        select(graph, ChartOptions(highlight=3))


def test_an_org_all_in_a_cycle_has_nothing_to_draw() -> None:
    graph = _tree([-1, 2, 1], orgs=["a", "b", "b"])
    with pytest.raises(UsageError, match="all 2 posts sit in or under reporting cycles"):
        select(graph, ChartOptions(org="b"))
