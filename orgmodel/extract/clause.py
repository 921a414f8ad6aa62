"""What the clause around a frame says: whose statement it is, and whether it is one.

A frame ("supervises", "reports to") states a fact about *this* post only
when the clause is about this post: the subject is the post's title, "the
incumbent", "this position", "you", a pronoun, or there is no subject at
all (a duty written as "Supervises the clerks."). A clause about another
post ("The Office Manager supervises the clerks" in a clerk's posting) is
not, unless its object is this post, which makes it an *inverse*
statement ("the division heads report to the Director" in the Director's
posting says the Director supervises them).

The clause also tells whether it states anything: negation with its scope
("does not supervise" -- but "not limited to supervising" is a
statement), a requirement ("experience supervising staff"), a relative
clause about someone else ("those who report to the Council"), a
condition or a modal ("may supervise", "in the Director's absence").

>>> c = read_clause("The Deputy Clerk reports to the City Clerk.", 16, title="Deputy Clerk")
>>> c.subject, c.negated, c.requirement
('self', False, False)
>>> read_clause("Experience supervising staff.", 11, title="Clerk").requirement
True
>>> read_clause("This position does not supervise staff.", 23, title="Clerk").negated
True
>>> text = "Duties include but are not limited to supervising staff."
>>> read_clause(text, text.index("supervising"), title="Clerk").negated
False
>>> read_clause("The Office Manager supervises the clerks.", 19, title="Payroll Clerk").subject
'other'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from orgmodel.extract.scoring import normalize
from orgmodel.extract.vocab import (
    DETERMINERS,
    FINITE_VERBS,
    VERBS,
    classify,
    head_word,
    singular,
    words,
)

__all__ = ["Clause", "Subject", "is_self_name", "read_clause"]

Subject = Literal["self", "implicit", "other", "unknown"]

SELF_WORDS = words(
    """position incumbent incumbents employee employees role you he she he/she s/he they we
    individual candidate selectee applicant person class job work this it jobholder
    officeholder holder hire appointee"""
)
"""Subjects that stand for the post the posting describes."""

_RANKS = words(
    """deputy assistant associate senior junior chief vice under sub co lead principal executive
    interim acting first second third head general supervising supervisory"""
)
_JURISDICTIONS = words("county city town village borough township district state school police")
"""A title's first word that names where the post serves, not which post it is."""
_SELF_ADJECTIVES = words("successful selected ideal new right chosen qualified this each")
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|neither|nor|without|cannot|n't)\b(?![ ]+(?:limited|only|later|"
    r"less|fewer|more|necessarily|restricted|exclusively))",
    re.IGNORECASE,
)
_NOT_LIMITED = re.compile(r"\bnot[ ]+(?:be[ ]+)?(?:limited|restricted)[ ]+to\b", re.IGNORECASE)
_REQUIREMENT = re.compile(
    r"\b(?:experience|experienced|ability|abilities|able|skill|skills|skilled|knowledge|"
    r"qualified|qualifications?|preferred|must[ ]+have|proven|demonstrated|years|year's|"
    r"background|track[ ]+record|familiarity|requires|requirement|desired|"
    r"capacity[ ]+to|competenc[a-z]*|understanding[ ]+of|degree|certification)\b",
    re.IGNORECASE,
)
"""Words that make a clause a requirement of the candidate, not a fact about the post:
"experience supervising staff", "ability to report to the Board" (the conventions: such a
clause states no line)."""
_MODAL = re.compile(
    r"\b(?:may|might|could|can|occasionally|sometimes|periodically|as[ ]+needed|when[ ]+"
    r"needed|if|when|whenever|in[ ]+(?:the|his|her|their)[ ]+absence|as[ ]+necessary|"
    r"depending|temporarily|acting|interim)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:who|whom|that|which|those|whose)[ ]+(?:[a-z]+[ ]+){0,2}$", re.IGNORECASE
)
_WORD = re.compile(r"[A-Za-z][\w'/&.-]*")
_OPENERS = words(
    """also will shall must should would can may might then to and or but directly indirectly
    generally primarily typically usually often regularly currently ultimately additionally
    further furthermore responsible serves serve acts act works work working serving plays"""
)


@dataclass(frozen=True, slots=True)
class Clause:
    """The context of one frame in its sentence."""

    subject: Subject
    subject_span: tuple[int, int] | None
    negated: bool
    requirement: bool
    modal: bool
    relative: bool
    sentence_start: bool
    """The frame opens its sentence or bullet (a duty statement or a participial opener)."""


def _singular_words(text: str) -> str:
    """Every word in the singular: "program specialists ii" -> "program specialist ii"."""
    return " ".join(singular(w) for w in text.split())


