"""Reporting frames: the cue phrases that state a line, in every grammatical form.

A posting can say the same thing many ways: "reports to the Mayor", "is a
direct report of the Mayor", "reporting to the Mayor", "under the Mayor's
direction", "directed by the Mayor", "accountable to the Mayor", "takes
direction from the Mayor". Each *frame* family is written once, on the verb
stem and its forms (finite, participle, gerund, nominal), and says what the
phrase after it is:

* ``up`` -- the object is a superior of the post (``kind`` primary or
  secondary);
* ``down`` -- the object is supervised by the post (``kind`` direct or
  indirect);
* ``link`` -- an informational relation (advises, liaison, works with),
  never a reporting line.

Which reading is right for a sentence (the subject may be another post,
the frame may be negated or a requirement) is decided later, from the
frame's context (:mod:`orgmodel.extract.clause`) and by the scorer. Frames
only find where a statement starts and where its object begins.

All quantifiers are bounded, so no frame can backtrack over unbounded text.

>>> [(f.family, f.relation) for f in find_frames("He reports directly to the Mayor.")]
[('report-to', 'up')]
>>> [(f.family, f.relation, f.kind) for f in find_frames("Indirectly supervises six clerks.")]
[('supervise', 'down', 'indirect')]
>>> [f.family for f in find_frames("Works under the Clerk's direction and oversees two aides.")]
['under-possessive', 'oversee']
>>> [f.family for f in find_frames("Supervisory skills; supervisor of the year")]
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from orgmodel.extract.vocab import FINITE_VERBS, PEOPLE, POSTS, singular, words

__all__ = ["FAMILIES", "Frame", "Relation", "find_frames"]

Relation = Literal["up", "down", "link"]

_ADJ = r"(?:[a-z]+(?:[-/][a-z]+)?|and/or|and|or|&)"
"""A modifier inside "under the general and administrative direction of" (bounded below)."""
_NOUNS = (
    r"(?:direction|directions|supervision|guidance|leadership|oversight|authority|management|"
    r"control|auspices|command|jurisdiction|review)"
)
_SECONDARY_ADVERBS = r"(?:functionally|indirectly|secondarily|also|additionally|informally)"
_PRIMARY_ADVERBS = (
    r"(?:directly|administratively|operationally|solely|ultimately|jointly|primarily|"
    r"immediately|officially|formally|organizationally|technically|programmatically|"
    r"hierarchically|initially|currently)"
)
_DOWN_VERBS = (
    r"(?:assign|direct|monitor|oversee|supervise|plan|coordinate|schedule|review|evaluate|"
    r"organize|lead|train|manage|prioritize|distribute|approve|check|inspect)"
)

FAMILIES: dict[str, tuple[Relation, str, str]] = {
    # ---- the object is a superior -------------------------------------------------------
    "dotted-line": (
        "up",
        "secondary",
        r"(?:dotted|dashed|matrix|secondary|indirect)[- ](?:line[- ])?(?:reporting[- ])?"
        r"(?:relationship[- ]|line[- ])?(?:to|into)(?![a-z])",
    ),
    "solid-line": ("up", "primary", r"solid[- ]line[- ](?:reporting[- ])?(?:to|into)(?![a-z])"),
    "report-to": (
        "up",
        "primary",
        rf"report(?:s|ed|ing)?(?:[ ]+(?P<adv>{_PRIMARY_ADVERBS}|{_SECONDARY_ADVERBS}))?"
        rf"(?:[ ]+(?:and|or|and/or)[ ]+(?:is[ ]+|be[ ]+)?(?:{_PRIMARY_ADVERBS}[ ]+)?"
        r"(?:accountable|responsible|answerable))?[ ]+(?:up[ ]+to|in(?:to)?|to|through)(?![a-z])",
    ),
    "and-to": ("up", "secondary", rf"(?<=and[ ]){_SECONDARY_ADVERBS}[ ]+to(?![a-z])"),
    "direct-report": (
        "up",
        "primary",
        r"(?:(?<=a[ ])|(?<=the[ ])|(?<=are[ ])|(?<=were[ ]))direct[ ]+reports?[ ]+(?:of|to|for)"
        r"(?![a-z])",
    ),
    "works-for": ("up", "primary", r"work(?:s|ing)?[ ]+(?:directly[ ]+)?for(?![a-z])"),
    "takes-direction": (
        "up",
        "primary",
        r"(?:take|takes|taking|took|receive|receives|received|receiving|get|gets|getting|"
        r"accept|accepts|accepting)[ ]+(?:[a-z-]+[ ]+){0,4}?(?:direction|directions|supervision|"
        r"guidance|instruction|instructions|assignments?|oversight|orders|supervisory[ ]+"
        r"direction)[ ]+from(?![a-z])",
    ),
    "received-from": (
        "up",
        "primary",
        r"(?:direction|supervision|guidance|oversight)[ ]+(?:is|are|will[ ]+be)[ ]+"
        r"(?:received|provided|given)[ ]+(?:from|by)(?![a-z])",
    ),
    "under": (
        "up",
        "primary",
        rf"under[ ]+(?:the[ ]+)?(?:{_ADJ}[ ]+){{0,5}}?{_NOUNS}(?:[ ]+(?:and|&|or|and/or)[ ]+"
        rf"(?:[a-z-]+[ ]+)?{_NOUNS})?[ ]*,?[ ]+(?:of|from)(?![a-z])",
    ),
    "works-under": (
        "up",
        "primary",
        r"(?:works?|working|serves?|serving|falls?|falling|comes?|coming)[ ]+(?:directly[ ]+)?"
        r"under(?=[ ]+(?:the|a|an|his|her|"
        r"their)[ ]+[A-Z])(?![ ]+(?:the[ ]+)?(?:[A-Za-z'-]+[ ]+){0,4}(?:direction|supervision|"
        r"guidance|leadership|authority|oversight|management|control))",
    ),
    "under-own": (
        "down",
        "direct",
        r"under[ ]+(?:his|her|his/her|his[ ]+or[ ]+her|her[ ]+or[ ]+his|their|its|your)[ ]+"
        r"(?:(?:direct|immediate|general|overall|day-to-day)[ ]+)?(?:jurisdiction|supervision|"
        r"direction|control|charge|authority|command|leadership|oversight)(?![a-z])",
    ),
    "under-none": (
        "up",
        "primary",
        rf"under[ ]+(?:the[ ]+)?(?:{_ADJ}[ ]+){{0,3}}?(?:direction|supervision)"
        r"(?![ ]+(?:of|from|and|&|by))(?=[ ]*[,.;:]|[ ]+[a-z])",
    ),
    "under-possessive": (
        "up",
        "primary",
        r"under[ ]+(?P<poss>(?:(?:the|an?|his|her|their|its|his/her)[ ]+)?(?:[\w.&-]+[ ]+){0,5}?"
        rf"[\w.&-]+)(?:'s|s'|')[ ]+(?:{_ADJ}[ ]+){{0,3}}?{_NOUNS}(?![a-z])",
    ),
    "as-directed-by": (
        "up",
        "primary",
        r"(?<=as[ ])(?:directed|delegated|instructed)[ ]+by(?![a-z])",
    ),
    "passive-by": (
        "up",
        "primary",
        r"(?:directed|supervised|managed|overseen|led|guided|controlled)[ ]+(?:and[ ]+[a-z]+[ ]+)?"
        r"(?:directly[ ]+)?by(?![a-z])",
    ),
    "appointed-by": (
        "up",
        "primary",
        r"(?:appointed|hired|employed|evaluated|reviewed|selected|retained)[ ]+"
        r"(?:and[ ]+[a-z]+[ ]+)?by(?![a-z])",
    ),
    "accountable-to": (
        "up",
        "primary",
        r"(?:accountable|responsible|answerable|subordinate|reportable|answer|answers|"
        r"answering)[ ]+"
        rf"(?:(?:{_PRIMARY_ADVERBS}|{_SECONDARY_ADVERBS})[ ]+)?to(?![a-z])",
    ),
    "subject-to": (
        "up",
        "primary",
        r"subject[ ]+to[ ]+the[ ]+(?:[a-z]+[ ]+)?(?:control|direction|authority|supervision|"
        r"approval)[ ]+of(?![a-z])",
    ),
    "pleasure-of": (
        "up",
        "primary",
        r"(?:serves?|serving|works?|working)[ ]+at[ ]+the[ ]+(?:pleasure|discretion|will|"
        r"direction)[ ]+of(?![a-z])",
    ),
    "supervisor-is": (
        "up",
        "primary",
        r"(?:(?:immediate|direct|first-line|line)[ ]+|(?<='s[ ])|(?<=\u2019s[ ])|(?<=your[ ]))"
        r"(?:supervisor|manager)[ ]+(?:is|will[ ]+be)"
        r"(?![a-z])",
    ),
    "reporting-line": (
        "up",
        "primary",
        r"reporting[ ]+(?:relationship|line)[ ]+(?:is[ ]+)?(?:to|with)(?![a-z])",
    ),
    # ---- the object is supervised ---------------------------------------------------------
    "work-of": (
        "down",
        "direct",
        rf"(?:seeing[ ]+that|{_DOWN_VERBS}(?:s|es|ing)?)(?:(?:[ ]*,[ ]*(?:and[ ]+|or[ ]+)?|"
        rf"[ ]+(?:and/or|and|or)[ ]+){_DOWN_VERBS}(?:s|es|ing)?)"
        r"{0,5}[ ]+(?:the[ ]+)?(?:daily[ ]+|day-to-day[ ]+)?(?:work|activities|work[ ]+"
        r"activities|efforts|assignments|performance|duties)[ ]+of(?![a-z])",
    ),
    "exercised-over": (
        "down",
        "direct",
        r"(?:supervision|direction|oversight|supervisory[ ]+authority)[ ]+(?:is|are|shall[ ]+be|"
        r"will[ ]+be|may[ ]+be)[ ]+(?:exercised|provided|given)[ ]+(?:over|to|for|of)(?![a-z])",
    ),
    "is-exercised-over": (
        "down",
        "direct",
        r"(?:(?<=[ ]be[ ])|(?<=is[ ])|(?<=re[ ]))exercised[ ]+(?:over|to|for)(?![a-z])",
    ),
    "responsibility-over": (
        "down",
        "direct",
        r"supervisory[ ]+(?:responsibilit(?:y|ies)|authority|control|duties|oversight)[ ]+"
        r"(?:over|for|of)(?![a-z])",
    ),
    "responsible-for": (
        "down",
        "direct",
        r"(?<![a-z])responsib(?:le|ility)[ ]+for[ ]+(?=(?:a|an|the|all|our|\d+|two|three|four|five|"
        r"six|seven|eight|nine|ten)[ ]+(?:[a-z-]+[ ]+){0,2}(?:team|staff|crew|group|unit|"
        r"department|division)(?![a-z]))",
    ),
    "operations-of": (
        "down",
        "direct",
        r"(?<=for[ ])(?:the[ ]+)?(?:(?:effective|efficient|overall|daily|day-to-day|smooth|"
        r"successful)[ ]+){0,2}operations?[ ]+of(?![a-z])",
    ),
    "supervisor-of": (
        "down",
        "direct",
        r"(?:(?<=direct[ ])|(?<=working[ ])|(?<=the[ ])|(?<=immediate[ ])|(?<=line[ ]))"
        r"supervisor[ ]+"
        r"(?:to|of|for)(?![a-z])",
    ),
    "provides-direction": (
        "down",
        "direct",
        r"(?:provid|giv)(?:e|es|ing)[ ]+(?:(?!guidance|leadership|support|coaching|mentoring)"
        r"[a-z-]+[ ]+){0,3}?(?:direction|supervision|oversight)[ ]+(?:to|for|of|over)(?![a-z])",
    ),
    "has-reports": (
        "down",
        "direct",
        r"(?P<reports>direct[ ]+reports)(?![a-z])(?![ ]+(?:include|includes|including|are|"
        r"consist|will|to|of|for))",
    ),
    "reports-include": (
        "down",
        "direct",
        r"direct[ ]+reports[ ]+(?:include|includes|including|are|consist[ ]+of|will[ ]+include)"
        r"(?![a-z])",
    ),
    "supervision-of": (
        "down",
        "direct",
        r"(?:(?:general|day-to-day|direct|overall|immediate|daily|administrative|technical|"
        r"functional|full|first-line|indirect|close|line)[ ]+)?(?:supervision|oversight)[ ]+"
        r"(?:of|over|for)(?![a-z])",
    ),
    "noun-supervision": (
        "down",
        "direct",
        r"(?P<obj>staff|personnel|employee|employees|crew|crews|team|teams|workforce)[ ]+"
        r"(?:supervision|oversight)(?![a-z])",
    ),
    "supervise": ("down", "direct", r"supervis(?:e|es|ed|ing)(?![a-z])"),
    "oversee": ("down", "direct", r"overs(?:ee|ees|aw|een|eeing)(?![a-z])"),
    "manage": ("down", "direct", r"manag(?:e|es|ing)(?![a-z])|management[ ]+of(?![a-z])"),
    "direct": ("down", "direct", r"direct(?:s|ing)(?![a-z])|direction[ ]+of(?![a-z])"),
    "lead": ("down", "direct", r"lead(?:s|ing)?(?![a-z])"),
    "in-charge": ("down", "direct", r"(?:(?<=in[ ])charge|heads?[ ]+up)[ ]+of(?![a-z])"),
    "heads": ("down", "direct", r"heads[ ]+(?=the[ ])"),
    "evaluate": ("down", "direct", r"(?:evaluat|apprais)(?:e|es|ing)(?![a-z])"),
    # ---- informational links: never lines --------------------------------------------------
    "liaison": ("link", "liaison", r"liaison[ ]+(?:to|with|between|for)(?![a-z])"),
    "advisor-to": (
        "link",
        "advises",
        r"(?:chief[ ]+|principal[ ]+|senior[ ]+|key[ ]+)?(?:advis[oe]r|resource)[ ]+to(?![a-z])",
    ),
    "advises": (
        "link",
        "advises",
        r"advis(?:es|e|ing)(?:[ ]+and[ ]+(?:assists?|counsels?|supports?))?(?![a-z])|"
        r"(?:provid|giv)(?:e|es|ing)[ ]+(?:[a-z]+[ ]+){0,2}?(?:advice|counsel|recommendations)"
        r"[ ]+(?:and[ ]+[a-z]+[ ]+)?to(?![a-z])|makes?[ ]+recommendations[ ]+to(?![a-z])",
    ),
    "assists": (
        "link",
        "works_with",
        r"assist(?:s|ing)?(?![a-z])|(?:provid|giv)(?:e|es|ing)[ ]+(?:[a-z-]+[ ]+){0,3}?"
        r"(?:leadership|support|guidance|assistance|help)[ ]+(?:to|for)(?![a-z])",
    ),
    "works-with": (
        "link",
        "works_with",
        r"(?:works?|working|collaborat(?:es|e|ing)|partners?|partnering|coordinat(?:es|e|ing)|"
        r"interacts?|interacting|consults?|consulting|meets?|meeting|communicates?|"
        r"communicating|confers?|conferring)[ ]+(?:closely[ ]+|collaboratively[ ]+|directly[ ]+|"
        r"cooperatively[ ]+|regularly[ ]+)?with(?![a-z])",
    ),
    "in-collaboration": (
        "link",
        "works_with",
        r"(?:(?<=in[ ])|(?<=close[ ]))(?:close[ ]+)?(?:collaboration|partnership|conjunction|"
        r"coordination|consultation)[ ]+with(?![a-z])",
    ),
}
"""Frame families: ``name -> (relation, kind, pattern)``, tried in this order at a position."""

_SECONDARY = frozenset(
    {"functionally", "indirectly", "secondarily", "also", "additionally", "informally"}
)
_OPENERS: dict[str, str] = {
    "dotted-line": "dotted dashed matrix secondary indirect",
    "solid-line": "solid",
    "report-to": "report",
    "and-to": "functionally indirectly secondarily also additionally informally",
    "direct-report": "direct",
    "works-for": "work",
    "takes-direction": "take took receiv get accept",
    "received-from": "direction supervision guidance oversight",
    "under": "under",
    "under-own": "under",
    "under-none": "under",
    "works-under": "work serv fall fell com",
    "under-possessive": "under",
    "passive-by": "directed supervised managed overseen led guided controlled",
    "appointed-by": "appointed hired employed evaluated reviewed selected retained",
    "accountable-to": "accountab responsib answer subordinat reportab",
    "subject-to": "subject",
    "pleasure-of": "serv work",
    "as-directed-by": "directed delegated instructed",
    "supervisor-is": "immediate direct first line supervisor manager",
    "reporting-line": "reporting",
    "work-of": "seeing assign direct monitor overs supervis plan coordinat schedul review "
    "evaluat organiz lead train manag prioritiz distribut approv check inspect",
    "exercised-over": "supervision direction oversight supervisory",
    "is-exercised-over": "exercised",
    "responsibility-over": "supervisory",
    "supervisor-of": "supervisor",
    "responsible-for": "responsib",
    "operations-of": "the effective efficient overall daily day smooth successful operation",
    "provides-direction": "provid giv",
    "has-reports": "direct",
    "reports-include": "direct",
    "supervision-of": "general day direct overall immediate daily administrative technical "
    "functional full first indirect close line supervision oversight",
    "noun-supervision": "staff personnel employee crew team workforce",
    "supervise": "supervis",
    "oversee": "overs",
    "manage": "manag",
    "direct": "direct",
    "lead": "lead",
    "in-charge": "charge head",
    "heads": "heads",
    "evaluate": "evaluat apprais",
    "liaison": "liaison",
    "advisor-to": "chief principal senior key advis resource",
    "advises": "advis provid giv make",
    "assists": "assist provid giv",
    "works-with": "work collaborat partner coordinat interact consult meet communicat confer",
    "in-collaboration": "close collaboration partnership conjunction coordination consultation",
}
"""How each family's first word starts: a word start is tried only against the families
its word can open."""
_PREFIX_FAMILIES: dict[str, tuple[str, ...]] = {}
for _name, _opener in _OPENERS.items():
    for _prefix in _opener.split():
        _PREFIX_FAMILIES[_prefix] = (*_PREFIX_FAMILIES.get(_prefix, ()), _name)
_PREFIX_LENGTHS = tuple(sorted({len(p) for p in _PREFIX_FAMILIES}))


def _opening_words() -> re.Pattern[str]:
    """Word starts that open a frame, grouped by first letter (three times faster than one
    flat alternation: the engine rejects most positions on their first character)."""
    groups: dict[str, list[str]] = {}
    for prefix in sorted(_PREFIX_FAMILIES, key=len, reverse=True):
        groups.setdefault(prefix[0], []).append(re.escape(prefix[1:]))
    branches = [f"{first}(?:{'|'.join(rest)})" for first, rest in sorted(groups.items())]
    return re.compile(rf"(?<![a-z])(?:{'|'.join(branches)})")


_OPENING = _opening_words()


@lru_cache(maxsize=4096)
def _families_for(word: str) -> re.Pattern[str] | None:
    """The alternation of the families a (lower-case) word can open, or None."""
    names: set[str] = set()
    for size in _PREFIX_LENGTHS:
        if size > len(word):
            break
        found = _PREFIX_FAMILIES.get(word[:size])
        if found is not None:
            names.update(found)
    return _alternation(frozenset(names)) if names else None


@lru_cache(maxsize=256)
def _alternation(names: frozenset[str]) -> re.Pattern[str]:
    """The named families as one alternation, in :data:`FAMILIES` order."""
    return re.compile(
        "|".join(
            f"(?P<{name.replace('-', '_')}>(?<![A-Za-z]){FAMILIES[name][2]})"
            for name in FAMILIES
            if name in names
        ),
        re.IGNORECASE,
    )


_WORD = re.compile(r"(?<![a-z])[a-z]+")


@dataclass(frozen=True, slots=True)
class Frame:
    """One cue in the text: where it is, what it states, and where its object starts."""

    family: str
    relation: Relation
    kind: str
    start: int
    end: int
    possessor: tuple[int, int] | None = None
    """The object when the cue holds it: the possessor in "under the Clerk's direction" (the
    superior), the noun in "staff supervision" (the supervised)."""


def _matches(text: str, breaks: str) -> list[re.Match[str]]:
    """The frames' matches, leftmost first and not overlapping (as ``finditer`` would give).

    Trying the full alternation at every position costs a millisecond per posting, so
    only word starts whose word can open a frame (:data:`_OPENING`, found by one regex
    pass) are tried, each against just the families its word can open.
    """
    lowered = text.lower()
    out: list[re.Match[str]] = []
    done = 0
    for opening in _OPENING.finditer(lowered):
        pos = opening.start()
        if pos < done:
            continue
        word = _WORD.match(lowered, pos)
        if word is None:
            continue
        families = _families_for(word.group(0))
        if families is None:
            continue
        match = families.match(text, pos)
        if match is not None and _across_heading(breaks, match):
            continue  # "SUPERVISION RECEIVED AND EXERCISED\nReceives ...": a heading's words
        if match is not None:
            out.append(match)
            done = match.end()
    return out


def _across_heading(breaks: str, match: re.Match[str]) -> bool:
    """A match that runs from an ALL CAPS line into the next one (``breaks`` is the text
    with its line breaks, ``match`` is on the same text with them turned into spaces)."""
    nl = breaks.find("\n", match.start(), match.end())
    if nl < 0:
        return False
    before = breaks[match.start() : nl]
    return any(ch.isalpha() for ch in before) and before.upper() == before


def find_frames(view: str, start: int = 0, end: int | None = None) -> list[Frame]:
    """Every frame in ``view[start:end]``, in order, not overlapping.

    Line breaks inside a cue ("reports\\nto") are matched because the caller's
    view of a sentence has them as spaces (:func:`orgmodel.extract.sections.work_view`
    keeps offsets; the sentence reader joins hard-wrapped lines).
    """
    stop = len(view) if end is None else end
    breaks = view[start:stop]
    text = breaks.replace("\n", " ") if "\n" in breaks else breaks
    frames: list[Frame] = []
    for match in _matches(text, breaks):
        name = (match.lastgroup or "").replace("_", "-")
        relation, kind, _ = FAMILIES[name]
        possessor: tuple[int, int] | None = None
        if name == "report-to":
            adverb = (match.group("adv") or "").lower()
            if adverb in _SECONDARY:
                kind = "secondary"
        elif name == "under-possessive":
            possessor = (start + match.start("poss"), start + match.end("poss"))
        elif name == "noun-supervision":
            possessor = (start + match.start("obj"), start + match.end("obj"))
        elif name == "under-own":
            # "coaches under his jurisdiction": the group before the cue is supervised; with
            # none ("works under her supervision") the cue names no superior
            possessor = _group_before(text, match.start(), start)
            if possessor is None:
                name, relation, kind = "under-none", "up", "primary"
        elif name == "has-reports":
            possessor = (start + match.start("reports"), start + match.end("reports"))
        elif name in {"supervise", "oversee", "manage", "direct"}:
            before = text[max(0, match.start() - 12) : match.start()].lower()
            if before.rstrip().endswith("indirectly"):
                kind = "indirect"
        frames.append(
            Frame(name, relation, kind, start + match.start(), start + match.end(), possessor)
        )
    if "supervision" in text or "oversight" in text:
        frames = _premodified(text, start, frames)
    return frames


_NOUN_CUE = re.compile(r"(?<![A-Za-z])(?:supervision|oversight)(?![a-z])")
_PREMODIFIER = re.compile(
    r"(?P<obj>(?:[A-Za-z][\w-]*[ ]+){0,2}[A-Za-z][\w-]*)[ ]+(?:(?:recruitment|recruiting|"
    r"hiring|selection|training|scheduling|evaluation|development|coaching|orientation|"
    r"retention|deployment|management|direction|guidance)[ ]*(?:,[ ]*)?(?:and[ ]+|&[ ]+)?)*$"
)
_NOT_PREMODIFIER = words(
    """the a an of for and or including with in on to by all its their our his her your
    this that under minimal close general direct daily immediate administrative technical
    functional overall provides provide providing receives receive"""
)


def _group(phrase: str, at: int, base: int, *, opens: bool = False) -> tuple[int, int] | None:
    """The span of the group ``phrase`` ends with ("... including volunteer chaplain"): a
    post or people noun and up to three words before it that can modify a noun (no
    function word, no verb, nothing across punctuation). ``opens`` says the phrase opens
    its sentence, where a capitalised word before a lower-case one is a duty's verb
    ("Observes coaches under his ...")."""
    found = list(_GROUP_WORD.finditer(phrase))
    if not found or singular(found[-1].group(0).lower()) not in _GROUP_HEADS:
        return None
    lowest = 0
    if opens and len(found) > 1 and found[0].group(0)[:1].isupper():
        lowest = 1 if found[1].group(0)[:1].islower() else 0
    first = len(found) - 1
    while first > lowest and len(found) - first <= 3:
        word = found[first - 1].group(0).lower()
        gap = phrase[found[first - 1].end() : found[first].start()]
        if gap.strip() or word in _NOT_PREMODIFIER or word in FINITE_VERBS:
            break
        before = found[first - 2].group(0).lower() if first >= 2 else ""
        if word.endswith("s") and (before in POSTS or before in _PRONOUNS):
            break  # "the director observes coaches": a subject and its verb
        first -= 1
    return (base + at + found[first].start(), base + at + found[-1].end())


_PRONOUNS = frozenset({"he", "she", "it", "who", "that", "which", "incumbent", "position"})


_GROUP_WORD = re.compile(r"[A-Za-z][\w/-]*")
_GROUP_HEADS = POSTS | PEOPLE
_BEFORE_CUE = re.compile(r"(?:[A-Za-z][\w/-]*[ ]+){1,4}$")
_BREAK = re.compile(r".*(?:[.;:!?][ ]|[ ]{2}|\t)", re.DOTALL)


def _group_before(text: str, at: int, base: int) -> tuple[int, int] | None:
    """The group written right before ``at`` ("Observes coaches| under his ...")."""
    lo = max(0, at - 50)
    brk = _BREAK.match(text, lo, at)
    lo = brk.end() if brk is not None else lo
    match = _BEFORE_CUE.search(text, lo, at)
    if match is None:
        return None
    opens = match.start() == lo and (brk is not None or lo == 0)
    return _group(match.group(0).rstrip(), match.start(), base, opens=opens)


def _premodified(text: str, start: int, frames: list[Frame]) -> list[Frame]:
    """ "volunteer chaplain recruitment, training, and supervision", "crew leader oversight":
    the supervised group written before the noun (and the activities listed with it)."""
    taken = [(f.start - start, f.end - start) for f in frames]
    found: list[Frame] = []
    for cue in _NOUN_CUE.finditer(text):
        at = cue.start()
        if any(a <= at < b for a, b in taken):
            continue
        match = _PREMODIFIER.search(text, max(0, at - 60), at)
        if match is None:
            continue
        obj = _group(match.group("obj"), match.start("obj"), start)
        if obj is not None:
            found.append(
                Frame("noun-supervision", "down", "direct", start + at, start + cue.end(), obj)
            )
    return sorted([*frames, *found], key=lambda f: f.start) if found else frames
