"""The organization a posting belongs to.

Organizations are rarely labelled, so the extractor collects *evidence* and
weighs it, never matching any particular name:

* an employer field ("Employer:", "Organization:") -- decisive;
* "The X is seeking ...", "X is an Equal Opportunity Employer", "As an
  employee of X", "... position at X?";
* government and institution patterns ("City of X", "State of X", "X
  County", "X Public Schools", "X Medical Center", "X Food Bank");
* a proper-name possessive ("Lakeside Heritage Farm's collection");
* a name that spells the domain of an e-mail address or URL in the text
  (careers@brightpath.com, jobs@lhf.org for "Lakeside Heritage Farm");
* a CamelCase brand repeated in the text ("BrightPath").

Units (departments, offices, boards) are never organizations. Weak evidence
below a threshold gives None: the README labels organization null "when the
text names none", and a guess is worse than a gap.

>>> find_organization("The City of Springfield is seeking a Clerk.")
'City of Springfield'
>>> find_organization("Reports to the Board. Knowledge of budgets.") is None
True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from orgmodel.extract.fields import Field, find_fields
from orgmodel.extract.names import smart_title
from orgmodel.extract.scorer import Scorer, default_scorer
from orgmodel.extract.scoring import names_match, normalize
from orgmodel.extract.sections import work_view
from orgmodel.extract.vocab import POSTS, classify, head_word, singular, words

__all__ = [
    "OrgCandidate",
    "choose",
    "find_all",
    "find_organization",
    "name_pattern",
    "organization_candidates",
]

_W = r"[A-Z][\w'.&-]*"
_NAME = rf"{_W}(?:[ ]+(?:(?:of|and|the|for|&|de)[ ]+)?{_W}){{0,5}}"
_NAME_TAIL = re.compile(rf"(?:The[ ]+)?(?P<name>{_NAME})[ ]*$")
_NAME_HEAD = re.compile(rf"(?:the[ ]+)?(?P<name>{_NAME})")
_SEEKING = re.compile(
    r"[ ]+(?:(?:is|are)[ ]+(?:currently[ ]+|now[ ]+)?(?:seeking|hiring|looking[ ]+for|recruiting|"
    r"accepting[ ]+applications)|seeks|invites)\b"
)
_EEO = re.compile(r"[ ]+is[ ]+(?:an?[ ]+|proud[ ]+to[ ]+be[ ]+an?[ ]+)(?i:equal|EEO|affirmative)")
_OF_AT_KINDS = words(
    "employee employees member part mission role career careers life work team job jobs"
)
_OF_AT_TAILS = frozenset(kind[-3:] for kind in _OF_AT_KINDS)
"""Last three letters of the kind words (all have three or more): a cheap test first."""
_JOINT = re.compile(r"[ ](?:of|at|with)[ ]+(?=[A-Z])", re.IGNORECASE)
_ABOUT = re.compile(
    rf"^[ #*]*About[ ]+(?!the\b|us\b|you\b|this\b|our\b)(?P<name>{_NAME})[ ]*:?[ ]*$", re.M
)
_NAME_LOCATION = re.compile(
    rf"^[ ]*(?P<name>{_NAME})[ ]+[-|*][ ]+[A-Z][a-z]+(?:[ ][A-Z][a-z]+){{0,2}},[ ]*[A-Z]{{2}}\b",
    re.M,
)
_AT_QUESTION = re.compile(r"position at (?P<name>[^?\n]{2,100})\?")
_OF = re.compile(r"[ ]+(?i:of)[ ]+(?:(?i:the)[ ]+)?(?=[A-Z])")
_GOV_KINDS = words(
    """city county state town village township borough commonwealth municipality parish
    university province"""
)
_GOV_TAILS = frozenset(kind[-3:] for kind in _GOV_KINDS)
_GOV_NAME = re.compile(r"[A-Z][\w'.-]*(?:[ ]+[A-Z][\w'.-]*){0,2}")
_NOT_AFTER = "Council|Manager|Clerk|Hall|Charter|Administrator|Attorney|Commission|Board"
_NOT_AFTER += "|Department|Office|Code|Limits|Staff"
_SUFFIX = re.compile(
    r"(?=[A-Z])(?:County|City|Public[ ]+Schools|School[ ]+District|Schools|University|"
    r"Community[ ]+College|Hospital|Medical[ ]+Center|Health[ ]+System|Health[ ]+Care|Healthcare|"
    r"Food[ ]+Bank|Bank|Museum|Foundation|Institute|Inc\.?|LLC|Corporation|Corp\.|Company|Village|"
    rf"Library|Center|Centre|Clinic|Society|Association)\b(?![ ]+(?:{_NOT_AFTER}))"
)
_SUFFIX_FIRST = tuple(
    words(
        """County City Public School Schools University Community Hospital Medical Health
        Healthcare Food Bank Museum Foundation Institute Inc LLC Corporation Corp Company Village
        Library Center Centre Clinic Society Association"""
    )
)
_SUFFIX_BY_LETTER = {
    letter: tuple(word for word in _SUFFIX_FIRST if word[0] == letter)
    for letter in {word[0] for word in _SUFFIX_FIRST}
}
_SUFFIX_SCAN = re.compile(_SUFFIX.pattern.removeprefix("(?=[A-Z])"))
"""The same, opening with its literals so the regex engine can skip ahead to them."""
_SUFFIX_OWNER = re.compile(rf"(?:{_W}[ ]+){{1,4}}$")
_CAMEL = re.compile(r"[A-Z](?<![A-Za-z][A-Z])[a-z]+[A-Z][a-z]+\w*")
_EMAIL = re.compile(r"[\w.+-]+@(?P<host>[\w-]+(?:\.[\w-]+)+)")
_URL = re.compile(r"https?://(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)")
_BARE = re.compile(r"\b(?:www\.)?(?P<host>[a-z][\w-]+)\.(?:org|com|net|gov|edu|us)\b")
_TLD = re.compile(r"\.(?:org|com|net|gov|edu|us)")
_PHRASE = re.compile(rf"{_W}(?:[ ]+(?:(?:of|and|the|&)[ ]+)?{_W}){{0,4}}")
_STOP_WORDS = words(
    """job description classification position posting title summary the a an our this equal
    opportunity employer applicants apply department office division board"""
)
_GENERIC = words(
    """city county state district company university college department board agency organization
    employer team museum village school schools hospital center system"""
)
_SUB_UNITS = words(
    """department dept office division board council commission committee bureau unit program
    programme team section branch directorate cabinet panel workgroup area desk squad
    service services administration"""
)
_LEAD_DETERMINER = re.compile(r"(?:the|a|an|our|this|its|their|his|her|your)[ ]+$", re.IGNORECASE)
_NOT_NAMES = words("""bachelor master associate doctor people today year women children""")
_PRONOUNS = words("we you they it he she i us our your their its")
_LETTERHEAD_STOP = words(
    """summary overview description responsibilities requirements qualifications benefits about
    position job details duties purpose remote hybrid full part time temporary information
    policy series"""
)
_SCAN = 20000


_NOT_ALNUM = bytes(
    code for code in range(128) if not chr(code).isdigit() and not "a" <= chr(code) <= "z"
)


def _squash(name: str) -> str:
    """Only the ASCII letters and digits, lower case: ``"St. Mary's"`` -> ``"stmarys"``.

    (Bytes: dropping non-ASCII, then deleting with ``bytes.translate``, is ten times a regex.)

    >>> _squash("Lakeside Heritage Farm's Café 2")
    'lakesideheritagefarmscaf2'
    """
    return name.lower().encode("ascii", "ignore").translate(None, _NOT_ALNUM).decode("ascii")


def _clip(name: str) -> str:
    """Cut a caps-text name at posting vocabulary: 'ELMWOOD CLASSIFICATION' -> 'ELMWOOD'."""
    words = name.split()
    for index, word in enumerate(words):
        if word.lower() in _STOP_WORDS and index > 0:
            return " ".join(words[:index])
    return name


def _acceptable(name: str, employer: bool = False) -> bool:
    """A name that can be an organization; ``employer`` when the layout says it is one."""
    words = name.split()
    if not words or len(words) > 8 or words[0].lower() in _STOP_WORDS | _PRONOUNS:
        return False
    if len(words) == 1 and words[0].lower() in _GENERIC:
        return False
    klass = classify(name)
    if klass in {"post", "people", "nonstaff"}:
        return False
    return employer or not (klass == "unit" and head_word(name) in _SUB_UNITS)


class _Votes:
    """Evidence for each name (keyed by its squashed spelling): weights and their kinds."""

    def __init__(self) -> None:
        self.score: Counter[str] = Counter()
        self.forms: dict[str, Counter[str]] = {}
        self.kinds: dict[str, Counter[str]] = {}

    def add(self, name: str, weight: int, kind: str, *, employer: bool = False) -> None:
        name = " ".join(name.split()).strip(" .,;:'\"-")
        if name.lower().startswith("the "):
            name = name[4:]
        if not _acceptable(name, employer):
            return
        key = _squash(name)
        if not key:
            return
        self.score[key] += weight
        self.forms.setdefault(key, Counter())[name] += weight
        self.kinds.setdefault(key, Counter())[kind] += 1

    def candidates(self, view: str) -> list[OrgCandidate]:
        """One candidate per name, its evidence merged with an abbreviation or a close
        spelling of it, described by features for the scorer."""
        keys = list(self.score)
        top = {key: self.forms[key].most_common(1)[0][0] for key in keys}
        merged: Counter[str] = Counter({key: self.score[key] for key in keys})
        kinds = {key: Counter(self.kinds[key]) for key in keys}
        for key in keys:
            form = top[key]
            if form.isupper() and 2 <= len(form) <= 6:
                for other in keys:
                    if other != key and _initials(top[other]) == form:
                        merged[other] += self.score[key]
                        kinds[other]["initials"] += 1
        wordsets = {key: frozenset(normalize(top[key]).split()) for key in keys}
        for i, key in enumerate(keys):  # names_match is symmetric: each pair once
            for other in keys[i + 1 :]:
                # two names match only if they share a word (Jaccard, containment): a set
                # intersection rules most pairs out before the full comparison
                if wordsets[key] & wordsets[other] and names_match(top[other], top[key]):
                    merged[key] += self.score[other]
                    merged[other] += self.score[key]
                    kinds[key]["variant"] += 1
                    kinds[other]["variant"] += 1
        squashed_view = _squash(view[:_SCAN])
        ranked = sorted(keys, key=lambda k: -merged[k])
        rank = {key: i for i, key in enumerate(ranked)}
        runner_up = merged[ranked[1]] if len(ranked) > 1 else 0
        out: list[OrgCandidate] = []
        for key in keys:
            form = top[key]
            letters = [ch for ch in form if ch.isalpha()]
            if len(letters) > 6 and all(c.isupper() for c in letters):
                form = smart_title(form)
            feats = _features(form, key, merged[key], kinds[key], view, squashed_view)
            feats[f"org:rank={min(rank[key], 2)}"] = 1.0  # evidence beside the other names
            if rank[key] == 0 and runner_up and merged[key] >= 2 * runner_up:
                feats["org:clear-lead"] = 1.0
            out.append(OrgCandidate(form, feats))
        return out


@dataclass(frozen=True, slots=True)
class OrgCandidate:
    """A name the posting may belong to, with the features the scorer weighs."""

    name: str
    features: dict[str, float]


_CREDENTIAL = re.compile(
    r"\b(?:licen[sc]ed|certified|certification|accredited|degree|diploma|graduate|"
    r"experience|registered|approved)\b[^.\n]{0,30}$",
    re.IGNORECASE,
)
_POSTING_WORDS = words(
    """conditions information employment duties responsibilities responsibility skills
    abilities summary position title description requirements qualifications benefits salary
    range grade level status schedule location appointment purpose function functions
    statement definition examples characteristics education experience knowledge apply
    application closing date details overview type career supervision received exercised
    essential job work environment physical certification license policy procedures form
    page menu search home contact email phone"""
)
_STRONG_SUFFIX = words(
    """county university college schools district hospital health healthcare clinic inc llc
    corporation corp company association society foundation institute museum library bank
    union authority council church ministry agency service services center centre system
    network partners trust"""
)
_ORG_WORDS = words(
    """county city state town village township borough commonwealth municipality parish
    university college school schools district hospital health healthcare center centre
    clinic system inc llc corporation corp company co association society foundation
    institute museum library bank union authority council church ministry agency service
    services department board commission group partners trust network"""
)


def _features(
    form: str, key: str, score: int, kinds: Counter[str], view: str, squashed_view: str
) -> dict[str, float]:
    words_ = form.split()
    f: dict[str, float] = {"bias": 1.0, f"org:len={min(len(words_), 5)}": 1.0}
    f["org:score"] = min(score, 100) / 50.0
    for kind, count in kinds.items():
        f[f"org:{kind}"] = 1.0
        if count > 1:
            f[f"org:{kind}>1"] = 1.0
    last = words_[-1].lower().strip(".,") if words_ else ""
    if last in _ORG_WORDS:
        f["org:suffix-word"] = 1.0
    if last in _STRONG_SUFFIX:
        f["org:strong-suffix"] = 1.0
    first_word = words_[0].lower() if words_ else ""
    government = {"city", "county", "town", "state", "village", "commonwealth", "borough"}
    if first_word in government and len(words_) > 2 and words_[1] == "of":
        f["org:shape-gov-of"] = 1.0  # "City of X", "County of X"
    if 2 <= len(form) <= 6 and form.isupper():
        f["org:acronym"] = 1.0
    if _CAMEL.fullmatch(form):
        f["org:camel"] = 1.0
    if any(ch.isdigit() for ch in form):
        f["org:digits"] = 1.0
    lowered = {w.lower().strip(".,'") for w in words_}
    if lowered & _POSTING_WORDS:
        f["org:posting-word"] = 1.0  # "General Conditions of Appointment": a heading
    if lowered & POSTS:
        f["org:post-word"] = 1.0
    if any(w.lower() in {"of", "the"} for w in words_[1:]):
        f["org:of"] = 1.0
    if form.isupper():
        f["org:caps"] = 1.0
    first = view.find(form)
    mentions = squashed_view.count(key) if len(key) >= 3 else 0
    f[f"org:mentions={min(mentions, 4)}"] = 1.0

    if first >= 0:
        f["org:top" if first < 300 else "org:early" if first < 1200 else "org:late"] = 1.0
        if _CREDENTIAL.search(view, max(0, first - 40), first):
            f["org:credential"] = 1.0  # "licensed in the State of Ohio", "a degree from ..."
    if classify(form) == "unit":
        f["org:unit-head"] = 1.0
    return f


def _whole_line(view: str, start: int, end: int) -> bool:
    """The name ``view[start:end]`` stands alone on its line (a letterhead)."""
    line_start = view.rfind("\n", 0, start) + 1
    line_end = view.find("\n", end)
    line_end = len(view) if line_end < 0 else line_end
    return not view[line_start:start].strip() and not view[end:line_end].strip()


_LOCATION_TAIL = re.compile(
    r"[ ]+(?:(?:San|Santa|New|Los|Las|St\.?|Saint|Fort|Port|El|Salt|Grand|Palm|Lake|West|East|"
    r"North|South|Little|Long|Cedar|Sioux|Baton|Kansas)[ ]+)?[A-Z][a-z]+[ ]*,[ ]*[A-Z]{2}"
    r"(?:[ ]+\d{5}(?:-\d{4})?)?$"
)
"""A US place after a job board's employer line: ``Portland, OR 97228``."""


