"""How names of posts, units and organizations compare: one rule set for every place.

A name a user types (``orgmodel chain "the COO"``), a superior a posting
names ("reports to the Superintendent"), a manager a table gives by name and
a title compared between two versions of an org are all matched by these
rules, so that the lookup, the merging of postings (:mod:`orgmodel.sources.resolve`),
the references of a table (:mod:`orgmodel.readers.parents_by_name`, the graph
build) and the diff (:mod:`orgmodel.diff.match`) agree on what names the same
thing.

**Keys.** A name's key (:func:`name_key`) is the name lower-cased, without
parentheticals, punctuation or a leading article, ``&`` read as *and*; a
unit's key drops its kind word too, so "Facilities Department" is the unit
"Facilities". Its abbreviations (:func:`abbreviations`) are one given with
it, one in parentheses, and its initials (two or more significant words).

**Tiers.** A name is matched in tiers, and the first tier with any match
decides (:func:`first_tier`): so "Superintendent" finds the Superintendent of
Schools, not every deputy whose title contains the word.

========================  ===========================================================
tier                      a post or unit matches when
========================  ===========================================================
:attr:`Tier.EXACT`        its key is the key asked for
:attr:`Tier.ABBREVIATION` one of its abbreviations is the abbreviation asked for (a
                          single word, or one in parentheses)
:attr:`Tier.HOLDER`       the key of its holder's name is the key asked for
:attr:`Tier.PREFIX`       its key starts with the words asked for
:attr:`Tier.CONTAINS`     its key holds the words asked for
========================  ===========================================================

Which tiers apply depends on how far a wrong match can be caught:
:data:`LOOKUP` (a user's name: every tier, several matches are an error that
lists them), :data:`REFERENCE` (a manager or unit a source names: no partial
words, the graph reports what stays ambiguous), :data:`MERGE` (postings merged
by role: no holders, no words in the middle of a title, and only a single
match merges) and :data:`MATCH` (the diff: the same key).

>>> norm_name("The Chief Operating Officer (COO)")
'chief operating officer'
>>> norm_name("Food & Child Nutrition Services Department")
'food and child nutrition services department'
>>> name_key("the Facilities Department", unit=True) == name_key("Facilities", unit=True)
True
>>> sorted(abbreviations("Chief Operating Officer (COO)", given="Ops"))
['COO', 'OPS']
>>> [asked(name).abbreviation for name in ("hps coo", "coo", "the COO", "Chief (CFO)")]
[None, 'COO', 'COO', 'CFO']
>>> acronym("Deputy Superintendent for Administration and Finance")
'DSAF'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

__all__ = [
    "LOOKUP",
    "MATCH",
    "MERGE",
    "REFERENCE",
    "Asked",
    "Tier",
    "abbreviations",
    "acronym",
    "asked",
    "first_tier",
    "holds_words",
    "name_key",
    "norm_name",
    "parenthetical",
    "squash",
    "starts_with_words",
]

_PAREN = re.compile(r"\s*\([^()]{0,80}\)")
_NON_WORD = re.compile(r"[^\w\s]+")
_ARTICLES = ("the ", "a ", "an ")
_MINOR = frozenset({"of", "and", "for", "the", "to", "in", "on", "at", "a", "an", "&"})
_KIND_SUFFIXES = ("department", "office", "division", "unit", "section", "services", "team")
"""Kind words a unit's key drops: "Facilities Department" and "Facilities" are one unit."""


def squash(text: str) -> str:
    """Collapse runs of white space: ``'Jane   Doe '`` -> ``'Jane Doe'``."""
    return " ".join(text.split())


def norm_name(text: str) -> str:
    """Lowercase, drop parentheticals, ``&`` -> and, drop punctuation and a leading article."""
    text = _PAREN.sub(" ", text).replace("&", " and ").replace("’", "'")
    text = _NON_WORD.sub(" ", text.lower().replace("'s ", "s "))
    text = squash(text)
    for article in _ARTICLES:
        if text.startswith(article):
            text = text[len(article) :]
            break
    return text


def name_key(name: str, *, unit: bool = False) -> str:
    """The comparable form of a name: :func:`norm_name`, and for a unit its kind word dropped.

    >>> name_key("Office of the Mayor (OTM)"), name_key("IT Services", unit=True)
    ('office of the mayor', 'it')
    >>> name_key("Director of Student Services")  # a post's title keeps every word
    'director of student services'
    """
    key = norm_name(name)
    if unit:
        for suffix in _KIND_SUFFIXES:
            if key.endswith(" " + suffix):
                return key[: -len(suffix) - 1]
    return key


