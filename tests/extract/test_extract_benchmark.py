"""The accuracy benchmark runs on any corpus laid out like the development set."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_corpus(tmp_path: Path) -> Path:
    """A labelled corpus in the development set's layout, from our own golden postings."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = []
    for path in sorted(GOLDEN.glob("g*.txt"))[:12]:
        stem = path.stem
        shutil.copy(path, corpus / path.name)
        out = json.loads((GOLDEN / f"{stem}.json").read_text(encoding="utf-8"))
        gold = {
            "id": stem,
            "title": out["title"],
            "organization": out["organization"],
            "reports_to": {
                k: [r["name"] for r in out["reports_to"] if r["kind"] == k]
                for k in ("primary", "secondary")
            },
            "supervises": {
                k: [s["name"] for s in out["supervises"] if s["kind"] == k]
                for k in ("direct", "indirect")
            },
        }
        (corpus / f"{stem}.json").write_text(json.dumps(gold), encoding="utf-8")
        has = "yes" if out["reports_to"] or out["supervises"] else "no"
        rows.append(f"{stem}\tcity\tREPORTS-TO-PROSE+SUPERVISES-PROSE\t{has}")
    (corpus / "INDEX.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return corpus


def test_extraction_benchmark_cross_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = load("extraction")
    assert bench.main([str(make_corpus(tmp_path)), "--folds", "3", "--repeats", "2", "-v"]) == 0
    out = capsys.readouterr().out
    assert "relations F1 per held-out fold" in out
    assert out.count("  seed ") == 2  # one row of three folds per repeat
    assert "mean " in out and "spread (sd)" in out
    for kind in ("primary", "secondary", "direct", "indirect", "relations"):
        assert f"\n{kind}" in out
    assert "per phrasing family" in out and "REPORTS-TO-PROSE" in out
    assert "title accuracy" in out and "organization accuracy" in out


def test_the_baseline_column_runs_another_checkout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = load("extraction")
    corpus = make_corpus(tmp_path)
    argv = [str(corpus), "--folds", "2", "--repeats", "1", "--compare-with", str(ROOT)]
    assert bench.main(argv) == 0
    assert "baseline" in capsys.readouterr().out


def test_extraction_benchmark_on_an_empty_folder(tmp_path: Path) -> None:
    assert load("extraction").main([str(tmp_path)]) == 0


def test_speed_benchmark_builds_two_kilobyte_postings() -> None:
    import random

    speed = load("extract_speed")
    posting = speed.synthetic_posting(random.Random(1))
    assert 1800 <= len(posting) <= 2600
