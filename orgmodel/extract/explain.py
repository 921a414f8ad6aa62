"""Why the extractor read what it read: every candidate, its rule, cue, confidence and reasons.

``orgmodel extract --explain`` prints this: for each candidate relation the
layout and the grammar proposed -- accepted or not -- the rule that
proposed it (``field:field-reports``, ``prose:under``), the cue as written,
the scorer's confidence and the features that weighed most. A user who
wonders why a line is missing, or why one is there, reads the answer here
instead of in the code.

>>> ex = explain("Clerk\\nReports to: City Clerk\\nThe Clerk does not supervise staff.")
>>> [(d.name, d.accepted, d.rule) for d in ex.decisions]
[('City Clerk', True, 'field:field-reports')]
>>> ex.warnings[0].startswith("negated")
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from orgmodel.extract.core import _identity
from orgmodel.extract.layout import Layout
from orgmodel.extract.relations import extract_relations
from orgmodel.extract.scorer import Scorer, default_scorer
from orgmodel.extract.scoring import normalize

__all__ = ["Decision", "Explanation", "explain", "explain_file"]


@dataclass(frozen=True, slots=True)
class Decision:
    """One candidate and what the scorer made of it."""

    relation: str
    kind: str
    name: str
    accepted: bool
    confidence: float
    rule: str
    cue: str
    start: int
    end: int
    reasons: list[tuple[str, float]]
    note: str = ""
    """Why a candidate over the threshold was still not kept."""

    def to_dict(self) -> dict[str, Any]:
        """The decision as JSON-ready data."""
        return {
            "relation": {"up": "reports_to", "down": "supervises"}.get(self.relation, "link"),
            "kind": self.kind,
            "name": self.name,
            "accepted": self.accepted,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "cue": self.cue,
            "start": self.start,
            "end": self.end,
            "reasons": [{"feature": f, "weight": round(w, 3)} for f, w in self.reasons],
            "note": self.note,
        }


@dataclass(slots=True)
class Explanation:
    """Every decision of one posting, in text order, and the extractor's warnings."""

    source: str | None
    title: str | None
    decisions: list[Decision] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    threshold: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        """The explanation as JSON-ready data."""
        return {
            "source": self.source,
            "title": self.title,
            "threshold": self.threshold,
            "decisions": [d.to_dict() for d in self.decisions],
            "warnings": list(self.warnings),
        }


def explain(
    text: str,
    *,
    source: str | None = None,
    meta: Mapping[str, str] | None = None,
    scorer: Scorer | None = None,
) -> Explanation:
    """The decisions behind :func:`orgmodel.extract.extract` for one posting body."""
    scorer = scorer or default_scorer()
    layout = Layout(text)
    title, organization, department = _identity(text, layout, meta)
    relations = extract_relations(
        layout, title=title, organization=organization, department=department, scorer=scorer
    )
    accepted = {
        (r, normalize(f.name), f.evidence.start)
        for r, facts in (("up", relations.reports), ("down", relations.supervises))
        for f in facts
    }
    notes = [*relations.warnings, *relations.near_misses]
    out = Explanation(source, title, warnings=list(dict.fromkeys(notes)))
    out.threshold = scorer.threshold
    seen: set[tuple[str, str, int]] = set()
    for cand in sorted(relations.candidates, key=lambda c: c.start):
        if cand.relation == "link":
            continue
        key = (cand.relation, normalize(cand.name), cand.start)
        if key in seen:
            continue
        seen.add(key)
        out.decisions.append(
            Decision(
                cand.relation,
                cand.kind,
                cand.name,
                key in accepted,
                cand.score,
                f"{cand.source}:{cand.family}",
                cand.cue,
                cand.start,
                cand.end,
                scorer.explain(cand.features, top=4),
                "" if key in accepted else cand.note,
            )
        )
    return out


def explain_file(path: str) -> Explanation:
    """:func:`explain` for a posting file (front matter and HTML handled as by ``extract``)."""
    from orgmodel.extract.text import read_posting

    posting = read_posting(path)
    return explain(posting.text, source=posting.source, meta=posting.meta)
