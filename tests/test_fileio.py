"""Atomic writes: a path that cannot be written is a usage error, and nothing is left behind."""

from __future__ import annotations

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
