"""Render speed: our whole chart against ``dot`` alone on the bare tree of the same posts.

Usage::

    python benchmarks/render_speed.py [--sizes 100,500,2000,5000] [--million] [--workdir DIR]

For each size it generates the synthetic org of ``benchmarks/scale.py``
(spans 1-12, ~3% dotted lines) and prints, measured side by side in one run:

* ``bare dot`` -- ``dot -Tsvg`` on the bare tree: one default node per post
  (its id as label), one edge per primary line, nothing else;
* ``ours`` -- ``orgmodel.render.draw(..., "svg")`` with every post shown
  (``max_posts`` = the size): choosing, the DOT build (boxes, combs, stacked
  teams, dotted lines) and the same ``dot`` laying it out; split into
  ``choose+build`` and ``layout``;
* the ratio ours / bare, and posts per second.

``--million`` adds the 1,000,000-post org drawn with the default
``--max-posts``: loading (CSV -> graph) and rendering timed separately.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.scale import generate
from orgmodel.graph import OrgGraph
from orgmodel.render import ChartOptions, draw
from orgmodel.render import dot as dot_builder
from orgmodel.render.engine import find_engine, layout
from orgmodel.render.selection import select
from orgmodel.sources.load import load_graph


def bare_tree(graph: OrgGraph) -> str:
    """The same posts and primary lines as plain DOT: no labels, styles or helpers."""
    lines = ["digraph bare {"]
    parent = graph.parent
    for n in range(graph.post_count):
        lines.append(f"  n{n};")
        if parent[n] >= 0:
            lines.append(f"  n{parent[n]} -> n{n};")
    lines.append("}")
    return "\n".join(lines)


def run_dot(source: str) -> float:
    start = time.perf_counter()
    subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True, check=True)
    return time.perf_counter() - start


def measure(n: int, workdir: Path) -> None:
    path = workdir / f"org-{n}.csv"
    generate(n, path)
    graph = load_graph([path])
    bare = run_dot(bare_tree(graph))
    options = ChartOptions(max_posts=n)
    start = time.perf_counter()
    chart = select(graph, options)
    source = dot_builder.source(chart, options)
    built = time.perf_counter() - start
    engine = find_engine("svg")
    start = time.perf_counter()
    layout(engine, source, "svg")
    laid = time.perf_counter() - start
    ours = built + laid
    print(
        f"{n:>9,} {bare:>9.2f}s {ours:>8.2f}s {built:>13.2f}s {laid:>7.2f}s "
        f"{ours / bare:>6.1f}x {n / ours:>10,.0f}"
    )


def million(workdir: Path) -> None:
    path = workdir / "org-1000000.csv"
    start = time.perf_counter()
    generate(1_000_000, path)
    print(f"\n1,000,000 posts (generated in {time.perf_counter() - start:.1f}s)")
    start = time.perf_counter()
    graph = load_graph([path])
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    chart = select(graph, ChartOptions())
    chosen = time.perf_counter() - start
    start = time.perf_counter()
    drawing = draw(graph, ChartOptions(), "svg")
    rendered = time.perf_counter() - start
    print(f"  load (CSV -> graph)           {loaded:6.2f}s")
    print(f"  choose + collapse             {chosen:6.2f}s")
    print(f"  render (choose, build, dot)   {rendered:6.2f}s")
    print(f"  load + render                 {loaded + rendered:6.2f}s")
    print(
        f"  chart: {drawing.chart.shown_posts} posts drawn, "
        f"{sum(1 for b in drawing.chart.boxes.values() if b.more_reports)} '+N more' "
        f"holding {drawing.chart.hidden_posts:,}; {len(drawing.content):,} bytes of SVG"
    )
    assert chart.shown_posts == drawing.chart.shown_posts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500,2000,5000")
    parser.add_argument("--million", action="store_true", help="add the 1M-post org")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="orgmodel-render-"))
    print(f"{'posts':>9} {'bare dot':>10} {'ours':>9} {'choose+build':>14} {'layout':>8} "
          f"{'ratio':>7} {'posts/s':>10}")  # fmt: skip
    for n in (int(s) for s in args.sizes.split(",")):
        measure(n, workdir)
    if args.million:
        million(workdir)


if __name__ == "__main__":
    main()
