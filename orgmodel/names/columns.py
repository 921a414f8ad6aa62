"""How names compare (:mod:`orgmodel.names.rules`), for a whole column at once.

A million holders' names normalised one by one in Python take three
seconds; the same steps as pyarrow kernels (RE2 regular expressions, ASCII
case folding) take a tenth of that. The kernels repeat Python's rules
exactly for ASCII text, and every value holding a byte beyond ASCII is
normalised by :func:`orgmodel.names.rules.norm_name` itself (Unicode case and
word rules differ in details between RE2 and Python), so the result is the
same as the Python functions give, value for value (a property test checks it).

>>> import pyarrow as pa
>>> norm_names(pa.array(["The Chief Operating Officer (COO)", "Food & Nutrition", None,
...                      "Geschäftsführer"])).to_pylist()
['chief operating officer', 'food and nutrition', None, 'geschäftsführer']
>>> acronyms(pa.array(["Chief Operating Officer", "Mayor", "Dir. of Finance"])).to_pylist()
['COO', '', 'DF']
>>> parentheticals(pa.array(["Chief Operating Officer (COO)", "Mayor"])).to_pylist()
['COO', None]
>>> uppers(pa.array(["coo", "straße", None])).to_pylist()
['COO', 'STRASSE', None]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from orgmodel.names.rules import _MINOR, acronym, norm_name

__all__ = ["acronyms", "norm_names", "parentheticals", "uppers"]

_WS = r"\t\n\x0b\x0c\r\x1c-\x1f "
"""What Python's ``\\s`` and ``str.split()`` take for white space, among ASCII characters."""
_PAREN = rf"[{_WS}]*\([^()]{{0,80}}\)"  # naming._PAREN
_NON_WORD = rf"[^A-Za-z0-9_{_WS}]+"  # naming._NON_WORD on ASCII text
_SPACES = rf"[{_WS}]+"
_ABBREVIATION = r"\((?P<abbr>[A-Za-z][A-Za-z0-9&.\-]{1,11})\)"  # naming.parenthetical
_MINOR_WORDS = pa.array(sorted(_MINOR))


def _strings(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if array.type != pa.string():
        array = array.cast(pa.string())
    return array


def _beyond_ascii(array: pa.Array) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Which values hold a byte beyond ASCII (one pass over the bytes, none over the values)."""
    n = len(array)
    data = array.buffers()[2]
    if data is None or not n:
        return np.zeros(n, dtype=bool)
    high = np.frombuffer(data, dtype=np.uint8) >= 0x80
    if not high.any():
        return np.zeros(n, dtype=bool)
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int32)[array.offset : array.offset + n + 1]
    counts = np.concatenate([[0], np.cumsum(high, dtype=np.int64)])
    found: np.ndarray[Any, np.dtype[np.bool_]] = counts[offsets[1:]] > counts[offsets[:-1]]
    return found


def _with_python(
    array: pa.Array, result: pa.Array, python: Callable[[str], str | None]
) -> pa.Array:
    """``result`` with each value beyond ASCII replaced by what ``python`` makes of it."""
    mask = _beyond_ascii(array) & np.asarray(array.is_valid())
    if not mask.any():
        return result
    rows = np.flatnonzero(mask)
    values = [python(v) for v in array.take(pa.array(rows)).to_pylist()]
    return pc.replace_with_mask(result, pa.array(mask), pa.array(values, pa.string()))


def norm_names(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    """:func:`orgmodel.names.rules.norm_name` of every value (null stays null)."""
    array = _strings(array)
    text = pc.replace_substring_regex(array, _PAREN, " ")
    text = pc.ascii_lower(pc.replace_substring(text, "&", " and "))
    text = pc.replace_substring(text, "'s ", "s ")
    text = pc.replace_substring_regex(text, _NON_WORD, " ")
    text = pc.utf8_trim(pc.replace_substring_regex(text, _SPACES, " "), " ")
    text = pc.replace_substring_regex(text, "^(?:the |a |an )", "", max_replacements=1)
    return _with_python(array, text, norm_name)


def acronyms(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    """:func:`orgmodel.names.rules.acronym` of every value ('' for one word; null stays null)."""
    array = _strings(array)
    n = len(array)
    text = pc.replace_substring_regex(array, _PAREN, " ")
    text = pc.replace_substring_regex(text, _NON_WORD, " ")
    words = pc.split_pattern_regex(text.fill_null(""), _SPACES)
    flat = pc.list_flatten(words)
    row = np.asarray(pc.list_parent_indices(words))
    keep = np.asarray(
        pc.and_(
            pc.greater(pc.utf8_length(flat), 0),
            pc.invert(pc.is_in(pc.ascii_lower(flat), value_set=_MINOR_WORDS)),
        )
    )
    initials = pc.utf8_slice_codeunits(flat.filter(pa.array(keep)), 0, 1)
    counts = np.bincount(row[keep], minlength=n)
    offsets = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    joined = pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), initials), "")
    result = pc.if_else(pa.array(counts >= 2), pc.ascii_upper(joined), "")
    result = pc.if_else(array.is_valid(), result, pa.scalar(None, pa.string()))
    return _with_python(array, result, acronym)


def parentheticals(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    """:func:`orgmodel.names.rules.parenthetical` of every value (null where none).

    The pattern is ASCII only, so RE2 finds what Python's ``re`` finds in any text.
    """
    found: pa.Array = pc.extract_regex(_strings(array), _ABBREVIATION).flatten()[0]
    return found  # (flatten, unlike field(), keeps the nulls of values that do not match)


def uppers(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    """``str.upper()`` of every value (null stays null): ``'straße'`` is ``'STRASSE'``."""
    array = _strings(array)
    return _with_python(array, pc.ascii_upper(array), str.upper)
