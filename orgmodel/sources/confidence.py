"""Lines to review: what the extractor read from a posting but was not sure of (its confidence).

Every line read from a posting carries the extractor's confidence (its
scorer's probability that the text states the line). Lines under
:data:`REVIEW_BELOW` are kept -- the chart draws them -- and reported, so a
person checks them against the posting before the structure is trusted:
``ingest`` prints them, and rule F010 (``needs-review``) reports them on
every later ``validate``, since the org file keeps each line's confidence.

>>> from orgmodel.records import LineKind, Prov, Relation, RelKind
>>> rel = Relation(RelKind.REPORTS_TO, "hps/coo", "Superintendent", LineKind.PRIMARY, False,
...                Prov("coo.md", start=40, end=54, cue="works closely with", confidence=0.42))
>>> print(review_issue(rel).message)
'hps/coo' reports to 'Superintendent' (works closely with): confidence 0.42, check the posting
>>> review_issue(rel._replace(prov=rel.prov._replace(confidence=0.9))) is None
True
"""

from __future__ import annotations

from orgmodel.records import LoadIssue, Relation, RelKind

__all__ = ["REVIEW_BELOW", "REVIEW_CODE", "review_issue"]

REVIEW_BELOW = 0.6
"""Lines read with a confidence under this are marked for review."""

REVIEW_CODE = "needs-review"
"""The load issue's code (reported by rule F010)."""


def review_issue(rel: Relation, below: float = REVIEW_BELOW) -> LoadIssue | None:
    """The review note for a line read with low confidence, or None."""
    confidence = rel.prov.confidence
    if confidence is None or confidence >= below or rel.kind is RelKind.LINK:
        return None
    if rel.kind is RelKind.HEADS:
        said = f"heads {rel.object!r}"
    else:  # read from the supervisor's posting, the subject is the supervised name
        said = f"{rel.subject!r} reports to {rel.object!r}"
    cue = f" ({rel.prov.cue})" if rel.prov.cue else ""
    message = f"{said}{cue}: confidence {confidence:.2f}, check the posting"
    return LoadIssue(REVIEW_CODE, message, rel.prov, (rel.subject,))
