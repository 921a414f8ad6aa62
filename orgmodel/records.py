"""The facts orgmodel holds in memory: light, immutable records with provenance.

Readers turn sources into an :class:`OrgData` -- organizations, units, posts
and typed relations -- and the graph is built from it once. The records are
``NamedTuple`` s rather than pydantic models on purpose: a million-row HR
export makes a million posts, and a pydantic object per row costs about 10 s
and 0.9 GB where a tuple costs a tenth of that. Validation of human-written
input happens at the boundary (:mod:`orgmodel.orgfile.schema` for the org file, the
readers for tables); these records are what passed it.

Every record carries a :class:`Prov` saying where it came from:

>>> p = Prov("data/hps.yaml", line=12)
>>> p.where()
'data/hps.yaml:12'
>>> Prov("postings/coo.txt", start=0, end=42, cue="REPORTS TO:").where()
'postings/coo.txt@0-42'
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from orgmodel.graph.columns import PostBlock

__all__ = [
    "IGNORE_KEY",
    "LineKind",
    "LinkType",
    "LoadIssue",
    "OrgData",
    "OrgRecord",
    "PostRecord",
    "Prov",
    "RelKind",
    "Relation",
    "UnitKind",
    "UnitRecord",
    "join_codes",
    "split_codes",
]


IGNORE_KEY = "orgmodel.ignore"
"""The post attribute that carries the org file's ``ignore:`` list (comma-separated)."""


def split_codes(text: str) -> list[str]:
    """``"S002, R001"`` -> ``['S002', 'R001']`` (the form ``ignore:`` lists are kept in).

    >>> split_codes(" S002, single-report,")
    ['S002', 'single-report']
    """
    return [c.strip() for c in text.split(",") if c.strip()]


def join_codes(codes: Iterable[str]) -> str:
    """The comma-separated form of an ``ignore:`` list, each code once."""
    return ",".join(dict.fromkeys(c.strip() for c in codes if c.strip()))


class UnitKind(StrEnum):
    """What kind of unit: departments nest in organizations, boards govern."""

    DEPARTMENT = "department"
    OFFICE = "office"
    DIVISION = "division"
    BUREAU = "bureau"
    SECTION = "section"
    TEAM = "team"
    BOARD = "board"
    COUNCIL = "council"
    COMMITTEE = "committee"
    UNIT = "unit"


BODY_KINDS = frozenset({UnitKind.BOARD, UnitKind.COUNCIL, UnitKind.COMMITTEE})
"""Units a post can report to as a body (a superintendent to a Board)."""


class RelKind(StrEnum):
    """The typed relations between posts, units and organizations."""

    REPORTS_TO = "reports_to"  # post -> post or body; qualifier primary/secondary
    HEADS = "heads"  # post -> unit it heads or oversees
    LINK = "link"  # informational; never a reporting line


class LineKind(StrEnum):
    """A reporting line is solid (primary) or dotted/matrix (secondary)."""

    PRIMARY = "primary"
    SECONDARY = "secondary"


class LinkType(StrEnum):
    """Informational links, kept apart from reporting lines."""

    LIAISON = "liaison"
    ADVISES = "advises"
    WORKS_WITH = "works_with"


class Prov(NamedTuple):
    """Where a fact came from: file, line or character span, cue, whether it was inferred,
    and -- for a line read from a posting -- the extractor's confidence in it (0 to 1)."""

    source: str | None = None
    line: int | None = None
    start: int | None = None
    end: int | None = None
    cue: str | None = None
    inferred: bool = False
    confidence: float | None = None

    def where(self) -> str:
        """``file:line`` for files with lines, ``file@start-end`` for text spans."""
        text = self.source or "<unknown>"
        if self.line is not None:
            return f"{text}:{self.line}"
        if self.start is not None:
            return f"{text}@{self.start}-{self.end}"
        return text


NO_PROV = Prov()


class OrgRecord(NamedTuple):
    """An organization: Hartford Public Schools, City of Hartford."""

    id: str
    name: str
    abbreviation: str | None = None
    prov: Prov = NO_PROV


