"""The native org file as pydantic v2 models: the schema people write by hand.

A minimal file an administrator can write in five minutes::

    organizations:
      - name: Hartford Public Schools
        abbreviation: HPS
        units:
          - {name: Facilities Department, kind: department}
        posts:
          - title: Superintendent of Schools
            root: true
          - title: Chief Operating Officer
            abbreviation: COO
            reports_to: Superintendent of Schools
            heads: [Facilities Department]

Ids are optional (derived from the organization and the title); references
(``reports_to``, ``secondary``, ``heads``, ``part_of``) take an id or a
title. Each reference may also be written in long form with its provenance,
which is how facts taken from postings keep their evidence when saved::

    reports_to:
      - to: Deputy Superintendent for Administration and Finance
        source: {file: postings/coo.md, start: 0, end: 80, cue: "REPORTS TO:"}

>>> doc = OrgFile.model_validate({"organizations": [{"name": "X", "posts": [{"title": "Mayor"}]}]})
>>> doc.organizations[0].posts[0].title
'Mayor'
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from orgmodel.records import LineKind, LinkType, UnitKind

__all__ = [
    "FORMAT_VERSION",
    "LineRef",
    "LinkSpec",
    "OrgFile",
    "OrganizationSpec",
    "PostSpec",
    "SourceRef",
    "UnitSpec",
    "json_schema",
]

FORMAT_VERSION = 1


def _as_list(value: Any) -> Any:
    """Let a single reference stand where a list is expected (``reports_to: COO``)."""
    if value is None:
        return []
    if isinstance(value, str | dict):
        return [value]
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class SourceRef(_Strict):
    """Where a fact came from, when that is not simply this file."""

    file: str | None = Field(None, description="source file the fact was read from")
    line: int | None = Field(None, ge=1, description="1-based line in that file")
    start: int | None = Field(None, ge=0, description="character offset where the evidence starts")
    end: int | None = Field(None, ge=0, description="character offset where the evidence ends")
    cue: str | None = Field(None, description="the cue phrase, e.g. 'Reports To:'")
    inferred: bool = Field(False, description="true when inferred rather than stated")
    confidence: float | None = Field(
        None,
        ge=0,
        le=1,
        description="how sure the extractor is of a line it read from a posting (0-1); lines "
        "under orgmodel's review threshold are reported by rule F010",
    )


class LineRef(_Strict):
    """A reporting line in long form."""

    to: str = Field(description="id or title of the superior post, or a body (board, council)")
    kind: LineKind | None = Field(
        None, description="primary (solid) or secondary (dotted); defaults by list"
    )
    generic: bool = Field(False, description="the superior is named only generically")
    source: SourceRef | None = None


class HeadRef(_Strict):
    """A unit the post heads or oversees, in long form."""

    unit: str = Field(description="id or name of the unit")
    source: SourceRef | None = None


class LinkSpec(_Strict):
    """An informational link (liaison, advises, works closely with): never a reporting line."""

    to: str
    type: LinkType = LinkType.LIAISON
    source: SourceRef | None = None


Refs = Annotated[list[str | LineRef], BeforeValidator(_as_list)]
Heads = Annotated[list[str | HeadRef], BeforeValidator(_as_list)]
Codes = Annotated[list[str], BeforeValidator(_as_list)]
_IGNORE = "validation rules (codes such as S002, or names such as single-report) not to report here"


class PostSpec(_Strict):
    """A post: a position that exists whether or not someone holds it."""

    id: str | None = Field(None, description="unique id; derived from organization and title")
    title: str = Field(min_length=1)
    abbreviation: str | None = Field(None, description="e.g. COO")
    unit: str | None = Field(None, description="id or name of the unit the post sits in")
    holder: str | None = Field(None, description="who holds the post; absent means vacant")
    grade: str | None = None
    fte: float | None = Field(None, ge=0, allow_inf_nan=False)
    root: bool = Field(False, description="true for the top of the organization, by design")
    reports_to: Refs = Field(default_factory=list, description="primary superior(s)")
    secondary: Refs = Field(default_factory=list, description="dotted-line superior(s)")
    heads: Heads = Field(default_factory=list, description="units this post heads")
    links: list[LinkSpec] = Field(default_factory=list)
    attributes: dict[str, str] = Field(default_factory=dict)
    ignore: Codes = Field(default_factory=list, description=_IGNORE)
    source: SourceRef | None = None


class UnitSpec(_Strict):
    """A department, office, division, board, council or committee."""

    id: str | None = None
    name: str = Field(min_length=1)
    kind: UnitKind = UnitKind.UNIT
    abbreviation: str | None = None
    part_of: str | None = Field(None, description="id or name of the parent unit")
    ignore: Codes = Field(default_factory=list, description=_IGNORE)
    source: SourceRef | None = None


class OrganizationSpec(_Strict):
    """An organization with its units and posts."""

    id: str | None = None
    name: str = Field(min_length=1)
    abbreviation: str | None = None
    units: list[UnitSpec] = Field(default_factory=list)
    posts: list[PostSpec] = Field(default_factory=list)
    source: SourceRef | None = None


class OrgFile(_Strict):
    """The whole org file: organizations, plus posts and units that belong to none."""

    orgmodel: int = Field(FORMAT_VERSION, description="format version")
    organizations: list[OrganizationSpec] = Field(default_factory=list)
    units: list[UnitSpec] = Field(default_factory=list)
    posts: list[PostSpec] = Field(default_factory=list)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the org file (``orgmodel schema`` prints it)."""
    schema = OrgFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "orgmodel org file"
    return schema