_NAVIGATION = re.compile(
    r"(?i)\b(?:skip to|sign in|log in|apply now|share this|search jobs|home|careers|menu|"
    r"back to|job openings|save job)\b"
)
"""Words of a job board's navigation, the only lines that may come before the title."""
_CELL_SEP = re.compile(r"[ ]+[|\u2022\u00b7][ ]+")


def _letterhead_vote(head: str, votes: _Votes) -> None:
    """A job board layout: the title on the first line, the employer alone on the second.

    The employer may be followed by where the job is ("... Portland, OR 97228").

    >>> votes = _Votes()
    >>> _letterhead_vote("Payroll Clerk\\n\\nLakeview Water Authority Salem , OR 97301\\n", votes)
    >>> [c.name for c in votes.candidates("")]
    ['Lakeview Water Authority']
    """
    lines = [line.strip(" *#") for line in head[:600].split("\n") if line.strip(" *#")][:8]
    at = next(
        (
            k
            for k, line in enumerate(lines[:-1])
            if len(line.split()) <= 8 and ">" not in line and classify(line) == "post"
        ),
        None,
    )
    if at is None or (at and not _NAVIGATION.search(" ".join(lines[:at]))):
        return  # the title opens the posting, or follows only a job board's navigation
    name = lines[at + 1]
    cells = _CELL_SEP.split(name)
    if len(cells) >= 3:
        # "Lakeview Health | Finance | Full-time": a job board's header line, the employer
        # first, then the department, the schedule or the place
        name = cells[0]
    located = _LOCATION_TAIL.search(name)
    if located is not None:  # "Lakeview Water Authority Salem, OR 97301": the city goes
        name = name[: located.start()]
    tokens = name.split()
    if not 1 <= len(tokens) <= 5 or any(ch in name for ch in ":,|/()$") or re.search(r"\d", name):
        return
    if name.isupper():  # an ALL CAPS line is a section heading ("DEFINITION")
        return
    capitalised = all(t[:1].isupper() or t in {"of", "and", "the", "&"} for t in tokens)
    if capitalised and not _LETTERHEAD_STOP & {t.lower() for t in tokens}:
        # an employer line with a place ("Lakeview Education Service Salem, OR") is the
        # employer even when its name ends like a unit's
        votes.add(name, 15, "letterhead", employer=located is not None)


