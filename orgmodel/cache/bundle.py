"""One file of named buffers, memory-mapped when read, checked before it is believed.

The saved index is a few dozen arrays -- a million ids, titles, parent
pointers -- and a little JSON saying what they are. This module writes them
into one file and maps it back in, so a query reads only the pages it
touches and nothing is parsed or copied:

    0    magic  b"ORGMODEL-INDEX\\r\\n"
    16   u32 format, u32 CRC-32 of the header, u64 header length (little-endian)
    32   header: JSON {"meta": {...}, "buffers": {name: [offset, length, crc32]}}
    ...  the buffers, from the first multiple of 64 after the header; each buffer's
         offset counts from there and is a multiple of 64 too

Nothing in a file is trusted: a wrong magic or format, a header whose
checksum or JSON is wrong, a buffer outside the file or whose CRC-32 does
not match is a :class:`BundleError`, and the caller rebuilds (a CRC-32 of
100 MB takes 16 ms). A file is written to a temporary name and renamed into
place, so a reader never meets half of one.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "x.orgindex"
>>> write_bundle(path, {"a": b"hello", "b": memoryview(b"world")}, {"posts": 2})
>>> bundle = Bundle(path)
>>> bundle.meta, bytes(bundle.buffer("a")), bundle.names()
({'posts': 2}, b'hello', ['a', 'b'])
>>> _ = path.write_bytes(path.read_bytes()[:-1] + b"!")
>>> Bundle(path)
Traceback (most recent call last):
...
orgmodel.cache.bundle.BundleError: ...x.orgindex: buffer 'b' does not match its checksum
"""

from __future__ import annotations

import json
import mmap
import os
import struct
import tempfile
import zlib
from array import array
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

__all__ = ["FORMAT", "Bundle", "BundleError", "write_bundle"]

MAGIC = b"ORGMODEL-INDEX\r\n"
FORMAT = 1
"""The layout's version; a file of another is not read (and is rebuilt)."""
_FIXED = struct.Struct("<IIQ")
_START = len(MAGIC) + _FIXED.size
_ALIGN = 64

if TYPE_CHECKING:
    from array import array

    Buffer = bytes | bytearray | memoryview | array[Any]
Format = Literal["B", "q", "i", "d"]
"""How a buffer is read: bytes, 8-byte or 4-byte integers, 8-byte floats."""


class BundleError(Exception):
    """A file that is not a whole, valid bundle of this format."""


def _aligned(at: int) -> int:
    return -(-at // _ALIGN) * _ALIGN


def write_bundle(path: Path, buffers: Mapping[str, Buffer], meta: Mapping[str, Any]) -> None:
    """Write ``buffers`` and ``meta`` (JSON-able) to ``path`` atomically.

    The buffers are written as they are (a pyarrow buffer, an ``array``, a
    memoryview of a mapped file): no copy of them is made in memory.
    """
    views = {name: memoryview(b).cast("B") for name, b in buffers.items()}
    table: dict[str, list[int]] = {}
    at = 0  # offsets count from the first buffer, which starts after the header (aligned)
    for name, view in views.items():
        table[name] = [at, view.nbytes, zlib.crc32(view)]
        at = _aligned(at + view.nbytes)
    header = json.dumps({"meta": meta, "buffers": table}, separators=(",", ":")).encode()
    base = _aligned(_START + len(header))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC + _FIXED.pack(FORMAT, zlib.crc32(header), len(header)) + header)
            handle.write(b"\0" * (base - _START - len(header)))
            written = base
            for name, view in views.items():
                offset = table[name][0] + base
                handle.write(b"\0" * (offset - written))
                handle.write(view)
                written = offset + view.nbytes
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Bundle:
    """A bundle file mapped into memory, its header and every buffer checked."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with path.open("rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size < _START:
                    raise self._error("too short to be an index file")
                self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except OSError as exc:
            raise BundleError(f"{path}: cannot be read: {exc.strerror or exc}") from None
        view = memoryview(self._map)
        if bytes(view[: len(MAGIC)]) != MAGIC:
            raise self._error("is not an orgmodel index file")
        fmt, crc, length = _FIXED.unpack_from(view, len(MAGIC))
        if fmt != FORMAT:
            raise self._error(f"has format {fmt}, not {FORMAT}")
        if _START + length > size or zlib.crc32(view[_START : _START + length]) != crc:
            raise self._error("has a damaged header")
        try:
            header = json.loads(bytes(view[_START : _START + length]))
            self.meta: dict[str, Any] = header["meta"]
            self._buffers: dict[str, tuple[int, int]] = {}
            base = _aligned(_START + length)
            for name, (at, n, checksum) in header["buffers"].items():
                offset = base + at
                if at < 0 or n < 0 or offset + n > size:
                    raise self._error(f"buffer {name!r} lies outside the file")
                if zlib.crc32(view[offset : offset + n]) != checksum:
                    raise self._error(f"buffer {name!r} does not match its checksum")
                self._buffers[name] = (offset, n)
        except (ValueError, KeyError, TypeError) as exc:
            raise self._error(f"has an unreadable header ({exc})") from None
        self._view = view

    def _error(self, why: str) -> BundleError:
        return BundleError(f"{self.path}: {why}")

    def names(self) -> list[str]:
        return list(self._buffers)

    def __contains__(self, name: object) -> bool:
        return name in self._buffers

    def buffer(self, name: str, fmt: Format = "B") -> memoryview[Any]:
        """One buffer, as bytes (``fmt`` ``"B"``) or cast to 8-byte ints (``"q"``), floats
        (``"d"``) or 4-byte ints (``"i"``); a ``KeyError`` names a buffer the file lacks."""
        offset, n = self._buffers[name]
        view: memoryview[Any] = self._view[offset : offset + n]
        if fmt != "B":
            if n % struct.calcsize(fmt):
                raise self._error(f"buffer {name!r} is not a whole number of {fmt!r} items")
            view = view.cast(fmt)
        return view
