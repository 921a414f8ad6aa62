"""Names as the corpus conventions write them, and how to tell a person's name.

One role or unit per item, written as in the text, without a leading article
and without a parenthetical abbreviation (kept apart in ``abbreviation``);
"X or designee" is X; "lower-level" qualifiers are dropped like articles;
codes in parentheses ("(7731KB)") go; ALL CAPS is title-cased with acronyms
and roman numerals kept. A comma-separated personal name next to a title
("the CEO, Jordan Avery") is recognised so it can be dropped. :func:`clean_name` is
memoised: a pure function of one string (a frozen result), so the cache only saves time.

>>> clean_name("the Chief Operating Officer (COO)")
Cleaned(name='Chief Operating Officer', abbreviation='COO', determiner='the')
>>> clean_name("Deputy Director of Public Works or designee").name
'Deputy Director of Public Works'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from orgmodel.extract.vocab import (
    DETERMINERS,
    DOMAIN_WORDS,
    NONSTAFF,
    PEOPLE,
    POSTS,
    UNITS,
    singular,
    words,
)

__all__ = ["Cleaned", "clean_name", "is_person_name", "smart_title"]

_MARKER = re.compile(r"\(\s*(primary|secondary|dotted[- ]line|solid[- ]line)\s*\)", re.IGNORECASE)
_LEAD_CONJ = re.compile(r"(?:and/or|and|or|nor|&)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A name as the corpus conventions write it, with what was removed."""

    name: str
    abbreviation: str | None
    determiner: str | None


_PERSON_TOKEN = re.compile(r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+(?:[A-Z][a-z]+)?[.]?$")
_PLACE_WORDS = words(
    """west east north south central northern southern eastern western midwest northeast
    northwest southeast southwest market markets metro metropolitan region regions global
    americas europe pacific atlantic coast valley county city state district campus zone
    territory province field corporate enterprise group"""
)
_NAME_WORDS = POSTS | UNITS | PEOPLE | DOMAIN_WORDS | NONSTAFF | _PLACE_WORDS


def is_person_name(text: str) -> bool:
    """Two or three capitalised tokens, none of them job vocabulary ("Jordan Avery").

    >>> is_person_name("Jordan Avery"), is_person_name("Asian Art")
    (True, False)
    """
    tokens = text.split()
    if not 2 <= len(tokens) <= 3:
        return False
    for word in tokens:
        if not _PERSON_TOKEN.match(word) and not re.fullmatch(r"[A-Z]\.", word):
            return False
        if singular(word.lower().rstrip(".")) in _NAME_WORDS or word.lower() in _NAME_WORDS:
            return False
    return True


_DESIGNEE = re.compile(
    r"\s*(?:,\s*)?\(?\s*or\s+(?:his\s+or\s+her\s+|his/her\s+|their\s+|a\s+|an\s+|the\s+|his\s+|her\s+)?"
    r"(?:designee|designated\s+representative|authorized\s+designee)\s*\)?\s*$",
    re.IGNORECASE,
)
_TRAIL_PAREN = re.compile(r"\s*\(([^()]{1,40})\)\s*$")
_ABBR = re.compile(r"[A-Z][A-Za-z&./-]{0,9}")
_JUNK_START = frozenset("*-+(0123456789")
_LEAD_JUNK = re.compile(r"^(?:[*\-+]+|\(?\d{1,2}[.)]|\(?[a-h]\)|\([ivx]{1,4}\))\s*")
_LOWER_LEVEL = re.compile(r"^(?:lower|lower-level|lower level)\s+(?:level\s+)?", re.IGNORECASE)
_MINOR = words("of the and for to in at on a an or by with")
_KEEP_CAPS = words(
    """IT HR ESL RN LPN CNA CEO COO CFO CIO CTO CPO VP SVP EVP AVP GM PR QA EMS EMT GIS ADA EEO
    US USA UK MD DC NYC OIT"""
)
_ROMAN = re.compile(r"[IVX]{1,4}[,.]?$")


def smart_title(text: str) -> str:
    """Title-case an ALL CAPS name, keeping acronyms and roman numerals.

    >>> smart_title("DIRECTOR OF THE MAYOR'S OFFICE OF HOUSING")
    "Director of the Mayor's Office of Housing"
    >>> smart_title("CUSTODIAN I, II, III, & IV")
    'Custodian I, II, III, & IV'
    """
    out: list[str] = []
    for index, word in enumerate(text.split()):
        bare = word.strip(",.;:()")
        if _ROMAN.match(bare) or bare in _KEEP_CAPS or not re.search(r"[AEIOUY]", bare):
            out.append(word)
        elif index and bare.lower() in _MINOR:
            out.append(word.lower())
        else:
            out.append("-".join(part[:1] + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


_LETTER = re.compile(r"[^\W\d_]")
_NOT_NAMES = DETERMINERS | _MINOR


@lru_cache(maxsize=16384)
def clean_name(raw: str) -> Cleaned | None:
    """The name as the corpus conventions write it; None when nothing is left."""
    text = " ".join(raw.split())
    if text[:1] in _JUNK_START:
        text = _LEAD_JUNK.sub("", text)
    if text[:1] in "aAoOnN&":
        text = _LEAD_CONJ.sub("", text, count=1) if _LEAD_CONJ.match(text) else text
    text = text.strip(" .,;:*-\"'")
    if "design" in text.lower():
        text = _DESIGNEE.sub("", text)
    determiner: str | None = None
    first = text.split(" ", 1)
    if len(first) == 2 and first[0].lower() in DETERMINERS:
        determiner = first[0].lower()
        text = first[1]
    if text[:5].lower() == "lower":
        text = _LOWER_LEVEL.sub("", text)
    abbreviation: str | None = None
    paren = _TRAIL_PAREN.search(text) if text.endswith(")") else None
    if paren:
        inner = paren.group(1).strip()
        if _MARKER.fullmatch(f"({inner})") or (re.search(r"\d", inner) and len(inner) <= 15):
            text = text[: paren.start()]
        elif _ABBR.fullmatch(inner) and not _ROMAN.match(inner) and " " not in inner:
            abbreviation = inner
            text = text[: paren.start()]
    text = text.strip(" .,;:-")
    if not _LETTER.search(text) or text.lower() in _NOT_NAMES:
        return None
    if text.isupper() and sum(ch.isalpha() for ch in text) > 4:
        text = smart_title(text)
    return Cleaned(text, abbreviation, determiner)
