"""What the extractor returns: typed, immutable facts with their evidence.

Every fact says *where* it was read (character offsets into the posting body
that was passed to :func:`~orgmodel.extract.extract`) and *which cue* produced
it, so the resolver and the CLI can show the user the words behind a line in
the chart. The objects are frozen dataclasses (cheap, picklable, safe to send
through a process pool); :meth:`Extraction.to_dict` gives the JSON contract.

Evidence spans cover the **name as written** in the text (for example
``Chief Operating Officer (COO)``), not the whole sentence; ``cue`` is the cue
phrase as written ("REPORTS TO:", "under the general supervision of"). The
cleaned ``name`` may differ from ``evidence.text`` (article dropped,
abbreviation split off, ALL CAPS title-cased). ``abbreviation`` appears in the
dicts only when one was found.

>>> ev = Evidence(0, 7, "Manager", "Reports to:")
>>> fact = ReportingFact("Manager", "primary", False, ev)
>>> fact.to_dict()["evidence"]
{'start': 0, 'end': 7, 'text': 'Manager', 'cue': 'Reports to:'}
>>> Extraction(source="p.txt", title="Clerk", reports_to=[fact]).to_dict()["reports_to"][0]["name"]
'Manager'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "Evidence",
    "Extraction",
    "LinkFact",
    "LinkType",
    "ReportKind",
    "ReportingFact",
    "SupervisionFact",
    "SupervisionKind",
    "Target",
]

ReportKind = Literal["primary", "secondary"]
SupervisionKind = Literal["direct", "indirect"]
Target = Literal["post", "unit"]
LinkType = Literal["liaison", "advises", "works_with"]


def _with_abbreviation(out: dict[str, Any], abbreviation: str | None) -> dict[str, Any]:
    """Add ``abbreviation`` to a fact's dict only when one was found."""
    if abbreviation is not None:
        out["abbreviation"] = abbreviation
    return out


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: ``text[start:end]`` and the cue that produced it."""

    start: int
    end: int
    text: str
    cue: str

    def to_dict(self) -> dict[str, Any]:
        """The evidence as a JSON-ready dict."""
        return {"start": self.start, "end": self.end, "text": self.text, "cue": self.cue}


@dataclass(frozen=True, slots=True)
class ReportingFact:
    """The post reports to ``name`` (a post or a body such as a Board)."""

    name: str
    kind: ReportKind
    generic: bool
    evidence: Evidence
    abbreviation: str | None = None
    confidence: float = 1.0
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        """``{name, kind, generic, confidence, rule, evidence[, abbreviation]}``."""
        out: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind,
            "generic": self.generic,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "evidence": self.evidence.to_dict(),
        }
        return _with_abbreviation(out, self.abbreviation)


@dataclass(frozen=True, slots=True)
class SupervisionFact:
    """The post supervises ``name``: a post (or group of posts) or a unit."""

    name: str
    kind: SupervisionKind
    target: Target
    evidence: Evidence
    abbreviation: str | None = None
    confidence: float = 1.0
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        """``{name, kind, target, confidence, rule, evidence[, abbreviation]}``."""
        out: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind,
            "target": self.target,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "evidence": self.evidence.to_dict(),
        }
        return _with_abbreviation(out, self.abbreviation)


@dataclass(frozen=True, slots=True)
class LinkFact:
    """An informational link (liaison, advises, works with): never a reporting line."""

    name: str
    type: LinkType
    evidence: Evidence
    abbreviation: str | None = None
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        """``{name, type, rule, evidence[, abbreviation]}``."""
        out: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "rule": self.rule,
            "evidence": self.evidence.to_dict(),
        }
        return _with_abbreviation(out, self.abbreviation)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one posting."""

    source: str | None = None
    title: str | None = None
    organization: str | None = None
    department: str | None = None
    reports_to: list[ReportingFact] = field(default_factory=list)
    supervises: list[SupervisionFact] = field(default_factory=list)
    links: list[LinkFact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (see the module docstring)."""
        return {
            "source": self.source,
            "title": self.title,
            "organization": self.organization,
            "department": self.department,
            "reports_to": [f.to_dict() for f in self.reports_to],
            "supervises": [f.to_dict() for f in self.supervises],
            "links": [f.to_dict() for f in self.links],
            "warnings": list(self.warnings),
        }
