"""The title of the post a posting describes.

Candidates come from several places, tried in order of how reliably they
name *this* post:

1. a title field ("Position Title:", "Job Title:", "TITLE", "Title" alone on a
   line with the value below);
2. a heading among the first lines that looks like a title (its head noun
   is a post: "Fleet Maintenance Manager", "DIRECTOR OF NURSING"), after
   dropping codes and wrappers ("3110 Duties of the Treasurer",
   "Job Posting- Town Engineer", "CFO Job Description");
3. the subject of a sentence ("The Director of Libraries will ...", "As the
   Events and Outreach Coordinator, you ...", "... to serve as Data
   Governance Lead", "We are hiring a Firmware Engineer to ...");
4. an ALL CAPS run in a flattened header ("... DESCRIPTION TOWN ENGINEER
   DUTIES:");
5. an aggregator question ("... for the X position at Y?");
6. a line label that is a post ("Staff Accountant: Applicants must ...").

A title written as an acronym is expanded when the text defines it
("CFO" with "Chief Financial Officer (CFO)"). Nothing found gives None.

>>> find_title("REPORTS TO: Mayor\\nThe Deputy Clerk (DC) will keep the records.")
'Deputy Clerk'
>>> find_title("CFO Job Description\\nThis leader is the Chief Financial Officer (CFO).")
'Chief Financial Officer'
>>> find_title("Knowledge of budgets is required.") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from orgmodel.extract.fields import LABELS, Field, find_fields
from orgmodel.extract.names import smart_title
from orgmodel.extract.sections import line_spans, work_view
from orgmodel.extract.vocab import VERBS, classify, singular, words

__all__ = ["clean_title", "find_title", "title_like"]

_FIELD_ORDER = (
    "position title",
    "job title",
    "working title",
    "title",
    "classification title",
    "class title",
    "position",
    "role",
    "job description",
)
_WORD = r"(?:[A-Z][\w'&/.-]*|[IVX]{1,4}\b)"
_CORE = (
    rf"{_WORD}(?:[ ]+(?:(?:of|and|for|to|the|&|in|de)[ ]+){{0,2}}(?:{_WORD}|\d{{1,2}}\b)){{0,8}}"
)
_QUALIFIER = rf",[ ]+{_WORD}(?:[ ]+(?:(?:and|&|of)[ ]+)?{_WORD}){{0,4}}"
_SUBJECT = re.compile(
    r"(?:^|[.!?][ \n]+|,[ \n]+|\n)[ ]*(?P<det>The|the|A|a|An|an|Our|our|This|These)[ ]+"
    rf"(?:[a-z][\w-]*,?[ ]+){{0,3}}?(?P<title>{_CORE}(?:{_QUALIFIER}){{0,3}})"
    r"(?:[ ]*\([A-Z]{2,6}\))?[ ]+(?P<verb>[a-z]+)\b",
)
_AS = re.compile(
    rf"(?:^|[.!?][ \n]+|\n)[ ]*As[ ]+(?:the|a|an|our)[ ]+(?P<title>{_CORE})"
    r"(?:[ ]*\([A-Z]{2,6}\))?[ ]*,"
)
_SERVE = re.compile(rf"to[ ]+serve[ ]+as[ ]+(?:the[ ]+|a[ ]+|an[ ]+|our[ ]+)?(?P<title>{_CORE})")
_SERVES = re.compile(
    r"(?:^|\n|[.!?][ ]+|(?:[Ii]ncumbent|[Pp]osition|[Ee]mployee)[ ]+(?:serves[ ]+)?)"
    r"(?:[Ss]erves|will[ ]+serve)[ ]+as[ ]+(?:the|a|an|our)[ ]+(?:[a-z][\w-]*[ ]+){0,3}?"
    rf"(?P<title>{_CORE})"
)
"""The incumbent's own statement: "Serves as the first level Support Center Manager"."""
_PURPOSE = re.compile(
    rf"\bpurpose[ ]+of[ ]+(?:the|this|our)[ ]+(?P<title>{_CORE})(?:[ ]*\([A-Z]{{2,6}}\))?"
    r"[ ]+(?:is|position)\b"
)
"""'The primary purpose of the Director of Nursing (DON) is to ...'."""
_LOWER_SUBJECT = re.compile(r"[ ]*(?:The|A|An)[ ]+(?P<words>(?:[a-z][a-z-]*[ ]+){2,4}[a-z]+)\b")
"""A first sentence about the post in lower case: 'A public works director supervises'."""
_GENERIC_HEADS = frozenset(
    {"employee", "employees", "worker", "workers", "member", "members", "supervisor", "person"}
)
_HIRING = re.compile(
    r"(?:hiring|seeking|looking[ ]+for|recruiting)[ ]+(?:an?|our)[ ]+(?:[a-z][\w-]*[ ]+){0,3}?"
    rf"(?P<title>{_CORE})[ ]+(?:to|who|for|in|at|with|on)\b"
)
_QUESTION = re.compile(r"for the ([^?\n]{3,120}?) position at [^?\n]{2,120}\?")
_CAPS_RUN = re.compile(r"(?:\b[A-Z][A-Z'&/-]+\b[ ]+){1,14}[A-Z][A-Z'&/-]+\b(?P<colon>:?)")
_DOC_WORDS = words(
    "JOB DESCRIPTION CLASSIFICATION SPECIFICATION POSTING ANNOUNCEMENT TITLE POSITION CLASS"
)
_RUN_LEADS = frozenset({"OF", "FOR", "THE", "A", "AN"})
_LABEL_LINE = re.compile(
    r"^[ *]*([A-Z][\w'&/-]*(?:[ ]+[A-Z][\w'&/-]*){0,4})[ ]*:[ ]+\S", re.MULTILINE
)
_CODE = re.compile(r"^(?:#?\d[\w.-]*|[A-Z]\d[\w.-]*)[ ]+")
_WRAPPER_PREFIX = re.compile(
    r"^(?:job[ ]+posting|job[ ]+description|position[ ]+description|job[ ]+announcement|"
    r"responsibilities|duties|role|(?:now[ ]+)?hiring|job[ ]+opening|position[ ]+opening|"
    r"job[ ]+opportunity|vacancy)[ ]*(?:-|:|of|for)[ ]*(?:the[ ]+)?",
    re.IGNORECASE,
)
_SCHEDULE_TAIL = re.compile(
    r"(?:[ ]+[-|–][ ]+(?:full|part)[ -]?time|[ ]+[-|–][ ]+(?:temporary|seasonal|remote|hybrid|"
    r"contract|per[ ]diem|on-site|onsite))+[ ]*$",
    re.IGNORECASE,
)
"""A schedule or place of work after the title ("Payroll Clerk - Full Time"): not the title."""
_WRAPPER_SUFFIX = re.compile(
    r"[ ]+(?:job|position|class(?:ification)?)[ ]+(?:description|posting|specification|"
    r"announcement|profile)\b.*$",
    re.IGNORECASE,
)
_CODE_PAREN = re.compile(r"[ ]*\((?=[^()]*\d)[\w .#-]{1,15}\)")
_LOWER_TAIL = re.compile(r",[ ]+[a-z].*$|[ ]+-[ ]+[a-z].*$")
_SUBJECT_VERBS = VERBS | frozenset({"also", "plays", "holds", "acts"})


