"""Atomic writes: a path that cannot be written is a usage error, and nothing is left behind."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from orgmodel.errors import UsageError
from orgmodel.fileio import atomic_write


def test_a_file_where_a_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x")
    for target in (tmp_path / "taken" / "org.yaml", tmp_path / "taken" / "a" / "b" / "org.yaml"):
        with pytest.raises(UsageError) as info:
            atomic_write(target, "content")
        assert (
            str(info.value)
            == f"{target}: cannot write: {tmp_path / 'taken'} is a file, not a folder"
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_a_folder_where_the_file_should_be(tmp_path: Path) -> None:
    (tmp_path / "out.svg").mkdir()
    with pytest.raises(UsageError, match=r"out\.svg: cannot write: it is a folder; name a file"):
        atomic_write(tmp_path / "out.svg", b"<svg/>")
    assert list((tmp_path / "out.svg").iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.svg"]  # no temporary file left


def test_a_good_path_is_written_and_its_folders_made(tmp_path: Path) -> None:
    target = tmp_path / "new" / "org.yaml"
    atomic_write(target, "a: 1\n")
    assert target.read_text() == "a: 1\n"


def test_a_symlink_to_a_device_is_written_in_place_never_replaced(tmp_path: Path) -> None:
    """``-o /dev/stdout`` as root replaced the /dev/stdout symlink with a regular file."""
    link = tmp_path / "stdout"
    link.symlink_to(os.devnull)
    atomic_write(link, "organizations: []\n")
    assert link.is_symlink() and os.readlink(link) == os.devnull
    assert Path(os.devnull).is_char_device()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_fifo_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write(fifo, "a,b\n1,2\n")
    reader.join(timeout=10)
    assert got == [b"a,b\n1,2\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the FIFO, not a file renamed over it


def test_a_symlink_to_a_file_keeps_its_link_and_its_file_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "org.yaml"
    real.write_text("old\n")
    link = tmp_path / "org.yaml"
    link.symlink_to(real)
    atomic_write(link, "new\n")
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_text() == "new\n"


def test_dash_and_dev_stdout_write_to_the_descriptor(capfd: pytest.CaptureFixture[str]) -> None:
    atomic_write("-", "to stdout\n")
    atomic_write("/dev/stdout", b"bytes too\n")
    atomic_write("/dev/stderr", "to stderr\n")
    captured = capfd.readouterr()
    assert captured.out == "to stdout\nbytes too\n"
    assert captured.err == "to stderr\n"
    assert not Path("-").exists()


def test_binary_output_is_refused_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(UsageError, match="refusing to write binary output to the terminal"):
        atomic_write("-", b"\x89PNG\r\n", binary=True)