def _sentence_start(view: str, start: int) -> bool:
    before = view[max(0, start - 3) : start].rstrip(" ")
    return not before or before[-1] in ".!?:\n"


def _name_before(view: str, end: int) -> tuple[int, str] | None:
    """The capitalised name that ends at ``end`` (at most six words), if any."""
    base = max(0, end - 90)
    match = _NAME_TAIL.search(view, base, end)
    if match is None:
        return None
    return match.start(), match.group("name")


def _anchored_votes(head: str, votes: _Votes) -> None:
    """'The X is seeking', 'X is an Equal Opportunity Employer', 'employee of X', 'career at X'."""
    lowered = head.lower()
    gates = (
        (_SEEKING, 50, ("seek", "hiring", "looking for", "recruiting", "accepting", "invites")),
        (_EEO, 40, ("equal", "eeo", "affirmative")),
    )
    for pattern, weight, anchors in gates:
        kind = "seeking" if pattern is _SEEKING else "eeo"
        seen: set[int] = set()
        for anchor in anchors:
            pos = lowered.find(anchor)
            while pos >= 0:
                for match in pattern.finditer(head, max(0, pos - 40), pos + 40):
                    found = _name_before(head, match.start())
                    if found and match.start() not in seen and _sentence_start(head, found[0]):
                        seen.add(match.start())
                        votes.add(found[1], weight, kind)
                pos = lowered.find(anchor, pos + 1)
    for joint in (" of ", " at ", " with "):
        pos = lowered.find(joint)
        while pos >= 0:
            if lowered[pos - 3 : pos] in _OF_AT_TAILS:  # else the word before is no kind
                kind = lowered[lowered.rfind(" ", 0, pos) + 1 : pos]
                joined = _JOINT.match(head, pos) if kind in _OF_AT_KINDS else None
                name = _NAME_HEAD.match(head, joined.end()) if joined else None
                if name and _UNIT_AFTER.match(head, name.end()):
                    name = None  # "part of the Finance team": a unit of the employer
                if name:
                    strong = kind in {"employee", "employees", "member", "part"}
                    strong = strong and joint == " of "
                    votes.add(
                        name.group("name"), 30 if strong else 10, "employee-of" if strong else "at"
                    )
            pos = lowered.find(joint, pos + 1)