def title_like(name: str) -> bool:
    """A short phrase whose head noun is a post ("Site Supervisor, Summer Camp").

    >>> title_like("Patient Care Tech II - Critical Care"), title_like("Job Summary")
    (True, False)
    """
    words = name.split()
    if not 1 <= len(words) <= 12 or not name[:1].isalpha():
        return False
    capitals = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitals * 2 >= len(words) and classify(name) == "post"


@lru_cache(maxsize=16384)
def clean_title(raw: str) -> str | None:
    """Codes and wrappers dropped, ALL CAPS title-cased; None if not a title."""
    text = " ".join(raw.split()).strip(" *-:;,.")
    text = _CODE_PAREN.sub("", text)
    text = _LOWER_TAIL.sub("", text).strip(" *-:;,.")
    if text.lower().startswith(("the ", "a ", "an ")):
        text = text.split(" ", 1)[1]
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) > 3 and all(ch.isupper() for ch in letters):
        text = smart_title(text)
    return text if title_like(text) else None


def _from_fields(view: str, fields: list[Field]) -> str | None:
    best: tuple[int, str] | None = None
    for fld in fields:
        if fld.role != "title" or not fld.values or fld.key not in _FIELD_ORDER:
            continue
        start, end = fld.values[0]
        title = clean_title(view[start:end])
        if title is None and end < len(view) and view[end] == "\n":
            spans = line_spans(view[: min(len(view), end + 200)])
            index = next((k for k, (a, b) in enumerate(spans) if a <= start <= b), None)
            if index is not None:
                title = _wrapped(view[start:end].strip(), view, spans, index, field=True)
        rank = _FIELD_ORDER.index(fld.key)
        if title and (best is None or rank < best[0]):
            best = (rank, title)
    return best[1] if best else None


