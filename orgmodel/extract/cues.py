"""Prose cue phrases: the words that announce a reporting line, supervision or a link.

One compiled alternation finds every cue in a single pass over the text. Each
cue family knows which relation it states, its kind (primary/secondary,
direct/indirect, liaison/advises/works_with) and whether it is a verb that may
be followed by coordinated verbs ("Supervises and trains support staff").

All quantifiers are bounded, so a cue can never make the regex engine
backtrack over unbounded text.

>>> [(c.family, c.relation, c.kind) for c in find_cues("He reports directly to the Mayor.")]
[('report', 'reports', 'primary')]
>>> [c.family for c in find_cues("Works under the general supervision of the Clerk.")]
['under']
>>> [c.family for c in find_cues("Supervisor of the year; supervisory skills")]
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orgmodel.extract.vocab import words

__all__ = ["MAX_TRIGGERS", "NEGATION", "Cue", "find_cues", "qualifying"]

_ADJ = (
    r"(?:general|immediate|direct|administrative|executive|close|overall|limited|minimal|broad|"
    r"technical|functional|day-to-day|delegated|daily|professional|policy|and/or|and|"
    r"indirect|full|first-line|clinical|operational)"
)
_FAMILIES: list[tuple[str, str, str, str]] = [
    # (family, relation, kind, pattern)
    (
        "secondary",
        "reports",
        "secondary",
        r"(?:secondary|dotted[- ]line|matrix)\s+(?:report(?:s|ing)?\s+)?(?:relationship\s+)?"
        r"(?:line\s+)?to(?![a-z])",
    ),
    (
        "report",
        "reports",
        "primary",
        r"report(?:s|ing)?(?:\s+(?P<radv>directly|administratively|functionally|indirectly|"
        r"operationally|solely|ultimately|jointly|also|primarily|immediately|secondarily))?"
        r"\s+to(?![a-z])",
    ),
    (
        "and-to",
        "reports",
        "secondary",
        r"and\s+(?:functionally|indirectly|secondarily|administratively)\s+to(?![a-z])",
    ),
    (
        "accountable",
        "reports",
        "primary",
        r"(?:is|are|remains|be)\s+(?:directly\s+|ultimately\s+)?"
        r"(?:accountable|responsible|answerable|subordinate)\s+to(?![a-z])",
    ),
    (
        "under",
        "reports",
        "primary",
        rf"under\s+(?:the\s+)?(?:{_ADJ}\s+){{0,4}}(?:direction|supervision|guidance|leadership|"
        r"authority|oversight|management)(?:\s+(?:and|&)\s+(?:[a-z]+\s+)?(?:direction|supervision|"
        r"guidance|authority|leadership|control|review))?\s*,?\s+(?:of|from)(?![a-z])",
    ),
    (
        "under-none",
        "reports",
        "primary",
        rf"under\s+(?:the\s+)?(?:{_ADJ}\s+){{0,3}}(?:direction|supervision)(?!\s+(?:of|from|and|&))",
    ),
    ("directed", "reports", "primary", r"as\s+directed\s+by(?![a-z])"),
    ("pleasure", "reports", "primary", r"serves?\s+at\s+the\s+pleasure\s+of(?![a-z])"),
    (
        "receives",
        "reports",
        "primary",
        r"receiv(?:es|e|ing)\s+(?:[a-z-]+\s+){0,3}?(?:direction|supervision|guidance)\s+from(?![a-z])",
    ),
    (
        "works-under",
        "reports",
        "primary",
        r"works?\s+(?:directly\s+)?under(?!\s+(?:the\s+)?(?:[a-z/-]+\s+){0,4}(?:direction|"
        r"supervision|guidance))",
    ),
    ("passive", "reports", "primary", r"(?:is|are|be)\s+supervised\s+by(?![a-z])"),
    ("indirectly", "supervises", "indirect", r"indirectly\s+supervis(?:es|e|ing)(?![a-z])"),
    (
        "exercise",
        "supervises",
        "direct",
        r"(?:exercis(?:es|e|ing)|provid(?:es|e|ing)|ha(?:s|ve|ving)|assum(?:es|e|ing))\s+"
        r"(?:[a-z-]+\s+){0,4}?(?:supervision|supervisory\s+(?:authority|responsibility|"
        r"responsibilities|control|duties))\s+(?:over|of|for|to)(?![a-z])",
    ),
    (
        "exercised",
        "supervises",
        "direct",
        r"supervision\s+(?:is\s+|shall\s+be\s+|will\s+be\s+)?(?:exercised|provided)\s+"
        r"(?:over|to|for)(?![a-z])",
    ),
    (
        "work-of",
        "supervises",
        "direct",
        r"(?:(?:assign|direct|monitor|oversee|supervise|plan|coordinate|schedule)s?|seeing\s+that)"
        r"(?:\s*(?:,|and/or|and|or)\s*(?:assign|direct|monitor|oversee|supervise|plan|coordinate|"
        r"schedule|review|evaluate)s?){0,3}\s+the\s+work(?:\s+activities)?\s+of(?![a-z])",
    ),
    (
        "operations-of",
        "supervises",
        "direct",
        r"responsible\s+for\s+(?:the\s+)?(?:(?:effective|efficient|overall|daily|day-to-day|"
        r"smooth|successful)\s+){0,2}operations?\s+of(?![a-z])",
    ),
    ("verb", "supervises", "direct", r"supervis(?:es|e|ing)(?![a-z])"),
    (
        "noun",
        "supervises",
        "direct",
        r"(?:(?:general|day-to-day|direct|overall|immediate|daily|administrative|technical|"
        r"functional|full|first-line|indirect)\s+)?supervision\s+(?:of|over)(?![a-z])",
    ),
    ("manage", "supervises", "direct", r"manag(?:es|e|ing)(?![a-z])"),
    (
        "direct-reports",
        "supervises",
        "direct",
        r"direct\s+reports\s+(?:include|are|consist\s+of)(?![a-z])",
    ),
    ("liaison", "links", "liaison", r"liaison\s+(?:to|with|between|for)(?![a-z])"),
    (
        "advisor",
        "links",
        "advises",
        r"(?:chief\s+|principal\s+|senior\s+)?advis[oe]r\s+to(?![a-z])",
    ),
    (
        "advice",
        "links",
        "advises",
        r"provid(?:es|e|ing)\s+(?:[a-z]+\s+){0,2}?advice\s+(?:and\s+[a-z]+\s+)?to(?![a-z])",
    ),
    (
        "advises",
        "links",
        "advises",
        r"advis(?:es|e|ing)(?:\s+and\s+(?:assists?|counsels?|supports?))?(?![a-z])",
    ),
    (
        "works-with",
        "links",
        "works_with",
        r"(?:works?|working|collaborat(?:es|e|ing)|partners?|partnering|coordinat(?:es|e|ing)|"
        r"interacts?|interacting)\s+(?:closely\s+|collaboratively\s+|directly\s+|cooperatively\s+)?"
        r"with(?![a-z])",
    ),
    (
        "in-collaboration",
        "links",
        "works_with",
        r"in\s+(?:close\s+)?(?:collaboration|partnership|conjunction|coordination)\s+with(?![a-z])",
    ),
]
_VERB_FAMILIES = frozenset({"verb", "indirectly", "manage", "advises"})
_INDEX = {name: (relation, kind) for name, relation, kind, _ in _FAMILIES}
_SECONDARY_ADVERBS = frozenset({"functionally", "indirectly", "also", "secondarily"})

NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|without)\b", re.IGNORECASE)
"""Words that turn a cue into a non-statement ("does not supervise")."""

_QUALIFYING = (
    "experience", "ability to", "able to", "skill", "knowledge of", "qualified", "preferred",
    "must have", "proven", "demonstrated", "years", "background in", "track record",
    "familiarity", "requir",
)  # fmt: skip


def qualifying(text: str) -> bool:
    """True when ``text`` reads as a requirement ("experience supervising", "ability to").

    >>> qualifying("Experience supervising staff"), qualifying("The Clerk supervises")
    (True, False)
    """
    lowered = text.lower()
    return any(word in lowered for word in _QUALIFYING)


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue phrase found in the text."""

    family: str
    relation: str
    kind: str
    start: int
    end: int
    verb: bool


