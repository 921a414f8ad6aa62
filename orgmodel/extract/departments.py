"""The department or unit of the post.

Read, in order, from a department-like field ("Department:", "Division:",
"SCHOOL/DEPARTMENT", the unit part of "Location: Lakeview Health * Cardiac
Care Unit"), from the title itself ("Director of the Mayor's Office of
Housing" -> "Mayor's Office of Housing"), or from prose that places the
position in a unit ("This position exists in the City's Office of Records").
Schools and colleges named as work locations are kept only when a field
says so.

>>> find_department("Department: Public Works\\n", title=None)
'Public Works'
>>> find_department("", title="Director of the Office of Budget")
'Office of Budget'
"""

from __future__ import annotations

import re

from orgmodel.extract.fields import Field, find_fields
from orgmodel.extract.organizations import find_all, name_pattern
from orgmodel.extract.sections import work_view
from orgmodel.extract.vocab import classify, head_word

__all__ = ["find_department"]

_W = name_pattern()

_DEPT_ORDER = (
    "department",
    "dept",
    "division",
    "school/department",
    "unit",
    "section",
    "bureau",
    "office",
    "program",
    "building or location",
    "location",
)
_UNIT_CONTEXT = re.compile(r"\b(?:exists|serves|works|role|position|located)\b(?![^.\n]*[.\n])")
_IN_THE = re.compile(
    rf"[ ]in[ ]+the[ ]+(?:{_W}'s[ ]+)?(?P<name>{_W}(?:[ ]+(?:(?:of|and|for|&)[ ]+)?{_W}){{0,5}})"
)


def find_department(
    text: str,
    *,
    title: str | None,
    view: str | None = None,
    fields: list[Field] | None = None,
) -> str | None:
    """The department or unit of the post: a field, the title's "of the X", or "in the X"."""
    view = work_view(text) if view is None else view
    fields = find_fields(view) if fields is None else fields
    best: tuple[int, str] | None = None
    for fld in fields:
        if fld.role != "dept" or not fld.values or fld.key not in _DEPT_ORDER:
            continue
        start, end = fld.values[0]
        value = view[start:end].strip()
        if fld.key == "location":
            tail = re.search(rf"{_W}(?:[ ]+(?:(?:of|and|&)[ ]+)?{_W}){{0,5}}$", value)
            value = tail.group(0) if tail and classify(tail.group(0)) == "unit" else ""
        if not re.search(r"[A-Za-z]{3}", value) or sum(ch.isdigit() for ch in value) > 3:
            continue
        rank = _DEPT_ORDER.index(fld.key)
        if best is None or rank < best[0]:
            best = (rank, value)
    if best:
        return best[1]
    if title:
        match = re.search(r"\bof the (.+)$", title)
        if match and classify(match.group(1)) == "unit":
            return match.group(1)
    head = view[:5000]
    lowered = head.lower()
    for anchor in find_all(head, lowered, " in the ", _IN_THE):
        before = lowered[max(0, anchor.start() - 60) : anchor.start()]
        if not _UNIT_CONTEXT.search(before):
            continue
        name = anchor.group("name").rstrip(".")
        if classify(name) == "unit" and head_word(name) not in {"school", "college"}:
            return name
    return None
