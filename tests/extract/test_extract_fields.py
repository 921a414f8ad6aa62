"""Labelled fields in every layout postings use."""

from __future__ import annotations

import pytest

from orgmodel.extract.fields import find_fields, trim_label_tail
from orgmodel.extract.sections import work_view


def fields_of(text: str) -> list[tuple[str, list[str]]]:
    view = work_view(text)
    return [(f.key, [text[s:e] for s, e in f.values]) for f in find_fields(view)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reports To: Director of Finance\n", [("reports to", ["Director of Finance"])]),
        ("REPORTS TO : Principal\n", [("reports to", ["Principal"])]),
        ("- Reports to: Mayor\n", [("reports to", ["Mayor"])]),
        (
            "IMMEDIATE SUPERVISOR Academic Department Head\n",
            [("immediate supervisor", ["Academic Department Head"])],
        ),
        (
            "REPORTS TO\n\nLead Teacher\n\nSUPERVISES\n\nNone\n",
            [("reports to", ["Lead Teacher"]), ("supervises", ["None"])],
        ),
        ("Title\nDean\n", [("title", ["Dean"])]),
        ("TITLE: CUSTODIAN I, II             REVISED 11/13/23\n", [("title", ["CUSTODIAN I, II"])]),
        ("Reporting to: Maren Holt, CPO\n", [("reporting to", ["Maren Holt, CPO"])]),
    ],
)
def test_layouts(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert fields_of(text) == expected


def test_flattened_line_with_many_fields() -> None:
    text = "Bargaining: No Status: Exempt Reports to: Town Board Pension Plan: Yes SUMMARY"
    assert ("reports to", ["Town Board"]) in fields_of(text)
    text = "Job title: Analyst II Job Family: Finance Pay Band: 7"
    assert fields_of(text) == [("job title", ["Analyst II"])]


def test_stacked_labels_keep_the_first_value_empty() -> None:
    text = "OVERVIEW: Reports to: Supervises: Superintendent Business Manager, Grants Officer.\n"
    assert fields_of(text) == [
        ("reports to", []),
        ("supervises", ["Superintendent Business Manager, Grants Officer"]),
    ]


def test_bulleted_values_under_a_label() -> None:
    text = "Direct Reports:\n- Senior Accountant\n- Payroll Clerk\nNotes\n"
    assert fields_of(text) == [("direct reports", ["Senior Accountant", "Payroll Clerk"])]


def test_words_that_are_not_labels() -> None:
    assert fields_of("He reports to the Mayor: every week.\nSUPERVISOR OF THE YEAR\n") == []
    assert fields_of("Position Type : Administrative\n") == []
    assert fields_of("DEPARTMENT OF ADMINISTRATIVE SERVICES\n") == []


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("Town Council Retirement Plan", "Town Council"),
        ("Analyst II Job Family", "Analyst II"),
        ("Chief of Police Department", "Chief of Police"),
        (
            "Planning Technician, Assistant Planner Salary Range",
            "Planning Technician, Assistant Planner",
        ),
    ],
)
def test_trim_label_tail(value: str, kept: str) -> None:
    assert value[: trim_label_tail(value, 0, len(value))] == kept