MAX_TRIGGERS = 20000
"""Candidate cue words examined per call at most (a 1 MB posting has a few thousand)."""
_TRIGGERS = re.compile(
    r"report|under|supervis|receiv|exercis|provid|assum|assign|monitor|overse|coordinat|schedul|"
    r"manag|advis|collaborat|partner|interact|dotted|direct|indirect|secondary|matrix|accountab|"
    r"responsib|answerab|subordinat|pleasure|liaison|seeing|conjunction|work"
)
_STEMS = tuple(_TRIGGERS.pattern.split("|"))
_SEAM_STEMS = frozenset(
    words("report under supervis receiv direct work manag liaison advis provid exercis indirect")
)
_WORD_START = re.compile(r"(?<![A-Za-z])[A-Za-z]|(?<=[a-z])[A-Z]")
"""Where a word starts: after a non-letter, or glued to the previous one ("DescriptionUnder")."""


_FIRST_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_STARTERS = words(
    """and is are remains be as serve serves has have having plan plans general day-to-day
    overall immediate daily administrative technical functional full first-line chief principal
    senior in"""
)
"""Words that open a cue before its distinctive word ("is accountable to", "as directed by")."""

_NOT_CUE_WORDS = words(
    """director directors directorate directory supervisor supervisors coordinator coordinators
    manager managers managerial provider providers provided assigned assignment assignments
    subordinates accountabilities collaborative collaboratively understanding undertake undertakes
    undergraduate workforce workflow workflows workload workplace worker workers workday workshop
    workshops monitoring scheduling scheduled scheduler schedulers reported reporter"""
)
"""Words that begin like a cue word but are no fixed word of any cue ("Director", "Manager"):
the commonest triggers, passed over without trying the patterns. (Words that only fill a
cue's open slots, "provides [director-level] supervision", are reached from the cue's verb.)"""

