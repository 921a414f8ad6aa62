"""The line a posting's character span is on, so findings print ``file:line`` for postings too.

Facts read from postings carry a character span into the posting's body
(the text after any front matter). Editors and CI logs want a line: this
reads the posting again, adds the front matter back, and counts newlines.
When that cannot be done faithfully (an HTML page, whose text was
converted; a file that moved), there is no line and the span is shown.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "coo.md"
>>> _ = p.write_text("---\\ntitle: COO\\n---\\nIntro.\\nReports To: Deputy\\n")
>>> Locator().line(Prov(str(p), start=7, end=26))
5
"""

from __future__ import annotations

from pathlib import Path

from orgmodel.errors import OrgModelError
from orgmodel.fileio import read_text
from orgmodel.records import Prov

__all__ = ["Locator"]


class Locator:
    """Maps posting spans to lines, reading each posting at most once."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[str, int] | None] = {}

    def _load(self, source: str) -> tuple[str, int] | None:
        from orgmodel.extract.text import read_posting

        path = Path(source)
        if not path.is_file():
            return None
        try:
            posting = read_posting(path)
            full = read_text(path)
        except OrgModelError:
            return None
        if full[posting.body_offset :] != posting.text:
            return None  # converted (HTML) or decoded differently: offsets are not the file's
        return full, posting.body_offset

    def line(self, prov: Prov) -> int | None:
        """The 1-based line where the span starts, or None when it cannot be told."""
        if prov.line is not None:
            return prov.line
        if prov.source is None or prov.start is None:
            return None
        if prov.source not in self._files:
            self._files[prov.source] = self._load(prov.source)
        loaded = self._files[prov.source]
        if loaded is None:
            return None
        full, offset = loaded
        at = offset + prov.start
        if at > len(full):
            return None
        return full.count("\n", 0, at) + 1