def find_all(
    head: str, haystack: str, needle: str, pattern: re.Pattern[str]
) -> list[re.Match[str]]:
    """``pattern`` matched at every occurrence of ``needle`` (found with a fast ``str.find``)."""
    out: list[re.Match[str]] = []
    pos = haystack.find(needle)
    while pos >= 0:
        if pos == 0 or not head[pos - 1].isalnum() or needle[0] == " ":
            match = pattern.match(head, pos)
            if match is not None:
                out.append(match)
        pos = haystack.find(needle, pos + 1)
    return out


def _suffixes(head: str) -> Iterator[tuple[int, int]]:
    """Every place a suffix starts a word, overlapping ones too ("Medical Center", "Center")."""
    match = _SUFFIX_SCAN.search(head)
    while match is not None:
        start = match.start()
        if not (start and head[start - 1].isalnum()):
            yield match.span()
        match = _SUFFIX_SCAN.search(head, start + 1)


_NEXT_WORD = re.compile(r"[ ]+([A-Za-z]+)")
_UNIT_AFTER = re.compile(
    r"[ ]+(?:team|teams|department|division|unit|office|staff|group|section|function)\b"
)
_OF_PLACE = re.compile(
    r"[ ]+of[ ]+(?:the[ ]+)?(?P<place>[A-Z][a-z][\w'.-]*(?:[ ]+[A-Z][a-z][\w'.-]*){0,2})"
)
"""An "of" complement after a suffix, part of the name ("Corporation of America")."""
_MEMBER_WORDS = words("employee member volunteer worker associate")
"""Words after an employer's name that say who belongs to it ("Bay Area Hospital employee")."""


