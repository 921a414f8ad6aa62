"""How the reporting tree is drawn in DOT: square combs, stacked teams, straight columns.

Graphviz's ``dot`` lays a tree out well but draws its edges as fans of
curves, and a team of forty makes one row forty boxes wide. Org charts
drawn by hand look different, and this module makes ``dot`` draw them so:

* **combs** -- a line goes down from a superior to a horizontal bar of
  zero-size points (one "knee" per report, held on one rank), and from each
  knee straight down into its report. Every segment joins two points that
  ``dot`` aligns, so with ``splines=line`` the connectors come out square
  without ``splines=ortho`` (which routes round boxes and needs gigabytes
  on big charts);
* **stacks** -- reports that have no reports of their own hang off a
  vertical spine: one column to the right of the spine for a few, two
  columns (one each side, as d3-org-chart's compact mode) for more, several
  spines side by side for very long teams. Forty reports make a block two
  boxes wide, not a row twenty metres long. A stack's rows are two ranks
  apart, like the levels of the tree, so boxes only ever share a rank with
  boxes and the thin ranks of the combs' bars stay thin: a stack beside a
  manager's team no longer pushes that team a box's height down. The left
  box of a two-column row is pinned by an invisible line from the row
  above (``dot`` does not always keep a flat edge's tail on the left). Both,
  and the choice of one or two columns by the page's shape, apply to charts
  of up to :data:`ALIGNED_UP_TO` boxes; bigger ones are laid out for speed;
* **columns** -- every box, knee and spine point that should sit on one
  vertical line shares a Graphviz ``group``, which makes ``dot`` keep those
  edges straight (a superior over the middle one of an odd number of
  branches, a knee over its report).

>>> from orgmodel.render.chart import BoxKind, Chart, Line
>>> chart = Chart("t", roots=["p0"], children={"p0": ["p1", "p2", "p3"], "p1": ["p4"]})
>>> chart.lines = [Line("p0", k) for k in ("p1", "p2", "p3")] + [Line("p1", "p4")]
>>> teams = plan(chart)
>>> teams["p0"].spread, teams["p0"].stacked
(['p1'], ['p2', 'p3'])
>>> columns(chart, teams)["p0"]  # two branches (p1, the stack): p0 has its own column
'p0'
>>> columns(chart, teams)["p1"]  # one branch: p1 sits straight above p4
'p4'

"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise

import graphviz

from orgmodel.render.chart import BoxKind, Chart, Line
from orgmodel.render.themes import Theme

__all__ = [
    "ALIGNED_UP_TO",
    "PAGE_ASPECT",
    "ROW_COLUMNS",
    "STACK_ONE_COLUMN",
    "STACK_ROWS",
    "Team",
    "columns",
    "draw",
    "plan",
    "tree_rows",
]

STACK_ONE_COLUMN = 4
"""Stacks of up to this many boxes hang in one column; longer ones in two."""

STACK_ROWS = 10
"""Rows per spine; a longer team is split over several spines side by side."""

ALIGNED_UP_TO = 1000
"""Charts of up to this many boxes are laid out for the page; bigger ones for speed.

