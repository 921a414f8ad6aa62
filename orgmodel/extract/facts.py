"""Facts in the making: the shared context and the rules for accepting a name.

Every source of facts (fields, sections, prose) ends in :func:`add_fact`,
which cleans the name, decides post or unit by its head noun, drops people
who are not staff ("students", "patients") and anything without a head noun
in prose, and marks generic superiors ("an assigned supervisor", "a
department or division manager"). The context also knows the post's own
title, so that the post is never its own superior and a sentence about
*another* class ("the Analyst I ... supervises the interns" in an Analyst II posting
...") is recognised.

>>> ctx = Ctx("", "", "deputy clerk", frozenset({"deputy", "clerk"}), "clerk")
>>> is_self(ctx, "the Deputy Clerk"), is_self(ctx, "City Clerk")
(True, False)
>>> _generic("assigned supervisor", None), _generic("Board of Education", "the")
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orgmodel.extract.lists import Piece
from orgmodel.extract.names import clean_name
from orgmodel.extract.scoring import normalize
from orgmodel.extract.vocab import VERBS, classify, head_word, words

__all__ = ["Ctx", "Raw", "add_fact", "is_self", "other_subject"]

_SELF = frozenset(
    {"this position", "position", "incumbent", "this class", "this role", "role", "this job"}
    | {"this classification", "employee", "this employee"}
)


_SUBJECT = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ee]ach|[Ee]very|[Tt]heir|[Ii]ts)\s+(?:[a-z]+'s\s+)?([A-Z][\w'&/-]*(?:\s+(?:[A-Z][\w'&/-]*|of|and|for|the|[IVX]{1,4}|"
    r"\d{1,2})){0,8})\s+([a-z]+)"
)


_QUANTIFIER = re.compile(r"^(?:all|each|various|several|other)\s+(?:of\s+)?(?:the\s+)?")


_LEVEL = re.compile(r"^(?:[IVX]{1,4}|\d{1,2})$")


_GENERIC_FIRST = words(
    """assigned designated appropriate respective relevant immediate higher-level higher next
    next-level applicable supervising department division unit program site area building team"""
)


_SELF_UNITS = words("department unit office division program team section area")


_WEAK_OK = frozenset({"team", "group", "staff", "crew", "unit"})


@dataclass(slots=True)
class Raw:
    relation: str
    kind: str
    name: str
    abbreviation: str | None
    generic: bool
    target: str
    start: int
    end: int
    cue: str
    priority: int
    mention: int
    norm: str = ""
    wordset: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.norm = normalize(self.name)
        self.wordset = frozenset(self.norm.split())


@dataclass(slots=True)
class Ctx:
    text: str
    view: str
    title_norm: str | None
    title_words: frozenset[str]
    title_head: str
    raws: list[Raw] = field(default_factory=list)
    strong: set[tuple[str, str]] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    mention: int = 0


def _levels(name: str) -> tuple[str, ...]:
    return tuple(w for w in name.split() if _LEVEL.match(w))


def _similar_to_title(ctx: Ctx, name: str) -> bool:
    if ctx.title_norm is None:
        return True
    norm = normalize(name)
    if norm == ctx.title_norm:
        return True
    title_levels, name_levels = _levels(ctx.title_norm.upper()), _levels(norm.upper())
    if title_levels and name_levels and title_levels != name_levels:
        return False
    words = frozenset(norm.split())
    shared = len(words & ctx.title_words)
    if shared * 2 >= min(len(words), len(ctx.title_words)):
        return True
    initials = "".join(w[0] for w in ctx.title_norm.split() if w not in {"of", "and", "the"})
    if name.isupper() and name.lower() == initials:
        return True
    return head_word(name) == ctx.title_head


def is_self(ctx: Ctx, name: str) -> bool:
    norm = normalize(name)
    if norm in _SELF:
        return True
    return ctx.title_norm is not None and (
        norm == ctx.title_norm or frozenset(norm.split()) == ctx.title_words
    )


def other_subject(ctx: Ctx, sent_start: int, cue_start: int) -> bool:
    """True when the clause before the cue has another post as its subject.

    The cue's own first word counts as the clause's verb ("The Office Manager
    supervises the clerks" in a Payroll Technician posting is about another post).
    """
    prefix = ctx.view[sent_start:cue_start] + ctx.view[cue_start : cue_start + 20].split(" ")[0]
    lowered = prefix.lower()
    marks = (";", " while ", " whereas ", " but ")
    cut = max((lowered.rfind(m) + len(m) if m in lowered else 0) for m in marks)
    if cut > 0:
        prefix = prefix[cut:]
    last: re.Match[str] | None = None
    for match in _SUBJECT.finditer(prefix):
        if match.group(2) in VERBS:
            last = match
    if last is None or classify(last.group(1)) != "post":
        return False
    return not _similar_to_title(ctx, last.group(1))


def _generic(name: str, determiner: str | None) -> bool:
    words = name.split()
    first = words[0] if words else ""
    return (
        determiner in {"a", "an", "any", "each"}
        or " or " in name.lower()
        or (first.lower() in _GENERIC_FIRST and (first.islower() or len(words) <= 2))
        or (name == name.lower() and determiner is None)
    )


def add_fact(
    ctx: Ctx,
    relation: str,
    kind: str,
    piece: Piece,
    cue: str,
    priority: int,
    *,
    prose: bool,
    weak: bool = False,
    sibling_target: str = "unit",
) -> None:
    cleaned = clean_name(ctx.view[piece.start : piece.end])
    if cleaned is None:
        return
    name = cleaned.name
    klass = classify(_QUANTIFIER.sub("", name))
    if klass == "other" and "," in name:
        klass = classify(name.rsplit(",", 1)[1].removeprefix(" and").removeprefix(" or"))
    if klass == "nonstaff":
        ctx.warnings.append(f"{cue} {name!r}: not staff, not an org-chart relation")
        return
    if klass == "other" and (prose or not name[:1].isupper()):
        return
    if relation == "supervises" and name.lower() in _SELF_UNITS:
        return
    if (
        weak
        and not piece.through
        and not (
            (name[:1].isupper() and klass in {"post", "unit"})
            or (head_word(name.split(" of ")[0]) in _WEAK_OK and " of " in name)
        )
    ):
        return
    if piece.marker in {"secondary", "dotted-line"}:
        kind = "secondary"
    elif piece.marker in {"primary", "solid-line"}:
        kind = "primary"
    if relation == "supervises" and piece.indirect:
        kind = "indirect"
    elif relation != "supervises" and piece.indirect:
        return
    target = (
        "unit" if klass == "unit" else "post" if klass in {"post", "people"} else sibling_target
    )
    ctx.raws.append(
        Raw(
            relation,
            kind,
            name,
            cleaned.abbreviation,
            _generic(name, cleaned.determiner),
            target,
            piece.start,
            piece.end,
            cue,
            priority,
            ctx.mention,
        )
    )