def _shared_prefix_votes(named: list[tuple[str, int, str]], votes: _Votes) -> None:
    """ "City of Tucson Permanent and ..." and "City of Tucson Administrative Directives":
    where the text names a government with different words after it, the words they share
    are its name ("City of Tucson"), voted with their evidence together."""
    groups: dict[str, list[tuple[list[str], int, str]]] = {}
    for full, weight, kind in named:
        words_ = full.split()
        groups.setdefault(" ".join(words_[:3]).lower(), []).append((words_, weight, kind))
    for group in groups.values():
        if len({" ".join(w).lower() for w, _, _ in group}) < 2:
            continue
        size = 3
        while all(len(w) > size for w, _, _ in group) and (
            len({w[size].lower() for w, _, _ in group}) == 1
        ):
            size += 1
        prefix = " ".join(group[0][0][:size])
        if all(len(w) > size for w, _, _ in group):
            for _, weight, kind in group:
                votes.add(prefix, weight, kind)


def _pattern_votes(head: str, votes: _Votes) -> None:
    """'City of X' / 'State of X' and 'X County' / 'X Public Schools' / 'X Medical Center'."""
    lowered = head.lower()
    named: list[tuple[str, int, str]] = []
    pos = lowered.find(" of ")
    while pos >= 0:
        if lowered[pos - 3 : pos] not in _GOV_TAILS:  # the word before is no kind
            pos = lowered.find(" of ", pos + 1)
            continue
        kind_start = max(lowered.rfind(" ", 0, pos), lowered.rfind("\n", 0, pos)) + 1
        match = _OF.match(head, pos) if lowered[kind_start:pos] in _GOV_KINDS else None
        name = _GOV_NAME.match(head, match.end()) if match is not None else None
        pos = lowered.find(" of ", pos + 1)
        if name is None:
            continue
        full = _clip(head[kind_start : name.end()])
        if len(full.split()) >= 3:
            span = (kind_start, name.end())
            line_start = kind_start == 0 or head[kind_start - 1] == "\n"
            after_the = head[max(0, kind_start - 4) : kind_start].lower() == "the "
            whole = line_start or _whole_line(head, *span)
            weight = 25 if whole else 10 if after_the else 15
            kind = "gov-of-line" if whole else "gov-of-the" if after_the else "gov-of"
            votes.add(full, weight, kind)
            named.append((full, weight, kind))
    _shared_prefix_votes(named, votes)
    for start, end in _suffixes(head):
        owner = _SUFFIX_OWNER.search(head, max(0, start - 60), start)
        if owner is None:
            continue
        after = _NEXT_WORD.match(head, end)
        word = singular(after.group(1).lower()) if after is not None else ""
        if word in POSTS and word not in _MEMBER_WORDS:
            continue  # "Recreation Center Supervisor", "Health Center Director": a post's title
        weight = 20 if _whole_line(head, owner.start(), end) else 10
        place = _OF_PLACE.match(head, end)
        if place is not None and classify(place.group("place")) not in {"unit", "post"}:
            end = place.end()  # "Packaging Corporation of America", "Bank of the West"
        # a suffix that two listed words begin ("Schools": School, Schools) counts twice
        for _ in range(
            sum(head.startswith(word, start) for word in _SUFFIX_BY_LETTER.get(head[start], ()))
        ):
            votes.add(head[owner.start() : end], weight, "suffix")