Up to it, a stack's rows sit on the ranks of the tree's levels (two ranks
apart: no neighbouring team is pushed down), the left box of a two-column
row is pinned, and stacks take one column or two by the page's shape. Each
costs ``dot`` time on a poster-sized chart (measured on the synthetic org at
5,000 posts: the pins alone took the layout from 5 s to 30 s, rows two ranks
apart doubled it at 2,000), so past it rows are one rank apart, stacks of
more than four take two columns, and nothing is pinned.
"""
"""Rows per spine; a longer team is split over several spines side by side."""

ROW_COLUMNS = 16
"""Several top posts (several organizations) share a row up to about this many box widths."""


@dataclass
class Team:
    """One superior's reports: those spread in a row and those stacked on a spine.

    ``two_columns``: the stack hangs one box each side of its spine (else all
    to the right). ``assistants`` hang beside the trunk between the superior
    and the bar, two to a row (right, then left), as GoJS and OrgChartJS draw
    an executive assistant.
    """

    sup: str
    spread: list[str]
    stacked: list[str]
    two_columns: bool = False
    aligned: bool = True
    assistants: list[str] = field(default_factory=list)

    @property
    def assistant_rows(self) -> list[list[str]]:
        """The assistants two to a row, left box first (the first assistant goes right).

        >>> Team("p0", [], [], assistants=["p1", "p2", "p3"]).assistant_rows
        [['p2', 'p1'], ['p3']]
        """
        found = self.assistants
        return [found[i : i + 2][::-1] for i in range(0, len(found), 2)]

    @property
    def branches(self) -> list[str | int]:
        """The bar's branches left to right: each spread report, then each spine (its number).

        A long stack hangs from several spines side by side, each a branch of
        the bar, so that every line into a spine comes straight down.
        """
        return [*self.spread, *range(self.stack_shape()[0])]

    def spine_group(self, spine: int) -> str:
        """The column (Graphviz ``group``) of one spine of the stack."""
        return f"{self.sup}_st" if spine == 0 else f"{self.sup}_st{spine}"

    def spine(self, spine: int) -> list[str]:
        """The boxes hanging from one spine."""
        _, per, _ = self.stack_shape()
        return self.stacked[spine * per : (spine + 1) * per]

    def stack_shape(self) -> tuple[int, int, int]:
        """(spines, boxes per spine, rows per spine) of the stack.

        >>> Team("p0", [], [f"p{i}" for i in range(1, 26)], two_columns=True).stack_shape()
        (2, 13, 7)
        """
        n = len(self.stacked)
        if not n:
            return 0, 0, 0
        width = 2 if self.two_columns else 1
        spines = math.ceil(n / (STACK_ROWS * width))
        per = math.ceil(n / spines)
        return spines, per, math.ceil(per / width)


PAGE_ASPECT = 1.6
"""Width over height a chart aims at: a landscape page or a screen, between A4 (1.41) and 16:9."""

COLUMN_INCHES, RANK_INCHES = 2.4, 0.75
"""About what one box column and one rank take on the drawing (box, gaps), to estimate its shape."""


def plan(chart: Chart, assistants: bool = False) -> dict[str, Team]:
    """Decide, for each superior, which reports are stacked, and in how many columns.

    With ``assistants``, reports that are assistant posts
    (:attr:`~orgmodel.render.chart.Box.assistant`) with no reports of their
    own hang beside the trunk instead (an assistant with a team stays in the
    row, where its team can hang below it).

    Reports with no reports below them on the chart are stacked whenever
    there are two or more of them: they are the wide, shallow part of a
    chart, and a column of them reads like a list. A stack of more than
    :data:`STACK_ONE_COLUMN` hangs in two columns when that keeps the chart
    closer to a page's shape (:data:`PAGE_ASPECT`), in one column of up to
    :data:`STACK_ROWS` otherwise: the Oracle HR sample's nine sales teams of
    five or six side by side make a strip five times as wide as it is high in
    two columns, and about a page in one.
    """
    teams = {}
    aligned = len(chart.boxes) <= ALIGNED_UP_TO
    for sup, kids in chart.children.items():
        aside = [k for k in kids if assistants and _beside(chart, k)]
        if aside:
            kids = [k for k in kids if k not in set(aside)]
        leaves = [k for k in kids if not chart.children.get(k)]
        stacked = leaves if len(leaves) >= 2 else []
        keep = set(stacked)
        spread = [k for k in kids if k not in keep]
        teams[sup] = Team(sup, spread, stacked, aligned=aligned, assistants=aside)
    wide = {k: replace(t, two_columns=len(t.stacked) > STACK_ONE_COLUMN) for k, t in teams.items()}
    if teams == wide or not aligned:
        return wide
    return min((wide, teams), key=lambda option: _off_page(chart, option))


def _beside(chart: Chart, key: str) -> bool:
    """An assistant post with no reports of its own: it can hang beside the trunk."""
    box = chart.boxes[key]
    return box.assistant and not chart.children.get(key) and not box.more_reports


def _off_page(chart: Chart, teams: dict[str, Team]) -> float:
    """How far the drawing's shape is from a page's (0: the page's own)."""
    return abs(math.log(_aspect(chart, teams) / PAGE_ASPECT))


def _aspect(chart: Chart, teams: dict[str, Team]) -> float:
    """The drawing's estimated width over height."""
    rows = tree_rows(chart, teams)
    width = max(row.width for row in rows) * COLUMN_INCHES
    height = sum(row.depth + 2 for row in rows) * RANK_INCHES
    return width / height


def columns(chart: Chart, teams: dict[str, Team]) -> dict[str, str]:
    """The vertical line (Graphviz ``group``) each box sits on.

    A superior shares its column with its middle branch when it has an odd
    number of branches (it sits straight above it) and has its own column
    otherwise. Worked out bottom-up, so a line of middle reports several
    levels deep is one straight column.
    """
    order = chart.tree_order()
    column: dict[str, str] = {}
    for key in reversed(order):
        team = teams.get(key)
        column[key] = key
        if team is None:
            continue
        branches = team.branches
        if len(branches) % 2:
            middle = branches[len(branches) // 2]
            column[key] = team.spine_group(middle) if isinstance(middle, int) else column[middle]
    return column


def draw(
    g: graphviz.Digraph,
    chart: Chart,
    teams: dict[str, Team],
    column: dict[str, str],
    theme: Theme,
) -> None:
    """Add every tree line of ``chart`` to ``g`` as combs and stacks."""
    tree = {(line.sup, line.sub): line for line in chart.lines if line.tree}
    for team in teams.values():
        _Team(g, team, tree, column, theme).draw()
    rows = tree_rows(chart, teams)
    for above, below in pairwise(rows):
        for root in below:
            g.edge(above.bottom, root, style="invis", weight="0", minlen="2")
    for row in rows:  # one rank per row: the lines above only say "lower", not "level"
        if len(row.roots) > 1:
            g.body.append(f"\t{{rank=same; {'; '.join(row.roots)}}}\n")


@dataclass
class _Row:
    roots: list[str]
    width: int = 0
    bottom: str = ""
    depth: int = -1

    def __iter__(self) -> Iterator[str]:
        return iter(self.roots)


def _extent(
    chart: Chart, teams: dict[str, Team]
) -> tuple[dict[str, int], dict[str, tuple[int, str]]]:
    """Width of each subtree in box columns, and its lowest rank and box (estimates)."""
    order = chart.tree_order()
    width: dict[str, int] = {}
    low: dict[str, tuple[int, str]] = {}
    for key in reversed(order):
        team = teams.get(key)
        if team is None:
            width[key], low[key] = 1, (0, key)
            continue
        spines, _, rows = team.stack_shape()
        width[key] = sum(width[k] for k in team.spread) + spines * (1 + team.two_columns)
        aside = len(team.assistant_rows) * (2 if team.aligned else 1)  # ranks the assistants take
        width[key] = max(width[key], 1 + (len(team.assistants) > 1))
        deepest = [(low[k][0] + 2 + aside, low[k][1]) for k in team.spread]
        if rows:  # the first row two ranks below, then one row every two ranks
            deepest.append((aside + (2 * rows if team.aligned else 1 + rows), team.stacked[-1]))
        if team.assistants:
            deepest.append((aside, team.assistants[-1]))
        low[key] = max(deepest, default=(0, key))
    return width, low


def tree_rows(chart: Chart, teams: dict[str, Team]) -> list[_Row]:
    """Top posts grouped in rows of about :data:`ROW_COLUMNS` box widths.

    Five organizations side by side make a chart nine metres wide; rows of
    them, each hung below the one above by an invisible line, keep it a page.
    """
    width, low = _extent(chart, teams)
    target = max([ROW_COLUMNS, *(width[r] for r in chart.roots)])
    rows: list[_Row] = []
    for root in chart.roots:
        box = chart.boxes.get(root)
        if rows and box is not None and box.kind is BoxKind.MORE:  # "+N more top posts": top row
            rows[0].roots.append(root)
            continue
        if not rows or rows[-1].width + width[root] > target:
            rows.append(_Row([]))
        row = rows[-1]
        row.roots.append(root)
        row.width += width[root]
        if low[root][0] > row.depth:
            row.depth, row.bottom = low[root]
    return rows


class _Team:
    """Drawing one team: the bar of knees, its branches, the stack."""

    def __init__(
        self,
        g: graphviz.Digraph,
        team: Team,
        tree: dict[tuple[str, str], Line],
        column: dict[str, str],
        theme: Theme,
    ) -> None:
        self.g, self.team, self.column, self.theme = g, team, column, theme
        self.reports = [*team.spread, *team.stacked]
        self.lines = {k: tree[(team.sup, k)] for k in [*self.reports, *team.assistants]}

    def lit(self, keys: list[str]) -> bool:
        return any(self.lines[k].highlighted for k in keys)

    def point(self, name: str, group: str) -> None:
        self.g.body.append(
            f'\t{name} [label="" class=spine color="{self.theme.line}" group="{group}" '
            "height=0.01 shape=point width=0.01]\n"
        )

    def segment(self, a: str, b: str, lit: bool, **extra: str) -> None:
        attrs = {"class": "spine", **extra}
        if lit:
            attrs.update(color=self.theme.highlight, penwidth="2.5")
        self.edge(a, b, attrs)

    def line(self, a: str, b: str, line: Line, **extra: str) -> None:
        self.edge(a, b, {**line_attrs(line, self.theme), **extra})

    def edge(self, a: str, b: str, attrs: dict[str, str]) -> None:
        """An edge statement written directly: ids, classes and colours are all ours.

        (Thousands of these go into a big chart; the ``graphviz`` package's
        per-attribute quoting, meant for user text, cost more than ``dot``.)
        """
        listed = " ".join(f'{k}="{v}"' for k, v in attrs.items())
        self.g.body.append(f"\t{a} -> {b} [{listed}]\n")

    def same_rank(self, names: list[str]) -> None:
        self.g.body.append(f"\t{{rank=same; {'; '.join(names)}}}\n")

    def draw(self) -> None:
        team = self.team
        sup = team.sup
        top = self.aside() if team.assistants else sup  # the bar hangs below the assistants
        branches = team.branches
        if not branches:
            return
        if len(branches) == 1:
            only = branches[0]
            if isinstance(only, int):
                self.stack(top, only, minlen="2")
            else:
                self.line(top, only, self.lines[only], minlen="2")
            return
        knees = [f"{sup}_k{i}" for i in range(len(branches))]
        groups = [team.spine_group(b) if isinstance(b, int) else self.column[b] for b in branches]
        middle = len(knees) // 2
        if len(knees) % 2:
            joint, bar = knees[middle], list(knees)
        else:
            joint, bar = f"{sup}_j", [*knees[:middle], f"{sup}_j", *knees[middle:]]
        group = dict(zip(knees, groups, strict=True))
        for point in bar:  # declared left to right: with ordering=out, dot keeps this order
            self.point(point, group.get(point, self.column[sup]))
        # The superior's edges, in bar order, centre it over its branches.
        for point in bar:
            if point == joint:
                self.segment(top, joint, self.lit(self.reports))
            else:
                self.edge(top, point, {"style": "invis", "weight": "1"})
        at = bar.index(joint)
        lit_at = [bar.index(knees[i]) for i, b in enumerate(branches) if self.branch_lit(b)]
        for i in range(len(bar) - 1):
            glow = any(p <= i < at or at <= i < p for p in lit_at)
            self.segment(bar[i], bar[i + 1], glow, constraint="false")
        for knee, branch in zip(knees, branches, strict=True):
            if isinstance(branch, int):
                self.stack(knee, branch)
            else:
                self.line(knee, branch, self.lines[branch])

    def aside(self) -> str:
        """Hang the assistants off the trunk below the superior; returns the trunk's last point.

        Each row of assistants is a point on the superior's column with an
        assistant on a flat line each side, on the rank of the next level's
        boxes in an aligned chart; the team's bar hangs from the last point.
        """
        team, sup = self.team, self.team.sup
        rows = team.assistant_rows
        after = [self.lit(self.reports), *(self.lit(row) for row in rows)]
        above, step = sup, "2" if team.aligned else "1"
        for r, row in enumerate(rows):
            point = f"{sup}_a{r}"
            self.point(point, self.column[sup])
            if len(row) == 2 and team.aligned:  # pins the left box left of the trunk
                self.edge(above, row[0], {"style": "invis", "weight": "0", "minlen": step})
            self.segment(above, point, any(after[r + 1 :]) or after[0], minlen=step)
            if len(row) == 2:
                self.line(row[0], point, self.lines[row[0]], dir="back")
            self.line(point, row[-1], self.lines[row[-1]])
            self.same_rank([row[0], point, row[1]] if len(row) == 2 else [point, row[0]])
            above = point
        return above

    def branch_lit(self, branch: str | int) -> bool:
        return self.lit(self.team.spine(branch) if isinstance(branch, int) else [branch])

    def stack(self, top: str, spine: int, minlen: str = "1") -> None:
        """Hang one spine's boxes below ``top`` (a knee of the bar, or the superior)."""
        team = self.team
        two = team.two_columns
        part = team.spine(spine)
        rows = [part[i : i + 1 + two] for i in range(0, len(part), 1 + two)]
        last = max((r for r, row in enumerate(rows) if self.lit(row)), default=-1)
        above = top
        group = team.spine_group(spine)
        for r, row in enumerate(rows):
            point = f"{team.sup}_s{spine}_{r}"
            self.point(point, group)
            step = minlen if r == 0 else "2" if team.aligned else "1"
            if two and team.aligned:  # pins the left box left of the spine (a flat edge does not)
                self.edge(above, row[0], {"style": "invis", "weight": "0", "minlen": step})
            self.segment(above, point, r <= last, minlen=step)
            members = [point]
            if two:
                self.line(row[0], point, self.lines[row[0]], dir="back")
                members.insert(0, row[0])
            for key in row[1:] if two else row:
                self.line(point, key, self.lines[key])
                members.append(key)
            self.same_rank(members)
            above = point


def line_attrs(line: Line, theme: Theme) -> dict[str, str]:
    """Id, classes and colour of a reporting line (the segment that reaches the report)."""
    classes = ["line", str(line.style)]
    attrs = {"id": f"l-{line.sup}-{line.sub}"}
    if line.inferred:
        classes.append("inferred")
        attrs["color"] = theme.inferred
    if line.highlighted:
        classes.append("highlight")
        attrs["color"] = theme.highlight
        attrs["penwidth"] = "2.5"
    if line.paint is not None:
        attrs["color"] = line.paint.color
        if line.paint.dashed:
            attrs["style"] = "dashed"
        if line.paint.thick:
            attrs["penwidth"] = "2"
    attrs["class"] = " ".join(classes)
    return attrs
