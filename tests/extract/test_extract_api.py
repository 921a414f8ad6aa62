"""The public API: names, the JSON contract, purity."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import orgmodel.extract as api
from orgmodel.extract import Extraction, extract, extract_file

TEXT = (
    "Job Title: Deputy Clerk\n"
    "Reports To: City Clerk (Primary)/City Manager (Secondary)\n"
    "Supervises: Records Office, Licensing Technician\n"
    "Works closely with the Chief Operating Officer (COO).\n"
)


def test_public_names() -> None:
    assert {"read_posting", "extract", "extract_file", "Extraction", "Posting"} <= set(api.__all__)
    for name in api.__all__:
        assert getattr(api, name) is not None


def test_json_contract() -> None:
    data = extract(TEXT, source="p.txt").to_dict()
    assert list(data) == [
        "source", "title", "organization", "department",
        "reports_to", "supervises", "links", "warnings",
    ]  # fmt: skip
    assert data["source"] == "p.txt" and data["title"] == "Deputy Clerk"
    keys = {"name", "kind", "generic", "confidence", "rule", "evidence"}
    assert [set(r) for r in data["reports_to"]] == [keys] * 2
    assert [r["kind"] for r in data["reports_to"]] == ["primary", "secondary"]
    assert [(s["name"], s["kind"], s["target"]) for s in data["supervises"]] == [
        ("Records Office", "direct", "unit"),
        ("Licensing Technician", "direct", "post"),
    ]
    link = data["links"][0]
    assert (link["name"], link["type"], link["abbreviation"]) == (
        "Chief Operating Officer",
        "works_with",
        "COO",
    )
    assert set(link["evidence"]) == {"start", "end", "text", "cue"}


def test_extraction_is_frozen_and_picklable() -> None:
    ex = extract(TEXT)
    assert pickle.loads(pickle.dumps(ex)) == ex
    try:
        ex.title = "x"  # type: ignore[misc]
    except AttributeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("Extraction should be frozen")


def test_extract_is_pure() -> None:
    first = extract(TEXT)
    extract("Reports to: Somebody Else\nJob Title: Other Post\n")
    assert extract(TEXT) == first
    assert Extraction().to_dict()["reports_to"] == []


def test_runs_in_a_process_pool(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text(TEXT, encoding="utf-8")
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(extract_file, [path, path]))
    assert results[0] == results[1] == extract_file(path)
