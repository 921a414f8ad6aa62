"""A proposal checked by the validator: which problems the scenario brought, which were there.

``orgmodel apply`` validates what it writes with the same rules as
``orgmodel validate`` (:func:`orgmodel.rules.validate.validate`, the project's
``[validate]`` settings). A planner working on a messy base -- an export
with a few dangling references -- needs to know what *the proposal* breaks,
not to read the base's problems again: a finding of the proposal is
*known* when the base has one with the same code about the same posts and
units (its wording may differ: a span of 16 that grew to 17 is the same
problem), and *new* otherwise.

>>> from orgmodel.orgfile.read import parse_orgfile
>>> text = '''organizations:
...   - name: Acme
...     posts:
...       - {id: ceo, title: Chief Executive, root: true}
...       - {id: cfo, title: Finance Director, reports_to: ceo}
...       - {id: ctl, title: Controller, reports_to: Treasurer}
... '''
>>> base = parse_orgfile(text, "acme.yaml")
>>> proposed = parse_orgfile(text + "      - {id: ops, title: Operations}\\n", "new.yaml")
>>> r = review(base, proposed)
>>> [(f.code, f.subjects) for f in r.new]
[('R002', ('ops',))]
>>> [(f.code, f.subjects) for f in r.known]
[('S002', ('ceo', 'cfo')), ('R003', ('ctl',))]
>>> r.exit_code(), r.exit_code(strict=True)
(0, 1)
"""

from __future__ import annotations

from dataclasses import dataclass

from orgmodel.graph import OrgGraph
from orgmodel.records import OrgData
from orgmodel.rules.config import ValidateConfig
from orgmodel.rules.report import Finding, Report, Severity
from orgmodel.rules.validate import validate

__all__ = ["CYCLE_CODES", "Review", "review"]

CYCLE_CODES = frozenset({"C001", "C002"})
"""Findings that make a proposal unusable: a reporting line that comes back on itself."""


def _key(finding: Finding) -> tuple[str, frozenset[str]]:
    return finding.code, frozenset(finding.subjects)


@dataclass(frozen=True)
class Review:
    """The proposal's validation report, its findings split into new and known."""

    report: Report
    new: list[Finding]
    known: list[Finding]

    def count(self, severity: Severity) -> int:
        """New findings of one severity."""
        return sum(1 for f in self.new if f.severity is severity)

    def exit_code(self, strict: bool = False) -> int:
        """1 when the proposal brings an error (or, ``strict``, a warning), else 0."""
        worst = {f.severity for f in self.new}
        return int(Severity.ERROR in worst or (strict and Severity.WARNING in worst))

    def cycles(self) -> list[Finding]:
        """New reporting cycles (and posts made to report to themselves)."""
        return [f for f in self.new if f.code in CYCLE_CODES]

    def summary(self) -> str:
        """``1 new error, 0 new warnings, 2 new info; 3 findings already in the base``."""
        parts = [
            f"{self.count(Severity.ERROR):,} new error{'s' * (self.count(Severity.ERROR) != 1)}",
            f"{self.count(Severity.WARNING):,} new warning"
            + "s" * (self.count(Severity.WARNING) != 1),
            f"{self.count(Severity.INFO):,} new info",
        ]
        known = len(self.known)
        tail = f"{known:,} finding{'s' * (known != 1)} already in the base"
        return f"{', '.join(parts)}; {tail} ({len(self.report.rules)} rules checked)"


def review(base: OrgData, proposed: OrgData, config: ValidateConfig | None = None) -> Review:
    """Validate ``proposed`` and tell its new findings from those ``base`` already has."""
    before = {_key(f) for f in validate(OrgGraph(base), config).findings}
    report = validate(OrgGraph(proposed), config)
    new = [f for f in report.findings if _key(f) not in before]
    known = [f for f in report.findings if _key(f) in before]
    return Review(report, new, known)
