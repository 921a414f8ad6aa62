"""The facts orgmodel holds in memory: light, immutable records with provenance.

Readers turn sources into an :class:`OrgData` -- organizations, units, posts
and typed relations -- and the graph is built from it once. The records are
``NamedTuple`` s rather than pydantic models on purpose: a million-row HR
export makes a million posts, and a pydantic object per row costs about 10 s
and 0.9 GB where a tuple costs a tenth of that. Validation of human-written
input happens at the boundary (:mod:`orgmodel.model` for the org file, the
readers for tables); these records are what passed it.

Every record carries a :class:`Prov` saying where it came from:

>>> p = Prov("data/hps.yaml", line=12)
>>> p.where()
'data/hps.yaml:12'
>>> Prov("postings/coo.txt", start=0, end=42, cue="REPORTS TO:").where()
'postings/coo.txt@0-42'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

__all__ = [
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
]


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
    """Where a fact came from: file, line or character span, cue, and whether it was inferred."""

    source: str | None = None
    line: int | None = None
    start: int | None = None
    end: int | None = None
    cue: str | None = None
    inferred: bool = False

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


@dataclass
class OrgData:
    """Everything the sources said, in the order they said it."""

    organizations: list[OrgRecord] = field(default_factory=list)
    units: list[UnitRecord] = field(default_factory=list)
    posts: list[PostRecord] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    issues: list[LoadIssue] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    unit_ignores: dict[str, str] = field(default_factory=dict)
    """Validation rules a unit's org-file entry says not to report (id -> "CODE,CODE").

    Posts keep theirs in ``attributes["orgmodel.ignore"]``; units have no attributes.
    """

    def extend(self, other: OrgData) -> None:
        """Append another source's facts (sources combine by concatenation)."""
        self.organizations.extend(other.organizations)
        self.units.extend(other.units)
        self.posts.extend(other.posts)
        self.relations.extend(other.relations)
        self.issues.extend(other.issues)
        self.sources.extend(other.sources)
        self.unit_ignores.update(other.unit_ignores)
