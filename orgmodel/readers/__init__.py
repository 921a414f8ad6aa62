"""Readers: one module per source format, and the detection that picks one.

:func:`load_sources` takes files and folders (a folder is read recursively,
hidden files and READMEs skipped), detects each file's format from its
extension and header, and concatenates what they say into one
:class:`~orgmodel.records.OrgData`. ``fmt`` overrides detection.

Formats: ``orgfile`` (native YAML/JSON), ``table`` (flat CSV with a manager
column), ``organogram`` (UK senior/junior CSV), ``posting`` (job postings:
.txt, .md, .html, read by the extractor and merged by :mod:`orgmodel.resolve`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from orgmodel.errors import SourceError, UsageError
from orgmodel.orgfile import read_orgfile
from orgmodel.readers.csvfile import read_header
from orgmodel.readers.organogram import is_organogram, read_organogram
from orgmodel.readers.table import read_table
from orgmodel.records import OrgData

__all__ = [
    "FORMATS",
    "POSTING_SUFFIXES",
    "SKIP_NAMES",
    "detect_format",
    "expand_sources",
    "load_sources",
    "read_source",
]

FORMATS = ("orgfile", "table", "organogram", "posting")
POSTING_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".tsv")
ORGFILE_SUFFIXES = (".yaml", ".yml", ".json")
SKIP_NAMES = ("readme", "license", "changelog")
"""File stems never read from a folder: the notes people keep beside their data."""


def detect_format(path: Path) -> str | None:
    """The format of one file, or None when orgmodel does not read such files."""
    suffix = path.suffix.lower()
    if suffix in ORGFILE_SUFFIXES:
        return "orgfile"
    if suffix in TABLE_SUFFIXES:
        return "organogram" if is_organogram(read_header(path)) else "table"
    if suffix in POSTING_SUFFIXES:
        return "posting"
    return None


def expand_sources(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, plus every readable file inside the folders named (sorted)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts) or not child.is_file():
                    continue
                if child.stem.lower() in SKIP_NAMES:
                    continue
                if child.suffix.lower() in ORGFILE_SUFFIXES + TABLE_SUFFIXES + POSTING_SUFFIXES:
                    out.append(child)
        elif path.exists():
            out.append(path)
        else:
            raise SourceError(str(raw), "file or folder not found")
    return out


def _read_posting(path: Path) -> OrgData:
    from orgmodel.readers.postings import read_posting_file  # the extractor loads on demand

    return read_posting_file(path)


def read_source(
    path: Path, fmt: str | None = None, mapping: Mapping[str, str] | None = None
) -> OrgData:
    """Read one file in the given or detected format."""
    kind = fmt or detect_format(path)
    readers: dict[str, Callable[[], OrgData]] = {
        "orgfile": lambda: read_orgfile(path),
        "table": lambda: read_table(path, mapping),
        "organogram": lambda: read_organogram(path),
        "posting": lambda: _read_posting(path),
    }
    if kind is None:
        raise SourceError(
            str(path),
            f"unknown kind of file {path.suffix!r}",
            hint="orgmodel reads .yaml/.json org files, .csv tables and .txt/.md/.html postings",
        )
    if kind not in readers:
        raise UsageError(f"unknown format {kind!r}; formats are {', '.join(FORMATS)}")
    return readers[kind]()


def load_sources(
    paths: Iterable[str | Path],
    fmt: str | None = None,
    mapping: Mapping[str, str] | None = None,
) -> OrgData:
    """Read and combine every source; raise :class:`SourceError` on the first bad file."""
    files = expand_sources(paths)
    if not files:
        raise UsageError("no sources: name files or folders with -s, or list them in orgmodel.toml")
    data = OrgData()
    for path in files:
        data.extend(read_source(path, fmt, mapping))
    return data
