"""Layout: a same-length working copy of the text, lines, sections and sentences.

Postings arrive as flattened PDFs, saved web pages with stray ``<br />``
tags, hard-wrapped class specifications and markdown. Every fact must point
back into the text the caller passed, so instead of rewriting the text we
build a *working view* of exactly the same length: curly quotes become
straight, tags and entities become blanks or line breaks, bullets become
``*``. Offsets found in the view are offsets in the original.

On that view we find the lines, the headings that open sections (a
"QUALIFICATIONS" section states requirements, not reporting lines; a
"SUPERVISION EXERCISED" section states what the post supervises) and the
sentences, joining hard-wrapped lines and splitting at terminal punctuation.

>>> v = work_view("report directly <br />to the Board")
>>> len(v) == len("report directly <br />to the Board"), "<" in v
(True, False)
>>> [s.kind for s in find_sections(work_view("Duties\\nDo it.\\nQUALIFICATIONS\\nA degree."))]
['duties', 'qualification']
>>> text = "The Clerk reports to the Mayor. Supervises: none\\n"
>>> [text[a:b] for a, b in sentences(work_view(text))]
['The Clerk reports to the Mayor.', 'Supervises: none']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

__all__ = [
    "Section",
    "SectionKind",
    "SentenceIndex",
    "find_sections",
    "heading_lines",
    "line_spans",
    "section_at",
    "sentences",
    "work_view",
]

SectionKind = Literal[
    "qualification", "received", "exercised", "both", "duties", "summary", "about", "other"
]

_TRANSLATE = str.maketrans(
    {
        "\u00a0": " ",
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u2022": "*",
        "\u25cf": "*",
        "\u25aa": "*",
        "\uf0b7": "*",
        "\u00b7": "*",
        "\u2023": "*",
        "\u2043": "*",
        "\t": " ",
        "\r": " ",
        "\f": "\n",
        "\v": "\n",
        "\x85": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        "\u200b": " ",
        "\u200c": " ",
        "\u200d": " ",
        "\ufeff": " ",
        "\u00ad": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2026": ".",
    }
)
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:br|p|div|li|ul|ol|tr|h[1-6]|table|section|article|header|footer|dt|dd|blockquote)"
    r"\b[^<>]{0,200}>",
    re.IGNORECASE,
)
_INLINE_TAG = re.compile(
    r"<\s*/?\s*(?:span|b|i|u|em|strong|font|a|td|th|tbody|thead|small|sup|sub)\b[^<>]{0,200}>",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:nbsp|amp|quot|apos|lt|gt|#\d{1,5}|#x[0-9a-fA-F]{1,4});")
_ENTITY_CHAR = {"&amp;": "&", "&quot;": '"', "&apos;": "'", "&lt;": "<", "&gt;": ">"}
_MARKDOWN = re.compile(r"\*\*|__|^[ ]{0,3}#{1,6}(?=[ ])", re.MULTILINE)


def _pad_break(match: re.Match[str]) -> str:
    return "\n" + " " * (match.end() - match.start() - 1)


def _pad_blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _pad_entity(match: re.Match[str]) -> str:
    token = match.group(0)
    char = _ENTITY_CHAR.get(token.lower(), " ")
    if token.startswith("&#"):
        try:
            code = int(token[3:-1], 16) if token[2] in "xX" else int(token[2:-1])
            char = chr(code).translate(_TRANSLATE) if 32 <= code < 0x110000 else " "
        except ValueError:
            char = " "
        if len(char) != 1 or char in "\n<>":
            char = " "
    return char + " " * (len(token) - 1)


_REPLACE = {chr(code): char for code, char in _TRANSLATE.items()}
_SPECIAL = re.compile("[" + re.escape("".join(_REPLACE)) + "]")


def _replace(match: re.Match[str]) -> str:
    return _REPLACE[match.group(0)]


def work_view(text: str) -> str:
    """The text with the same length and offsets, cleaned for pattern matching.

    The one-character replacements run as a regex over the few characters to
    replace: ``str.translate`` with a dict walks every character in Python's
    slow path once the text holds any non-ASCII character (10x slower here).
    """
    if "\t" in text:
        text = _TAB_LABEL.sub(_tab_colon, text)
    view = _SPECIAL.sub(_replace, text)
    if "<" in view:
        view = _BLOCK_TAG.sub(_pad_break, view)
        view = _INLINE_TAG.sub(_pad_blank, view)
    if "&" in view:
        view = _ENTITY.sub(_pad_entity, view)
    if "*" in view or "_" in view or "#" in view:
        view = _MARKDOWN.sub(_pad_blank, view)
    return view


_TAB_LABEL = re.compile(r"(?m)^([ ]*[A-Za-z][A-Za-z /&'()-]{0,40}?[A-Za-z)])[ ]*\t[ \t]*(?=\S)")
"""A short label, a tab and its value: a table cell pair copied from a web page."""


def _tab_colon(match: re.Match[str]) -> str:
    """ "Reports To<TAB>Director" reads as "Reports To:Director" (same length)."""
    label = match.group(1)
    return label + ":" + " " * (len(match.group(0)) - len(label) - 1)


_LINE = re.compile(r"[^\n]*")


def line_spans(view: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line (end excludes the newline)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    size = len(view)
    while pos <= size:
        nl = view.find("\n", pos)
        if nl < 0:
            spans.append((pos, size))
            break
        spans.append((pos, nl))
        pos = nl + 1
    return spans


@dataclass(frozen=True, slots=True)
class Section:
    """A stretch of text under one heading; ``kind`` says how to read it."""

    start: int
    end: int
    kind: SectionKind
    heading: str


_QUAL = re.compile(
    r"qualif|requirement|\bknowledge\b|\bskill|\babilit|\beducation|\bexperience|certif|licens|"
    r"preferred|competenc|physical|working conditions|work environment|benefits|how to apply|"
    r"\bapplication|salary|compensation|who you are|what you bring|about you|"
    r"equal (?:employment )?opportunity|disclaimer|\bminimum|desired|training and",
    re.IGNORECASE,
)
_RECEIVED = re.compile(r"supervision received|supervisory controls", re.IGNORECASE)
_EXERCISED = re.compile(
    r"supervision exercised|supervisory responsibilit|supervision of others|supervision given|"
    r"staff supervised|positions supervised|supervisory duties|reporting and supervisory",
    re.IGNORECASE,
)
_BOTH = re.compile(r"supervision received and exercised|reporting relationships", re.IGNORECASE)
_DUTIES = re.compile(
    r"dut(?:y|ies)|responsibilit|essential functions?|accountabilit|what you(?:'ll| will) do|"
    r"examples? of (?:work|duties)|tasks|key (?:areas|functions)|the role|your role",
    re.IGNORECASE,
)
_SUMMARY = re.compile(
    r"summary|overview|purpose|definition|general description|nature of (?:work|position)|"
    r"position description|job description|distinguishing|scope|objective|general statement|"
    r"organi[sz]ation(?:al)? structure|reporting",
    re.IGNORECASE,
)
_ABOUT = re.compile(
    r"about (?:us|the (?:company|organization|city|county|district|agency|employer|team))|"
    r"who we are|our (?:mission|vision|values|story|culture)|company (?:overview|profile)|"
    r"why (?:join|work)|perks",
    re.IGNORECASE,
)
_NUMBERED = r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-H][.)])[ ]+"
_CAPS_HEAD = re.compile(rf"[ *\-]*(?:{_NUMBERED})?([A-Z][A-Z0-9 ,&/'()\-]{{2,78}}?)[ ]*(?::|$)")
"""An ALL CAPS heading, numbered or not ("3.0 SUPERVISION EXERCISED", "DUTIES:")."""
_TITLE_HEAD = re.compile(r"[ *\-]*([A-Z][\w'&/-]*(?:[ ,]+[\w'&/-]+){0,5})[ ]*:?[ ]*$")


def _heading(view: str, start: int, end: int) -> str | None:
    line = view[start:end]
    stripped = line.strip()
    if not stripped or len(stripped) > 90:
        return None
    match = _CAPS_HEAD.match(line)
    if match and sum(ch.isalpha() for ch in match.group(1)) >= 4:
        return match.group(1)
    short_label = len(stripped) <= 50 and len(stripped.split()) <= 6
    if short_label and stripped.endswith(":") and stripped.count(":") == 1:
        return stripped[:-1]
    if len(stripped) <= 60 and not stripped.endswith((".", ";", ",")):
        match = _TITLE_HEAD.match(line)
        if match:
            words = match.group(1).replace(",", " ").split()
            if all(
                w[0].isupper() or w.lower() in {"and", "of", "the", "&", "to", "for"} for w in words
            ):
                return match.group(1)
    return None


@lru_cache(maxsize=4096)
def _kind(heading: str) -> SectionKind:
    if _BOTH.search(heading):
        return "both"
    if _RECEIVED.search(heading):
        return "received"
    if _EXERCISED.search(heading):
        return "exercised"
    if _ABOUT.search(heading):
        return "about"
    if _QUAL.search(heading):
        return "qualification"
    if _DUTIES.search(heading):
        return "duties"
    if _SUMMARY.search(heading):
        return "summary"
    return "other"


def heading_lines(view: str, lines: list[tuple[int, int]]) -> dict[int, str]:
    """The lines that are headings: line start -> heading text (computed once, used twice).

    A short Title Case line is a heading unless it is an item: a bulleted line ("- Budget
    Manager"), a lead-in to a list ("Supervises the following positions:"), or one of the
    lines right under a supervision heading that name posts one per line.

    >>> text = "SUPERVISION EXERCISED\\nController\\n- Budget Manager\\n\\nDuties"
    >>> sorted(heading_lines(text, line_spans(text)).values())
    ['Duties', 'SUPERVISION EXERCISED']
    """
    heads: dict[int, str] = {}
    listing = False  # inside the first block of lines under a supervision heading
    for start, end in lines:
        if not view[start:end].strip():
            listing = False
            continue
        head = _heading(view, start, end)
        if head is None:
            continue
        if not head.isupper() and (listing or _ITEM_LINE.match(view, start, end)):
            continue
        heads[start] = head
        listing = _kind(head) in {"exercised", "received", "both"}
    return heads


_ITEM_LINE = re.compile(
    r"[ ]*(?:[\-+>\u2022\u25aa\u25cf]|\*(?!\*))[ ]+|.*\bfollowing\b.*:[ ]*$", re.I
)
"""A bulleted line, or a lead-in to a list: an item, never a heading."""


def find_sections(
    view: str, lines: list[tuple[int, int]] | None = None, heads: dict[int, str] | None = None
) -> list[Section]:
    """Sections in document order; text before the first heading is an 'other' section."""
    if heads is None:
        heads = heading_lines(view, lines if lines is not None else line_spans(view))
    sections: list[Section] = []
    starts = list(heads)
    if not starts or starts[0] > 0:
        sections.append(Section(0, starts[0] if starts else len(view), "other", ""))
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(view)
        sections.append(Section(start, end, _kind(heads[start]), heads[start].strip()))
    return sections


def section_at(sections: list[Section], pos: int) -> Section:
    """The section containing ``pos`` (binary search over ordered sections)."""
    lo, hi = 0, len(sections) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sections[mid].start <= pos:
            lo = mid
        else:
            hi = mid - 1
    return sections[lo]


_BULLET_START = re.compile(r"[ ]*(?:[*\-+>]|\d{1,2}[.)]|\(\d{1,2}\)|[a-z][.)])[ ]")
_SPLIT = re.compile(
    r"(?<![ (][A-Z])(?<![ (](?:Sr|Jr|Dr|Mr|Ms|St|No|Co|Lt))(?<![ (](?:Mrs|Inc|Sgt|Dir|Mgr))"
    r"(?<![ (](?:Capt|Asst|Dept|Supt|Exec))(?<![ (](?:Assoc|Admin))(?<!e\.g)(?<!i\.e)"
    r"[.!?]+[\"')\]]*[ \n]+(?=[\"'(*\-]?[A-Z0-9])|[ ]\*[ ]|"
    r"(?<=[ ][IVX])\.[ ]+(?=(?:The|This|A|An|It|He|She|They|We|You|Our|Each|All|In|As)\b)"
)
"""A sentence ends at ``. ! ?`` before a capital, but not after an initial or a title
abbreviation ("Sr. Director", "J. Smith", "Dept. Head")."""
_WRAP_MIN = 55


def _blocks(
    view: str, lines: list[tuple[int, int]], heads: dict[int, str] | None = None
) -> list[tuple[int, int]]:
    """Paragraphs: hard-wrapped lines joined (a line after a long one that is not a bullet or a
    heading continues it)."""
    blocks: list[tuple[int, int]] = []
    cur_start = -1
    cur_end = -1
    prev_len = 0
    prev_last = ""
    for start, end in lines:
        text = view[start:end]
        stripped = text.strip()
        if not stripped:
            if cur_start >= 0:
                blocks.append((cur_start, cur_end))
            cur_start = -1
            continue
        joins = (
            cur_start >= 0
            and prev_len >= _WRAP_MIN
            and prev_last not in ".!?:;"
            and not _BULLET_START.match(text)
            and (start not in heads if heads is not None else _heading(view, start, end) is None)
        )
        if joins:
            cur_end = end
        else:
            if cur_start >= 0:
                blocks.append((cur_start, cur_end))
            cur_start, cur_end = start, end
        prev_len = len(stripped)
        prev_last = stripped[-1]
    if cur_start >= 0:
        blocks.append((cur_start, cur_end))
    return blocks


def _split_block(view: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for match in _SPLIT.finditer(view, start, end):
        cut = match.start() + len(match.group(0).rstrip(" \n*"))
        if cut > pos:
            out.append(_trim(view, pos, cut))
        pos = match.end()
    if pos < end:
        out.append(_trim(view, pos, end))
    return [span for span in out if span[1] > span[0]]


def sentences(view: str, lines: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans: hard-wrapped lines joined, split at ``. ! ?`` and inline bullets."""
    spans = lines if lines is not None else line_spans(view)
    return [span for block in _blocks(view, spans) for span in _split_block(view, *block)]


class SentenceIndex:
    """The sentences of a text, each paragraph split only when a question is asked about it.

    Most paragraphs of a posting hold no cue, so splitting all of them into
    sentences up front is wasted work; :func:`sentences` gives the same spans.

    >>> text = "Duties\\nThe Clerk files. The Clerk reports to the Mayor.\\n"
    >>> index = SentenceIndex(work_view(text), line_spans(text))
    >>> span = index.at(text.index("reports"))
    >>> text[span[0] : span[1]]
    'The Clerk reports to the Mayor.'
    >>> [text[a:b] for a, b in index.following(7)][:1]
    ['The Clerk files.']
    """

    def __init__(
        self, view: str, lines: list[tuple[int, int]], heads: dict[int, str] | None = None
    ) -> None:
        self.view = view
        self.blocks = _blocks(view, lines, heads)
        self.block_starts = [start for start, _ in self.blocks]
        self.split: dict[int, list[tuple[int, int]]] = {}

    def _block(self, index: int) -> list[tuple[int, int]]:
        found = self.split.get(index)
        if found is None:
            found = self.split[index] = _split_block(self.view, *self.blocks[index])
        return found

    def at(self, pos: int) -> tuple[int, int] | None:
        """The sentence that starts last at or before ``pos`` within its paragraph, if any."""
        index = bisect.bisect_right(self.block_starts, pos) - 1
        if index < 0:
            return None
        spans = self._block(index)
        inner = bisect.bisect_right(spans, (pos, len(self.view) + 1)) - 1
        return spans[inner] if inner >= 0 else None

    def following(self, pos: int) -> Iterator[tuple[int, int]]:
        """Sentences that start at or after ``pos``, in order."""
        index = max(0, bisect.bisect_right(self.block_starts, pos) - 1)
        for block in range(index, len(self.blocks)):
            for span in self._block(block):
                if span[0] >= pos:
                    yield span


def _trim(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start] in " \n*":
        start += 1
    while end > start and view[end - 1] in " \n":
        end -= 1
    return start, end