@lru_cache(maxsize=8192)
def is_self_name(name: str, title: str | None) -> bool:
    """Whether ``name`` names the post itself: its title (or its head word), or "this position".

    >>> is_self_name("the Director", "Director of Public Works")
    True
    >>> is_self_name("City Clerk", "Deputy City Clerk")
    False
    >>> is_self_name("the Administrator", "County Administrator")
    True
    >>> is_self_name("the Manager", "Nurse Manager")
    False
    >>> is_self_name("the specialist", "Payroll Specialist")
    True
    >>> is_self_name("the clerk", "Deputy Clerk")
    False
    >>> is_self_name("This position", None)
    True
    """
    norm = _singular_words(normalize(name))
    tokens = norm.split()
    if not tokens:
        return False
    if tokens[-1] in SELF_WORDS and (len(tokens) == 1 or tokens[0] in {"this", "the", "each"}):
        return True
    if norm in {"this position", "this role", "this class", "this job", "positions in this class"}:
        return True
    if title is None:
        return False
    tnorm = _singular_words(normalize(title))
    if norm == tnorm or (len(tokens) > 1 and set(tokens) == set(tnorm.split())):
        return True
    if len(tokens) == 1 and head_word(title) == head_word(name) and tokens[0] != tnorm:
        # "the Director" for "Director of Public Works", "the Administrator" for "County
        # Administrator"; never "Clerk" for "Deputy Clerk", "Manager" for "Nurse Manager"
        ttokens = tnorm.split()
        if name.split()[-1].islower() and ttokens[0] not in _RANKS:
            return True  # "the specialist" for "Payroll Specialist": the post, in common words
        return ttokens[0] == tokens[0] or (
            len(ttokens) == 2 and ttokens[1] == tokens[0] and ttokens[0] in _JURISDICTIONS
        )
    core = _CORE_CUT.split(tnorm, maxsplit=1)[0]
    if norm == core:
        return True  # "Deputy Director" for "Deputy Director of Parks and Recreation"
    ttokens = tnorm.split()
    # "Lieutenants" for "Police Lieutenants", never "City Clerk" for "Deputy City Clerk"
    return len(ttokens) >= 2 and tokens == ttokens[1:] and ttokens[0] not in _RANKS


_CORE_CUT = re.compile(r" of | for |, | - ")
_TOKEN = re.compile(r"[A-Za-z][\w'/&.-]*|[,;()]")
_LEADING_PREPOSITIONS = words(
    """under as in with within for after following during through upon reporting working
    serving acting operating according while when"""
)
_AUX_WORDS = words(
    "is are was were will shall must may might can could should would has have had does do"
)
_NOT_BEFORE_VERB = DETERMINERS | words("of for to and or in at on with by from under as")


def _is_verb(tokens: list[re.Match[str]], index: int) -> bool:
    """Whether the word at ``index`` is the clause's verb (an auxiliary, a finite verb, or a
    verb form right after a noun: "Our Lieutenants *work* under ...")."""
    word = tokens[index].group(0)
    low = word.lower()
    if not word[:1].islower():
        return False
    if low in _AUX_WORDS or low in FINITE_VERBS:
        return True
    if low in VERBS and index:
        prev = tokens[index - 1].group(0)
        return prev[:1].isalpha() and prev.lower() not in _NOT_BEFORE_VERB
    if index and index + 1 < len(tokens) and low.endswith("s") and not low.endswith("ss"):
        # by form: "The Payroll Clerk *sits* within ...", a present tense between a name and
        # a preposition of place
        prev, nxt = tokens[index - 1].group(0), tokens[index + 1].group(0).lower()
        return prev[:1].isupper() and nxt in _PLACE_PREPOSITIONS
    return False


_PLACE_PREPOSITIONS = frozenset({"within", "in", "inside", "at", "under"})