def _from_headings(view: str) -> str | None:
    seen = 0
    spans = line_spans(view[:2000])
    for index, (start, end) in enumerate(spans):
        line = view[start:end].strip(" *#")
        if not line:
            continue
        seen += 1
        if seen > 8:
            break
        if len(line) > 90 or line.endswith((".", "?", "!")) or line.startswith("-"):
            continue
        line = _CODE.sub("", line)
        line = _WRAPPER_PREFIX.sub("", line)
        line = _WRAPPER_SUFFIX.sub("", line)
        line = _SCHEDULE_TAIL.sub("", line)
        if ":" in line:
            continue
        if " | " in line:
            line = line.split(" | ", 1)[0]  # "Payroll Clerk | City of Lakeview | Apply"
        title = clean_title(line) or _wrapped(line, view, spans, index)
        if title:
            return title
    return None


def _wrapped(
    first: str, view: str, spans: list[tuple[int, int]], index: int, *, field: bool = False
) -> str | None:
    """A title hard-wrapped onto the next line ("PAYROLL" / "CLERK" in capitals, or a
    field's value "Deputy Town" / "Clerk"): the first line is no title alone, the next is a
    short continuation, and the two read as one."""
    if index + 1 >= len(spans) or len(first.split()) > 6:
        return None
    start, end = spans[index + 1]
    nxt = view[start:end].strip(" *#")
    if not nxt or len(nxt.split()) > 3 or not _CONTINUATION.fullmatch(nxt):
        return None
    if not (first.isupper() and nxt.isupper()) and not field:
        return None  # "Career Level" / "Manager": a label and its value, not one title
    if clean_title(nxt) is None or all(w.upper() in _DOC_WORDS for w in first.split()):
        return None
    return clean_title(f"{first} {nxt}")


_CONTINUATION = re.compile(r"[A-Za-z][\w'&/-]*(?:[ ]+[A-Za-z][\w'&/-]*){0,2}")


def _from_subjects(view: str) -> str | None:
    head = view[:5000]
    for pattern in (_SUBJECT, _AS, _SERVE, _SERVES, _PURPOSE, _HIRING):
        for match in pattern.finditer(head):
            if pattern is _SUBJECT and match.group("verb") not in _SUBJECT_VERBS:
                continue
            title = clean_title(match.group("title"))
            if title and pattern is _SUBJECT and match.group("det") == "These":
                title = _singular_title(title)  # "These Program Specialists are located in"
            if title:
                return title
    return None


def _singular_title(title: str) -> str:
    *rest, last = title.split()
    one = singular(last.lower())
    return " ".join([*rest, last[: len(one)]]) if one != last.lower() else title


def _from_first_sentence(view: str) -> str | None:
    """A posting that opens in prose about the post, in lower case."""
    start = len(view) - len(view.lstrip())
    match = _LOWER_SUBJECT.match(view, start)
    if match is None:
        return None
    found = match.group("words").split()
    verb = next((k for k in range(2, len(found)) if found[k] in _SUBJECT_VERBS), None)
    if verb is None:
        return None
    words_ = found[:verb]
    if words_[-1] in _GENERIC_HEADS or classify(" ".join(words_)) != "post":
        return None
    return clean_title(" ".join(w.capitalize() for w in words_))


def _from_caps_runs(view: str) -> str | None:
    for match in _CAPS_RUN.finditer(view[:1500]):
        words = match.group(0).rstrip(":").split()
        if match.group("colon"):
            # the run ends in a label: "JOB DESCRIPTION OF THE PRINCIPAL REPORTS TO:"
            size = next(
                (k for k in (3, 2) if " ".join(words[-k:]).lower() in LABELS and len(words) > k),
                1,
            )
            words = words[:-size]
        segments: list[list[str]] = [[]]
        for word in words:
            if word in _DOC_WORDS:
                segments.append([])
            else:
                segments[-1].append(word)
        for segment in reversed(segments):
            while segment and segment[0] in _RUN_LEADS:
                segment = segment[1:]  # "... DESCRIPTION OF THE PRINCIPAL"
            title = clean_title(" ".join(segment)) if len(segment) >= 1 else None
            if title and len(segment) <= 8:
                return title
    return None


