"""The extractor: one posting body in, one :class:`Extraction` out.

:func:`extract` is a pure function of its arguments -- no global mutable
state, nothing read or written outside -- so it can run in a process pool or
a Spark map. The steps share one working view of the text (see
:mod:`orgmodel.extract.sections`): fields, sections and sentences are found
once, then the title (needed to recognise the post itself in the text), the
organization and department, and the relations.

Front matter (``meta``) wins over extraction for ``title``,
``organization`` and ``department``; extraction fills what it leaves out.

>>> ex = extract("Job Title: Deputy Clerk\\nReports To: City Clerk\\n", source="p.txt")
>>> ex.title, [f.name for f in ex.reports_to]
('Deputy Clerk', ['City Clerk'])
>>> extract("", meta={"title": "Clerk"}).title
'Clerk'
"""

from __future__ import annotations

from collections.abc import Mapping

from orgmodel.extract.candidates import Candidate, find_candidates
from orgmodel.extract.departments import find_department
from orgmodel.extract.layout import Layout
from orgmodel.extract.organizations import (
    OrgCandidate,
    find_organization,
    organization_candidates,
)
from orgmodel.extract.relations import extract_relations
from orgmodel.extract.result import Extraction
from orgmodel.extract.scorer import Scorer
from orgmodel.extract.titles import find_title

__all__ = ["candidates_of", "extract"]


def _meta(meta: Mapping[str, str] | None, key: str) -> str | None:
    if not meta:
        return None
    value = meta.get(key)
    return " ".join(str(value).split()) or None if value is not None else None


def candidates_of(
    text: str, *, meta: Mapping[str, str] | None = None
) -> tuple[str | None, list[Candidate], tuple[str | None, list[OrgCandidate]]]:
    """What the models choose from, before scoring (for training): the post's title, every
    candidate relation, and the organization's field value and candidates."""
    layout = Layout(text)
    title = _meta(meta, "title") or find_title(text, view=layout.view, fields=layout.fields)
    department = _meta(meta, "department") or find_department(
        text, title=title, view=layout.view, fields=layout.fields
    )
    cands = find_candidates(layout, title=title, department=department)
    orgs = organization_candidates(text, view=layout.view, fields=layout.fields)
    return title, cands, orgs


def _identity(
    text: str, layout: Layout, meta: Mapping[str, str] | None
) -> tuple[str | None, str | None, str | None]:
    """The post's title, organization and department: front matter first, then the text."""
    view, fields = layout.view, layout.fields
    title = _meta(meta, "title") or find_title(text, view=view, fields=fields)
    organization = _meta(meta, "organization") or find_organization(text, view=view, fields=fields)
    department = _meta(meta, "department") or find_department(
        text, title=title, view=view, fields=fields
    )
    return title, organization, department


def extract(
    text: str,
    *,
    source: str | None = None,
    meta: Mapping[str, str] | None = None,
    scorer: Scorer | None = None,
) -> Extraction:
    """Read title, organization, department, reporting lines, supervision and links.

    ``scorer`` replaces the shipped weights (cross-validation trains its own).
    """
    layout = Layout(text)
    title, organization, department = _identity(text, layout, meta)
    relations = extract_relations(
        layout, title=title, organization=organization, department=department, scorer=scorer
    )
    warnings = list(dict.fromkeys(relations.warnings))
    if title is None:
        warnings.append("no title found: the text does not state the post's title")
    return Extraction(
        source=source,
        title=title,
        organization=organization,
        department=department,
        reports_to=relations.reports,
        supervises=relations.supervises,
        links=relations.links,
        warnings=warnings,
    )