class UnitRecord(NamedTuple):
    """A department, office, division, board or council; units nest via ``part_of``."""

    id: str
    name: str
    kind: UnitKind = UnitKind.UNIT
    org: str | None = None
    part_of: str | None = None
    abbreviation: str | None = None
    prov: Prov = NO_PROV


class PostRecord(NamedTuple):
    """A position, independent of who holds it (``holder`` None means vacant).

    ``root`` marks a post that has no superior by design (the top of the
    organization), so that a missing superior elsewhere can be told apart.
    ``fte`` carries aggregate headcounts such as the UK junior organogram rows.
    """

    id: str
    title: str
    org: str | None = None
    unit: str | None = None
    abbreviation: str | None = None
    holder: str | None = None
    grade: str | None = None
    fte: float | None = None
    root: bool = False
    attributes: dict[str, str] | None = None
    prov: Prov = NO_PROV


class Relation(NamedTuple):
    """A typed relation from ``subject`` to ``object`` (an id, or a name to resolve).

    ``qualifier`` is the :class:`LineKind` of a reporting line or the
    :class:`LinkType` of a link. ``generic`` marks superiors named only
    generically ("assigned supervisor").
    """

    kind: RelKind
    subject: str
    object: str
    qualifier: str | None = None
    generic: bool = False
    prov: Prov = NO_PROV


class LoadIssue(NamedTuple):
    """A problem found while loading that did not stop the load (a finding in waiting)."""

    code: str
    message: str
    prov: Prov = NO_PROV
    subjects: tuple[str, ...] = ()


