"""What the Python API answers with: posts, units and steps, named by ids and names.

The graph numbers its nodes for speed; a user of :class:`orgmodel.Org` never
sees those numbers. Each answer is a small frozen record made from one node
when it is asked for, with the organization and unit given by name and the
source of the fact as ``file:line``.

>>> from orgmodel.graph import OrgGraph
>>> from orgmodel.records import OrgData, OrgRecord, PostRecord, UnitRecord
>>> g = OrgGraph(OrgData(organizations=[OrgRecord("hps", "Hartford Public Schools")],
...                      units=[UnitRecord("ops", "Operations Division", org="hps")],
...                      posts=[PostRecord("coo", "Chief Operating Officer", "hps", "ops")]))
>>> post = answer(g, g.node("coo"))
>>> post.title, post.organization, post.unit, post.vacant
('Chief Operating Officer', 'Hartford Public Schools', 'Operations Division', True)
>>> str(post)
'Chief Operating Officer — Vacant · Operations Division (Hartford Public Schools) [coo]'
>>> unit = answer(g, g.node("ops"))
>>> unit.name, unit.kind, unit.organization
('Operations Division', 'unit', 'Hartford Public Schools')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from orgmodel.holders import HolderStatus, holder_status
from orgmodel.records import Prov

if TYPE_CHECKING:
    from orgmodel.graph import OrgGraph

__all__ = ["Common", "Node", "Post", "Step", "Unit", "answer", "answers"]


def _where(prov: Prov) -> str | None:
    return prov.where() if prov.source else None


@dataclass(frozen=True)
class Post:
    """A post: a position, whoever holds it (``holder`` None: vacant, or not known).

    ``inferred`` is True for a post no source describes, made because another
    source names it (a posting's "Reports to: Superintendent"); ``source`` is
    where the post is described, as ``file:line``.
    """

    id: str
    title: str
    holder: str | None = None
    organization: str | None = None
    unit: str | None = None
    abbreviation: str | None = None
    grade: str | None = None
    fte: float | None = None
    inferred: bool = False
    source: str | None = None
    attributes: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def status(self) -> HolderStatus:
        """Held, vacant, the name withheld (``N/D``) or eliminated (an abolished post)."""
        return holder_status(self.holder, self.attributes)

    @property
    def vacant(self) -> bool:
        """Nobody holds the post (a withheld name or an abolished post is not vacant)."""
        return self.status is HolderStatus.VACANT and not self.inferred

    def __str__(self) -> str:
        shown = self.status.label if self.status is not HolderStatus.HELD else self.holder
        holder = "inferred" if self.inferred and self.holder is None else shown
        unit = f" · {self.unit}" if self.unit else ""
        org = f" ({self.organization})" if self.organization else ""
        return f"{self.title} — {holder}{unit}{org} [{self.id}]"


@dataclass(frozen=True)
class Unit:
    """A department, office, division, board or council; ``part_of`` names its parent unit."""

    id: str
    name: str
    kind: str = "unit"
    organization: str | None = None
    part_of: str | None = None
    source: str | None = None

    @property
    def title(self) -> str:
        """The name, under the name a post's is read by: a chain of command may end in a
        board, and ``[s.title for s in org.chain(...)]`` reads every step."""
        return self.name

    def __str__(self) -> str:
        org = f" ({self.organization})" if self.organization else ""
        return f"{self.name} ({self.kind}){org} [{self.id}]"


Node = Post | Unit
"""A post, or a unit a post reports to (a Board of Education) or heads."""


@dataclass(frozen=True)
class Step:
    """One superior on the way up: how far above, over which kind of line, from whom.

    ``via`` is ``"primary"`` (a solid line) or ``"secondary"`` (dotted);
    ``below`` is the post whose line leads to ``superior``.
    """

    superior: Node
    distance: int
    via: str
    below: Node


@dataclass(frozen=True)
class Common:
    """The lowest common superior of two posts, and how many levels each is below it."""

    superior: Node
    distance_a: int
    distance_b: int


def answer(graph: OrgGraph, node: int) -> Node:
    """The post or unit a node of ``graph`` stands for."""
    if graph.is_post(node):
        value = graph.posts.value
        prov: Prov = value("prov", node)
        unit = graph.unit_of(node)
        return Post(
            id=value("id", node),
            title=value("title", node),
            holder=value("holder", node),
            organization=graph.org_name(node),
            unit=graph.title(unit) if unit is not None else None,
            abbreviation=value("abbreviation", node),
            grade=value("grade", node),
            fte=value("fte", node),
            inferred=bool(prov.inferred),
            source=_where(prov),
            attributes=dict(value("attributes", node) or {}),
        )
    record = graph.units[node - graph.post_count]
    parent = graph.unit_of(node)
    return Unit(
        id=record.id,
        name=record.name,
        kind=str(record.kind),
        organization=graph.org_name(node),
        part_of=graph.title(parent) if parent is not None else None,
        source=_where(record.prov),
    )


def answers(graph: OrgGraph, nodes: list[int]) -> list[Node]:
    """:func:`answer` for each node, in order."""
    return [answer(graph, n) for n in nodes]
