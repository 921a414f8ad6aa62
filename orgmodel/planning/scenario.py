"""The scenario file: a planner's list of edits to an org structure, with line numbers.

A scenario is how a proposal is written down before anyone draws it: move
this post under that one, add a post, remove one and send its reports
elsewhere, retitle, merge or split units, add a dotted line. Edits run in
order (a post added by one edit can be named by the next) and name posts as
people do -- by id, title, abbreviation or ``"Org: title"``::

    scenario: Operations reorganisation
    edits:
      - add: {id: cio, title: Chief Information Officer, reports_to: supt}
      - move: Director of Educational Technology
        to: cio
      - remove: Operations Project Manager      # its reports go to its superior
      - retitle: hps-coo
        title: Chief Operations Officer

Besides ``edits:``, a scenario may have ``scenario:`` (its name),
``description:`` and ``base:`` (a note of the structure it was written for).
Each edit is one mapping whose first key says what it does (see
:data:`EDITS`); the file is checked against these models (pydantic) and
every problem is reported with its line. :func:`orgmodel.planning.apply.apply` runs
the edits.

>>> s = parse_scenario('''
... scenario: demo
... edits:
...   - move: b
...     to: a
...   - vacate: c
... ''', "s.yaml")
>>> [(type(e).__name__, line) for e, line in s.edits]
[('MoveEdit', 4), ('VacateEdit', 6)]
>>> is_scenario("organizations: []\\n"), is_scenario("# a plan\\nedits:\\n  - vacate: x\\n")
(False, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from orgmodel.errors import SourceError
from orgmodel.fileio import STDIN_NAME, STDIO, read_text
from orgmodel.orgfile.lines import line_of, load_with_lines
from orgmodel.orgfile.schema import PostSpec, UnitSpec
from orgmodel.records import LinkType

__all__ = [
    "EDITS",
    "AddDottedEdit",
    "AddEdit",
    "AddLinkEdit",
    "AddOrganizationEdit",
    "AddUnitEdit",
    "Edit",
    "FillEdit",
    "MergeUnitsEdit",
    "MoveEdit",
    "MoveUnitEdit",
    "RemoveDottedEdit",
    "RemoveEdit",
    "RemoveLinkEdit",
    "RemoveUnitEdit",
    "RenameUnitEdit",
    "RetitleEdit",
    "Scenario",
    "SetEdit",
    "SplitPart",
    "SplitUnitEdit",
    "VacateEdit",
    "is_scenario",
    "parse_scenario",
    "read_scenario",
]

_TOP_KEY = re.compile(r"^(edits|scenario)\s*:", re.MULTILINE)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


def _unit_list(value: Any) -> Any:
    """``heads: IT Office`` is a list of one; ``heads: ~`` a list of none."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else value


UnitRefs = Annotated[list[str], BeforeValidator(_unit_list)]


class MoveEdit(_Strict):
    """Put a post under another superior (``to: ~`` makes it a top post)."""

    move: str = Field(description="the post to move")
    to: str | None = Field(description="its new primary superior: a post or a body (board)")
    unit: str | None = Field(None, description="also put it in this unit")


class AddEdit(_Strict):
    """A new post, written as in the org file (``reports_to``, ``unit``, ``holder`` ...)."""

    add: PostSpec
    organization: str | None = Field(
        None, description="its organization; default: the organization of its superior"
    )


class RemoveEdit(_Strict):
    """Remove a post; its reports (and the units it heads) go to its superior or a named post."""

    remove: str
    reports_go_to: str | None = Field(None, description="default: the removed post's superior")


class RetitleEdit(_Strict):
    """Give a post a new title (its id stays)."""

    retitle: str
    title: str = Field(min_length=1)
    abbreviation: str | None = None


class FillEdit(_Strict):
    """Someone takes a post."""

    fill: str
    holder: str = Field(min_length=1)


class VacateEdit(_Strict):
    """A post loses its holder."""

    vacate: str


class SetEdit(_Strict):
    """Change a post's unit, grade, FTE or the units it heads (``~`` clears one).

    ``heads`` replaces the whole list: ``heads: [IT Office]`` makes the post
    head that unit alone, ``heads: []`` (or ``~``) heads none.
    """

    set: str
    unit: str | None = None
    grade: str | None = None
    fte: float | None = Field(None, ge=0)
    heads: UnitRefs = Field(default_factory=list, description="the units it heads, all of them")


class AddDottedEdit(_Strict):
    """A new secondary (dotted) line from a post to a superior."""

    add_dotted: str
    to: str


class RemoveDottedEdit(_Strict):
    """Drop a post's dotted line to a superior."""

    remove_dotted: str
    from_: str = Field(alias="from")


class AddLinkEdit(_Strict):
    """A new informational link (liaison, advises, works_with) from a post: never a line."""

    add_link: str
    to: str = Field(description="the post (or unit) at the other end")
    type: LinkType = LinkType.LIAISON


class RemoveLinkEdit(_Strict):
    """Drop a post's informational link (whatever its type, or only the ``type`` given)."""

    remove_link: str
    from_: str = Field(alias="from")
    type: LinkType | None = None


class AddOrganizationEdit(_Strict):
    """A new organization, for the posts and units later edits add to it."""

    add_organization: str = Field(description="its name")
    id: str | None = Field(None, description="default: derived from the name")
    abbreviation: str | None = None


class AddUnitEdit(_Strict):
    """A new unit, written as in the org file."""

    add_unit: UnitSpec
    organization: str | None = Field(
        None, description="default: the organization of the unit it is part of"
    )