class OrgData:
    """Everything the sources said, in the order they said it.

    Most readers append records (``posts``, ``relations``). A large table
    arrives instead as a :class:`~orgmodel.graph.columns.PostBlock` -- its posts
    and manager references held column-wise -- added with :meth:`add_block`,
    so that a million-row export never becomes a million Python objects on
    the way to the graph. Reading ``posts`` or ``relations`` turns any blocks
    into records first (in source order), so code that wants records always
    sees all of them -- at a record per row: the load path never does. It
    reads :meth:`chunks` (the graph, the merging of postings in
    :mod:`orgmodel.sources.resolve`), :attr:`post_count`, or
    :attr:`record_posts` (the posts that arrived as records).

    >>> data = OrgData(posts=[PostRecord("a", "Mayor")])
    >>> data.post_count, [p.id for p in data.posts]
    (1, ['a'])
    """

    def __init__(
        self,
        organizations: list[OrgRecord] | None = None,
        units: list[UnitRecord] | None = None,
        posts: list[PostRecord] | None = None,
        relations: list[Relation] | None = None,
        issues: list[LoadIssue] | None = None,
        sources: list[str] | None = None,
        unit_ignores: dict[str, str] | None = None,
    ) -> None:
        self.organizations: list[OrgRecord] = list(organizations or [])
        self.units: list[UnitRecord] = list(units or [])
        self._posts: list[PostRecord] = list(posts or [])
        self._relations: list[Relation] = list(relations or [])
        self.issues: list[LoadIssue] = list(issues or [])
        self.sources: list[str] = list(sources or [])
        self.unit_ignores: dict[str, str] = dict(unit_ignores or {})
        """Validation rules a unit's org-file entry says not to report (id -> "CODE,CODE").

        Posts keep theirs in ``attributes["orgmodel.ignore"]``; units have no attributes.
        """
        # (records before it, relations before it, block), in source order
        self._blocks: list[tuple[int, int, PostBlock]] = []

    def __repr__(self) -> str:
        return (
            f"OrgData({len(self.organizations)} organizations, {len(self.units)} units, "
            f"{self.post_count} posts, {len(self._relations)} relations"
            f"{f', {len(self._blocks)} blocks' if self._blocks else ''})"
        )

    def __eq__(self, other: object) -> bool:
        """Equal when they say the same things in the same order (blocks compared as records)."""
        if not isinstance(other, OrgData):
            return NotImplemented
        return (
            self.organizations == other.organizations
            and self.units == other.units
            and self.posts == other.posts
            and self.relations == other.relations
            and self.issues == other.issues
            and self.sources == other.sources
            and self.unit_ignores == other.unit_ignores
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it replaces

    @property
    def posts(self) -> list[PostRecord]:
        """Every post as a record (blocks are turned into records on first use)."""
        self.materialize()
        return self._posts

    @posts.setter
    def posts(self, value: list[PostRecord]) -> None:
        self.materialize()
        self._posts = list(value)

    @property
    def relations(self) -> list[Relation]:
        """Every relation as a record (blocks' manager references included)."""
        self.materialize()
        return self._relations

    @relations.setter
    def relations(self, value: list[Relation]) -> None:
        self.materialize()
        self._relations = list(value)

    @property
    def post_count(self) -> int:
        return len(self._posts) + sum(len(b) for _, _, b in self._blocks)

    @property
    def record_posts(self) -> list[PostRecord]:
        """The posts that arrived as records (no block is turned into records)."""
        return self._posts

    @property
    def record_relations(self) -> list[Relation]:
        """The relations that arrived as records (no block is turned into records)."""
        return self._relations

    def add_block(self, block: PostBlock) -> None:
        """Append a column-wise table of posts after everything added so far."""
        self._blocks.append((len(self._posts), len(self._relations), block))

    def chunks(self) -> list[tuple[list[PostRecord], list[Relation]] | PostBlock]:
        """Posts and relations in source order: runs of records, and blocks between them."""
        out: list[tuple[list[PostRecord], list[Relation]] | PostBlock] = []
        p = r = 0
        for p_at, r_at, block in self._blocks:
            if p_at > p or r_at > r:
                out.append((self._posts[p:p_at], self._relations[r:r_at]))
            out.append(block)
            p, r = p_at, r_at
        if p < len(self._posts) or r < len(self._relations) or not out:
            out.append((self._posts[p:], self._relations[r:]))
        return out

    def materialize(self) -> None:
        """Turn blocks into records, in place, keeping source order."""
        if not self._blocks:
            return
        posts: list[PostRecord] = []
        rels: list[Relation] = []
        for chunk in self.chunks():
            if isinstance(chunk, tuple):
                posts.extend(chunk[0])
                rels.extend(chunk[1])
            else:
                posts.extend(chunk.records())
                rels.extend(chunk.relations())
        self._posts, self._relations, self._blocks = posts, rels, []

    def rename_source(self, old: str, new: str) -> None:
        """Say ``new`` wherever a fact's provenance says ``old`` (blocks are not materialized).

        A reader that read a stand-in file (one snapshot of a table, see
        :mod:`orgmodel.readers.snapshots`) names the real file this way.

        >>> data = OrgData(posts=[PostRecord("a", "Mayor", prov=Prov("/tmp/x.csv", 2))])
        >>> data.rename_source("/tmp/x.csv", "dft.csv")
        >>> data.posts[0].prov.where()
        'dft.csv:2'
        """

        def fix(prov: Prov) -> Prov:
            return prov._replace(source=new) if prov.source == old else prov

        self.organizations = [r._replace(prov=fix(r.prov)) for r in self.organizations]
        self.units = [r._replace(prov=fix(r.prov)) for r in self.units]
        self._posts = [r._replace(prov=fix(r.prov)) for r in self._posts]
        self._relations = [r._replace(prov=fix(r.prov)) for r in self._relations]
        self.issues = [r._replace(prov=fix(r.prov)) for r in self.issues]
        self.sources = [new if s == old else s for s in self.sources]
        for _, _, block in self._blocks:
            if block.source == old:
                block.source = new
            block.secondary = [r._replace(prov=fix(r.prov)) for r in block.secondary]

    def extend(self, other: OrgData) -> None:
        """Append another source's facts (sources combine by concatenation)."""
        self.organizations.extend(other.organizations)
        self.units.extend(other.units)
        p, r = len(self._posts), len(self._relations)
        self._blocks.extend((p + pa, r + ra, b) for pa, ra, b in other._blocks)
        self._posts.extend(other._posts)
        self._relations.extend(other._relations)
        self.issues.extend(other.issues)
        self.sources.extend(other.sources)
        self.unit_ignores.update(other.unit_ignores)
