"""A bundle file is read back only when it is whole: every damage is refused."""

from __future__ import annotations

import array
import json
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from orgmodel.cache.bundle import FORMAT, MAGIC, Bundle, BundleError, write_bundle

Damage = Callable[[bytearray], None]


def _bundle(folder: Path) -> Path:
    path = folder / "b.orgindex"
    numbers = array.array("q", range(1000))
    write_bundle(path, {"numbers": numbers, "text": b"Mayor\xc3\xa9", "none": b""}, {"n": 1000})
    return path


def test_buffers_come_back_as_written_and_aligned(tmp_path: Path) -> None:
    bundle = Bundle(_bundle(tmp_path))
    assert bundle.meta == {"n": 1000}
    assert list(bundle.buffer("numbers", "q")) == list(range(1000))
    assert bytes(bundle.buffer("text")).decode() == "Mayoré"
    assert bytes(bundle.buffer("none")) == b"" and "none" in bundle
    with pytest.raises(KeyError):
        bundle.buffer("missing")
    with pytest.raises(BundleError, match="whole number"):
        bundle.buffer("text", "q")


def _header_at(raw: bytes) -> tuple[int, int]:
    _, _, length = struct.unpack_from("<IIQ", raw, len(MAGIC))
    start = len(MAGIC) + 16
    return start, length


def _set_header(raw: bytearray, header: dict[str, object]) -> None:
    """Rewrite the header (and its checksum) in place: a file damaged *consistently*."""
    start, length = _header_at(bytes(raw))
    encoded = json.dumps(header, separators=(",", ":")).encode().ljust(length)
    struct.pack_into("<IIQ", raw, len(MAGIC), FORMAT, zlib.crc32(encoded), len(encoded))
    raw[start : start + length] = encoded


def _text_byte(raw: bytearray) -> None:
    start, length = _header_at(bytes(raw))
    offset = json.loads(bytes(raw[start : start + length]))["buffers"]["text"][0]
    raw[-(-(start + length) // 64) * 64 + offset] ^= 0xFF  # buffers start aligned to 64


def _header_byte(raw: bytearray) -> None:
    raw[len(MAGIC) + 20] ^= 0x01


def _truncated(raw: bytearray) -> None:
    del raw[len(raw) // 2 :]


def _magic(raw: bytearray) -> None:
    raw[:4] = b"PK\x03\x04"


def _format(raw: bytearray) -> None:
    struct.pack_into("<I", raw, len(MAGIC), FORMAT + 1)


def _outside(raw: bytearray) -> None:
    start, length = _header_at(bytes(raw))
    header = json.loads(bytes(raw[start : start + length]))
    header["buffers"]["numbers"][0] = 10**9
    _set_header(raw, header)


def _not_json(raw: bytearray) -> None:
    start, length = _header_at(bytes(raw))
    garbage = b"{" * length
    raw[start : start + length] = garbage
    struct.pack_into("<I", raw, len(MAGIC) + 4, zlib.crc32(garbage))


def _no_meta(raw: bytearray) -> None:
    start, length = _header_at(bytes(raw))
    header = json.loads(bytes(raw[start : start + length]))
    del header["meta"]
    _set_header(raw, header)


@pytest.mark.parametrize(
    ("damage", "why"),
    [
        (_text_byte, "does not match its checksum"),
        (_header_byte, "damaged header"),
        (_truncated, "damaged header|outside the file|checksum"),
        (_magic, "not an orgmodel index"),
        (_format, f"format {FORMAT + 1}"),
        (_outside, "outside the file"),
        (_not_json, "unreadable header"),
        (_no_meta, "unreadable header"),
    ],
    ids=lambda v: getattr(v, "__name__", "")[1:] or None,
)
def test_a_damaged_file_is_refused(tmp_path: Path, damage: Damage, why: str) -> None:
    path = _bundle(tmp_path)
    raw = bytearray(path.read_bytes())
    damage(raw)
    path.write_bytes(bytes(raw))
    with pytest.raises(BundleError, match=why):
        Bundle(path)


def test_an_empty_or_missing_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.orgindex").write_bytes(b"")
    with pytest.raises(BundleError, match="too short"):
        Bundle(tmp_path / "empty.orgindex")
    with pytest.raises(BundleError, match="cannot be read"):
        Bundle(tmp_path / "missing.orgindex")


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    class Unwritable:
        def __buffer__(self, flags: int) -> memoryview:
            raise OSError("disk full")

    with pytest.raises((OSError, TypeError)):
        write_bundle(tmp_path / "x.orgindex", {"a": Unwritable()}, {})  # type: ignore[dict-item]
    assert list(tmp_path.iterdir()) == []