class RemoveUnitEdit(_Strict):
    """Remove a unit; its posts go to ``posts_go_to`` (default: the unit it was part of).

    A body posts report to (a board) needs somewhere for those lines:
    ``reports_go_to`` names the post or body they go to (``~``: they become
    top posts); without it they go to the body it is part of, if any, else the
    edit is refused.
    """

    remove_unit: str
    posts_go_to: str | None = None
    reports_go_to: str | None = Field(
        None, description="where the posts reporting to it go (a post or body; ~: none)"
    )


class MoveUnitEdit(_Strict):
    """Make a unit part of another unit (``to: ~``: part of none)."""

    move_unit: str
    to: str | None


class RenameUnitEdit(_Strict):
    """Give a unit a new name (its id stays)."""

    rename_unit: str
    name: str = Field(min_length=1)


class MergeUnitsEdit(_Strict):
    """Merge units into one: an existing unit (possibly one of them) or a new one."""

    merge_units: list[str] = Field(min_length=1)
    into: str | UnitSpec


class SplitPart(UnitSpec):
    """One new unit a split makes, with the posts that move into it."""

    posts: list[str] = Field(default_factory=list)


class SplitUnitEdit(_Strict):
    """Split a unit: each part is a new unit and takes the posts listed; the rest stay."""

    split_unit: str
    into: list[SplitPart] = Field(min_length=1)


Edit = (
    MoveEdit
    | AddEdit
    | RemoveEdit
    | RetitleEdit
    | FillEdit
    | VacateEdit
    | SetEdit
    | AddDottedEdit
    | RemoveDottedEdit
    | AddLinkEdit
    | RemoveLinkEdit
    | AddOrganizationEdit
    | AddUnitEdit
    | RemoveUnitEdit
    | MoveUnitEdit
    | RenameUnitEdit
    | MergeUnitsEdit
    | SplitUnitEdit
)

EDITS: dict[str, type[Edit]] = {
    "move": MoveEdit,
    "add": AddEdit,
    "remove": RemoveEdit,
    "retitle": RetitleEdit,
    "fill": FillEdit,
    "vacate": VacateEdit,
    "set": SetEdit,
    "add_dotted": AddDottedEdit,
    "remove_dotted": RemoveDottedEdit,
    "add_link": AddLinkEdit,
    "remove_link": RemoveLinkEdit,
    "add_organization": AddOrganizationEdit,
    "add_unit": AddUnitEdit,
    "remove_unit": RemoveUnitEdit,
    "move_unit": MoveUnitEdit,
    "rename_unit": RenameUnitEdit,
    "merge_units": MergeUnitsEdit,
    "split_unit": SplitUnitEdit,
}
"""The key that starts an edit -> the model that checks it."""


@dataclass
class Scenario:
    """A parsed scenario: its name, the file it came from, and ``(edit, line)`` in order."""

    path: str
    name: str | None = None
    description: str | None = None
    edits: list[tuple[Edit, int]] = field(default_factory=list)


def is_scenario(text: str) -> bool:
    """True for a scenario file (a top-level ``edits:`` or ``scenario:`` key), not an org file.

    The words are looked for first (a scan in C), the keys at a line's start only where they
    occur: a million-post org file names neither, and the pattern alone took a second on it.
    """
    if "edits" not in text and "scenario" not in text:
        return False
    return bool(_TOP_KEY.search(text)) and not re.search(r"^organizations\s*:", text, re.M)


def _describe(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc)


def _item_lines(text: str) -> list[int]:
    """The line of each item of ``edits:`` (scalars too, which the line loader cannot mark)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "edits" and isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
    return []


def _edit(
    raw: Any, i: int, path: str, lines: dict[tuple[str | int, ...], int], line: int | None
) -> Edit:
    if not isinstance(raw, dict):
        raise SourceError(path, f"edit {i + 1} must be a mapping such as 'move: POST'", line=line)
    ops = [k for k in raw if k in EDITS]
    if len(ops) != 1:
        what = f"has {' and '.join(ops)}" if ops else "names no edit"
        raise SourceError(
            path,
            f"edit {i + 1} {what}; each edit starts with one of: {', '.join(EDITS)}",
            line=line,
        )
    model = EDITS[ops[0]]
    try:
        edit = model.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ("edits", i, *err["loc"])
        raise SourceError(
            path,
            f"edit {i + 1} ({ops[0]}): {_describe(tuple(err['loc']))}: {err['msg']}",
            line=line_of(loc, lines),
        ) from None
    return edit


def parse_scenario(text: str, path: str) -> Scenario:
    """Check a scenario's text; ``path`` names it in errors and in the provenance of edits."""
    raw, lines = load_with_lines(text, path)
    if not isinstance(raw, dict) or "edits" not in raw:
        raise SourceError(path, "expected a scenario: a mapping with 'edits:' at the top", line=1)
    unknown = [k for k in raw if k not in ("scenario", "description", "base", "edits")]
    if unknown:
        raise SourceError(
            path,
            f"unknown top-level key {unknown[0]!r}; a scenario has scenario, description, "
            "base and edits",
            line=lines.get(()),
        )
    edits = raw["edits"]
    if not isinstance(edits, list):
        raise SourceError(path, "'edits' must be a list of edits", line=lines.get(()))
    out = Scenario(
        path,
        str(raw["scenario"]) if raw.get("scenario") is not None else None,
        str(raw["description"]) if raw.get("description") is not None else None,
    )
    item_lines = _item_lines(text)
    for i, item in enumerate(edits):
        line = item_lines[i] if i < len(item_lines) else line_of(("edits", i), lines)
        out.edits.append((_edit(item, i, path, lines, line), line or 0))
    return out


def read_scenario(path: str | Path) -> Scenario:
    """Read and check a scenario file (``-``: standard input)."""
    return parse_scenario(read_text(path), STDIN_NAME if str(path) == STDIO else str(path))