def _subject(prefix: str, base: int, title: str | None) -> tuple[Subject, tuple[int, int] | None]:
    """The subject of the clause that ends where the frame starts.

    The subject is the noun phrase before the clause's first verb (or before the frame,
    when the frame is the verb), after an opening adverbial ("Under general direction of
    the Director, the Deputy Director is ..."). No subject at all -- "Supervises the
    clerks", "Reporting to the Mayor, ..." -- is a duty of this post (``implicit``).
    """
    found = list(_TOKEN.finditer(prefix))
    words_ = [m for m in found if m.group(0)[:1].isalpha()]
    if not words_:
        return "implicit", None
    first = words_[0].group(0).lower()
    if first in {"he", "she", "he/she", "s/he", "you", "they"}:
        return "self", (base + words_[0].start(), base + words_[0].end())
    opener = first in _LEADING_PREPOSITIONS or first.endswith("ing")
    if not opener and (first in VERBS or first.endswith("ly") or first in _OPENERS):
        return "implicit", None
    verb = next(
        (k for k in range(1, len(found)) if found[k].group(0)[:1].isalpha() and _is_verb(found, k)),
        len(found),
    )
    begin = 0
    if opener:
        # "Under general direction of the Director of Parks, Open Space and Cultural
        # Services, the Deputy Director is ...": the subject follows the last comma
        commas = [k for k in range(verb) if found[k].group(0) == ","]
        if not commas:
            return "implicit", None
        begin = commas[-1] + 1
    segment = [m for m in found[begin:verb] if m.group(0)[:1].isalpha()]
    verb = len(segment)
    span_words = segment[:verb]
    while span_words and span_words[-1].group(0).lower() in _OPENERS | {"and", "or"}:
        span_words = span_words[:-1]
    if not span_words:
        return "implicit", None
    span = (base + span_words[0].start(), base + span_words[-1].end())
    phrase = prefix[span_words[0].start() : span_words[-1].end()]
    lowered = [m.group(0).lower() for m in span_words]
    content = [w for w in lowered if w not in DETERMINERS]
    if not content:
        return "unknown", span
    if is_self_name(phrase, title) or (
        content[-1] in SELF_WORDS and all(w in _SELF_ADJECTIVES for w in content[:-1])
    ):
        return "self", span
    if lowered[0] == "this" or "this class" in " ".join(lowered):
        return "self", span  # "This position", "Positions in this class"
    if title is not None and _title_overlap(phrase, title):
        return "self", span
    if classify(phrase) in {"post", "unit", "people"}:
        return "other", span
    return "unknown", span


def _title_overlap(phrase: str, title: str) -> bool:
    """ "Our Police Lieutenants" for "Lieutenants", "The Superintendent" for "Superintendent of
    Schools": the phrase's head noun is the title's and the other words agree."""
    pw = set(_singular_words(normalize(phrase)).split()) - {"our", "the", "a", "an", "this", "all"}
    initials = "".join(w[0] for w in normalize(title).split() if w not in {"of", "and", "the"})
    if len(initials) >= 2 and pw == {initials}:
        return True  # "The COO" for "Chief Operating Officer"
    if head_word(phrase) != head_word(title):
        return False
    tw = set(_singular_words(normalize(title)).split())
    if len(initials) >= 2 and any(w == initials or w == initials[:-1] for w in pw):
        return True  # "the DPS Director" for "Director of Public Services"
    return pw <= tw or tw <= pw


def read_clause(
    view: str, frame_start: int, *, title: str | None, sentence: tuple[int, int] | None = None
) -> Clause:
    """The clause context of the frame starting at ``frame_start`` in its ``sentence``."""
    s0 = sentence[0] if sentence else 0
    s0 = max(s0, frame_start - 300)
    prefix = view[s0:frame_start]
    cut = max(prefix.rfind(";"), prefix.rfind(" but "), prefix.rfind(" while "))
    clause_base = s0 + cut + 1 if cut >= 0 else s0
    clause_prefix = view[clause_base:frame_start]
    near = view[max(clause_base, frame_start - 40) : frame_start + 1]
    negated = bool(_NEGATION.search(near)) and not _NOT_LIMITED.search(
        view[max(clause_base, frame_start - 40) : frame_start + 20]
    )
    subject, span = _subject(view[clause_base:frame_start], clause_base, title)
    if subject == "implicit" and clause_base > s0:
        # "... and supervises the clerks, while the Manager supervises the Analysts": a
        # clause after "while"/"but"/";" with no subject of its own shares the sentence's
        subject, span = _subject(view[s0:frame_start], s0, title)
    stripped = prefix.strip(" *-\u2022\t\n0123456789.)(:")
    relative = _RELATIVE.search(clause_prefix[-30:])
    if relative is not None:
        # "those who report to the Council" is about others; "the Clerk, who reports to
        # the Mayor," is about this post
        before = clause_prefix[: len(clause_prefix) - 30 + relative.start()].rstrip(" ,")
        antecedent = " ".join(before.split()[-4:])
        if title is not None and any(
            is_self_name(" ".join(antecedent.split()[-k:]), title) for k in (1, 2, 3, 4)
        ):
            relative = None
    return Clause(
        subject=subject,
        subject_span=span,
        negated=negated,
        requirement=bool(_REQUIREMENT.search(clause_prefix)),
        modal=bool(_MODAL.search(clause_prefix[-80:])),
        relative=relative is not None,
        sentence_start=not stripped,
    )
