"""``-s -``: a source piped in on standard input, read by the reader its content calls for.

Every reader takes a path (the CSV reader streams rows, the organogram reader
reads the header first), so standard input is spooled to a temporary file
whose ending names the format -- ``--input-format`` when given, else what the
bytes look like (:func:`sniff`) -- and read as that file. Provenance and
messages then say ``<stdin>``, not the temporary file: ``<stdin>:4: ...``.

>>> sniff(b"id,title,manager\\n1,Mayor,\\n")
'.csv'
>>> sniff(b"organizations:\\n  - name: City of Hartford\\n"), sniff(b'{"organizations": []}')
('.yaml', '.json')
>>> sniff(b"Chief Operating Officer\\nReports to: the Superintendent\\n")
'.txt'
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from orgmodel.errors import SourceError
from orgmodel.fileio import STDIN_NAME, read_stdin
from orgmodel.records import OrgData

__all__ = ["FORMAT_SUFFIXES", "read_piped", "sniff"]

FORMAT_SUFFIXES = {
    "table": ".csv",
    "organogram": ".csv",
    "idparent": ".csv",
    "parents_by_name": ".csv",
    "drawio": ".csv",
    "posting": ".txt",
    "jsontree": ".json",
    "xlsx": ".xlsx",
    "graphml": ".graphml",
    "parquet": ".parquet",
}
"""The ending a spooled file gets for a format named with ``--input-format``."""

_DELIMITERS = (b",", b";", b"\t", b"|")


def sniff(data: bytes) -> str:
    """The file ending that makes orgmodel read ``data`` the way its content says."""
    if data.startswith(b"PAR1"):
        return ".parquet"
    if data.startswith(b"PK\x03\x04"):
        return ".xlsx"
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"{", b"[")):
        return ".json"
    if text.startswith(b"<"):
        return ".graphml" if b"<graphml" in text[:4096] else ".html"
    head = text[: 1 << 16]
    if re.search(rb"^(?:organizations|orgmodel|edits|scenario):", head, re.M):
        return ".yaml"  # an org file (or a scenario), comments or "---" before it or not
    lines = [line for line in head.split(b"\n")[:3] if line.strip()]
    if lines and lines[0].startswith(b"#"):
        return ".csv"  # draw.io's CSV import format starts with its comments
    if len(lines) > 1 and any(
        lines[0].count(d) and lines[1].count(d) >= lines[0].count(d) for d in _DELIMITERS
    ):
        return ".csv"  # a header and a row with as many cells
    return ".txt"


def _suffix(fmt: str | None, data: bytes) -> str:
    if fmt == "orgfile":
        return ".json" if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") else ".yaml"
    if fmt in FORMAT_SUFFIXES:
        return FORMAT_SUFFIXES[fmt]
    return sniff(data)


def read_piped(fmt: str | None, read: Callable[[Path], OrgData]) -> OrgData:
    """Read standard input with ``read`` (a reader of one path), as a source named ``<stdin>``."""
    data = read_stdin()
    if not data.strip():
        raise SourceError(STDIN_NAME, "is empty: nothing was piped in")
    with tempfile.TemporaryDirectory(prefix="orgmodel-stdin-") as folder:
        spooled = Path(folder) / f"stdin{_suffix(fmt, data)}"
        spooled.write_bytes(data)
        try:
            result = read(spooled)
        except SourceError as exc:
            if exc.path != str(spooled):
                raise
            raise exc.naming(STDIN_NAME) from None
    result.rename_source(str(spooled), STDIN_NAME)
    return result
