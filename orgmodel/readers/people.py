"""People's names as HR systems write them: ``"Dietrich, Jenna  "`` is Jenna Dietrich.

HRIS exports list employees as "Last, First M" but name managers the other
way round ("John Smith"), so a manager given by name finds nobody until the
holders are put in the order people write them. :func:`natural_order` does
that for a file whose holders are *mostly* written "Last, First" (a sample
decides, so a file of "Smith, Jones & Co" style names is left alone); the
name as written is kept in the attribute ``name as written``.

>>> person_name("Dietrich, Jenna  ")
'Jenna Dietrich'
>>> person_name("LeBlanc, Brandon  R")
'Brandon R LeBlanc'
>>> person_name("Jenna Dietrich") is None
True
"""

from __future__ import annotations

import re

from orgmodel.naming import squash
from orgmodel.records import OrgData

__all__ = ["natural_order", "person_name"]

_LAST_FIRST = re.compile(r"^\s*([^\W\d_][\w'.\- ]*?)\s*,\s*([^\W\d_][\w'.\- ]*?)\s*$")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md"})
_SAMPLE = 200


def person_name(text: str) -> str | None:
    """``"Last, First M"`` -> ``"First M Last"``; None when the text is not written that way."""
    m = _LAST_FIRST.match(text)
    if m is None or m.group(2).lower() in _SUFFIXES:
        return None
    return squash(f"{m.group(2)} {m.group(1)}")


def natural_order(data: OrgData) -> int:
    """Put holders written "Last, First" in natural order when most are; returns how many."""
    sample = [p.holder for p in data.posts[:_SAMPLE] if p.holder]
    if not sample or sum(1 for h in sample if person_name(h)) * 2 <= len(sample):
        return 0
    changed = 0
    for i, post in enumerate(data.posts):
        flipped = person_name(post.holder) if post.holder else None
        if flipped:
            attrs = {**(post.attributes or {}), "name as written": post.holder or ""}
            data.posts[i] = post._replace(holder=flipped, attributes=attrs)
            changed += 1
    return changed
