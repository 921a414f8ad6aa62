"""Posting files: decoding, YAML front matter, saved HTML pages.

A posting is a ``.txt`` or ``.md`` file, optionally opened by YAML front
matter between ``---`` lines (``title``, ``organization``, ``department``,
``url``, ``date``, ``id``), or a saved ``.html``/``.htm`` page. Front matter
is what the user *knows*; it wins over extraction later. HTML is read as a
reader sees it: scripts, styles and the ``<head>`` are dropped, block
elements become line breaks, list items become ``-`` bullets, two-cell table
rows become ``Label: value`` lines (longer rows are joined with `` | ``), and
entities are unescaped.

Text is decoded as UTF-8 (a BOM is dropped), UTF-16 with a BOM, the charset
an HTML page declares, or else Windows-1252. Files that cannot be text (NUL
bytes, bytes no encoding above accepts, empty) raise
:class:`~orgmodel.errors.SourceError` with the path and what was wrong.

>>> meta, body, offset = split_front_matter("---\\ntitle: Clerk\\n---\\nReports to: Mayor\\n")
>>> meta, body, offset
({'title': 'Clerk'}, 'Reports to: Mayor\\n', 21)
>>> html_to_text("<p>Reports&nbsp;To: <b>Mayor</b></p><ul><li>One</li></ul>")
'Reports To: Mayor\\n\\n- One'
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

from orgmodel.errors import SourceError
from orgmodel.extract.vocab import words
from orgmodel.fileio import STDIN_NAME, STDIO, read_stdin

__all__ = ["Posting", "html_to_text", "read_posting", "split_front_matter"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


@dataclass(frozen=True, slots=True)
class Posting:
    """One posting: the body text, its front matter, where it came from."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)
    source: str = "<text>"
    body_offset: int = 0


_FRONT = re.compile(r"\A---[ \t]*\r?\n")
_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


def _as_text(value: object) -> str:
    if isinstance(value, _dt.date | _dt.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(_as_text(v) for v in value)
    return str(value)


def _front_matter_error(exc: yaml.YAMLError, source: str) -> SourceError:
    """One line saying what is wrong, on the file line where the faulty value starts.

    PyYAML's own text spans several lines with quoted snippets; its problem
    mark is often the end of the block (an unclosed bracket), so the line of
    the construct it was reading (the context mark) is the one to look at.
    Front matter starts on the file's second line.

    >>> error = _front_matter_error(_yaml_error("title: [unclosed\\n"), "fm.md")
    >>> error.line, error.hint
    (2, 'while parsing a flow sequence that starts here')
    >>> error.message
    "front matter is not valid YAML: expected ',' or ']', but got '<stream end>'"
    """
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    line = mark.line + 2 if mark is not None else None
    hint = f"{context} that starts here" if context and mark is not None else context
    return SourceError(source, f"front matter is not valid YAML: {problem}", line=line, hint=hint)


def _yaml_error(block: str) -> yaml.YAMLError:
    """The error PyYAML raises on ``block`` (for the examples)."""
    try:
        yaml.safe_load(block)
    except yaml.YAMLError as exc:
        return exc
    raise ValueError("valid YAML")


def split_front_matter(text: str, source: str = "<text>") -> tuple[dict[str, str], str, int]:
    """``(meta, body, body_offset)``; no front matter gives ``({}, text, 0)``."""
    opening = _FRONT.match(text)
    if not opening:
        return {}, text, 0
    closing = _FRONT_END.search(text, opening.end())
    if not closing:
        raise SourceError(source, "front matter opened with '---' is never closed", line=1)
    block = text[opening.end() : closing.start()]
    try:
        data = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        raise _front_matter_error(exc, source) from None
    if not isinstance(data, dict):
        raise SourceError(source, "front matter must be a mapping of keys to values", line=2)
    meta = {str(k): _as_text(v) for k, v in data.items() if v is not None and str(v).strip()}
    return meta, text[closing.end() :], closing.end()


_BLOCKS = words(
    """p div br h1 h2 h3 h4 h5 h6 ul ol table section article header footer dl dt dd blockquote pre
    hr form fieldset address main nav aside figure figcaption"""
)
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.pre = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def _emit(self, text: str) -> None:
        if self.cell is not None:
            self.cell.append(text)
        else:
            self.parts.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "pre":
            self.pre += 1
        if tag == "li":
            self._emit("\n- ")
        elif tag == "tr":
            self.row = []
        elif tag in {"td", "th"} and self.row is not None:
            self.cell = []
        elif tag in _BLOCKS:
            self._emit("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "hr"}:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in {"td", "th"} and self.row is not None and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            cells = [c for c in self.row if c]
            if len(cells) == 2 and len(cells[0]) <= 40:
                label = cells[0] if cells[0].endswith(":") else cells[0] + ":"
                self.parts.append(f"\n{label} {cells[1]}\n")
            elif cells:
                self.parts.append("\n" + " | ".join(cells) + "\n")
            self.row = None
        elif tag in _BLOCKS or tag == "li":
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self._emit(data if self.pre else re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Readable text of an HTML page (see the module docstring)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = [
        " ".join(line.replace("\u00a0", " ").split()) for line in "".join(parser.parts).split("\n")
    ]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


_CHARSET = re.compile(rb"""<meta[^>]{0,200}charset=["']?([\w-]{2,30})""", re.IGNORECASE)


def _decode(data: bytes, source: str, html: bool) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(source, f"not valid UTF-16 text ({exc.reason})") from exc
    if b"\x00" in data[:8192]:
        raise SourceError(
            source, "binary file, not a text posting", hint="save it as .txt or .html"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _CHARSET.search(data[:4096]) if html else None
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        try:
            return data.decode("cp1252")  # what Word and older web pages save on Windows
        except UnicodeDecodeError:
            raise SourceError(
                source,
                f"neither UTF-8 nor Windows-1252 text (byte {exc.start} cannot be decoded)",
                hint="save the posting as UTF-8",
            ) from exc


def read_posting(path: str | Path) -> Posting:
    """Read one posting file (``-``: standard input); front matter goes to ``meta``, HTML is
    converted."""
    source = str(path)
    file = Path(path)
    if source == STDIO:
        source, data = STDIN_NAME, read_stdin()
        html = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1].startswith(b"<")
    else:
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise SourceError(source, f"cannot read the file: {exc.strerror or exc}") from exc
        html = file.suffix.lower() in HTML_SUFFIXES
    text = _decode(data, source, html)
    if not text.strip():
        raise SourceError(source, "the file is empty")
    if html:
        body = html_to_text(text)
        if not body:
            raise SourceError(source, "the page has no readable text")
        return Posting(body, {}, source, 0)
    meta, body, offset = split_front_matter(text, source)
    if not body.strip() and not meta:
        raise SourceError(source, "the file is empty")
    return Posting(body, meta, source, offset)