def _possessive_votes(head: str, votes: _Votes) -> None:
    """A proper-name possessive: "Lakeside Heritage Farm's collection"."""
    pos = head.find("'")
    while pos >= 0:
        after = head[pos + 1 : pos + 3]
        if after[:1] in {"s", " "} and (after[:1] == " " or after[1:2] in {" ", ""}):
            found = _name_before(head, pos)
            if found is not None:
                _possessive(head, found[0], found[1], pos, votes)
        pos = head.find("'", pos + 1)


def _possessive(head: str, start: int, name: str, end: int, votes: _Votes) -> None:
    if name.startswith("The "):
        return
    if _sentence_start(head, start) and " " in name:
        # a sentence's first word is capitalised anyway ("Explore Oregon's trails")
        first = name.split(" ", 1)[0]
        start, name = start + len(first) + 1, name.split(" ", 1)[1]
    if _LEAD_DETERMINER.search(head[max(0, start - 6) : start]):
        return
    if head_word(name) in POSTS | _SUB_UNITS:
        return
    tokens = name.split()
    if len(tokens) == 1 and tokens[0].lower() in _GENERIC | _NOT_NAMES:
        return
    if head[end + 1 : end + 10].lstrip(" s").lower().startswith("degree"):
        return
    votes.add(name, 15 if len(tokens) > 1 else 8, "possessive")


