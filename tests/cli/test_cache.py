"""The saved index from the command line: the same answers, --no-cache, cache info/clear."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from orgmodel.cache import entries
from tests.cache.test_graph import EXPORT
from tests.cli.conftest import Orgmodel

QUESTIONS = [
    ["stats"],
    ["show", "--units"],
    ["show", "-f", "json"],
    ["chain", "Jo Park"],
    ["chain", "4", "--all"],
    ["chain", "5", "-f", "json"],
    ["reports", "City Manager", "--all"],
    ["reports", "1", "-f", "json"],
    ["common", "Budget Analyst", "Städtische Referentin"],
    ["common", "1", "6"],
    ["path", "4", "2"],
    ["path", "Clerk", "Analyst"],
    ["oversees", "Finance Department"],
    ["chain", "Analist"],
    ["chain", "Analyst"],
    ["validate"],
    ["validate", "-f", "json"],
    ["render", "-o", "chart.dot"],
]


@pytest.fixture
def export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ORGMODEL_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "export.csv").write_text(EXPORT, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("args", QUESTIONS, ids=" ".join)
def test_a_saved_index_gives_the_answers_the_sources_give(
    orgmodel: Orgmodel, export: Path, args: list[str]
) -> None:
    read = orgmodel(*args, "-s", "export.csv", "--no-cache", cwd=export)
    assert not (export / "cache").exists()  # --no-cache neither reads nor saves one
    first = orgmodel(*args, "-s", "export.csv", cwd=export)  # builds and saves
    saved = orgmodel(*args, "-s", "export.csv", cwd=export)  # from the saved index
    assert len(entries()) == 1
    for run in (first, saved):
        assert (run.code, run.stdout, run.stderr) == (read.code, read.stdout, read.stderr)


def test_the_sample_data_answers_the_same_from_its_index(
    orgmodel: Orgmodel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORGMODEL_CACHE_DIR", str(tmp_path))
    for args in (["chain", "Hartford Public Schools: COO", "--all"], ["validate"], ["stats"],
                 ["reports", "HPS: Superintendent", "--all"], ["show", "--units"]):  # fmt: skip
        read = orgmodel(*args, "--no-cache")
        orgmodel(*args)
        saved = orgmodel(*args)
        assert (saved.code, saved.stdout, saved.stderr) == (read.code, read.stdout, read.stderr)


def test_cache_info_lists_the_indexes_and_clear_removes_them(
    orgmodel: Orgmodel, export: Path
) -> None:
    orgmodel("stats", "-s", "export.csv", cwd=export)
    listed = orgmodel("cache", "info", "-f", "json", cwd=export)
    info = json.loads(listed.stdout)
    assert info["folder"] == str(export / "cache")
    ((entry,),) = [info["entries"]]
    assert entry["sources"] == [str(export / "export.csv")] and entry["posts"] == 6
    text = orgmodel("cache", "info", cwd=export).stdout
    assert "1 saved index(es)" in text and "export.csv: 6 posts" in text
    cleared = orgmodel("cache", "clear", cwd=export)
    assert cleared.code == 0 and cleared.stdout.startswith("removed 1 saved index(es), ")
    assert entries() == []


def test_json_is_compact_in_a_pipe_and_indented_when_asked(
    orgmodel: Orgmodel, export: Path
) -> None:
    compact = orgmodel("chain", "4", "-f", "json", "-s", "export.csv", cwd=export).stdout
    assert compact.count("\n") == 1 and '"chain":[' in compact
    indented = orgmodel("chain", "4", "-f", "json", "--indent", "2", "-s", "export.csv", cwd=export)
    assert indented.stdout.startswith('{\n  "post": {')
    assert json.loads(indented.stdout) == json.loads(compact)
    bad = orgmodel("chain", "4", "--indent", "x", "-s", "export.csv", cwd=export)
    assert bad.code == 2 and "--indent takes a number of spaces, not 'x'" in bad.stderr


def test_a_changed_source_is_answered_from_its_new_text(orgmodel: Orgmodel, export: Path) -> None:
    assert "Jo Park" in orgmodel("chain", "6", "-s", "export.csv", cwd=export).stdout
    path = export / "export.csv"
    path.write_text(EXPORT.replace("Jo Park", "Jo Pak "), encoding="utf-8")  # same size
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert "Jo Pak" in orgmodel("chain", "6", "-s", "export.csv", cwd=export).stdout
