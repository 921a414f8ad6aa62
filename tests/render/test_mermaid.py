"""Mermaid output: a golden file of the Minneapolis sample, and hostile text kept in its quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orgmodel.render import mermaid
from orgmodel.render.options import ChartOptions
from orgmodel.render.selection import select
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT
from tests.render.conftest import hostile_org

GOLDEN = Path(__file__).parent / "golden" / "minneapolis-clerk-depth2.mmd"


def _minneapolis() -> str:
    graph = load_graph([ROOT / "data" / "minneapolis-city-clerk.csv"])
    options = ChartOptions(depth=2, max_posts=8, title="City Clerk's Office")
    return mermaid.source(select(graph, options), options)


def test_minneapolis_matches_the_golden_file() -> None:
    # Written by hand from data/minneapolis-city-clerk.csv: the clerk, her three
    # reports, then the smallest teams that fit in 8 posts; the rest folded.
    assert _minneapolis() == GOLDEN.read_text(encoding="utf-8")


def test_hostile_text_never_leaves_its_label(tmp_path: Path) -> None:
    graph = load_graph([hostile_org(tmp_path)])
    text = mermaid.source(select(graph, ChartOptions()), ChartOptions())
    label = re.compile(r'^  (p\d+|m\d+|mtop)\["([^"]*)"\]$')
    node_lines = [line for line in text.splitlines() if line.startswith("  p")]
    boxes = [line for line in node_lines if "[" in line]
    assert len(boxes) == graph.post_count
    for line in boxes:
        match = label.match(line)
        assert match, line
        inner = re.sub(r"</?(b|i|small|br/)>", "", match.group(2))
        assert not set(inner) & set('"<>`{}[]|\\'), inner
    assert "#60;b#62;Bold#60;/b#62;" in text and "#34;#93;; evil" in text
    for line in text.splitlines():
        assert line.startswith(("  ", "---", "title:", "flowchart")), line


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_lines_by_kind(direction: str) -> None:
    graph = load_graph([ROOT / "data"])
    options = ChartOptions(max_posts=200, direction=direction)
    text = mermaid.source(select(graph, options), options)
    assert text.splitlines()[3] == f"flowchart {direction}"
    assert text.count(" -.-> ") == 1  # the COO's dotted line to the Superintendent
    assert text.count(" --> ") == 1  # the Director of Transportation's second superior
    assert "linkStyle" in text  # New Haven's inferred lines are grey
