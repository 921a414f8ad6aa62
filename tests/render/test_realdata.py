"""Charts of real data, drawn by ``dot`` and read back from the SVG.

The d3-org-chart demo data (1,516 rows) and the Oracle HR sample, both NYC
governance releases and one snapshot of the IfG DfT series, each with the
``--root`` / ``--max-posts`` a person would choose. For each chart the SVG
must show every post the chart holds exactly once, every reporting line once,
and connectors that are square and go round the boxes: every segment of the
tree is horizontal or vertical, and none crosses a box it does not end at
(the two faults these charts showed: a second spine joined by a diagonal
from its superior, and a left-hand box of a two-column stack drawn on the
right, its line running through its neighbour).
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest

from orgmodel.config import Settings
from orgmodel.graph import OrgGraph
from orgmodel.names.lookup import find
from orgmodel.render import ChartOptions, dot
from orgmodel.render.chart import BoxKind, Chart
from orgmodel.render.selection import select
from orgmodel.sources.load import load_graph
from tests.conftest import REALDATA, needs_realdata
from tests.render.conftest import SVG, groups, needs_dot, parse_svg

pytestmark = [needs_realdata, needs_dot]

NYC = REALDATA / "nyc-governance-orgs"
CHARTS = {
    "d3-org-chart": ("d3-org-chart-samples/d3-org-chart_data.csv", None, 60),
    "oracle-hr": ("d3-org-chart-samples/oracle-hr-employees_data.csv", None, 60),
    "nyc-1.7.12": (
        "nyc-governance-orgs/NYCGovernanceOrganizations_v1.7.12_2025-12-29.csv",
        None,
        60,
    ),
    "nyc-1.8.43-mayor": (
        "nyc-governance-orgs/NYCGovernanceOrganizations_v1.8.43_2026-06-12.csv",
        "NYC_GOID_000251",  # the Office of the Mayor
        110,
    ),
    "dft-sep-12@2": ("uk-organograms-ifg-dft-timeseries/dft.csv#Sep-12@2", None, 80),
}

Box = tuple[float, float, float, float]  # x0, y0, x1, y1
_NUM = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass
class Drawn:
    graph: OrgGraph
    chart: Chart
    svg: ET.Element


def _draw(name: str) -> Drawn:
    source, root, max_posts = CHARTS[name]
    graph = load_graph([f"{REALDATA}/{source}"], settings=Settings())
    options = ChartOptions(
        roots=(find(graph, root),) if root else None, max_posts=max_posts, date=None
    )
    chart = select(graph, options)
    done = subprocess.run(
        ["dot", "-Tsvg"], input=dot.source(chart, options).encode(), capture_output=True, check=True
    )
    return Drawn(graph, chart, parse_svg(done.stdout))


@pytest.fixture(scope="module", params=list(CHARTS))
def drawn(request: pytest.FixtureRequest) -> Drawn:
    return _draw(request.param)


def _bbox(g: ET.Element) -> Box:
    xs, ys = [], []
    for poly in g.iter(f"{SVG}polygon"):
        values = [float(v) for v in _NUM.findall(poly.get("points", ""))]
        xs += values[0::2]
        ys += values[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def _ends(g: ET.Element) -> tuple[tuple[float, float], tuple[float, float]]:
    path = g.find(f"{SVG}path")
    assert path is not None
    values = [float(v) for v in _NUM.findall(path.get("d", ""))]
    return (values[0], values[1]), (values[-2], values[-1])


def test_every_post_once_and_every_line_once(drawn: Drawn) -> None:
    chart, svg = drawn.chart, drawn.svg
    posts = [g.get("id") for g in groups(svg, "post")]
    want = [k for k, b in chart.boxes.items() if b.kind is BoxKind.POST]
    assert len(posts) == len(set(posts)) and sorted(posts) == sorted(want)  # type: ignore[type-var]
    more = [g.get("id") for g in groups(svg, "more")]
    assert sorted(more) == sorted(k for k, b in chart.boxes.items() if b.kind is BoxKind.MORE)  # type: ignore[type-var]
    assert chart.shown_posts == len(posts) and chart.shown_posts + chart.hidden_posts == (
        chart.total_posts
    )
    folded = [b for b in chart.boxes.values() if b.more_reports]
    assert sum(b.more_posts for b in folded) == chart.hidden_posts  # every post left out counted
    lines = [g.get("id") for g in groups(svg, "line")]
    tree = [f"l-{line.sup}-{line.sub}" for line in chart.lines if line.tree]
    assert len(lines) == len(set(lines)) and set(tree) <= set(lines)


def test_connectors_are_square_and_go_round_the_boxes(drawn: Drawn) -> None:
    chart, svg = drawn.chart, drawn.svg
    boxes = {g.get("id"): _bbox(g) for g in (*groups(svg, "post"), *groups(svg, "more"))}
    tree = {f"l-{line.sup}-{line.sub}" for line in chart.lines if line.tree}
    segments = [g for g in groups(svg, "spine") if g.find(f"{SVG}path") is not None]
    segments += [g for g in groups(svg, "line") if g.get("id") in tree]
    assert segments
    for g in segments:
        (x0, y0), (x1, y1) = _ends(g)
        assert abs(x0 - x1) < 1 or abs(y0 - y1) < 1, f"{g.get('id')} is a diagonal"
        lo_x, hi_x, lo_y, hi_y = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        for key, (bx0, by0, bx1, by1) in boxes.items():
            inside = lo_x < bx1 - 3 and hi_x > bx0 + 3 and lo_y < by1 - 3 and hi_y > by0 + 3
            assert not inside, f"{g.get('id')} runs through box {key}"


def test_a_forest_of_bodies_shows_its_biggest_structures() -> None:
    """NYC v1.7.12: 191 tops; the chart shows those with teams and folds the rest."""
    chart = _draw("nyc-1.7.12").chart
    (top_fold,) = [b for b in chart.boxes.values() if b.key == "mtop"]
    assert top_fold.detail == "top posts" and top_fold.more_reports > 150
    drawn = _draw("nyc-1.7.12")
    roots = [drawn.chart.boxes[k] for k in drawn.chart.roots if k != "mtop"]
    assert all(drawn.chart.children.get(b.key) or b.more_reports for b in roots)
    first_deputy = drawn.graph.node("NYC_GOID_000193")  # reports to a name no row has
    assert f"p{first_deputy}" in {b.key for b in roots}