_LETTER_CASES = bytes(
    ord("a") if chr(code).islower() else ord("A") if chr(code).isupper() else ord(" ")
    for code in range(128)
) + bytes(128)


def _has_seam(text: str) -> bool:
    """Whether an ASCII lower-case letter is followed by an upper-case one ("BrightPath").

    Without one no CamelCase brand can be in the text, and this test (letters mapped to
    "a" and "A" with ``bytes.translate``) is a fraction of a regex scan.

    >>> _has_seam("Join BrightPath today"), _has_seam("THE City of Salem")
    (True, False)
    """
    return b"aA" in text.encode("ascii", "ignore").translate(_LETTER_CASES)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _bare_domain_likely(lowered: str) -> bool:
    """A ".org" (".com", ...) glued to a word and ending one: only then can a bare domain
    ("lakeviewlibrary.org") be in the text, so only then is the text scanned for one."""
    size = len(lowered)
    for tld in _TLD.finditer(lowered):  # one scan that skips to each "."
        pos, end = tld.span()
        before = lowered[pos - 1] if pos else " "
        after = lowered[end] if end < size else " "
        if (before.isalnum() or before in "_-") and not (after.isalnum() or after == "_"):
            return True
    return False


def _domain_votes(view: str, votes: _Votes) -> None:
    hosts: list[tuple[str, bool]] = []
    spans: list[tuple[int, int]] = []
    lowered = view.lower()
    patterns = [
        (pattern, strong)
        for pattern, strong, gate in ((_EMAIL, True, "@"), (_URL, True, "http"), (_BARE, False, ""))
        if (gate and gate in lowered) or (not gate and _bare_domain_likely(lowered))
    ]
    for pattern, strong in patterns:
        for match in pattern.finditer(view):
            labels = match.group("host").lower().split(".")
            label = labels[-2] if len(labels) >= 2 else labels[0]
            hosts.append((label.replace("-", ""), strong))
            spans.append((match.start(), match.end()))
    if not hosts:
        return
    # a label can be spelt by a phrase only if the squashed text holds it, or as initials
    # (four letters at most: parts have four words at most)
    squashed_text = _squash(view)
    hosts = [
        (label, strong) for label, strong in hosts if label in squashed_text or len(label) <= 4
    ]
    if not any(label for label, _ in hosts):
        return
    found: dict[str, str] = {}
    for match in _PHRASE.finditer(view):
        if any(s <= match.start() < e for s, e in spans):
            continue
        phrase = match.group(0)
        whole, capitals = _squash(phrase), _initials(phrase).lower()
        if not any(label in whole or label in capitals for label, _ in hosts):
            continue  # no part of the phrase can spell a host (parts are substrings of these)
        words = phrase.split()
        for size in range(min(len(words), 4), 0, -1):
            for first in range(0, len(words) - size + 1):
                part = " ".join(words[first : first + size])
                squashed = _squash(part)
                initials = _initials(part).lower() if size >= 3 else ""
                for label, strong in hosts:
                    if (squashed == label and (strong or size >= 2)) or initials == label:
                        found.setdefault(label, part)
    for part in found.values():
        votes.add(part, 20, "domain")


_CAP_PHRASE = re.compile(
    r"(?<![\w&'.-])[A-Z][\w&'.-]*(?:[ ]+(?:(?:of|the|and|&|for|de)[ ]+){0,2}[A-Z][\w&'.-]*){0,6}"
)
_PHRASE_SCAN = 800
_SENTENCE_CUT = re.compile(r"(?<!\bInc)(?<!\bSt)(?<!\bCo)[a-z]\.[ ]")
_SEAM_CUT = re.compile(r"[a-z]{3}(?=[A-Z][a-z])")
_OPENING_WORDS = words(
    """the our a an this that these join as at we you your about welcome reports report
    supervises position job title department location salary summary overview description
    duties responsibilities qualifications requirements benefits apply applications essential
    job description posting classification status type full part time under with for in on
    and or to from by"""
)
_BEFORE = re.compile(r"(?:\b(at|with|for|join|joining)[ ]+(?:the[ ]+)?)$", re.IGNORECASE)


