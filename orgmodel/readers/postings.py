"""Job postings as a source: the extractor's facts turned into records.

A posting describes one post. Its reporting lines become ``reports_to``
relations from that post; what it supervises becomes ``heads`` (units) or
reporting lines *into* it (posts); informational links stay links. Every
relation keeps the evidence span and cue as provenance. Names are left as
written: :func:`orgmodel.sources.resolve.resolve` decides which post or unit each
one is, across all sources.

>>> from orgmodel.extract.result import Evidence, Extraction, ReportingFact, SupervisionFact
>>> ex = Extraction(source="coo.md", title="Chief Operating Officer",
...     organization="Hartford Public Schools",
...     reports_to=[ReportingFact("Superintendent of Schools", "secondary", False,
...                               Evidence(40, 65, "Superintendent of Schools", "REPORTS TO:"))],
...     supervises=[SupervisionFact("Facilities Department", "direct", "unit",
...                                 Evidence(90, 111, "Facilities Department", "SUPERVISES:"))])
>>> data = extraction_to_data(ex)
>>> data.posts[0].id
'hartford-public-schools/chief-operating-officer'
>>> [(str(r.kind), r.object) for r in data.relations]
[('reports_to', 'Superintendent of Schools'), ('heads', 'Facilities Department')]
>>> str(data.relations[0].qualifier)
'secondary'
"""

from __future__ import annotations

from pathlib import Path

from orgmodel.extract import extract_file
from orgmodel.extract.result import Evidence, Extraction
from orgmodel.fileio import slug
from orgmodel.names.kinds import guess_unit_kind
from orgmodel.readers.strays import skipped
from orgmodel.records import (
    LineKind,
    LinkType,
    LoadIssue,
    OrgData,
    OrgRecord,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitRecord,
)
from orgmodel.sources.confidence import review_issue

__all__ = ["extraction_to_data", "read_posting_file", "says_nothing"]


def _prov(source: str, ev: Evidence, confidence: float | None = None) -> Prov:
    return Prov(source, start=ev.start, end=ev.end, cue=ev.cue, confidence=confidence)


def extraction_to_data(ex: Extraction, source: str | None = None) -> OrgData:
    """Records for one posting's extraction (names unresolved: :mod:`orgmodel.sources.resolve`)."""
    src = source or ex.source or "<posting>"
    data = OrgData(sources=[src])
    org_id = slug(ex.organization) if ex.organization else None
    if ex.organization and org_id:
        data.organizations.append(OrgRecord(org_id, ex.organization, None, Prov(src)))
    unit_id = None
    if ex.department:
        unit_id = f"{org_id}/{slug(ex.department)}" if org_id else slug(ex.department)
        kind = guess_unit_kind(ex.department)
        data.units.append(UnitRecord(unit_id, ex.department, kind, org_id, None, None, Prov(src)))
    title = ex.title
    if title is None:
        title = f"Post described in {Path(src).name}"
        data.issues.append(
            LoadIssue("untitled-posting", "the posting states no title", Prov(src), ())
        )
    post_id = f"{org_id}/{slug(title)}" if org_id else slug(title)
    data.posts.append(
        PostRecord(
            post_id, title, org_id, unit_id, None, None, None, None, False,
            {"posting": src}, Prov(src, inferred=ex.title is None),
        )
    )  # fmt: skip
    for fact in ex.reports_to:
        data.relations.append(
            Relation(
                RelKind.REPORTS_TO, post_id, fact.name, LineKind(fact.kind), fact.generic,
                _prov(src, fact.evidence, fact.confidence),
            )
        )  # fmt: skip
    for sup in ex.supervises:
        if sup.kind != "direct":
            continue  # indirect supervision names no line of its own
        prov = _prov(src, sup.evidence, sup.confidence)
        if sup.target == "unit":
            data.relations.append(Relation(RelKind.HEADS, post_id, sup.name, None, False, prov))
        else:
            data.relations.append(
                Relation(RelKind.REPORTS_TO, sup.name, post_id, LineKind.PRIMARY, False, prov)
            )
    for link in ex.links:
        data.relations.append(
            Relation(RelKind.LINK, post_id, link.name, LinkType(link.type), False,
                     _prov(src, link.evidence))
        )  # fmt: skip
    data.issues.extend(issue for issue in map(review_issue, data.relations) if issue is not None)
    for warning in ex.warnings:
        if ex.title is None and warning.startswith("no title found"):
            continue  # the untitled-posting issue above says it: one warning per problem
        data.issues.append(LoadIssue("extraction", warning, Prov(src)))
    return data


def says_nothing(ex: Extraction) -> bool:
    """A text that states no title and no line: notes kept beside the data, not a posting.

    >>> says_nothing(Extraction(source="notes.txt"))
    True
    """
    return ex.title is None and not (ex.reports_to or ex.supervises or ex.links)


def read_posting_file(path: str | Path, *, in_folder: bool = False) -> OrgData:
    """Extract one posting file (.txt, .md, .html) and turn its facts into records.

    Named on its own, a file is a posting even when it states no title (its
    post is "Post described in FILE", and rule F004 says so). Met in a
    folder (``in_folder``), a file that states no title and no line
    (:func:`says_nothing`) is skipped with a note instead: a folder of org
    data often keeps a ``notes.txt``.
    """
    ex = extract_file(path)
    if in_folder and says_nothing(ex):
        return skipped(str(path), "states no title and no reporting line, so not read as a posting")
    return extraction_to_data(ex, str(path))
