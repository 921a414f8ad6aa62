"""What a user can ask of a chart: its scope, its size, its look.

One frozen bag of options shared by the selection, the DOT builder and the
Mermaid writer, so that ``orgmodel render`` and the library take the same
knobs. Posts are given as graph node numbers here; the command line turns a
user's names into nodes with :func:`orgmodel.names.lookup.find` first.

>>> ChartOptions(depth=2).max_posts == DEFAULT_MAX_POSTS
True
>>> ChartOptions(direction="up")
Traceback (most recent call last):
...
orgmodel.errors.UsageError: direction must be TB or LR, not 'up'
"""

from __future__ import annotations

from dataclasses import dataclass

from orgmodel.errors import UsageError

__all__ = ["DEFAULT_MAX_POSTS", "DIRECTIONS", "HTML_MAX_POSTS", "ChartOptions"]

DEFAULT_MAX_POSTS = 60
"""Posts drawn before subtrees fold into "+N more" boxes.

About what an A3 sheet or a laptop screen shows with every title legible
(docs/charts.md says how it was sized).
"""

HTML_MAX_POSTS = 50_000
"""Posts an interactive HTML chart holds before teams fold into "+N more" boxes.

The HTML chart draws only the teams a reader opens, so it can carry far more
posts than a page shows; 50,000 open in about a second in a browser (see
``benchmarks/html_open.py``).
"""

DIRECTIONS = ("TB", "LR")


@dataclass(frozen=True)
class ChartOptions:
    """Scope (roots, depth, organization), size, emphasis and look of one chart.

    ``roots`` None means every top post of the graph (or of ``org``);
    ``depth`` counts levels below the roots; ``highlight`` is a post whose
    chain of command to the top is drawn out and always shown;
    ``date`` None leaves the date off (stable output for golden files).
    ``assistants`` draws assistant posts beside their principal
    (:mod:`~orgmodel.render.assistants` says which posts are assistants;
    ``assistant_pattern`` replaces its title pattern).
    """

    roots: tuple[int, ...] | None = None
    depth: int | None = None
    org: str | None = None
    highlight: int | None = None
    max_posts: int = DEFAULT_MAX_POSTS
    direction: str = "TB"
    title: str | None = None
    date: str | None = None
    theme: str = "default"
    assistants: bool = False
    assistant_pattern: str | None = None

    def __post_init__(self) -> None:
        if self.direction not in DIRECTIONS:
            raise UsageError(f"direction must be TB or LR, not {self.direction!r}")
        if self.max_posts < 1:
            raise UsageError(f"max-posts must be at least 1, not {self.max_posts}")
        if self.depth is not None and self.depth < 0:
            raise UsageError(f"depth must be 0 or more, not {self.depth}")
