"""Many postings -> one org structure: extract each, resolve them together, report.

``orgmodel ingest DIR... -o org.yaml`` is the batch form of reading a folder
of postings. Each file is extracted on its own (:func:`extract_path` is a
pure function of one path, so it runs as well in a process pool as in a loop),
the facts of all files are merged by :func:`orgmodel.sources.resolve.resolve` -- one
post per (organization, role) -- and the caller writes the result as a native
org file. A file that cannot be read (binary, empty, not text, missing) is
*skipped and reported*, never fatal: one bad download must not cost the other
ten thousand postings.

Results come back in the order of the files whatever ``jobs`` is, so the org
file written is the same with one process or eight.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "clerk.txt").write_text(
...     "Job Title: Deputy Clerk\\nOrganization: City of Lakeview\\nReports To: City Clerk\\n")
>>> _ = (d / "broken.txt").write_bytes(b"")
>>> result = ingest([d])
>>> [(s.path.endswith("broken.txt"), s.reason) for s in result.skipped]
[(True, 'the file is empty')]
>>> sorted(p.title for p in result.data.posts)
['City Clerk', 'Deputy Clerk']
>>> result.summary()["reporting_lines"]
1
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from orgmodel.errors import OrgModelError, SourceError, UsageError
from orgmodel.extract import Extraction, extract_file
from orgmodel.readers import POSTING_SUFFIXES, SKIP_NAMES
from orgmodel.readers.postings import extraction_to_data
from orgmodel.records import LineKind, OrgData, RelKind
from orgmodel.sources.confidence import REVIEW_CODE
from orgmodel.sources.resolve import resolve

__all__ = [
    "IngestResult",
    "Outcome",
    "Progress",
    "Skipped",
    "extract_all",
    "extract_path",
    "ingest",
    "jobs_for",
    "posting_files",
]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not read, and why (one line a user can act on)."""

    path: str
    reason: str


Outcome = tuple[str, Extraction | None, str | None]
"""``(path, extraction, None)`` for a file read, ``(path, None, reason)`` for one skipped."""


class Progress(Protocol):
    """What a progress display is told: how many files, then each file as it is done."""

    def start(self, total: int) -> None: ...

    def done(self, path: str, reason: str | None) -> None:
        """``reason`` is None when the file was read, else why it was skipped."""


def posting_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Skipped]]:
    """Posting files named or found under the folders (sorted), and the names that do not exist.

    A folder is searched recursively for ``.txt``, ``.md`` and ``.html`` files,
    leaving out hidden files and READMEs; a file named on its own is read as a
    posting whatever its suffix. Symbolic links are listed even when broken, so
    that a dangling one is reported rather than silently missed.
    """
    found: list[Path] = []
    missing: list[Skipped] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if any(part.startswith(".") for part in rel) or child.is_dir():
                    continue
                suffix, stem = child.suffix.lower(), child.stem.lower()
                if suffix in POSTING_SUFFIXES and stem not in SKIP_NAMES:
                    found.append(child)
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            missing.append(Skipped(str(raw), "file or folder not found"))
    return found, missing


def extract_path(path: str) -> Outcome:
    """Extract one posting file; a file that cannot be read gives its reason instead.

    Module-level and free of state so a process pool can call it.
    """
    try:
        return path, extract_file(path), None
    except SourceError as exc:
        if exc.path != path:
            return path, None, str(exc)
        where = f"line {exc.line}: " if exc.line is not None else ""
        return path, None, where + exc.message + (f" ({exc.hint})" if exc.hint else "")
    except OrgModelError as exc:
        message = str(exc)
        prefix = f"{path}: "
        return path, None, message[len(prefix) :] if message.startswith(prefix) else message


def _chunksize(count: int, jobs: int) -> int:
    """Big enough to amortise the pickling, small enough to keep every worker busy."""
    return max(1, min(64, count // (jobs * 8) or 1))


def extract_all(paths: Sequence[str], jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in the order of ``paths``; ``jobs > 1`` extracts in that many processes."""
    if jobs <= 1 or len(paths) <= 1:
        yield from map(extract_path, paths)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        yield from pool.map(extract_path, paths, chunksize=_chunksize(len(paths), jobs))


@dataclass
class IngestResult:
    """The merged records, and what happened to every file."""

    data: OrgData
    files: int = 0
    read: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """Counts for the report a command prints (and ``--format json`` gives)."""
        posts = self.data.posts
        lines = [r for r in self.data.relations if r.kind is RelKind.REPORTS_TO]
        return {
            "files": self.files,
            "read": self.read,
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "organizations": len(self.data.organizations),
            "posts": len(posts),
            "inferred_posts": sum(p.prov.inferred for p in posts),
            "units": len(self.data.units),
            "reporting_lines": len(lines),
            "dotted_lines": sum(r.qualifier == LineKind.SECONDARY for r in lines),
            "units_headed": sum(r.kind is RelKind.HEADS for r in self.data.relations),
            "links": sum(r.kind is RelKind.LINK for r in self.data.relations),
            "to_review": sum(i.code == REVIEW_CODE for i in self.data.issues),
            "warnings": len(self.data.issues),
        }


def jobs_for(requested: int) -> int:
    """``0`` means one process per core."""
    return requested if requested > 0 else (os.cpu_count() or 1)


def ingest(
    paths: Iterable[str | Path], *, jobs: int = 1, progress: Progress | None = None
) -> IngestResult:
    """Read every posting under ``paths`` and merge them into one structure.

    Raises :class:`UsageError` when there is no posting at all, or when not
    one of them could be read (there would be nothing to write).
    """
    paths = list(paths)
    files, missing = posting_files(paths)
    if not files and not missing:
        named = ", ".join(str(p) for p in paths[:5]) + (" ..." if len(paths) > 5 else "")
        raise UsageError(
            f"no postings found in {named or 'the sources given'}: name .txt, .md or .html "
            "files, or folders that hold them"
        )
    result = IngestResult(OrgData(), files=len(files) + len(missing), skipped=list(missing))
    if progress is not None:
        progress.start(result.files)
        for item in missing:
            progress.done(item.path, item.reason)
    merged = OrgData()
    for path, extraction, reason in extract_all([str(p) for p in files], jobs_for(jobs)):
        if extraction is None:
            result.skipped.append(Skipped(path, reason or "could not be read"))
        else:
            merged.extend(extraction_to_data(extraction, path))
            result.read += 1
        if progress is not None:
            progress.done(path, reason)
    if not result.read:
        raise UsageError(
            f"none of the {result.files} posting file(s) could be read; nothing was written"
        )
    result.data = resolve(merged)
    return result
