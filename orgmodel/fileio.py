"""Small file helpers every writer shares: atomic writes and text decoding.

Writes go to a temporary file beside the target and are renamed into place,
so a command that fails never leaves a half-written chart or org file.

>>> import tempfile, os
>>> d = tempfile.mkdtemp()
>>> atomic_write(os.path.join(d, "a.txt"), "hello")
>>> open(os.path.join(d, "a.txt")).read()
'hello'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from orgmodel.errors import SourceError, UsageError

__all__ = ["atomic_write", "read_text", "slug"]


def atomic_write(path: str | Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` via a temporary file and an atomic rename.

    A path that cannot be written (a file where a folder should be, no
    permission, a full disk) is a :class:`UsageError` naming it, and nothing
    is left behind:

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> atomic_write(os.path.join(d, "a.txt"), "hello")
    >>> atomic_write(os.path.join(d, "a.txt", "b.txt"), "x")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    orgmodel.errors.UsageError: .../a.txt/b.txt: cannot write: .../a.txt is a file, not a folder
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise _unwritable(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
        os.chmod(tmp, _file_mode(target))  # mkstemp makes 0600; keep what open() would give
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _unwritable(target, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _unwritable(target: Path, exc: OSError) -> UsageError:
    """One line for an output path that cannot be written: the path, then why."""
    for folder in target.parents:
        if folder.exists():
            if not folder.is_dir():
                return UsageError(f"{target}: cannot write: {folder} is a file, not a folder")
            break
    if target.is_dir():
        return UsageError(f"{target}: cannot write: it is a folder; name a file")
    return UsageError(f"{target}: cannot write: {exc.strerror or exc}")


def _file_mode(target: Path) -> int:
    """The existing file's mode, else the umask's default for a new file."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def read_text(path: str | Path) -> str:
    """Read a text file as UTF-8 (a BOM is dropped), falling back to cp1252.

    Raises :class:`SourceError` for a missing, unreadable, binary or empty file.
    """
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise SourceError(name, "file not found") from None
    except IsADirectoryError:
        raise SourceError(name, "is a folder, expected a file") from None
    except OSError as exc:
        raise SourceError(name, f"cannot be read: {exc.strerror}") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            raw = raw.decode("utf-16").encode("utf-8")  # Windows "Unicode" text
        except UnicodeDecodeError as exc:
            raise SourceError(name, f"is damaged UTF-16 text (byte {exc.start})") from None
    if b"\x00" in raw[:8192]:
        raise SourceError(name, "looks like a binary file, expected text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise SourceError(
                name, f"is neither UTF-8 nor Windows-1252 text (byte {exc.start})"
            ) from None
    if not text.strip():
        raise SourceError(name, "is empty")
    return text


def slug(text: str) -> str:
    """A readable id fragment: ``slug("Food & Child Nutrition")`` -> ``'food-child-nutrition'``.

    >>> slug("Chief Operating Officer (COO)")
    'chief-operating-officer-coo'
    """
    out = []
    dash = False
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-") or "x"