def _from_question(view: str) -> str | None:
    match = _QUESTION.search(view[:600])
    return clean_title(match.group(1)) if match else None


def _from_labels(view: str) -> str | None:
    for match in _LABEL_LINE.finditer(view[:5000]):
        label = match.group(1)
        if " ".join(label.lower().split()) in LABELS:
            continue
        title = clean_title(label)
        if title:
            return title
    return None


def _expand(title: str, view: str) -> str:
    if not re.fullmatch(r"[A-Z]{2,6}", title):
        return title
    pattern = re.compile(
        rf"((?:[A-Z][\w-]*[ ]+(?:(?:of|and|for|the|&)[ ]+)?){{1,6}})\([ ]*{title}[ ]*\)"
    )
    for match in pattern.finditer(view):
        words = match.group(1).split()
        for size in range(1, len(words) + 1):
            tail = words[-size:]
            initials = "".join(w[0] for w in tail if w[0].isupper())
            if tail[0][0].isupper() and initials == title:
                return " ".join(tail)
    return title


_OBJECT_BEFORE = re.compile(r"\b(?:of|to|by|from|with|for|under|and)[ ]+(?:the[ ]+|an?[ ]+)?$")
_LEAD_WORDS = frozenset({"The", "A", "An", "Our", "This", "These", "Your", "Each", "Every", "As"})


def _widen(title: str, view: str) -> str:
    """A one-word title ("Commander") as the text names the post more fully ("Police
    Commander"), when one fuller name ending in it is written at least twice."""
    if " " in title or not title[:1].isupper():
        return title
    counts: dict[str, int] = {}
    for form in {title, title.upper()}:
        at = view.find(form)
        while at >= 0:
            end = at + len(form)
            if (end == len(view) or not view[end].isalnum()) and at > 0 and view[at - 1] == " ":
                name = _fuller(view, at, form)
                if name is not None:
                    counts[name] = counts.get(name, 0) + 1
            at = view.find(form, end)
    if not counts:
        return title
    best = max(counts, key=lambda n: (counts[n], -len(n)))
    return best if counts[best] >= 2 else title


def _fuller(view: str, at: int, form: str) -> str | None:
    """The capitalised words written before ``form`` at ``at`` (up to three, in the same
    case), unless they follow a preposition ("the direction of the Nurse Manager")."""
    window = view[max(0, at - 60) : at]
    before = window[window.rfind("\n") + 1 :].split(" ")[:-1]  # the words on its line
    upper = form.isupper()
    lead: list[str] = []
    while before and len(lead) < 3:
        word = before[-1]
        if not word or not word[:1].isupper() or word.isupper() != upper:
            break
        if not all(ch.isalnum() or ch in "'&-" for ch in word):
            break
        lead.insert(0, before.pop())
    while lead and lead[0].capitalize() in _LEAD_WORDS:
        lead = lead[1:]
    if not lead:
        return None
    start = at - len(" ".join(lead)) - 1
    if _OBJECT_BEFORE.search(view, max(0, start - 12), start):
        return None  # "under the direction of the Nurse Manager": another post
    name = clean_title(" ".join([*lead, form]))
    tail = smart_title(form) if upper else form
    return name if name is not None and name != tail and name.endswith(tail) else None


def find_title(
    text: str, *, view: str | None = None, fields: list[Field] | None = None
) -> str | None:
    """The post's title, or None when the text states none (see the module docstring)."""
    view = work_view(text) if view is None else view
    fields = find_fields(view) if fields is None else fields
    for finder in (
        _from_headings,
        _from_subjects,
        _from_caps_runs,
        _from_question,
        _from_labels,
        _from_first_sentence,
    ):
        if finder is _from_headings:
            found = _from_fields(view, fields) or finder(view)
        else:
            found = finder(view)
        if found:
            return _widen(_expand(found, view), view)
    return None