_NO_BACK_OFF = words("direction directions responsibility responsibilities")
"""Cue words no cue reaches from a word before them that is not itself a trigger ("under
the direction of" is found from "under", "has supervisory responsibility" from "supervisory")."""
_NEEDS_WITH = words("coordination collaboration partnership conjunction")
"""Cue words that are only ever in "in (close) ... with"."""


def _may_back_off(view: str, word: str, after: int, stop: int) -> bool:
    """Whether a cue may start before this trigger word (see :data:`_NO_BACK_OFF`)."""
    if word in _NO_BACK_OFF:
        return False
    if word in _NEEDS_WITH:
        return view[after : min(stop, after + 12)].lstrip().lower().startswith("with")
    return True


_BACK_OFF = tuple(
    words(
        """accountab responsib answerab subordinat direct supervis indirect pleasure collaborat
        coordinat partner conjunction advis schedul monitor overse assign"""
    )
)


def _subset(stem: str) -> re.Pattern[str]:
    """The alternation of the cue families whose pattern mentions ``stem``."""
    chosen = [(n, p) for n, _, _, p in _FAMILIES if stem in p.lower()] or [
        (n, p) for n, _, _, p in _FAMILIES
    ]
    return re.compile(
        "|".join(f"(?P<{name.replace('-', '_')}>{pattern})" for name, pattern in chosen),
        re.IGNORECASE,
    )


_BY_STEM = {stem: _subset(stem) for stem in _TRIGGERS.pattern.split("|")}
_BACK_OFF_STEMS = frozenset(stem for stem in _STEMS if stem.startswith(_BACK_OFF))


def _trigger_positions(view: str, start: int, stop: int) -> list[tuple[int, str]]:
    """Where a distinctive cue word starts, and which stem it is.

    Each stem is looked for with ``str.find`` (a C loop over the text, far
    cheaper than a regex alternation tried at every position); a hit counts
    where a word starts, or where a word is glued to the previous one by a
    lost line break ("DescriptionUnder direction of").

    >>> _trigger_positions("Director; DescriptionUnder the network", 0, 38)
    [(0, 'direct'), (21, 'under')]
    """
    lowered = view[start:stop].lower()
    found: list[tuple[int, str]] = []
    for stem in _STEMS:
        pos = lowered.find(stem)
        while pos >= 0:
            before = lowered[pos - 1] if pos else " "
            if not (before.isalnum() or before == "_") or (
                stem in _SEAM_STEMS
                and view[start + pos].isupper()
                and "a" <= view[start + pos - 1] <= "z"
            ):
                found.append((start + pos, stem))
            pos = lowered.find(stem, pos + len(stem))
    found.sort()
    return found


def find_cues(view: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Every cue in ``view[start:end]``, in order, not overlapping.

    Distinctive words ("supervis", "report", "liaison") are found first; the
    full cue alternation is tried only there and at the few words before them
    ("is accountable to", "as directed by", "has supervisory responsibility").
    """
    stop = len(view) if end is None else end
    cues: list[Cue] = []
    last_end = start
    for trigger, stem in _trigger_positions(view, start, stop)[:MAX_TRIGGERS]:
        if trigger < last_end:
            continue
        token = _FIRST_WORD.match(view, trigger, stop)
        word = token.group(0).lower() if token is not None else ""
        if word in _NOT_CUE_WORDS:
            continue
        families = _BY_STEM[stem]
        match = families.match(view, trigger, stop)
        if stem in _BACK_OFF_STEMS and _may_back_off(view, word, trigger + len(word), stop):
            lo = max(last_end, trigger - 40)
            for pos in [m.start() for m in _WORD_START.finditer(view, lo, trigger)][-4:]:
                first = _FIRST_WORD.match(view, pos, stop)
                word = first.group(0).lower() if first else ""
                if word not in _STARTERS and not word.startswith(_STEMS):
                    continue  # no cue starts with this word: spare the full alternation
                candidate = families.match(view, pos, stop)
                if candidate is not None and candidate.end() > trigger:
                    match = candidate
                    break
        if match is None:
            continue
        pos = match.start()
        last_end = match.end()
        family = (match.lastgroup or "").replace("_", "-")
        relation, kind = _INDEX[family]
        if family == "report":
            adverb = (match.group("radv") or "").lower()
            if adverb in _SECONDARY_ADVERBS:
                kind = "secondary"
        cues.append(Cue(family, relation, kind, pos, match.end(), family in _VERB_FAMILIES))
    return cues
