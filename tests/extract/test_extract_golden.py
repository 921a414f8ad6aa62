"""Golden postings: our own texts in ``golden/``, each with the expected extraction.

Every fact is compared exactly (name, kind, target or generic flag,
abbreviation and evidence); warnings are compared only where a test says so.
After an intended change, regenerate with::

    python -m tests.extract.test_extract_golden

and review the diff of ``tests/extract/golden/*.json`` before committing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from orgmodel.extract import LinkFact, ReportingFact, SupervisionFact, extract_file, read_posting

GOLDEN = Path(__file__).parent / "golden"
POSTINGS = sorted(p for p in GOLDEN.iterdir() if p.suffix in {".txt", ".md", ".html"})


def actual(path: Path) -> dict[str, Any]:
    """The extraction as the golden files hold it: confidences left out, since they move
    with every retraining of the weights (the facts, cues, rules and evidence must not)."""
    data = extract_file(path).to_dict()
    data.pop("source")
    for key in ("reports_to", "supervises"):
        for fact in data[key]:
            fact.pop("confidence")
    return data


def test_there_are_enough_golden_postings() -> None:
    assert len(POSTINGS) >= 20
    assert {p.suffix for p in POSTINGS} == {".txt", ".md", ".html"}


@pytest.mark.parametrize("path", POSTINGS, ids=lambda p: p.stem)
def test_golden(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    got = actual(path)
    for key in ("title", "organization", "department", "reports_to", "supervises", "links"):
        assert got[key] == expected[key], key


@pytest.mark.parametrize("path", POSTINGS, ids=lambda p: p.stem)
def test_golden_evidence_points_into_the_body(path: Path) -> None:
    posting = read_posting(path)
    ex = extract_file(path)
    facts: list[ReportingFact | SupervisionFact | LinkFact] = [
        *ex.reports_to,
        *ex.supervises,
        *ex.links,
    ]
    for fact in facts:
        ev = fact.evidence
        assert posting.text[ev.start : ev.end] == ev.text
        assert ev.cue


def test_negations_and_non_statements_invent_nothing() -> None:
    for name in ("g05_negations.txt", "g10_no_reporting.txt"):
        ex = extract_file(GOLDEN / name)
        assert ex.reports_to == [] and ex.supervises == []
    warnings = " ".join(extract_file(GOLDEN / "g05_negations.txt").warnings)
    assert "states none" in warnings
    assert "names no superior" in warnings
    assert "negated" in warnings


def regenerate() -> None:
    for path in POSTINGS:
        out = path.with_suffix(".json")
        out.write_text(json.dumps(actual(path), indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    regenerate()
