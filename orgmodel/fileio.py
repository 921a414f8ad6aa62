"""Small file helpers every writer shares: where a write goes, atomic writes, text decoding.

Writes go to a temporary file beside the target and are renamed into place,
so a command that fails never leaves a half-written chart or org file.
Only a regular file (or a name not taken yet) is ever renamed over: ``-``
is standard output, ``/dev/stdout`` and ``/dev/fd/N`` are the descriptors
they name, and a device, a FIFO or a symlink to one is written in place --
a rename would replace ``/dev/stdout`` itself with a regular file. A
symlink to a regular file keeps its link: the file it points to is replaced.

>>> import tempfile, os
>>> d = tempfile.mkdtemp()
>>> atomic_write(os.path.join(d, "a.txt"), "hello")
>>> open(os.path.join(d, "a.txt")).read()
'hello'
>>> is_stdio("-"), is_stdio("/dev/stdout"), is_stdio("org.yaml")
(True, True, False)
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
from pathlib import Path

from orgmodel.errors import OutputClosedError, SourceError, UsageError

__all__ = [
    "STDIN_NAME", "STDIO", "atomic_write", "is_stdio", "output_name", "read_stdin", "read_text",
    "slug",
]  # fmt: skip

STDIO = "-"
"""The name that means standard input (``-s -``) or standard output (``-o -``)."""

STDIN_NAME = "<stdin>"
"""What provenance and messages call standard input."""

_DESCRIPTOR = re.compile(r"/(?:dev/fd|proc/self/fd)/(\d+)")
_NAMED_STREAMS = {"/dev/stdout": 1, "/dev/stderr": 2}


def is_stdio(path: str | Path) -> bool:
    """Whether ``path`` names standard output (or input): ``-``, ``/dev/stdout``, ``/dev/fd/1``."""
    return _descriptor(path) == 1 or str(path) == STDIO


def output_name(path: str | Path) -> str:
    """How a message names an output: ``standard output`` for ``-``, else the path."""
    return "standard output" if str(path) == STDIO else str(path)


def _descriptor(path: str | Path) -> int | None:
    """The open descriptor a path names (``/dev/stderr`` is 2), else None."""
    text = str(path)
    if text == STDIO:
        return 1
    if text in _NAMED_STREAMS:
        return _NAMED_STREAMS[text]
    match = _DESCRIPTOR.fullmatch(text)
    return int(match.group(1)) if match else None


def atomic_write(path: str | Path, content: str | bytes, *, binary: bool = False) -> None:
    """Write ``content`` to ``path``: a regular file via a temporary file and a rename.

    ``-`` (and ``/dev/stdout``, ``/dev/fd/N``) writes to that descriptor; a
    device or a FIFO is written in place. ``binary`` content (PNG, PDF,
    Parquet) is refused on a terminal, where it would only garble the screen.
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
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd = _descriptor(path)
    if fd is not None:
        _write_descriptor(path, fd, data, binary)
        return
    given = Path(path)
    target = Path(os.path.realpath(given))  # a symlink's file is replaced, the link kept
    try:
        mode = target.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(given, target, mode, data)
        return
    _replace(given, target if mode is not None or given.is_symlink() else given, data)


def _write_descriptor(path: str | Path, fd: int, data: bytes, binary: bool) -> None:
    """Standard output (or another open descriptor) written as it is, never renamed over."""
    if fd == 1:
        stream = sys.stdout
        if binary and stream.isatty():
            raise UsageError(
                f"-o {path}: refusing to write binary output to the terminal; "
                "redirect it (> chart.png) or name a file"
            )
        try:
            stream.flush()  # what was printed before comes first
            stream.buffer.write(data)
            stream.buffer.flush()
        except BrokenPipeError:
            raise OutputClosedError("the output was closed") from None
        return
    if fd == 2:
        sys.stderr.flush()
    try:
        _write_all(fd, data)
    except BrokenPipeError:
        raise OutputClosedError("the output was closed") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _write_in_place(given: Path, target: Path, mode: int, data: bytes) -> None:
    """A device or FIFO (or a symlink to one): opened and written, as ``cat > /dev/x`` does."""
    if stat.S_ISDIR(mode):
        raise UsageError(f"{given}: cannot write: it is a folder; name a file")
    try:
        with target.open("wb") as handle:
            handle.write(data)
    except BrokenPipeError:
        raise OutputClosedError("the output was closed") from None
    except OSError as exc:
        raise UsageError(f"{given}: cannot write: {exc.strerror or exc}") from None


def _replace(given: Path, target: Path, data: bytes) -> None:
    """A regular file (or a new name): written beside it, then renamed over it."""
    directory = target.parent if str(target.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise _unwritable(given, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, _file_mode(target))  # mkstemp makes 0600; keep what open() would give
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _unwritable(given, exc) from None
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


_stdin: tuple[object, bytes] | None = None


def read_stdin() -> bytes:
    """Everything on standard input, read once (``-s -`` and ``apply BASE -`` may both ask).

    On a terminal nobody is piping anything in: waiting for the user to type an
    org file is never what was meant, so that is a :class:`UsageError`.
    """
    global _stdin
    stream = sys.stdin
    if _stdin is not None and _stdin[0] is stream:
        return _stdin[1]
    if stream is None or stream.isatty():
        raise UsageError(
            "'-' reads standard input, but nothing is piped in: "
            "orgmodel stats -s - < org.csv, or ... | orgmodel stats -s -"
        )
    data = stream.buffer.read()
    _stdin = (stream, data)
    return data


def read_text(path: str | Path) -> str:
    """Read a text file as UTF-8 (a BOM is dropped), falling back to cp1252.

    ``-`` reads standard input. Raises :class:`SourceError` for a missing,
    unreadable, binary or empty file.
    """
    name = str(path)
    try:
        raw = read_stdin() if name == STDIO else Path(path).read_bytes()
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
