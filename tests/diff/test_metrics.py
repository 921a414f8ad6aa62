"""Metrics side by side on the sample proposal, checked against what the proposal does."""

from __future__ import annotations

from orgmodel.diff.changes import compare
from orgmodel.diff.metrics import ROWS, measure
from orgmodel.graph import OrgGraph
from orgmodel.graph.queries import stats
from orgmodel.orgfile.read import read_orgfile
from tests.conftest import ROOT
from tests.diff.helpers import BASE, graph
from tests.diff.test_report import sample


def test_sample_proposal_figures() -> None:
    d, _ = sample()
    m = measure(d)
    assert set(m.rows) == set(ROWS)
    assert m.rows["posts"] == (52, 51)  # one CIO added, two posts removed
    assert m.rows["units"] == (15, 15)  # two units added, two merged away
    assert m.rows["vacant"] == (48, 47)  # COO filled, CIO added vacant, Chief of Staff vacated,
    # two vacant posts removed: 48 - 1 + 1 + 1 - 2
    assert m.rows["span_max"] == (7, 6)  # the COO's 7 falls to 4; the Superintendent's 6 is widest
    top = [(s.after, s.before_span, s.after_span) for s in m.span_changes[:2]]
    assert top[0] == (d.after.node("hps-coo"), 7, 4)


def test_managers_and_individual_contributors_follow_the_tree() -> None:
    after = BASE.replace("reports_to: controller, unit: fin}", "reports_to: cfo, unit: fin}")
    d = compare(graph(BASE), graph(after))
    m = measure(d)
    # before: gm, coo, cfo, plant-mgr, controller manage; after the controller manages no one
    assert m.rows["managers"] == (5, 4)
    assert m.rows["individual_contributors"] == (2, 3)
    # the board, then four levels of posts down to the Plant Operator, on both sides
    assert m.rows["layers"] == (stats(d.before).layers, stats(d.after).layers) == (5, 5)
    spans = {(d.before.id_of(s.before), s.delta) for s in m.span_changes if s.before is not None}
    assert spans == {("cfo", 1), ("controller", -1)}


def test_stats_and_diff_count_managers_alike_and_a_board_is_none() -> None:
    hps = OrgGraph(read_orgfile(ROOT / "data/hartford-public-schools.yaml"))
    board = hps.node("hps-board")
    assert list(hps.children(board)) == [hps.node("hps-superintendent")]  # a body with a report
    spans = [len(hps.children(n)) for n in range(hps.post_count)]
    managers = [s for s in spans if s]
    s, m = stats(hps), measure(compare(hps, hps))
    assert s.managers == m.rows["managers"][0] == len(managers) == 22
    assert s.span_mean == m.rows["span_mean"][0] == round(sum(managers) / 22, 2) == 2.32
    assert sum(s.span_distribution.values()) == 22
    assert board not in [n for n, _ in s.widest]
