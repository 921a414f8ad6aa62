"""The interactive org chart: one self-contained HTML file, no network at view time.

An administrator e-mails it or puts it on an intranet; it opens in any
current browser from the disk. The page holds the chart as JSON
(:mod:`orgmodel.render.payload`), the layout library and our own script,
all inline; a Content-Security-Policy forbids every fetch, so the file
cannot call out even by accident. What it offers (``web/orgchart.js``):
search by title, holder and id; open and close teams; focus on one post;
the chain of command of the selected post; zoom, pan and fit; PNG and SVG of
the open chart or of the window; ``#post-id`` in the address opens that post.

The layout is `d3-flextree <https://github.com/Klortho/d3-flextree>`_
(van der Ploeg's linear-time tidy tree for boxes of different sizes, the
layout d3-org-chart uses), vendored from its npm package with its licence in
``web/vendor/``; boxes, connectors, stacks of small teams, assistants beside
their principal, culling and export are ours (docs/charts.md says why not
d3-org-chart itself).

>>> from orgmodel.sources.load import load_graph
>>> from orgmodel.render.selection import select
>>> graph = load_graph(["data/minneapolis-city-clerk.csv"])
>>> page = source(select(graph, ChartOptions(max_posts=100)), ChartOptions(max_posts=100))
>>> page.startswith("<!DOCTYPE html>"), "d3.flextree" in page or "flextree" in page
(True, True)
"""

from __future__ import annotations

import re
from dataclasses import asdict
from functools import cache
from importlib import resources
from string import Template

from orgmodel.errors import UsageError
from orgmodel.render.chart import Chart
from orgmodel.render.labels import one_line
from orgmodel.render.options import ChartOptions
from orgmodel.render.payload import FLAGS, payload, script_json
from orgmodel.render.themes import Theme, get

__all__ = ["VENDORED", "asset", "legend", "source"]

VENDORED = ("d3-flextree.min.js", "d3-flextree.LICENSE", "2.1.2")
"""The vendored layout library: its file, its licence file, its npm version."""

_SLOT = re.compile(r"<!--@(\w+)@-->")
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)


@cache
def asset(name: str) -> str:
    """A file of ``orgmodel/render/web/`` (``vendor/...`` for the vendored library)."""
    return resources.files("orgmodel.render").joinpath("web", name).read_text(encoding="utf-8")


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _vendor() -> str:
    """The layout library with its licence above it (and no source-map line to fetch)."""
    script, licence, version = VENDORED
    notice = asset(f"vendor/{licence}").strip().replace("*/", "* /")
    code = _SOURCE_MAP.sub("", asset(f"vendor/{script}")).strip()
    return f"/*! d3-flextree {version} (npm), its licence:\n{notice}\n*/\n{code}"


def legend(chart: Chart, theme: Theme) -> str:
    """The footer's key: the kinds of line and box this chart has."""
    kinds = chart.line_kinds()
    line = '<line x1="0" y1="5" x2="22" y2="5" stroke-width="1.5" stroke="{}"{}/>'
    keys = [(line.format(theme.line, ""), "reports to")]
    if "secondary" in kinds:
        dashed = line.format(theme.secondary, ' stroke-dasharray="6 4"')
        keys.append((dashed, "dotted-line reporting"))
    if "inferred" in kinds:
        grey = '<rect x="1" y="0" width="20" height="10" fill="{}" stroke="{}" {}/>'
        mark = grey.format(theme.box_fill, theme.inferred, 'stroke-dasharray="4 3"')
        keys.append((mark, "inferred from a posting"))
    if any(box.vacant for box in chart.boxes.values()):
        vacant = '<text x="0" y="9" font-size="10" font-style="italic" fill="{}">Vacant</text>'
        keys.append((vacant.format(theme.vacant), "a vacancy"))
    key = '<span class="key"><svg width="40" height="10" aria-hidden="true">{}</svg>{}</span>'
    return "".join(key.format(mark, what) for mark, what in keys)


def source(chart: Chart, options: ChartOptions) -> str:
    """The whole HTML page of ``chart``."""
    if options.direction != "TB":
        raise UsageError("the HTML chart is drawn top-down: leave out --direction LR")
    theme = get(options.theme)
    colours = {k: str(v) for k, v in asdict(theme).items()}
    colours["scheme"] = "dark" if theme.name == "dark" else "light"
    data = payload(chart, options)
    slots = {
        "title": _escape(one_line(chart.title)),
        "page_css": Template(asset("page.css")).substitute(colours),
        "chart_css": Template(asset("chart.css")).substitute(colours),
        "legend": legend(chart, theme),
        "assistants_hidden": (
            "" if any(f & FLAGS["assistant"] for f in data["nodes"]["flags"]) else " hidden"
        ),
        "data": script_json(data),
        "vendor": _vendor(),
        "app": asset("orgchart.js"),
    }
    return _SLOT.sub(lambda m: slots[m.group(1)], asset("orgchart.html"))
