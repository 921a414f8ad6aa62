"""How names of posts and units are compared: normalisation, acronyms, kinds.

One place decides that "the Chief Operating Officer (COO)", "Chief Operating
Officer" and "COO" name the same post, so the resolver, the CLI and the
merging of postings agree.

>>> norm_name("The Chief Operating Officer (COO)")
'chief operating officer'
>>> norm_name("Food & Child Nutrition Services Department")
'food and child nutrition services department'
>>> acronym("Chief Operating Officer")
'COO'
>>> acronym("Deputy Superintendent for Administration and Finance")
'DSAF'
>>> parenthetical("Chief Operating Officer (COO)")
'COO'
>>> guess_unit_kind("Office of Enrollment and School Choice")
<UnitKind.OFFICE: 'office'>
"""

from __future__ import annotations

import re

from orgmodel.records import UnitKind

__all__ = ["acronym", "guess_unit_kind", "norm_name", "parenthetical", "squash"]

_PAREN = re.compile(r"\s*\([^()]{0,80}\)")
_NON_WORD = re.compile(r"[^\w\s]+")
_ARTICLES = ("the ", "a ", "an ")
_MINOR = frozenset({"of", "and", "for", "the", "to", "in", "on", "at", "a", "an", "&"})


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


_KIND_WORDS: dict[str, UnitKind] = {
    "department": UnitKind.DEPARTMENT,
    "dept": UnitKind.DEPARTMENT,
    "office": UnitKind.OFFICE,
    "division": UnitKind.DIVISION,
    "bureau": UnitKind.BUREAU,
    "section": UnitKind.SECTION,
    "team": UnitKind.TEAM,
    "teams": UnitKind.TEAM,
    "board": UnitKind.BOARD,
    "council": UnitKind.COUNCIL,
    "committee": UnitKind.COMMITTEE,
    "commission": UnitKind.COMMITTEE,
}


def guess_unit_kind(name: str) -> UnitKind:
    """The kind a unit's name announces ("... Department", "Office of ...")."""
    words = norm_name(name).split()
    for word in (words[-1:] if words else []) + words[:1]:
        if word in _KIND_WORDS:
            return _KIND_WORDS[word]
    for word in words:
        if word in _KIND_WORDS:
            return _KIND_WORDS[word]
    return UnitKind.UNIT