def acronym(text: str) -> str:
    """Initials of the significant words, upper case; '' for one-word names."""
    words = [w for w in _NON_WORD.sub(" ", _PAREN.sub(" ", text)).split() if w]
    sig = [w for w in words if w.lower() not in _MINOR]
    if len(sig) < 2:
        return ""
    return "".join(w[0] for w in sig).upper()


def parenthetical(text: str) -> str | None:
    """The abbreviation given in parentheses, if it looks like one."""
    m = re.search(r"\(([A-Za-z][A-Za-z0-9&.\-]{1,11})\)", text)
    return m.group(1) if m else None


def abbreviations(name: str, given: str | None = None) -> set[str]:
    """What a post or unit called ``name`` answers to as an abbreviation, upper case: the one
    ``given`` with it, one in parentheses in the name, and its initials."""
    return {a.upper() for a in (given, parenthetical(name), acronym(name)) if a}


def starts_with_words(key: str, words: str) -> bool:
    """Whether ``key`` starts with the whole words of ``words`` (both keys).

    >>> starts_with_words("superintendent of schools", "superintendent")
    True
    >>> starts_with_words("superintendents office", "superintendent")
    False
    """
    return key == words or key.startswith(words + " ")


def holds_words(key: str, words: str) -> bool:
    """Whether ``key`` holds the whole words of ``words`` anywhere (both keys)."""
    return f" {words} " in f" {key} "


class Tier(StrEnum):
    """The ways a name matches, strictest first (see the table above)."""

    EXACT = "exact"
    ABBREVIATION = "abbreviation"
    HOLDER = "holder"
    PREFIX = "prefix"
    CONTAINS = "contains"


LOOKUP = (Tier.EXACT, Tier.ABBREVIATION, Tier.HOLDER, Tier.PREFIX, Tier.CONTAINS)
"""A name a user gives: every tier (several matches are an error listing them)."""
REFERENCE = (Tier.EXACT, Tier.ABBREVIATION, Tier.HOLDER)
"""A superior or unit a source names: whole names only."""
MERGE = (Tier.EXACT, Tier.ABBREVIATION, Tier.PREFIX)
"""Postings merged by role: "Superintendent" is the Superintendent of Schools, but a
holder's name or words inside a title never merge two posts."""
MATCH = (Tier.EXACT,)
"""Two versions of an org compared: the same key."""


@dataclass(frozen=True)
class Asked:
    """A name as asked for, in the forms the tiers compare (:func:`asked`)."""

    text: str
    key: str
    """Its key as a post's title or a holder's name."""
    unit_key: str
    """Its key as a unit's name (kind word dropped)."""
    abbreviation: str | None
    """The abbreviation it is, if it is one: a single word, or one in parentheses."""


def asked(text: str) -> Asked:
    """The forms of a name the tiers compare. It is an abbreviation when it gives one in
    parentheses, or is one word after a leading article ("the COO")."""
    words = text.split()
    if len(words) == 2 and words[0].lower() + " " in _ARTICLES:
        words = words[1:]
    abbreviation = parenthetical(text) or (words[0] if len(words) == 1 else None)
    return Asked(
        text,
        name_key(text),
        name_key(text, unit=True),
        abbreviation.upper() if abbreviation else None,
    )


T = TypeVar("T")


def first_tier(
    name: Asked, tiers: Sequence[Tier], hits: Callable[[Tier, Asked], Iterable[T]]
) -> tuple[Tier | None, list[T]]:
    """The first of ``tiers`` in which ``hits`` finds anything, and what it found there.

    ``hits(tier, name)`` is the index's answer for one tier: each index (a graph's
    name tables, the merging of postings) keeps its names its own way, and this
    walk is what makes them match by the same rules.

    >>> titles = {"superintendent of schools": 1, "deputy superintendent": 2}
    >>> def hits(tier, name):
    ...     if tier is Tier.PREFIX:
    ...         return [n for k, n in titles.items() if starts_with_words(k, name.key)]
    ...     if tier is Tier.CONTAINS:
    ...         return [n for k, n in titles.items() if holds_words(k, name.key)]
    ...     return []
    >>> first_tier(asked("Superintendent"), LOOKUP, hits)
    (<Tier.PREFIX: 'prefix'>, [1])
    """
    for tier in tiers:
        if tier is Tier.ABBREVIATION and name.abbreviation is None:
            continue
        if tier is not Tier.ABBREVIATION and not name.key:
            continue
        found = list(hits(tier, name))
        if found:
            return tier, found
    return None, []
