"""The DOT builder: hostile text stays text, every post appears once, lines keep their kind."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from orgmodel.graph import OrgGraph
from orgmodel.names.lookup import find_org
from orgmodel.render import dot, fallback
from orgmodel.render.chart import BoxKind
from orgmodel.render.engine import wasm_layout
from orgmodel.render.labels import box_text
from orgmodel.render.options import ChartOptions
from orgmodel.render.selection import select
from orgmodel.render.themes import THEMES, get
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT
from tests.render.conftest import HOSTILE_TITLES, groups, hostile_org, needs_dot, parse_svg, text_of

SVG_TAGS = {"svg", "g", "title", "polygon", "path", "text", "ellipse", "a", "polyline", "defs"}
SVG_TAGS |= {"rect", "line"}  # what render.fallback draws boxes with


def _dot_svg(source: str) -> bytes:
    done = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True, check=True)
    assert not done.stderr.strip(), done.stderr.decode()
    return done.stdout


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> OrgGraph:
    return load_graph([hostile_org(tmp_path_factory.mktemp("hostile"))])


def _check_hostile_svg(graph: OrgGraph, svg_bytes: bytes, nodes_by: str) -> None:
    svg = parse_svg(svg_bytes)  # well-formed XML, whatever the titles held
    tags = {el.tag.rsplit("}", 1)[-1] for el in svg.iter()}
    assert tags <= SVG_TAGS, f"markup from a title became SVG: {tags - SVG_TAGS}"
    for el in svg.iter():
        assert not {"shape", "onload", "evil"} & set(el.attrib)
        assert el.get("fill") != "red" and el.get("stroke") != "red"
    chart = select(graph, ChartOptions())
    texts = {g.get("id") if nodes_by == "id" else g.findtext("{http://www.w3.org/2000/svg}title"):
             text_of(g) for g in groups(svg, "node")}  # fmt: skip
    theme = get("default")
    for key, box in chart.boxes.items():
        shown = texts[key].replace("\u2060", "")
        lines = box_text(box, theme)
        for line in [*lines.title, *(lines.holder or [])]:
            assert line.replace("\u2060", "") in shown, (line, shown)
    every = " ".join(texts.values())
    assert "orgchart" not in every and "p4" not in every  # no \N, \G -> node, graph name
    assert "Back\\slash \\N \\G \\L \\n end\\" in every.replace("\u2060", "")
    joiner = "\u2060"
    assert f"<b>Bold</b> & <i>Co</i> &{joiner}amp; &{joiner}#60;" in every  # shown as typed
    assert f"R&{joiner}bogus; D" in every
    assert '"]; evil [label="pwned" shape=star' in every
    assert "Zerowidthbell" in every  # control characters dropped
    assert "Line break and return" in every
    assert any(line.endswith("…") for line in box_text(chart.boxes["p9"], theme).title)


@needs_dot
def test_hostile_titles_stay_text_through_dot(hostile: OrgGraph) -> None:
    chart = select(hostile, ChartOptions())
    source = dot.source(chart, ChartOptions())
    _check_hostile_svg(hostile, _dot_svg(source), "id")


def test_hostile_titles_stay_text_in_plain_labels_through_webassembly(hostile: OrgGraph) -> None:
    chart = select(hostile, ChartOptions())
    source = dot.source(chart, ChartOptions(), html_labels=False)
    _check_hostile_svg(hostile, wasm_layout(source, "svg"), "id")
    drawn = fallback.decorate(wasm_layout(source, "svg"), chart, get("default"))
    _check_hostile_svg(hostile, drawn, "id")  # and still, once its boxes are drawn again


def test_every_piece_of_user_text_is_escaped_in_the_dot(hostile: OrgGraph) -> None:
    source = dot.source(select(hostile, ChartOptions()), ChartOptions())
    for title in HOSTILE_TITLES:
        assert title not in source or title.isalnum()
    assert "&lt;FONT COLOR=&quot;red&quot;&gt;" in source
    assert "&#92;&#8288;N" in source and "\\N" not in source


@pytest.fixture(scope="module")
def sample() -> OrgGraph:
    return load_graph([ROOT / "data"])


@needs_dot
@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_sample_svg_shows_every_post_once_and_lines_by_kind(
    sample: OrgGraph, theme: str, direction: str
) -> None:
    options = ChartOptions(max_posts=200, theme=theme, direction=direction)
    chart = select(sample, options)
    svg = parse_svg(_dot_svg(dot.source(chart, options)))
    posts = [g.get("id") for g in groups(svg, "post")]
    assert len(posts) == len(set(posts)) == sample.post_count
    assert {f"p{n}" for n in range(sample.post_count)} == set(posts)
    edges = {g.get("id"): g for g in groups(svg, "line")}
    t = get(theme)
    for line in chart.lines:
        g = edges[f"l-{line.sup}-{line.sub}"]
        path = g.find("{http://www.w3.org/2000/svg}path")
        assert path is not None
        dashed = path.get("stroke-dasharray") is not None
        assert dashed == (line.style == "secondary"), line
        classes = (g.get("class") or "").split()
        assert str(line.style) in classes and ("inferred" in classes) == line.inferred
        if line.inferred:
            assert path.get("stroke") == t.inferred
    kinds = {str(line.style) for line in chart.lines}
    assert kinds == {"primary", "secondary"}


@needs_dot
def test_wide_teams_are_stacked_not_spread(tmp_path: Path) -> None:
    rows = ["id,title,manager"] + ["0,Director,"] + [f"{i},Clerk {i},0" for i in range(1, 41)]
    (tmp_path / "wide.csv").write_text("\n".join(rows) + "\n")
    graph = load_graph([tmp_path / "wide.csv"])
    chart = select(graph, ChartOptions(max_posts=41))
    svg = parse_svg(_dot_svg(dot.source(chart, ChartOptions())))
    width_pt = float(svg.get("width", "0pt").removesuffix("pt"))
    height_pt = float(svg.get("height", "0pt").removesuffix("pt"))
    assert width_pt < 900, "40 reports must not make a row 40 boxes wide"
    assert height_pt > 600


def test_folded_teams_and_more_boxes_say_what_they_hold(sample: OrgGraph) -> None:
    hps = find_org(sample, "HPS")
    chart = select(sample, ChartOptions(org=hps, max_posts=10))
    source = dot.source(chart, ChartOptions())
    folded = [b for b in chart.boxes.values() if b.more_reports]
    assert folded and all(b.kind in (BoxKind.POST, BoxKind.BODY, BoxKind.MORE) for b in folded)
    for box in folded:
        text = f"+{box.more_reports:,} more"
        assert text in source
    assert sum(b.more_posts for b in folded) == chart.hidden_posts > 0
