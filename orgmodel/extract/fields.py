"""Labelled fields: "REPORTS TO:", "Job Title:", "IMMEDIATE SUPERVISOR Dean", "Title\\nDean".

Postings state the most reliable facts as label/value pairs, but lay them out
in many ways: ``Label: value`` on a line; several pairs flattened onto one
line by a PDF converter ("Bargaining: No Reports to: Town Board Pension Plan:
No"); a label alone on a line with the value on the next one (a two-column
table); an ALL CAPS label with no colon; two labels stacked before their
values ("Reports to: Supervises: Superintendent Business Manager, ...").

This module finds them and returns value *spans*; the list splitter and the
relation builder decide what the values mean.

>>> text = "Job Title: Deputy Clerk\\nReports to: Town Board Pension Plan: Yes\\n"
>>> [(f.key, text[s:e]) for f in find_fields(text) for s, e in f.values]
[('job title', 'Deputy Clerk'), ('reports to', 'Town Board')]
>>> table = "REPORTS TO\\n\\nPrincipal\\n"
>>> [(f.key, table[s:e]) for f in find_fields(table) for s, e in f.values]
[('reports to', 'Principal')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from orgmodel.extract.sections import line_spans
from orgmodel.extract.vocab import PEOPLE, POSTS, UNITS, head_word

__all__ = ["LABELS", "MAX_FIELDS", "Field", "find_fields", "label_role", "trim_label_tail"]

_R, _S, _T, _O, _D = "reports", "supervises", "title", "org", "dept"

LABELS: dict[str, tuple[str, str]] = {
    "reports to": (_R, "primary"),
    "reporting to": (_R, "primary"),
    "report to": (_R, "primary"),
    "reports directly to": (_R, "primary"),
    "position reports to": (_R, "primary"),
    "reporting relationship": (_R, "primary"),
    "immediate supervisor": (_R, "primary"),
    "direct supervisor": (_R, "primary"),
    "supervisor": (_R, "primary"),
    "primary supervisor": (_R, "primary"),
    "responsible to": (_R, "primary"),
    "accountable to": (_R, "primary"),
    "supervised by": (_R, "primary"),
    "line manager": (_R, "primary"),
    "major administrator": (_R, "secondary"),
    "secondary supervisor": (_R, "secondary"),
    "secondary reporting": (_R, "secondary"),
    "dotted line": (_R, "secondary"),
    "dotted line to": (_R, "secondary"),
    "dotted-line to": (_R, "secondary"),
    "indirect supervisor": (_R, "secondary"),
    "next level supervisor": (_R, "secondary"),
    "next-level supervisor": (_R, "secondary"),
    "second level supervisor": (_R, "secondary"),
    "second-level supervisor": (_R, "secondary"),
    "skip level manager": (_R, "secondary"),
    "functional supervisor": (_R, "secondary"),
    "also reports to": (_R, "secondary"),
    "supervises": (_S, "direct"),
    "responsible for": (_S, "direct"),
    "supervision exercised": (_S, "direct"),
    "supervisory responsibility": (_S, "direct"),
    "supervisory responsibilities": (_S, "direct"),
    "direct reports": (_S, "direct"),
    "positions supervised": (_S, "direct"),
    "staff supervised": (_S, "direct"),
    "supervision of others": (_S, "direct"),
    "directly supervises": (_S, "direct"),
    "supervises directly": (_S, "direct"),
    "indirect reports": (_S, "indirect"),
    "indirectly supervises": (_S, "indirect"),
    "supervises indirectly": (_S, "indirect"),
    "position title": (_T, ""),
    "job title": (_T, ""),
    "title": (_T, ""),
    "classification title": (_T, ""),
    "working title": (_T, ""),
    "class title": (_T, ""),
    "position": (_T, ""),
    "role": (_T, ""),
    "job description": (_T, ""),
    "employer": (_O, ""),
    "organization": (_O, ""),
    "organisation": (_O, ""),
    "company": (_O, ""),
    "agency": (_O, ""),
    "hiring organization": (_O, ""),
    "institution": (_O, ""),
    "department": (_D, ""),
    "dept": (_D, ""),
    "division": (_D, ""),
    "school/department": (_D, ""),
    "unit": (_D, ""),
    "office": (_D, ""),
    "section": (_D, ""),
    "bureau": (_D, ""),
    "building or location": (_D, ""),
    "location": (_D, ""),
    "program": (_D, ""),
}
"""Known labels (lower case, single spaces) and what they state."""

_CLASSIFY: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), role, kind)
    for pattern, role, kind in (
        (
            r"\bindirect(?:ly)? (?:supervis\w*|reports?|report)\b|^indirect(?:ly| reports?)$",
            _S,
            "indirect",
        ),
        (
            r"reports? to this (?:position|role|job)|positions? reporting to|"
            r"^direct(?:ly| reports?)$|"
            r"direct supervision|^supervis(?:es|ion exercised|ion of others|ory responsibilit\w*|"
            r"ory duties|ion given)$|^(?:positions?|staff|employees|personnel|people|titles?) "
            r"(?:supervised|managed|overseen)$|number of (?:direct )?reports|^subordinates?$|"
            r"^(?:supervises|manages|oversees)(?: directly)?$|^team size$",
            _S,
            "direct",
        ),
        (
            r"secondary (?:supervisor|reporting|report)|dotted[- ]line|^major administrator$|"
            r"(?:next|second|skip)[- ]level (?:supervisor|manager)|functional (?:supervisor|"
            r"reporting|report)|^also reports? to$|matrix (?:reporting|manager|report)",
            _R,
            "secondary",
        ),
        (
            r"^(?:(?:position|job|role|this position|incumbent) )?(?:reports?|reporting)"
            r"(?: directly)?(?: to)?$|^reporting (?:relationships?|line|structure)(?: to)?$|"
            r"^(?:immediate|direct|primary|first[- ]line|line|hiring|reporting) (?:supervisor|"
            r"manager|superior)(?: title)?$|^supervisor(?:'s)?(?: (?:title|position|name))?$|"
            r"^(?:primary )?responsib\w* to$|^accountable to$|^supervised by$|"
            r"^supervision received$|^works? under$|^under (?:the )?(?:general )?(?:direction|"
            r"supervision) of$|^supervisor/manager$|^manager/supervisor$|^reports? to "
            r"(?:position|title)$",
            _R,
            "primary",
        ),
    )
)
_NUMBERING = re.compile(
    r"^(?:[*\-+>]+|\(?\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-hA-H][.)]|[IVX]{1,4}\.)\s+"
)


def label_role(key: str) -> tuple[str, str] | None:
    """What a label states: a known label, or one a reporting/supervision pattern reads.

    >>> label_role("reports to"), label_role("primary responsibility to")
    (('reports', 'primary'), ('reports', 'primary'))
    >>> label_role("reports to this position"), label_role("indirect supervision")
    (('supervises', 'direct'), ('supervises', 'indirect'))
    >>> label_role("benefits") is None
    True
    """
    known = LABELS.get(key)
    if known is not None:
        return known
    for pattern, role, kind in _CLASSIFY:
        if pattern.search(key):
            return role, kind
    return None


def _free_label(view: str, line_start: int, colon: int) -> tuple[int, str] | None:
    """A whole line prefix before a colon read as a relation label ("Primary Responsibility
    to:", "3.2 Reports to This Position:"): ``(start, key)``."""
    start = line_start
    text = view[start:colon]
    lead = _NUMBERING.match(text.lstrip(" "))
    offset = len(text) - len(text.lstrip(" "))
    if lead:
        offset += lead.end()
    label = text[offset:]
    if not label or len(label) > 60 or any(ch in label for ch in ".;,!?()"):
        return None
    key = " ".join(label.lower().split())
    if (
        len(key.split()) > 7
        or label_role(key) is None
        or LABELS.get(key, ("", ""))[0] in {_T, _O, _D}
    ):
        return None
    return start + offset, key


_SUPERVISES_ALONE = frozenset({"supervises", "direct reports", "positions supervised"})
_TITLE_PRIORITY = ("position title", "job title", "working title", "title", "classification title")


MAX_FIELDS = 2000
"""Fields read per posting at most (real postings have dozens; keeps hostile input linear)."""


def _colons(view: str) -> Iterator[tuple[int, int]]:
    """Colons that end a label -- followed by a space, a line break or the end -- with the
    spaces before them: ``(start, end)``. (``str.find`` is ten times a regex scan here.)

    >>> list(_colons("Title : Clerk\\nTime: 9:30\\nNote:"))
    [(5, 7), (18, 19), (29, 30)]
    """
    size = len(view)
    pos = view.find(":")
    while pos >= 0:
        glued = (
            pos + 1 < size and view[pos + 1].isupper() and pos and view[pos - 1].isalpha()
        )  # "Reports to:Provost": a label glued to its value
        if pos + 1 == size or view[pos + 1] in " \n" or glued:
            start = pos
            while start and view[start - 1] == " ":
                start -= 1
            yield start, pos + 1
        pos = view.find(":", pos + 1)


_MAX_LABEL_WORDS = max(len(key.split()) for key in LABELS)
_FIRST_WORDS = frozenset(key.split()[0] for key in LABELS) | frozenset(
    [
        "number",
        "level",
        "team",
        "people",
        "subordinate",
        "subordinates",
        "titles",
        "hiring",
        "line",
        "matrix",
        "functional",
        "skip",
        "next",
        "second",
        "this",
        "incumbent",
        "job",
        "role",
        "manager",
        "manages",
        "oversees",
        "employees",
        "personnel",
        "staff",
        "works",
        "under",
        "reports",
        "reporting",
        "primary",
        "indirect",
    ]
)
_TERMINATOR = re.compile(r"[ ]{3,}|[ ]\|[ ]|\.[ ]+(?=[A-Z])|(?<=\w)[ ]?:(?=[ ]|$)|\n")
_BULLET = re.compile(r"[ ]*(?:[*\-+]|\d{1,2}[.)])[ ]+\S")
_WORD = re.compile(r"\S+")
_LABEL_WORD = re.compile(r"[^\s:]+")
_LINE_FIRST = re.compile(r"[ *\-]*+([^\s:]+)")
"""A line's first word after bullets (possessive: the bullets are never part of the word)."""
_LEVEL = re.compile(r"[IVX]{1,4}|\d{1,2}")
_SUBLABEL_LINE = re.compile(r"[ ]*(?:directly|indirectly)[ ]*:", re.IGNORECASE)
_CONNECTORS = frozenset({"of", "for", "and", "&", "to", "the", "-", "in", "at", "on", "/"})
_HEADS = POSTS | UNITS | PEOPLE


@dataclass(frozen=True, slots=True)
class Field:
    """One labelled field; ``values`` are spans (several for a bulleted value)."""

    key: str
    role: str
    kind: str
    label_start: int
    label_end: int
    values: tuple[tuple[int, int], ...]
    cue: str


def _key(label: str) -> str:
    return " ".join(label.lower().split())


def trim_label_tail(view: str, start: int, end: int) -> int:
    """End of a value that runs into the next field's label ("Town Board Pension Plan").

    The value is taken to end at its last head noun (post, unit, people) that
    leaves one to three words for the label and is not followed by a
    connector, keeping level suffixes ("Coordinator III"); without one, the
    last word is dropped. Only the last comma-separated item is trimmed.
    """
    comma = view.rfind(",", start, end)
    if comma >= 0:
        start = comma + 1
    words = [(m.start(), m.end()) for m in _WORD.finditer(view, start, end)]
    if len(words) <= 1:
        return end
    texts = [view[s:e] for s, e in words]
    for index in range(len(words) - 2, -1, -1):
        remaining = len(words) - 1 - index
        if remaining > 3 or texts[index + 1].lower() in _CONNECTORS:
            continue
        if head_word(texts[index]) in _HEADS:
            last = index
            while last + 2 < len(words) and _LEVEL.fullmatch(texts[last + 1]):
                last += 1
            return words[last][1]
        if _LEVEL.fullmatch(texts[index]) and index and head_word(texts[index - 1]) in _HEADS:
            return words[index][1]
    return words[-2][1]


def _value_end(view: str, start: int, line_end: int) -> tuple[int, bool]:
    """Where an inline value stops, and whether it ran into another label."""
    match = _TERMINATOR.search(view, start, line_end)
    if match is None:
        return line_end, False
    return match.start(), ":" in match.group(0)


def _strip(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start] in " *-:":
        start += 1
    while end > start and view[end - 1] in " .;,:":
        end -= 1
    return start, end


def _label_before(view: str, colon: int) -> tuple[int, str] | None:
    """The known label that ends just before the colon at ``colon``: (start, key)."""
    line_start = view.rfind("\n", 0, colon) + 1
    base = max(line_start, colon - 48)
    free = _free_label(view, line_start, colon)
    role = label_role(free[1]) if free is not None else None
    if free is not None and role is not None and role[0] in {_R, _S}:
        return free  # the whole line's label states a relation: it wins over a word of it
    tokens = list(_LABEL_WORD.finditer(view, base, colon))
    if base > line_start and tokens:
        tokens = tokens[1:]
    for size in range(min(len(tokens), _MAX_LABEL_WORDS), 0, -1):
        key = " ".join(t.group(0) for t in tokens[-size:]).lower().lstrip("*-")
        if key in LABELS:
            start = tokens[-size].start()
            start += len(tokens[-size].group(0)) - len(tokens[-size].group(0).lstrip("*-"))
            if start > 0 and (view[start - 1].isalnum() or view[start - 1] in "_/-"):
                continue
            if _in_noun_phrase(view, line_start, start):
                return None  # "reports directly to the Fleet Supervisor: ..." names a post
            return start, key
    return _free_label(view, line_start, colon)


_DETERMINER_BEFORE = re.compile(
    r"(?:^|[ ])(?:the|a|an|our|this|your|its|their)[ ]+(?:[A-Z][\w&'-]*[ ]+)*$"
)


def _in_noun_phrase(view: str, line_start: int, start: int) -> bool:
    """Whether the words before a label at ``start`` make it the head of a name: "the Fleet
    Supervisor:" (a post named in a sentence), not "Payroll Clerk Reports To:" (a label)."""
    return _DETERMINER_BEFORE.search(view, max(line_start, start - 80), start) is not None


def _label_at_line(view: str, start: int, end: int) -> tuple[int, int, str] | None:
    """A known label opening the line ``view[start:end]``: (label start, label end, key)."""
    first = _LINE_FIRST.match(view, start, end)
    if first is None or first.group(1).lower() not in _FIRST_WORDS:
        return None
    return _label_from(view, first.start(1), end)


def _label_from(view: str, pos: int, end: int) -> tuple[int, int, str] | None:
    """The longest known label of the words at ``pos`` (the first one opens a label)."""
    tokens = list(_LABEL_WORD.finditer(view, pos, min(end, pos + 60)))[:_MAX_LABEL_WORDS]
    for size in range(len(tokens), 0, -1):
        key = " ".join(t.group(0) for t in tokens[:size]).lower()
        if key in LABELS:
            return pos, tokens[size - 1].end(), key
    whole = view[pos:end].rstrip(" :")
    if whole and len(whole) <= 60 and not any(ch in whole for ch in ".;,!?()"):
        key = " ".join(whole.lower().split())
        if len(key.split()) <= 7 and key not in LABELS and label_role(key) is not None:
            return pos, pos + len(whole), key
    return None


def _line_is_label(text: str) -> bool:
    found = _label_at_line(text, 0, len(text))
    return found is not None and text[found[1] :].lstrip(" ")[:1] in {"", ":"}


def find_fields(view: str, lines: list[tuple[int, int]] | None = None) -> list[Field]:
    """Every labelled field in document order (see the module docstring)."""
    fields: list[Field] = []
    taken: set[int] = set()
    inline: list[tuple[int, int, str]] = []
    for colon_start, colon_end in _colons(view):
        found = _label_before(view, colon_start)
        if found is not None:
            inline.append((found[0], colon_end, found[1]))
            if len(inline) >= MAX_FIELDS:
                break
    inline_starts = [start for start, _, _ in inline]
    for label_start, label_end, key in inline:
        role, kind = label_role(key) or ("", "")
        line_end = view.find("\n", label_end)
        line_end = len(view) if line_end < 0 else line_end
        vstart = label_end
        while vstart < line_end and view[vstart] == " ":
            vstart += 1
        vend, ran_into_label = _value_end(view, vstart, line_end)
        if ran_into_label:
            at = bisect.bisect_left(inline_starts, vstart)
            if at < len(inline_starts) and inline_starts[at] < vend + 2:
                vend = inline_starts[at]
            elif vend > vstart:
                vend = trim_label_tail(view, vstart, vend)
        vstart, vend = _strip(view, vstart, vend)
        values: tuple[tuple[int, int], ...] = ((vstart, vend),) if vend > vstart else ()
        if not values and vstart >= line_end:
            values = _next_line_values(view, line_end, role)
        cue = " ".join(view[label_start:label_end].split())
        fields.append(Field(key, role, kind, label_start, label_end, values, cue))
        taken.add(label_start)
    hits = 0
    for line_start, line_end in line_spans(view) if lines is None else lines:
        if hits >= MAX_FIELDS:
            break
        # _label_at_line, its first test inline: most lines open with no label word
        first = _LINE_FIRST.match(view, line_start, line_end)
        if first is None or first.group(1).lower() not in _FIRST_WORDS:
            continue
        at_line = _label_from(view, first.start(1), line_end)
        if at_line is None:
            continue
        hits += 1
        if at_line[0] in taken:
            continue
        label_start, label_end, key = at_line
        role, kind = label_role(key) or ("", "")
        label = view[label_start:label_end]
        rest = view[label_end:line_end].strip(" ")
        if rest in {"", ":"}:
            if role == _T and key not in _TITLE_PRIORITY and not rest:
                continue
            if role == _S and not rest and key not in _SUPERVISES_ALONE:
                continue
            values = _next_line_values(view, line_end, role)
            if values:
                cue = " ".join(label.split())
                fields.append(Field(key, role, kind, label_start, line_end, values, cue))
            continue
        if rest[:1] in {"-", "|"} and role in {_R, _S, _T} and len(rest) > 2:
            # "Reports To - Director of Finance", "Reports To | Director of Finance"
            vstart = view.find(rest[:1], label_end, line_end) + 1
            vend, _ = _value_end(view, vstart, line_end)
            vstart, vend = _strip(view, vstart, vend)
            if vend > vstart:
                cue = " ".join(label.split())
                fields.append(
                    Field(key, role, kind, label_start, label_end, ((vstart, vend),), cue)
                )
            continue
        if not label.isupper() or view[label_end : label_end + 1] != " " or not rest[:1].isupper():
            continue
        vend, _ = _value_end(view, label_end, line_end)
        vstart, vend = _strip(view, label_end, vend)
        value = view[vstart:vend]
        lower = any(ch.islower() for ch in value)
        if (not lower and role not in {_R, _S}) or value.split()[0].lower() in _CONNECTORS:
            continue  # an ALL CAPS line is a label and its value only where it names a line
        fields.append(Field(key, role, kind, label_start, label_end, ((vstart, vend),), label))
    table = _stacked_table(view, lines or line_spans(view))
    if table:  # a label column's values come after the column: they win over the next line
        placed = {f.label_start for f in table}
        fields = [f for f in fields if f.label_start not in placed] + table
    fields.sort(key=lambda f: f.label_start)
    return fields


def _stacked_table(view: str, lines: list[tuple[int, int]]) -> list[Field]:
    """A table flattened into a column of labels, then a column of values:

    ``Title / Reports To / FLSA`` on three lines, then ``Payroll Clerk / Controller /
    Non-exempt`` -- each label takes the value in its place.

    >>> text = "Position Title\\nReports To\\nStatus\\n\\nPayroll Clerk\\nController\\nFull time\\n"
    >>> [(f.key, text[s:e]) for f in _stacked_table(text, line_spans(text)) for s, e in f.values]
    [('position title', 'Payroll Clerk'), ('reports to', 'Controller'), ('status', 'Full time')]
    """
    out: list[Field] = []
    index = 0
    while index < len(lines) and len(out) < MAX_FIELDS:
        run: list[tuple[int, int, str]] = []
        j = index
        while j < len(lines):
            start, end = lines[j]
            found = _label_at_line(view, start, end) or _any_label_line(view, start, end)
            if found is None or view[found[1] : end].strip(" :"):
                break
            run.append(found)
            j += 1
        if len(run) < 2:
            index = j + 1
            continue
        k = j
        while k < len(lines) and not view[lines[k][0] : lines[k][1]].strip():
            k += 1
        values: list[tuple[int, int]] = []
        while k < len(lines) and len(values) < len(run):
            start, end = lines[k]
            text = view[start:end].strip()
            if not text or _label_at_line(view, start, end) is not None or len(text) > 120:
                break
            values.append(_strip(view, start, end))
            k += 1
        if len(values) == len(run):
            for (label_start, label_end, key), value in zip(run, values, strict=True):
                role, kind = label_role(key) or ("note", "")
                cue = " ".join(view[label_start:label_end].split())
                out.append(Field(key, role, kind, label_start, label_end, (value,), cue))
        index = k if len(values) == len(run) else j
    return out


def _any_label_line(view: str, start: int, end: int) -> tuple[int, int, str] | None:
    """A line that is only a short label a form's first column holds ("Status", "FLSA")."""
    text = view[start:end].strip(" :*\t")
    key = " ".join(text.lower().split())
    if key in {
        "status",
        "flsa",
        "flsa status",
        "classification",
        "grade",
        "salary",
        "location",
        "schedule",
        "job type",
        "employment type",
        "hours",
        "pay range",
        "pay grade",
        "bargaining unit",
        "closing date",
    }:
        at = view.find(text, start, end)
        return at, at + len(text), key
    return None


def _next_line_values(view: str, pos: int, role: str) -> tuple[tuple[int, int], ...]:
    """Value(s) on the lines after a label that stands alone on its line."""
    values: list[tuple[int, int]] = []
    lines_seen = 0
    while pos < len(view) and lines_seen < 4:
        start = pos + 1 if view[pos] == "\n" else pos
        end = view.find("\n", start)
        end = len(view) if end < 0 else end
        text = view[start:end]
        pos = end
        if not text.strip():
            if values:
                break
            lines_seen += 1
            continue
        colon = text.find(":")
        if _line_is_label(text) or (colon > 0 and _label_before(text, colon) is not None):
            break
        if values and not _BULLET.match(text) and not _SUBLABEL_LINE.match(text):
            break
        if len(text.strip()) > 150 and not values:
            break
        vstart, vend = _strip(view, start, end)
        if vend > vstart:
            values.append((vstart, vend))
        if role not in (_R, _S) or not (_BULLET.match(text) or _SUBLABEL_LINE.match(text)):
            break
    return tuple(values)
