"""How fast the interactive HTML chart opens and answers, in a real headless Chromium.

Usage::

    python benchmarks/html_open.py [--sizes 5000,50000,200000] [--repeat 3] [--workdir DIR]

For each size it writes the synthetic org of ``benchmarks/scale.py`` (spans
1-12, ~3% dotted lines), renders it with ``orgmodel render -o org.html`` (the
default budget: 50,000 posts in the file, larger orgs folded into "+N more")
and prints:

* ``render`` -- load the CSV and write the page (seconds), and the page's size;
* ``open`` -- from the start of navigation to the chart drawn and ready
  (the median of ``--repeat`` fresh pages), and the same file with our two
  scripts taken out -- the browser only loading the HTML and its JSON -- as
  the baseline measured in the same run, with the ratio;
* ``open all`` -- the toolbar's "Open all" (every team, up to 5,000 boxes):
  the boxes it lays out, and the milliseconds of layout and drawing;
* ``search`` -- one search over every post by title, holder and id (ms);
* ``redraw`` -- one redraw of the window (what a pan past the drawn region
  costs) with everything open, zoomed to read (ms).

Target: a 5,000-post file opens in <= 2 s.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.scale import generate
from orgmodel.render import HTML_MAX_POSTS, ChartOptions, write
from orgmodel.render.browser import chromium, close, new_page, why_no_browser
from orgmodel.sources.load import load_graph

OPEN_TARGET_S = 2.0
SCRIPTS = re.compile(r"<script>\n.*?\n</script>\n", re.S)


def open_once(browser: Any, path: Path, ready: str) -> float:
    """Seconds from the start of navigation until ``ready`` holds, on a fresh page."""
    page = new_page(browser)
    try:
        page.goto(path.as_uri(), wait_until="commit", timeout=120_000)
        page.wait_for_function(ready, timeout=120_000, polling=10)
        seconds: float = page.evaluate("performance.now()") / 1000
    finally:
        close(page)
    return seconds


def interact(browser: Any, path: Path) -> dict[str, float]:
    """Open all, one search, one redraw with everything open, on one page."""
    page = new_page(browser)
    try:
        page.goto(path.as_uri())
        page.wait_for_function("document.documentElement.dataset.ready === '1'", timeout=120_000)
        result: dict[str, float] = page.evaluate(
            """() => { const o = window.orgchart;
              const t = performance.now();
              document.querySelector('[data-act=expand]').click();
              const all = performance.now() - t;
              const boxes = o.shown().length;
              const s = performance.now(); const found = o.search('analyst 5');
              const search = performance.now() - s;
              o.view.k = 1; o.view.x = 0; o.view.y = 0;
              const redraw = o.redraw();
              return {all, boxes, layout: o.stats.layout, search, found, redraw,
                      drawn: o.stats.boxes}; }"""
        )
    finally:
        close(page)
    return result


def measure(browser: Any, n: int, workdir: Path, repeat: int) -> None:
    csv = workdir / f"org{n}.csv"
    generate(n, csv)
    html = workdir / f"org{n}.html"
    t = time.perf_counter()
    drawing = write(html, load_graph([csv]), ChartOptions(max_posts=HTML_MAX_POSTS))
    rendered = time.perf_counter() - t
    bare = workdir / f"org{n}.bare.html"
    bare.write_text(SCRIPTS.sub("", html.read_text(encoding="utf-8")), encoding="utf-8")
    ready = "document.documentElement.dataset.ready === '1'"
    ours = statistics.median(open_once(browser, html, ready) for _ in range(repeat))
    loaded = statistics.median(
        open_once(browser, bare, "document.readyState === 'complete'") for _ in range(repeat)
    )
    act = interact(browser, html)
    chart = drawing.chart
    folded = f"; {chart.hidden_posts:,} folded" if chart.hidden_posts else ""
    print(f"{n:>9,} posts  {chart.shown_posts:,} in the file{folded}")
    print(f"  render (load + write)   {rendered:6.2f} s   page {html.stat().st_size / 1e6:.1f} MB")
    target = ""
    if n <= 5000:
        verdict = "met" if ours <= OPEN_TARGET_S else "MISSED"
        target = f"; target <= {OPEN_TARGET_S:g} s: {verdict}"
    print(f"  open, ready to use      {ours:6.2f} s   (bare page {loaded:.2f} s, "
          f"{ours / loaded:.1f}x{target})")  # fmt: skip
    print(f"  open all                {act['all']:6.0f} ms  {int(act['boxes']):,} boxes "
          f"(layout {act['layout']:.0f} ms)")  # fmt: skip
    print(f"  search                  {act['search']:6.1f} ms  {int(act['found']):,} found")
    print(f"  redraw, zoomed to read  {act['redraw']:6.1f} ms  {int(act['drawn']):,} boxes drawn")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,50000,200000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    reason = why_no_browser()
    if reason is not None:
        raise SystemExit(f"html_open: {reason}")
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for n in sizes:
            measure(browser, n, workdir, args.repeat)


if __name__ == "__main__":
    main()
