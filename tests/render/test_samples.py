"""diagrams/ is up to date: its DOT, Mermaid and HTML sources match a fresh render of data/."""

from __future__ import annotations

import re

import pytest

from orgmodel.graph import OrgGraph
from orgmodel.render import draw
from orgmodel.render.samples import SAMPLES, SampleChart
from orgmodel.render.screenshots import HTML_SAMPLE, SHOTS, Shot, html_options
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT
from tests.render.conftest import groups, parse_svg

DIAGRAMS = ROOT / "diagrams"
STALE = "diagrams/ is stale: run `make diagrams` and commit the result"


@pytest.fixture(scope="module")
def sample() -> OrgGraph:
    return load_graph([ROOT / "data"])


@pytest.mark.parametrize("chart", SAMPLES, ids=lambda s: s.name)
def test_diagram_sources_match_a_fresh_render(sample: OrgGraph, chart: SampleChart) -> None:
    options = chart.options(sample)
    for suffix, fmt in ((".dot", "dot"), (".mmd", "mermaid")):
        committed = (DIAGRAMS / f"{chart.name}{suffix}").read_text(encoding="utf-8")
        assert draw(sample, options, fmt).content.decode("utf-8") == committed, STALE


@pytest.mark.parametrize("chart", SAMPLES, ids=lambda s: s.name)
def test_pictures_were_drawn_from_those_sources(chart: SampleChart) -> None:
    dot_text = (DIAGRAMS / f"{chart.name}.dot").read_text(encoding="utf-8")
    boxes = set(re.findall(r"^\t(p\d+|m\d+|mtop) \[label=<", dot_text, flags=re.M))
    svg = parse_svg((DIAGRAMS / f"{chart.name}.svg").read_bytes())
    drawn = {g.get("id") for cls in ("post", "body", "more") for g in groups(svg, cls)}
    assert drawn == boxes, STALE
    png = (DIAGRAMS / f"{chart.name}.png").read_bytes()
    assert png.startswith(b"\x89PNG"), STALE


def test_the_charts_page_shows_every_sample_chart() -> None:
    page = (ROOT / "docs/charts.md").read_text(encoding="utf-8")
    for chart in SAMPLES:
        assert f"diagrams/{chart.name}.png" in page


def test_the_interactive_chart_of_the_sample_is_up_to_date(sample: OrgGraph) -> None:
    committed = (DIAGRAMS / HTML_SAMPLE).read_bytes()
    assert draw(sample, html_options(), "html").content == committed, STALE


@pytest.mark.parametrize("shot", SHOTS, ids=lambda s: s.name)
def test_screenshots_of_the_interactive_chart_are_on_the_charts_page(shot: Shot) -> None:
    png = (DIAGRAMS / f"{shot.name}.png").read_bytes()
    assert png.startswith(b"\x89PNG"), STALE
    assert f"diagrams/{shot.name}.png" in (ROOT / "docs/charts.md").read_text(encoding="utf-8")
