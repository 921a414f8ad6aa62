"""The department or unit of the post.

Read, in order, from a department-like field ("Department:", "Division:",
"SCHOOL/DEPARTMENT", the unit part of "Location: Lakeview Health * Cardiac
Care Unit"), from a job board's "Team /" header line, from a heading that
names the unit beside the title ("Budget Analyst - Office of Management and
Budget"), from the title itself ("Director of the Mayor's Office of Housing"
-> "Mayor's Office of Housing", "Revenue Analyst, Treasury Bureau" ->
"Treasury Bureau"), or from prose that places the position in a unit ("This
position exists in the City's Office of Records"). Schools and colleges
named as work locations in prose are kept only when a field says so.

>>> find_department("Department: Public Works\\n", title=None)
'Public Works'
>>> find_department("", title="Director of the Office of Budget")
'Office of Budget'
"""

from __future__ import annotations

import re

from orgmodel.extract.fields import Field, find_fields
from orgmodel.extract.organizations import find_all, name_pattern
from orgmodel.extract.scoring import normalize
from orgmodel.extract.sections import line_spans, work_view
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


_QUESTION = re.compile(r"for the ([^?\n]{3,120}?) position at [^?\n]{2,120}\?")
_PAREN = re.compile(r"\([^()]*\)")


_PLACE_OR_TERMS = re.compile(
    r",[ ]*[A-Z]{2}\b|\b(?:remote|hybrid|on-?site|in-office|full[ -]time|part[ -]time|permanent|"
    r"temporary|contract|contractor|freelance|internship|intern|seasonal|per diem|fixed[ -]term)\b",
    re.IGNORECASE,
)


def _team_line(view: str) -> str | None:
    """A job board's header of categories ended by slashes: place /, team /, terms /.

    >>> _team_line("Payroll Clerk\\n\\nSalem, OR /\\nFinance & Accounting /\\nFull Time /\\n")
    'Finance & Accounting'
    """
    for start, end in line_spans(view[:400])[:8]:
        line = view[start:end].strip()
        if not line.endswith(" /") or _PLACE_OR_TERMS.search(line):
            continue
        name = line[:-2].strip()
        if 1 <= len(name.split()) <= 8 and name[:1].isupper():
            return name
    return None


def _unit_beside_title(view: str, title: str) -> str | None:
    """The unit a heading names after the title: "Director of Administration, Clerk's Office".

    Looked for in the first lines and in a job site's question ("... for the
    Director Administration City Clerk's Office position at ...?"): the longest
    capitalised tail that is a unit and does not start with a word of the
    title, after a head made of the title's own words.

    >>> _unit_beside_title("Budget Analyst - Office of Management and Budget\\n", "Budget Analyst")
    'Office of Management and Budget'
    """
    own = set(normalize(title).split())
    heads = [view[s:e] for s, e in line_spans(view[:600])[:4]]
    question = _QUESTION.search(view[:600])
    if question:
        heads.insert(0, question.group(1))
    for head in heads:
        tokens = _PAREN.sub(" ", head).replace(" - ", " ").split()
        if not 3 <= len(tokens) <= 14:
            continue
        said = False  # the head so far has a word (not only an article)
        for cut in range(1, len(tokens) - 1):
            word = normalize(tokens[cut - 1])
            if cut == 1 and word in {"the", "a", "an"}:
                word = ""
            if word and not own.issuperset(word.split()):
                break  # the head holds a word the title lacks: so would every longer head
            said = said or bool(word)
            if not said or cut < len(tokens) - 8 or not tokens[cut][:1].isupper():
                continue
            if normalize(tokens[cut]) in own:
                continue
            tail = " ".join(tokens[cut:])
            if classify(tail) == "unit" and head_word(tail) not in {"school", "college"}:
                return tail.strip(" ,;:-")
    return None


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
    beside = _team_line(view) or (_unit_beside_title(view, title) if title else None)
    if beside:
        return beside
    if title:
        match = re.search(r"\bof the (.+)$|,[ ]+([A-Z][^,()]+)$", title)
        unit = (match.group(1) or match.group(2)) if match else None
        if unit and classify(unit) == "unit":
            return unit
    head = view[:5000]
    lowered = head.lower()
    for anchor in find_all(head, lowered, " in the ", _IN_THE):
        before = lowered[max(0, anchor.start() - 60) : anchor.start()]
        if not _UNIT_CONTEXT.search(before):
            continue
        name = anchor.group("name").split(". ", 1)[0].rstrip(".")  # not into the next sentence
        if classify(name) == "unit" and head_word(name) not in {"school", "college"}:
            return name
    return None
