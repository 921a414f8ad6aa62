"""Where saved indexes live, which sources each one is of, and when one is stale.

One entry per set of sources as a command names them (the paths as given,
the working folder, ``--input-format`` and the column mapping), in the user's
cache folder: ``$ORGMODEL_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/orgmodel``
(``~/.cache/orgmodel``; ``~/Library/Caches/orgmodel`` on macOS,
``%LOCALAPPDATA%\\orgmodel\\cache`` on Windows). Not beside the sources:
they may be read-only, shared or under version control, and one index may
be of several folders.

An entry is believed only when everything it was made from is unchanged:

* this orgmodel -- its version and the size and time of each of its files, so
  an upgrade or an edited checkout never reads an index an older reader made;
* every source file -- the same files (a folder's listing), each with its size
  and modification time. A file whose time changed but whose size did not is
  compared by a CRC-32 of its bytes (a checkout that rewrote it as it was
  keeps the index); one changed within the file system's time resolution of
  the index being made is compared the same way on every use.

>>> import tempfile, pathlib, os
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "org.csv").write_text("id,title,manager\\n1,Mayor,\\n")
>>> files = source_files([d / "org.csv"])
>>> [p.name for p in files], fresh(signature(files), signature(files))
(['org.csv'], True)
>>> before = signature(files)
>>> _ = (d / "org.csv").write_text("id,title,manager\\n1,Mayor,\\n2,Clerk,1\\n")
>>> fresh(before, signature(files))
False
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "LIMIT_BYTES",
    "SUFFIX",
    "cache_dir",
    "checksum",
    "checksums",
    "code_stamp",
    "entry_name",
    "fresh",
    "prune",
    "signature",
    "source_files",
]

SUFFIX = ".orgindex"
LIMIT_BYTES = 2 << 30
"""The cache folder's size past which the least recently used entries are removed."""
_COARSE_NS = 2_000_000_000  # a file system that keeps whole seconds (FAT keeps two)
_FINE_NS = 50_000_000  # one that keeps finer times still ticks in milliseconds


def cache_dir() -> Path:
    """The folder the saved indexes are kept in (not created here)."""
    given = os.environ.get("ORGMODEL_CACHE_DIR")
    if given:
        return Path(given)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "orgmodel" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "orgmodel"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "orgmodel"


_STAMP: str | None = None


def code_stamp() -> str:
    """orgmodel's version and the size and time of every file of the package, hashed."""
    global _STAMP
    if _STAMP is None:
        import orgmodel

        root = Path(orgmodel.__file__).parent
        digest = hashlib.sha256(orgmodel.__version__.encode())
        stack = [root]
        while stack:
            for entry in sorted(os.scandir(stack.pop()), key=lambda e: e.name):
                if entry.is_dir():
                    if entry.name != "__pycache__":
                        stack.append(Path(entry.path))
                    continue
                st = entry.stat()
                digest.update(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
        _STAMP = digest.hexdigest()[:32]
    return _STAMP


def source_files(paths: Sequence[str | Path]) -> list[Path] | None:
    """The files a load of ``paths`` reads (a folder's files, hidden ones left out, as the
    readers leave them out), or None when one is not a file on disk (``-``, stdin)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            return None
        if path.is_dir():
            out.append(path)  # the folder itself: its listing is part of the signature
            out.extend(_folder(path))
        elif path.is_file():
            out.append(path)
        elif "#" in str(raw) and Path(str(raw).rpartition("#")[0]).is_file():
            out.append(Path(str(raw).rpartition("#")[0]))  # FILE#SNAPSHOT
        else:
            return None
    return out


def _folder(folder: Path) -> list[Path]:
    found: list[Path] = []
    stack = [folder]
    while stack:
        for entry in sorted(os.scandir(stack.pop()), key=lambda e: e.name):
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                stack.append(Path(entry.path))
            elif entry.is_file():
                found.append(Path(entry.path))
    return found


def signature(files: Sequence[Path]) -> list[list[Any]]:
    """``[path, size, mtime_ns]`` of each file (a folder: ``[path, -1, 0]``)."""
    out: list[list[Any]] = []
    for path in files:
        if path.is_dir():
            out.append([str(path.absolute()), -1, 0])
            continue
        st = path.stat()
        out.append([str(path.absolute()), st.st_size, st.st_mtime_ns])
    return out


def checksum(path: str) -> int:
    """CRC-32 of a file's bytes."""
    crc = 0
    with open(path, "rb") as handle:
        while block := handle.read(1 << 22):
            crc = zlib.crc32(block, crc)
    return crc


def checksums(files: Sequence[list[Any]]) -> list[int]:
    """The CRC-32 of each file of a signature (0 for a folder)."""
    return [checksum(path) if size >= 0 else 0 for path, size, _ in files]


def fresh(
    saved: Sequence[Sequence[Any]],
    now: Sequence[Sequence[Any]],
    crcs: Sequence[int] | None = None,
    made_ns: int | None = None,
) -> bool:
    """Whether the files of signature ``now`` hold what they held when ``saved`` was taken.

    ``crcs`` (the files' CRC-32 then) and ``made_ns`` (when ``saved`` was
    taken) let a file whose time moved but whose size did not, or one
    written within the file system's time resolution of ``made_ns``, be
    compared by its bytes.
    """
    if len(saved) != len(now):
        return False
    for i, (then, current) in enumerate(zip(saved, now, strict=True)):
        (path, size, mtime), (path2, size2, mtime2) = then, current
        if path != path2 or size != size2:
            return False
        if size < 0:
            continue
        window = _COARSE_NS if mtime % 1_000_000_000 == 0 else _FINE_NS
        racy = made_ns is not None and mtime >= made_ns - window
        if mtime == mtime2 and not racy:
            continue
        if crcs is None or checksum(path) != crcs[i]:
            return False
    return True


def entry_name(paths: Sequence[str | Path], fmt: str | None, mapping: Mapping[str, str]) -> str:
    """The file name (without :data:`SUFFIX`) of the entry for these sources and options."""
    key = {
        "cwd": os.getcwd(),
        "paths": [[str(p), str(Path(p).absolute())] for p in paths],
        "format": fmt,
        "mapping": sorted(mapping.items()),
    }
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:32]


def prune(folder: Path, limit: int = LIMIT_BYTES) -> int:
    """Remove the least recently used entries past ``limit`` bytes (and stray temporary files
    older than a day); return how many files were removed."""
    entries = []
    removed = 0
    now = time.time()
    for path in folder.glob("*"):
        try:
            st = path.stat()
        except OSError:
            continue
        if path.name.startswith(".") and path.name.endswith(".tmp"):
            if now - st.st_mtime > 86_400:
                path.unlink(missing_ok=True)
                removed += 1
        elif path.suffix == SUFFIX:
            entries.append((st.st_mtime, st.st_size, path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= limit:
            break
        path.unlink(missing_ok=True)
        total -= size
        removed += 1
    return removed
