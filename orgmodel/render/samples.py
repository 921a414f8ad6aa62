"""The charts of the sample data in ``diagrams/``, and the one command that redraws them.

``make diagrams`` (or ``python -m orgmodel.render.samples [FOLDER]``) draws
each chart below from ``data/`` as SVG and PNG, and writes its DOT and
Mermaid source beside them; then the interactive chart of ``data/`` and its
screenshots (:mod:`orgmodel.render.screenshots`). The sources are what a test compares with a
fresh render to catch stale diagrams: they are deterministic (no date),
while the bytes of an SVG depend on the Graphviz version that drew it.

>>> [s.name for s in SAMPLES][:2]
['hps-operations', 'hartford-public-schools']
>>> SAMPLES[0].command()
"orgmodel render --root 'Hartford Public Schools: COO' --no-date -o diagrams/hps-operations.svg"
"""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from orgmodel.errors import UsageError
from orgmodel.fileio import atomic_write
from orgmodel.graph import OrgGraph
from orgmodel.names.lookup import find, find_org
from orgmodel.render import ChartOptions, Drawing, draw
from orgmodel.render.options import DEFAULT_MAX_POSTS
from orgmodel.sources.load import load_graph

__all__ = ["SAMPLES", "SampleChart", "main", "write_all"]

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class SampleChart:
    """One chart of ``data/``: a file name, a caption, and the options that draw it."""

    name: str
    caption: str
    root: str | None = None
    org: str | None = None
    highlight: str | None = None
    max_posts: int = DEFAULT_MAX_POSTS

    def args(self) -> list[str]:
        """The ``orgmodel render`` options that draw this chart."""
        args: list[str] = []
        for flag, value in (("--root", self.root), ("--org", self.org),
                            ("--highlight", self.highlight)):  # fmt: skip
            if value:
                args += [flag, value]
        if self.max_posts != DEFAULT_MAX_POSTS:
            args += ["--max-posts", str(self.max_posts)]
        return [*args, "--no-date"]

    def command(self, suffix: str = ".svg") -> str:
        return shlex.join(
            ["orgmodel", "render", *self.args(), "-o", f"diagrams/{self.name}{suffix}"]
        )

    def options(self, graph: OrgGraph) -> ChartOptions:
        org = find_org(graph, self.org) if self.org else None
        if self.org and org is None:
            raise UsageError(f"sample chart {self.name}: no organization {self.org!r} in data/")
        return ChartOptions(
            roots=(find(graph, self.root),) if self.root else None,
            org=org,
            highlight=find(graph, self.highlight, units=False) if self.highlight else None,
            max_posts=self.max_posts,
        )


SAMPLES = [
    SampleChart(
        "hps-operations",
        "Hartford Public Schools: the Chief Operating Officer's five departments",
        root="Hartford Public Schools: COO",
    ),
    SampleChart(
        "hartford-public-schools",
        "Hartford Public Schools, the Director of Transportation's chain of command "
        "drawn out; the COO's dotted line to the Superintendent dashed",
        org="Hartford Public Schools",
        highlight="Hartford Public Schools: Director of Transportation",
    ),
    SampleChart("city-of-hartford", "City of Hartford", org="City of Hartford"),
    SampleChart(
        "minneapolis-clerk",
        "Minneapolis City Clerk's Office (an HR export)",
        org="City of Minneapolis",
    ),
    SampleChart("nyc-operations", "NYC Mayor's Office of Operations", org="City of New York"),
    SampleChart(
        "sample-all",
        "Everything in data/, five organizations (New Haven's posts are inferred from a posting)",
        max_posts=200,
    ),
    SampleChart(
        "sample-folded",
        "The same with the default --max-posts: teams fold into '+N more'",
    ),
]
"""The charts in ``diagrams/``, in the order docs/charts.md shows them."""

FORMATS = {".svg": "svg", ".png": "png", ".dot": "dot", ".mmd": "mermaid"}


def write_all(folder: Path, graph: OrgGraph | None = None) -> list[Path]:
    """Draw every sample chart into ``folder`` (all four files each); returns the files."""
    graph = graph if graph is not None else load_graph([ROOT / "data"])
    written = []
    for sample in SAMPLES:
        options = sample.options(graph)
        for suffix, fmt in FORMATS.items():
            drawing: Drawing = draw(graph, options, fmt)
            path = folder / f"{sample.name}{suffix}"
            atomic_write(path, drawing.content)
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m orgmodel.render.samples [FOLDER]`` (default: the repository's diagrams/).

    Also the interactive chart of ``data/`` and its screenshots
    (:mod:`orgmodel.render.screenshots`), where a browser can run.
    """
    from orgmodel.render.screenshots import take

    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else ROOT / "diagrams"
    graph = load_graph([ROOT / "data"])
    for path in [*write_all(folder, graph), *take(folder, graph)]:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
