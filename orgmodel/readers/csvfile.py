"""Shared CSV plumbing for the table readers: open, decode, header, row numbers.

Both the flat-table reader and the UK organogram reader stream rows through
:func:`iter_rows`, which yields ``(line, row)`` pairs with the 1-based line
each record starts on, so errors and provenance can say ``file.csv:17``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from orgmodel.errors import SourceError

__all__ = [
    "detect_encoding",
    "ends_in_quotes",
    "iter_rows",
    "norm_header",
    "open_table",
    "read_header",
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


def _undecodable(path: str | Path, encoding: str) -> SourceError:
    """Where the first byte that ``encoding`` cannot decode is: a line, not a buffer offset."""
    with Path(path).open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            try:
                raw.decode(encoding)
            except UnicodeDecodeError as exc:
                return SourceError(
                    str(path),
                    f"undecodable byte {raw[exc.start]:#x} (read as {encoding})",
                    line=number,
                    hint="save the file as UTF-8",
                )
    return SourceError(str(path), f"cannot be decoded as {encoding}")


def open_table(path: str | Path) -> io.TextIOWrapper:
    """Open a CSV file for streaming: UTF-8 (BOM dropped), UTF-16 with a BOM, or Windows-1252."""
    p = Path(path)
    try:
        enc = detect_encoding(p)
        return p.open(encoding=enc, newline="", errors="strict")
    except FileNotFoundError:
        raise SourceError(str(path), "file not found") from None
    except IsADirectoryError:
        raise SourceError(str(path), "is a folder, expected a file") from None
    except OSError as exc:
        raise SourceError(str(path), f"cannot be read: {exc.strerror}") from None


def read_header(path: str | Path) -> list[str]:
    """The header row of a CSV file, or an error saying it has none."""
    with open_table(path) as handle:
        try:
            header = next(csv.reader(handle), None)
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


def iter_rows(handle: io.TextIOWrapper, path: str) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line, row)`` for each record after the header; blank rows are skipped.

    A quote left open in the last record is an error with that record's line
    (:func:`unclosed_quote`), not one long value holding the rest of the file.
    """
    held: list[str] = []  # the text lines of the record being read

    def lines() -> Iterator[str]:
        for text in handle:
            held.append(text)
            yield text

    reader = csv.reader(lines())
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
    if '"' in last and ends_in_quotes(last):
        raise unclosed_quote(path, last_start)
