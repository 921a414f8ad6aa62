"""Findings and reports as data: order, counts, exit codes, JSON."""

from __future__ import annotations

import json

from orgmodel.records import Prov
from orgmodel.rules.report import Finding, Report, Severity

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _f(code: str, sev: Severity, prov: Prov, line: int | None = None) -> Finding:
    return Finding(code, code.lower(), sev, f"message {code}", ("x",), (prov,), line)


def test_findings_are_sorted_by_source_then_line_then_severity() -> None:
    report = Report(
        [
            _f("S002", INFO, Prov("b.yaml", line=3)),
            _f("F002", W, Prov("a.csv", line=10)),
            _f("R003", E, Prov("a.csv", line=10)),
            _f("C002", E, Prov("a.csv", line=2)),
            _f("X001", E, Prov("a.md", start=40, end=60), line=12),
            _f("F003", INFO, Prov("a.md")),
            _f("F009", W, Prov()),
        ]
    )
    assert [f.code for f in report.findings] == [
        "C002",
        "R003",
        "F002",
        "F003",
        "X001",
        "S002",
        "F009",
    ]
    assert [f.where() for f in report.findings][3:5] == ["a.md", "a.md:12"]


def test_valid_stats_and_exit_codes() -> None:
    warnings_only = Report([_f("S001", W, Prov("a", line=1)), _f("S002", INFO, Prov("a", line=2))])
    assert warnings_only.valid and warnings_only.exit_code() == 0
    assert warnings_only.exit_code(strict=True) == 1
    assert Report([_f("S002", INFO, Prov("a", line=1))]).exit_code(strict=True) == 0
    errors = Report([_f("C002", E, Prov("a", line=1))], rules=("C002", "S001"), posts=4, units=1)
    assert not errors.valid and errors.exit_code() == 1
    assert errors.stats == {
        "errors": 1, "warnings": 0, "info": 0, "findings": 1, "suppressed": 0,
        "by_code": {"C002": 1}, "rules": 2, "posts": 4, "units": 1,
    }  # fmt: skip
    assert (
        errors.summary() == "1 error, 0 warnings, 0 info in 4 posts and 1 units (2 rules checked)"
    )


def test_json_has_every_fact_of_every_finding() -> None:
    prov = Prov("postings/coo.md", start=3, end=9, cue="Reports To:")
    out = json.loads(Report([_f("X001", E, prov, line=5)], suppressed=2).to_json())
    assert out["valid"] is False and out["stats"]["suppressed"] == 2
    assert out["findings"] == [
        {
            "code": "X001", "name": "x001", "severity": "error", "message": "message X001",
            "where": "postings/coo.md:5", "subjects": ["x"],
            "sources": [{"file": "postings/coo.md", "start": 3, "end": 9, "cue": "Reports To:"}],
        }
    ]  # fmt: skip
