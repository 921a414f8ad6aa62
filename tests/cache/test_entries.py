"""When a saved index is used, when it is rebuilt, and that it never stops a command."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from orgmodel.cache import clear, entries, entry_for, store
from orgmodel.cache.bundle import Bundle
from orgmodel.cache.graph import SavedGraph
from orgmodel.config import Settings
from orgmodel.graph import OrgGraph
from orgmodel.sources.load import load_graph

ORG = "id,title,name,manager\n1,Mayor,Ana Ruiz,\n2,City Clerk,Bo Li,1\n3,Deputy Clerk,,2\n"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ORGMODEL_CACHE_DIR", str(folder))
    return folder


def _org(tmp_path: Path, text: str = ORG, name: str = "org.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _load(*paths: Path, **kw: object) -> OrgGraph:
    return load_graph(list(paths), settings=Settings(), cache=True, **kw)  # type: ignore[arg-type]


def _age(path: Path, seconds: float = 10) -> None:
    """Make a source look written a while ago (past the file system's time resolution)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - int(seconds * 1e9)))


def test_the_second_load_is_the_saved_index(tmp_path: Path, cache: Path) -> None:
    path = _org(tmp_path)
    first = _load(path)
    assert not isinstance(first, SavedGraph)
    again = _load(path)
    assert isinstance(again, SavedGraph)
    assert [again.title(n) for n in again.parent if n >= 0] == ["Mayor", "City Clerk"]
    assert [e.posts for e in entries()] == [3]


def test_a_changed_source_is_read_again(tmp_path: Path, cache: Path) -> None:
    path = _org(tmp_path)
    _load(path)
    path.write_text(ORG.replace("City Clerk", "Town Clerk"), encoding="utf-8")  # same size
    graph = _load(path)
    assert not isinstance(graph, SavedGraph) and graph.title(1) == "Town Clerk"
    assert _load(path).title(1) == "Town Clerk"


def test_a_source_rewritten_with_the_same_bytes_keeps_its_index(
    tmp_path: Path, cache: Path
) -> None:
    path = _org(tmp_path)
    _age(path)
    _load(path)
    path.write_text(ORG, encoding="utf-8")  # a checkout writes the file again: new time
    assert isinstance(_load(path), SavedGraph)  # compared by its bytes, and kept
    assert isinstance(_load(path), SavedGraph)


def test_a_change_within_the_time_resolution_is_caught_by_the_bytes(
    tmp_path: Path, cache: Path
) -> None:
    path = _org(tmp_path)
    _load(path)  # saved within milliseconds of the file's time
    mtime = path.stat().st_mtime_ns
    path.write_text(ORG.replace("Mayor", "Major"), encoding="utf-8")
    os.utime(path, ns=(mtime, mtime))  # the same size and the same time: only the bytes differ
    assert _load(path).title(0) == "Major"


def test_a_folder_gaining_a_file_is_read_again(tmp_path: Path, cache: Path) -> None:
    folder = tmp_path / "hr"
    folder.mkdir()
    _org(folder)
    assert _load(folder).post_count == 3
    assert isinstance(_load(folder), SavedGraph)
    _org(folder, "id,title,manager\n9,Auditor,\n", name="more.csv")
    assert _load(folder).post_count == 4


def test_another_orgmodel_does_not_read_the_index(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _org(tmp_path)
    _load(path)
    monkeypatch.setattr(store, "_STAMP", "another-version")
    assert not isinstance(_load(path), SavedGraph)
    assert isinstance(_load(path), SavedGraph)  # the new one's index


def test_options_that_change_the_load_have_their_own_index(tmp_path: Path, cache: Path) -> None:
    path = _org(tmp_path, "EmpID,Position,Boss\n1,Mayor,\n2,Clerk,1\n")
    _load(path, mapping={"id": "EmpID", "title": "Position", "manager": "Boss"})
    assert not isinstance(_load(path, mapping={"id": "EmpID", "manager": "Boss"}), SavedGraph)
    assert isinstance(
        _load(path, mapping={"id": "EmpID", "title": "Position", "manager": "Boss"}), SavedGraph
    )


def test_a_damaged_index_is_ignored_and_replaced(tmp_path: Path, cache: Path) -> None:
    path = _org(tmp_path)
    _load(path)
    (index,) = [p for p in cache.iterdir() if p.suffix == store.SUFFIX]
    bundle = Bundle(index)
    start = bundle.buffer("posts.title.data").obj  # the mapped file
    offset = bytes(start).index(b"Deputy Clerk")
    del bundle, start
    raw = bytearray(index.read_bytes())
    raw[offset] ^= 0xFF  # one letter of a title
    index.write_bytes(bytes(raw))
    graph = _load(path)
    assert not isinstance(graph, SavedGraph) and graph.title(2) == "Deputy Clerk"
    assert isinstance(_load(path), SavedGraph)
    index.write_bytes(b"not an index")
    assert not isinstance(_load(path), SavedGraph)


def test_name_tables_are_saved_beside_the_index_once_built(tmp_path: Path, cache: Path) -> None:
    path = _org(tmp_path)
    _load(path)
    assert _load(path).names.candidates("bo li") == [1]  # builds the title and holder tables
    parts = sorted(p.name.split(".")[1] for p in cache.iterdir() if p.name.count(".") == 2)
    assert parts == ["holder", "title"]
    graph = _load(path)
    assert set(graph.names.built()) == {"title", "holder"}  # read, not built
    path.write_text(ORG.replace("Bo Li", "Bo Lu"), encoding="utf-8")
    _load(path)  # rebuilt: the old tables belong to the old index and are not read
    assert _load(path).names.candidates("bo li") == []


def test_a_folder_that_cannot_be_written_only_means_no_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("ORGMODEL_CACHE_DIR", str(blocker / "cache"))
    path = _org(tmp_path)
    assert _load(path).post_count == 3
    assert not isinstance(_load(path), SavedGraph)


def test_an_index_another_user_owns_is_not_read(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _org(tmp_path)
    _load(path)
    assert isinstance(_load(path), SavedGraph)
    if hasattr(os, "getuid"):
        uid = os.getuid()
        monkeypatch.setattr(os, "getuid", lambda: uid + 1)
        assert not isinstance(_load(path), SavedGraph)


def test_sources_that_are_no_files_have_no_index(tmp_path: Path, cache: Path) -> None:
    assert entry_for(["-"], None, {}) is None
    assert entry_for([tmp_path / "missing.csv"], None, {}) is None
    path = _org(tmp_path)
    assert entry_for([f"{path}#2024"], None, {}) is not None  # FILE#SNAPSHOT: the file's


def test_clear_removes_every_index(tmp_path: Path, cache: Path) -> None:
    _load(_org(tmp_path))
    _load(_org(tmp_path, name="other.csv"))
    assert len(entries()) == 2
    assert clear()[0] == 2
    assert entries() == [] and clear() == (0, 0)


def test_the_folder_is_kept_under_its_size_limit(tmp_path: Path, cache: Path) -> None:
    for i in range(3):
        _load(_org(tmp_path, name=f"org{i}.csv"))
    files = sorted(cache.glob(f"*{store.SUFFIX}"), key=lambda p: p.stat().st_mtime)
    os.utime(files[0], (1, 1))  # the least recently used
    size = sum(p.stat().st_size for p in files)
    assert store.prune(cache, limit=size - 1) == 1
    assert not files[0].exists() and files[1].exists()
