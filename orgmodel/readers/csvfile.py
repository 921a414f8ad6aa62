"""Shared CSV plumbing for the table readers: open, decode, header, row numbers.

Both the flat-table reader and the UK organogram reader stream rows through
:func:`iter_rows`, which yields ``(line, row)`` pairs with the 1-based line
each record starts on, so errors and provenance can say ``file.csv:17``.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator
from pathlib import Path

from orgmodel.errors import SourceError
from orgmodel.records import LoadIssue, Prov

__all__ = [
    "DELIMITERS",
    "FALLBACK",
    "TableText",
    "delimiter_name",
    "delimiter_of",
    "detect_encoding",
    "encoding_issue",
    "ends_in_quotes",
    "iter_rows",
    "norm_header",
    "open_table",
    "read_header",
    "sniff_delimiter",
    "unclosed_quote",
]


def norm_header(name: str) -> str:
    """Fold a column name for matching: ``' Manager_ID '`` -> ``'manager id'``.

    >>> norm_header("Reports to Senior Post")
    'reports to senior post'
    >>> norm_header("\\ufeffEmp_ID")
    'emp id'
    """
    out = []
    for ch in name.replace("\ufeff", "").lower():
        out.append(ch if ch.isalnum() else " ")
    return " ".join("".join(out).split())


def detect_encoding(path: Path) -> str:
    """How a table file is encoded: UTF-16 (with a BOM), UTF-8 (a BOM dropped) or Windows-1252.

    Decided from the first 64 KB, so a large file is not read twice; a NUL
    byte there means a binary file, which is refused.
    """
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"  # Excel's "Unicode text" export
    if b"\x00" in head:
        raise SourceError(str(path), "looks like a binary file, expected CSV text")
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4 or len(head) < 1 << 16:  # not a character cut at the end
            return "cp1252"
    return "utf-8-sig"


DELIMITERS = (",", ";", "\t", "|")
"""The delimiters a table's header is sniffed for: comma, semicolon (Excel in much of
Europe), tab (``.tsv``, Excel's "Text" export) and pipe."""

_NAMES = {",": "','", ";": "';'", "\t": "tab", "|": "'|'"}


def delimiter_name(delimiter: str) -> str:
    """How messages name a delimiter: ``"tab"`` or the character quoted.

    >>> delimiter_name("\\t"), delimiter_name(";")
    ('tab', "';'")
    """
    return _NAMES.get(delimiter, repr(delimiter))


def sniff_delimiter(header: str, suffix: str = ".csv") -> str:
    """The delimiter of a table from its header line: the one of :data:`DELIMITERS` it
    holds most of outside quotes (a comma on a tie, a tab for a ``.tsv``).

    One line decides, so a million-row file pays nothing for it; a header holds
    the column names, where the delimiter is the most frequent punctuation.

    >>> sniff_delimiter("id;title;manager"), sniff_delimiter('"Name, full",Title,Manager')
    (';', ',')
    >>> sniff_delimiter("id\\ttitle\\tmanager, dotted", ".tsv"), sniff_delimiter("name", ".tsv")
    ('\\t', '\\t')
    """
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    if suffix.lower() == ".tsv" and (counts["\t"] or not any(counts.values())):
        return "\t"
    best = max(DELIMITERS, key=counts.__getitem__)  # the first of the most frequent
    return best if counts[best] else ","


_FALLBACKS = [0]
"""How many times :func:`_cp1252_fallback` ran: a handle compares it before and after reading."""


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 could not decode, read as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _FALLBACKS[0] += 1
    return exc.object[exc.start : exc.end].decode("cp1252"), exc.end


FALLBACK = "orgmodel.cp1252"
codecs.register_error(FALLBACK, _cp1252_fallback)

_UTF8_CHAR = re.compile(
    rb"[\xc2\xc3\xc5][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
"""A UTF-8 character that Windows-1252 text practically never holds: the Latin-1 letters
(``\\xc3\\xa9`` would be "Ã©"), the dashes and quotes (``\\xe2\\x80\\x94`` would be "â€”"),
and what lies beyond. Other two-byte pairs are left out: "É" then a no-break space is
plausible Windows-1252."""


_ANY_UTF8 = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
"""Any byte sequence a UTF-8 decoder takes as one character beyond ASCII (and a few it
refuses: a surrogate, an overlong form). A file with none decodes, with the Windows-1252
fallback, exactly as it does with that codec."""

_ASCII = bytes(range(0x80))


def _holds_utf8(path: Path, pattern: re.Pattern[bytes] = _UTF8_CHAR) -> bool:
    """True when the file holds a UTF-8 character (``pattern``); read in blocks.

    A character is non-ASCII bytes in a row, so a block without one once its
    ASCII is deleted (a C-speed pass) holds none; only a block that may hold
    one is searched as it is. A plain Windows-1252 file so costs little more
    than reading it. The last bytes of a block are searched again with the
    next, so a character cut between two blocks is found.
    """
    tail = b""
    with path.open("rb") as handle:
        while block := handle.read(1 << 22):
            block, tail = tail + block, block[-3:]
            if pattern.search(block.translate(None, _ASCII)) is None:
                continue
            if pattern.search(block) is not None:
                return True
    return False


_PLAIN_1252: dict[tuple[str, int, int], bool] = {}
"""Files already scanned by :func:`_plain_windows_1252`, by path, modification time and size."""


def _plain_windows_1252(path: Path) -> bool:
    """True when the file holds no UTF-8 sequence at all (:data:`_ANY_UTF8`).

    Remembered per file version, as one load opens a table several times
    (detection, header, rows).
    """
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    found = _PLAIN_1252.get(key)
    if found is None:
        if len(_PLAIN_1252) >= 256:
            _PLAIN_1252.clear()
        found = _PLAIN_1252[key] = not _holds_utf8(path, _ANY_UTF8)
    return found


def _first_not_utf8(path: Path) -> int | None:
    """The first line that is not UTF-8, or None."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.isascii():
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    return number
    return None


class TableText:
    """A table file's text, as ``open(newline="")`` gives it, and the delimiter of its header.

    UTF-16 (with a BOM) and UTF-8 are decoded by Python's codecs at full speed.
    Bytes that are not UTF-8 are read as Windows-1252 (a codec error handler),
    so a file that mixes the two -- rows pasted from another export -- keeps
    every character; :attr:`mixed` then names the first line not in UTF-8,
    which readers report (:func:`encoding_issue`). One decision holds for the
    whole file, wherever in it the UTF-8 begins: a file whose first 64 KB are
    not UTF-8 is scanned whole (a C-speed pass), and when it holds no UTF-8
    sequence at all (:data:`_ANY_UTF8`) it is decoded with Python's
    Windows-1252 codec -- the same text the fallback would give, twice as fast
    for an Excel export with an accent on every row -- and gets no warning.
    :attr:`delimiter` is sniffed from the first line (:func:`sniff_delimiter`).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.encoding = detect_encoding(path)
        codec, errors = "utf-8-sig", FALLBACK  # one decision for the whole file
        if self.encoding == "utf-16":
            codec, errors = "utf-16", "strict"
        elif self.encoding == "cp1252" and _plain_windows_1252(path):
            codec, errors = "cp1252", "strict"  # the same text as the fallback gives, faster
        self._text = path.open(encoding=codec, errors=errors, newline="")
        self._fallbacks = _FALLBACKS[0]
        try:
            first = self._text.readline()
        except UnicodeDecodeError:
            first = ""  # the reader reports the byte with its line
        self._text.seek(0)
        self.delimiter = sniff_delimiter(first, path.suffix)

    @property
    def mixed(self) -> int | None:
        """The first line not in UTF-8, when the text read so far fell back and the file
        also holds UTF-8 (else None). Rescans the file only when a fallback happened."""
        if _FALLBACKS[0] == self._fallbacks or not _holds_utf8(self.path):
            return None
        return _first_not_utf8(self.path)

    def readline(self) -> str:
        """The next line ("" at the end), as :meth:`io.TextIOBase.readline`."""
        return self._text.readline()

    def __iter__(self) -> Iterator[str]:
        return iter(self._text)

    def close(self) -> None:
        self._text.close()

    def __enter__(self) -> TableText:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _undecodable(path: str | Path, encoding: str) -> SourceError:
    """Where the first byte that is neither UTF-8 nor Windows-1252 is: a line, not an offset.

    Only a file with a UTF-16 byte-order mark is said not to be UTF-16.
    """
    if encoding == "utf-16":
        return SourceError(
            str(path), "cannot be decoded as UTF-16, as its byte-order mark says",
            hint="save the file as UTF-8",
        )  # fmt: skip
    with Path(path).open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            try:
                raw.decode("utf-8", errors=FALLBACK)
            except UnicodeDecodeError as exc:
                return SourceError(
                    str(path),
                    f"undecodable byte {exc.object[exc.start]:#x}: neither UTF-8 nor Windows-1252",
                    line=number,
                    hint="save the file as UTF-8",
                )
    return SourceError(
        str(path), "cannot be decoded as UTF-8 or Windows-1252", hint="save the file as UTF-8"
    )


def encoding_issue(handle: TableText) -> LoadIssue | None:
    """The warning for a file read so far that mixes UTF-8 and Windows-1252, else None."""
    if handle.mixed is None:
        return None
    return LoadIssue(
        "mixed-encoding",
        "the file mixes UTF-8 and Windows-1252: this line is the first not in UTF-8, "
        "read as Windows-1252; check its accented letters and dashes, and save the file "
        "as UTF-8",
        Prov(str(handle.path), handle.mixed),
    )


def open_table(path: str | Path) -> TableText:
    """Open a CSV file for streaming: UTF-8 (BOM dropped), UTF-16 with a BOM, or Windows-1252."""
    p = Path(path)
    try:
        return TableText(p)
    except FileNotFoundError:
        raise SourceError(str(path), "file not found") from None
    except IsADirectoryError:
        raise SourceError(str(path), "is a folder, expected a file") from None
    except OSError as exc:
        raise SourceError(str(path), f"cannot be read: {exc.strerror}") from None


def delimiter_of(path: str | Path) -> str:
    """The delimiter of a table file, sniffed from its header line."""
    with open_table(path) as handle:
        return handle.delimiter


def read_header(path: str | Path) -> list[str]:
    """The header row of a CSV file, or an error saying it has none."""
    with open_table(path) as handle:
        try:
            header = next(csv.reader(handle, delimiter=handle.delimiter), None)
        except csv.Error as exc:
            raise SourceError(str(path), f"cannot be read as CSV: {exc}", line=1) from None
        except UnicodeDecodeError:
            raise _undecodable(path, handle.encoding) from None
    if not header or not any(h.strip() for h in header):
        raise SourceError(str(path), "is empty; expected a header row", line=1)
    return header


def ends_in_quotes(record: str, delimiter: str = ",") -> bool:
    r"""True when a CSV record ends inside a quoted value: a quote opened and never closed.

    Read as Python's ``csv`` module (and pyarrow) read it: a quote opens a
    quoted value only at the start of a value, ``""`` inside one is a quote,
    and text after the closing quote (``"Smith" Jr``) is taken as it is. Such
    a record swallows everything after it, so only a file's last record can
    end inside quotes.

    >>> ends_in_quotes('3,C,"Analyst,1\n'), ends_in_quotes('3,"say ""hi"" now",x\n')
    (True, False)
    >>> ends_in_quotes('3,Sm"ith,x'), ends_in_quotes('3,"Smith" Jr,"a\nb"')
    (False, False)
    """
    quoted = False
    at_start = True
    i, n = 0, len(record)
    while i < n:
        ch = record[i]
        if quoted:
            if ch == '"':
                if record.startswith('"', i + 1):
                    i += 1  # a doubled quote stands for one
                else:
                    quoted = False
        elif ch == '"' and at_start:
            quoted = True
        at_start = not quoted and (ch == delimiter or ch in "\r\n")
        i += 1
    return quoted


def unclosed_quote(path: str, line: int) -> SourceError:
    """The error for a quoted value that is never closed, at the line its record starts on."""
    return SourceError(
        path,
        "malformed CSV: a quoted value in the record that starts on this line is never "
        "closed, so the rest of the file would be read into it",
        line=line,
        hint="close the quote; a quote inside a quoted value is written twice",
    )


def iter_rows(
    handle: TableText, path: str, issues: list[LoadIssue] | None = None
) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line, row)`` for each record after the header; blank rows are skipped.

    A quote left open in the last record is an error with that record's line
    (:func:`unclosed_quote`), not one long value holding the rest of the file.
    When the rows are all read, a file that mixes encodings adds its warning
    (:func:`encoding_issue`) to ``issues``.
    """
    held: list[str] = []  # the text lines of the record being read

    def lines() -> Iterator[str]:
        for text in handle:
            held.append(text)
            yield text

    delimiter = handle.delimiter
    reader = csv.reader(lines(), delimiter=delimiter)
    last_start, last = 0, ""
    try:
        next(reader, None)
        start = reader.line_num + 1
        held.clear()
        for row in reader:
            if row and (len(row) > 1 or row[0].strip()):
                last_start, last = start, held[-1] if len(held) == 1 else "".join(held)
                yield start, row
            held.clear()
            start = reader.line_num + 1
    except csv.Error as exc:
        raise SourceError(path, f"malformed CSV: {exc}", line=reader.line_num) from None
    except UnicodeDecodeError:
        raise _undecodable(path, handle.encoding) from None
    if '"' in last and ends_in_quotes(last, delimiter):
        raise unclosed_quote(path, last_start)
    if issues is not None and (issue := encoding_issue(handle)) is not None:
        issues.append(issue)
