"""One posting's layout, computed once: working view, lines, headings, fields, sections.

Every step of the extractor asks the same questions of the text -- which
section is this offset in, is this line a heading, which labelled fields
are there, which sentence holds this cue -- so the answers are built once
here and shared.

>>> lay = Layout("JOB TITLE: Clerk\\nQUALIFICATIONS\\nExperience supervising staff.\\n")
>>> [f.key for f in lay.fields], lay.section_kind(lay.text.index("Experience"))
(['job title'], 'qualification')
"""

from __future__ import annotations

import bisect

from orgmodel.extract.fields import Field, find_fields
from orgmodel.extract.sections import (
    Section,
    SentenceIndex,
    find_sections,
    heading_lines,
    line_spans,
    section_at,
    work_view,
)

__all__ = ["Layout"]


class Layout:
    """The layout of ``text``: offsets everywhere are offsets into ``text``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.view = work_view(text)
        self.lines = line_spans(self.view)
        self.heads = heading_lines(self.view, self.lines)
        self.fields: list[Field] = find_fields(self.view, self.lines)
        self.sections: list[Section] = find_sections(self.view, self.lines, self.heads)
        self.sentences = SentenceIndex(self.view, self.lines, self.heads)
        self._line_starts = [start for start, _ in self.lines]

    def section_kind(self, pos: int) -> str:
        """The kind of the section holding ``pos`` ("qualification", "received", ...)."""
        return section_at(self.sections, pos).kind

    def line_at(self, pos: int) -> tuple[int, int]:
        """The line holding ``pos``."""
        index = max(0, bisect.bisect_right(self._line_starts, pos) - 1)
        return self.lines[index]

    def is_heading(self, pos: int) -> bool:
        """Whether ``pos`` is on a heading line."""
        return self.line_at(pos)[0] in self.heads
