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
from typing import TYPE_CHECKING

from orgmodel.names.rules import squash
from orgmodel.records import OrgData, PostRecord

if TYPE_CHECKING:
    from orgmodel.graph.columns import PostBlock

__all__ = ["natural_order", "person_name"]

_LAST_FIRST = re.compile(r"^\s*([^\W\d_][\w'.\- ]*?)\s*,\s*([^\W\d_][\w'.\- ]*?)\s*$")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md"})
_SAMPLE = 200
WRITTEN = "name as written"


def person_name(text: str) -> str | None:
    """``"Last, First M"`` -> ``"First M Last"``; None when the text is not written that way."""
    m = _LAST_FIRST.match(text)
    if m is None or m.group(2).lower() in _SUFFIXES:
        return None
    return squash(f"{m.group(2)} {m.group(1)}")


def _flip_records(posts: list[PostRecord]) -> int:
    changed = 0
    for i, post in enumerate(posts):
        flipped = person_name(post.holder) if post.holder else None
        if flipped:
            attrs = {**(post.attributes or {}), WRITTEN: post.holder or ""}
            posts[i] = post._replace(holder=flipped, attributes=attrs)
            changed += 1
    return changed


def _flip_block(block: PostBlock) -> int:
    """The same on a column-wise block, without turning its rows into records."""
    import pyarrow as pa

    from orgmodel.graph.columns import ATTRIBUTES

    table = block.table
    holders = table.column("holder").to_pylist()
    attributes = table.column("attributes").to_pylist()
    changed = 0
    for i, holder in enumerate(holders):
        flipped = person_name(holder) if holder else None
        if flipped:
            attributes[i] = [*(attributes[i] or []), (WRITTEN, holder)]
            holders[i] = flipped
            changed += 1
    if changed:
        at = table.schema.get_field_index
        table = table.set_column(at("holder"), "holder", pa.array(holders, pa.string()))
        table = table.set_column(at("attributes"), "attributes", pa.array(attributes, ATTRIBUTES))
        block.table = table
    return changed


def natural_order(data: OrgData) -> int:
    """Put holders written "Last, First" in natural order when most are; returns how many.

    Works on records and on column-wise blocks alike, sampling the first
    holders of each, so a table written "First Last" costs nothing.
    """
    chunks = data.chunks()
    sample: list[str] = []
    for chunk in chunks:
        if isinstance(chunk, tuple):
            sample += [p.holder for p in chunk[0][:_SAMPLE] if p.holder]
        else:
            sample += [h for h in chunk.table.column("holder").slice(0, _SAMPLE).to_pylist() if h]
    if not sample or sum(1 for h in sample if person_name(h)) * 2 <= len(sample):
        return 0
    changed = _flip_records(data.record_posts)
    for chunk in chunks:
        if not isinstance(chunk, tuple):
            changed += _flip_block(chunk)
    return changed
