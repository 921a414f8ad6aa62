"""Properties that hold for any text: evidence is honest, nothing raises, work stays linear."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.extract import LinkFact, ReportingFact, SupervisionFact, extract
from orgmodel.extract.sections import work_view

PIECES = [
    "Reports to: ", "REPORTS TO", "Supervises: ", "under the general supervision of ",
    "the Director of Finance", "Police Chief", ", ", " and ", " or ", "(COO)", "(Primary)/",
    "; ", ".\n", "\n\n", "- ", "<br />", "&amp;", "supervises ", "staff", "Office of Grants",
    "who oversee ", "through subordinate supervisors", "does not supervise ", "N/A", "’", "\t",
    "Job Title: ", "Clerk II", "works closely with ", "liaison to ", "ALL CAPS HEADING\n",
]  # fmt: skip
posting_like = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=40).map("".join)


def check_evidence(text: str) -> None:
    ex = extract(text)
    facts: list[ReportingFact | SupervisionFact | LinkFact] = [
        *ex.reports_to,
        *ex.supervises,
        *ex.links,
    ]
    for fact in facts:
        ev = fact.evidence
        assert 0 <= ev.start <= ev.end <= len(text)
        assert text[ev.start : ev.end] == ev.text
        assert fact.name.strip() == fact.name and fact.name
    assert isinstance(ex.to_dict()["warnings"], list)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_extracts_without_raising(text: str) -> None:
    check_evidence(text)


@settings(max_examples=200, deadline=None)
@given(posting_like)
def test_evidence_offsets_point_into_the_text(text: str) -> None:
    check_evidence(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_work_view_keeps_offsets(text: str) -> None:
    assert len(work_view(text)) == len(text)


@settings(max_examples=50, deadline=None)
@given(posting_like)
def test_extract_is_deterministic(text: str) -> None:
    assert extract(text) == extract(text)


def test_adversarial_inputs_finish_quickly() -> None:
    # Generous bounds (each runs in well under 0.1 s on a laptop); the benchmark
    # benchmarks/extract_speed.py shows the linear growth at 1 MB.
    cases = [
        "Supervises: " + ", ".join(f"Clerk {i}" for i in range(3000)),
        "The Clerk " + "reports to " * 3000 + "the Mayor.",
        "word " * 40000,
        ("Reports to the Board, " * 2000).replace("\n", " "),
        "(" * 5000 + "Manager" + ")" * 5000,
        "A" * 100_000,
        "Reports To: " * 40_000,
        "- Supervises: Clerk\n" * 10_000,
        "The Director " * 20_000,
    ]
    for text in cases:  # CPU time: other jobs on a busy machine do not count against it
        start = time.process_time()
        extract(text)
        assert time.process_time() - start < 5.0