def _phrase_votes(head: str, votes: _Votes) -> None:
    """Every capitalised phrase near the top is a candidate, with where it stands as its
    kind: a whole line ("letterhead"), after "at"/"join"/"with" ("at"), or plain; the scorer
    weighs the kinds with everything else the posting says about the name."""
    top = head[:_PHRASE_SCAN]
    for match in _CAP_PHRASE.finditer(top):
        text = match.group(0)
        stop = _SENTENCE_CUT.search(text)
        if stop is not None:  # "National Capital Region. COG": a sentence ends inside
            text = text[: stop.start() + 1]
        seam = _SEAM_CUT.search(text)
        if seam is not None:  # "DistrictRequirements": a lost line break
            text = text[: seam.end()]
        if text.endswith("'s"):
            text = text[:-2]
        words_ = text.split()
        start = match.start()
        while words_ and words_[0].lower() in _OPENING_WORDS:
            start += len(words_[0]) + 1
            words_ = words_[1:]
        while words_ and words_[-1].lower() in {"of", "the", "and", "&", "for", "de"}:
            words_ = words_[:-1]
        if not words_ or len(words_) > 7:
            continue
        name = " ".join(words_)
        end = start + len(name)
        if _whole_line(top, start, end):
            kind = "line"
        elif _BEFORE.search(top, max(0, start - 12), start):
            kind = "after-at"
        else:
            kind = "phrase"
        votes.add(name, 0, kind)


def organization_candidates(
    text: str, *, view: str | None = None, fields: list[Field] | None = None
) -> tuple[str | None, list[OrgCandidate]]:
    """An employer field's value (decisive), and the names the rest of the text proposes."""
    view = work_view(text) if view is None else view
    fields = find_fields(view) if fields is None else fields
    for fld in fields:
        if fld.role == "org" and fld.values:
            start, end = fld.values[0]
            value = view[start:end].strip()
            words = value.split()
            capitals = sum(1 for w in words if w[:1].isupper())
            if 0 < len(words) <= 8 and capitals * 2 > len(words) and classify(value) != "post":
                return (smart_title(value) if value.isupper() and len(value) > 6 else value), []
    head = view[:_SCAN]
    votes = _Votes()
    _anchored_votes(head, votes)
    # each scan runs only when the text holds what it needs (a cheap test in C first)
    for about in _ABOUT.finditer(head) if "About" in head else ():
        votes.add(about.group("name"), 20, "about")
    top = head[:800]
    if "," in top and (" - " in top or " | " in top or " * " in top):
        for located in _NAME_LOCATION.finditer(top):
            votes.add(located.group("name"), 25, "located")
    _letterhead_vote(head, votes)
    question = _AT_QUESTION.search(head[:600])
    if question:
        votes.add(question.group("name"), 40, "question")
    _pattern_votes(head, votes)
    _possessive_votes(head, votes)
    lowered = head.lower()
    camels = _CAMEL.finditer(head) if _has_seam(head) else ()
    for token in {m.group(0) for m in camels}:
        count = len(re.findall(rf"\b{re.escape(token.lower())}\b", lowered))
        if count >= 2:
            votes.add(token, 15 * min(count, 3), "brand")
    _domain_votes(head, votes)
    _phrase_votes(head, votes)
    return None, votes.candidates(head)


def find_organization(
    text: str,
    *,
    view: str | None = None,
    fields: list[Field] | None = None,
    scorer: Scorer | None = None,
) -> str | None:
    """The organization the posting belongs to, or None (see the module docstring).

    The likeliest candidate by the scorer's ``organization`` weights, when it clears the
    threshold: a guess is worse than a gap.
    """
    field, cands = organization_candidates(text, view=view, fields=fields)
    if field is not None:
        return field
    return choose(cands, scorer or default_scorer("organization"))


def choose(cands: list[OrgCandidate], scorer: Scorer) -> str | None:
    """The likeliest candidate's name if its probability clears the threshold, else None."""
    best: tuple[float, str] | None = None
    for cand in cands:
        p = scorer.probability(cand.features)
        if best is None or p > best[0]:
            best = (p, cand.name)
    return best[1] if best is not None and best[0] >= scorer.threshold else None


def name_pattern() -> str:
    """The regex for one capitalised word of a proper name (shared with departments)."""
    return _W
