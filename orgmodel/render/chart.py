"""What one chart holds: boxes, the lines between them, and what was left out.

:func:`orgmodel.render.selection.select` fills a :class:`Chart` from the
graph; the DOT builder (:mod:`orgmodel.render.dot`) and the Mermaid writer
(:mod:`orgmodel.render.mermaid`) only read it. Keeping the choice of *what*
to draw apart from *how* to draw it means both outputs show the same posts,
and the choice can be tested without Graphviz.

Boxes are keyed by short synthetic ids (``p12`` for node 12, ``m12`` for the
"+N more" box under node 12) so that no user text ever becomes a DOT or
Mermaid identifier.

>>> box = Box("p0", BoxKind.POST, "Mayor", holder="Jordan Ellery")
>>> box.vacant, box.key
(False, 'p0')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Box", "BoxKind", "Chart", "Line", "LineStyle", "Paint"]


class BoxKind(StrEnum):
    """A post, a body posts report to (a board), or a "+N more" box."""

    POST = "post"
    BODY = "body"
    MORE = "more"


class LineStyle(StrEnum):
    """How a line is drawn: solid primary or dashed secondary (dotted-line) reporting."""

    PRIMARY = "primary"
    SECONDARY = "secondary"


@dataclass(frozen=True)
class Paint:
    """Colours of one box or line that override the theme's: how a diff marks what changed.

    ``dashed`` draws the border (or line) dashed, ``thick`` doubles it;
    ``ink`` is the title's colour (None: the theme's).
    """

    color: str
    fill: str = ""
    dashed: bool = False
    thick: bool = False
    ink: str | None = None


@dataclass
class Box:
    """One box on the chart.

    ``holder`` is None for a vacant post; ``detail`` is a small last line (the
    unit, or "12.5 FTE" for an aggregate of junior posts); ``header`` is the
    band on top (the unit the post heads, or the organization of a top post).
    ``more_reports`` and ``more_posts`` count the reports left off the chart
    and the posts in all beneath them: on a MORE box ("+3 more" beside the
    reports that are shown), or on a post whose whole team is folded away
    (drawn as a "+N more" band at the foot of its box).
    """

    key: str
    kind: BoxKind
    title: str
    holder: str | None = None
    detail: str | None = None
    header: str | None = None
    tooltip: str = ""
    node: int = -1
    inferred: bool = False
    highlighted: bool = False
    aggregate: bool = False
    more_reports: int = 0
    more_posts: int = 0
    notes: tuple[str, ...] = ()
    """Small lines under the box's detail (a diff's "was: Plant Operator")."""
    paint: Paint | None = None
    assistant: bool = False
    """An assistant post (:mod:`~orgmodel.render.assistants`): drawable beside its principal."""
    ident: str = ""
    """The post's (or body's) id in the org data: what the HTML chart searches and links to."""

    @property
    def folded(self) -> bool:
        """A post or body whose reports are all left off the chart."""
        return self.kind is not BoxKind.MORE and self.more_reports > 0

    @property
    def vacant(self) -> bool:
        return self.kind is BoxKind.POST and self.holder is None and not self.aggregate


@dataclass(frozen=True)
class Line:
    """A reporting line from a superior box to a subordinate box.

    ``tree`` marks the line that places the subordinate in the layout (its
    primary superior); other lines (dotted lines, a second primary superior)
    are drawn without moving the boxes.
    """

    sup: str
    sub: str
    style: LineStyle = LineStyle.PRIMARY
    inferred: bool = False
    tree: bool = True
    highlighted: bool = False
    paint: Paint | None = None


@dataclass
class Chart:
    """The boxes and lines to draw, in tree order, with what was left out."""

    title: str
    date: str | None = None
    boxes: dict[str, Box] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)
    children: dict[str, list[str]] = field(default_factory=dict)
    roots: list[str] = field(default_factory=list)
    total_posts: int = 0
    shown_posts: int = 0
    hidden_posts: int = 0
    lines_left_out: int = 0
    unplaced: int = 0
    """Posts under no top at all (in a reporting cycle): not on a chart of everything."""
    cycles: int = 0
    """Lines drawn back up to a top post that closes a reporting cycle (``--root`` in one)."""

    def tree_order(self) -> list[str]:
        """Box keys breadth first from the roots, each once: superiors before their reports.

        :func:`~orgmodel.render.selection.select` makes ``children`` a tree;
        the walk keeps a seen-set anyway, so a cycle can never make it endless.

        >>> chart = Chart("Loop", roots=["p0"], children={"p0": ["p1"], "p1": ["p0"]})
        >>> chart.tree_order()
        ['p0', 'p1']
        """
        order = list(dict.fromkeys(self.roots))
        seen = set(order)
        for key in order:  # the list grows while it is walked: a breadth-first queue
            for kid in self.children.get(key, []):
                if kid not in seen:
                    seen.add(kid)
                    order.append(kid)
        return order

    def line_kinds(self) -> set[str]:
        """Which kinds of line appear: ``primary``, ``secondary``, ``inferred``."""
        kinds = {str(line.style) for line in self.lines}
        if any(line.inferred for line in self.lines) or any(
            b.inferred for b in self.boxes.values()
        ):
            kinds.add("inferred")
        return kinds
