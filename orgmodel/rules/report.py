"""Findings and the report that collects them: validation results as data, not exceptions.

Modelled on frictionless-py's reports: every problem is a :class:`Finding`
with a stable code, a severity, a message a person can act on, the posts or
units it concerns (ids) and the provenance of each fact behind it; the
:class:`Report` holds them sorted by source and line, says whether the data is
``valid`` (no errors), counts them in ``stats`` and serialises with
``to_json()``. Exceptions stay for work that cannot go on.

>>> from orgmodel.records import Prov
>>> f = Finding("C002", "self-report", Severity.ERROR, "Director [b41] reports to itself",
...             ("b41",), (Prov("dfid.csv", line=7),))
>>> f.to_text()
'dfid.csv:7: C002 [error] Director [b41] reports to itself'
>>> report = Report([f], rules=("C002",))
>>> report.valid, report.stats["errors"], report.exit_code()
(False, 1, 1)
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from orgmodel.records import Prov

__all__ = ["Finding", "Report", "Severity"]


class Severity(StrEnum):
    """How bad a finding is: errors fail a check, warnings fail it with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info (sorts the worst first)."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_PLURAL = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}


def prov_dict(prov: Prov) -> dict[str, Any]:
    """A provenance as JSON: file, line, start/end span, cue, inferred (None left out)."""
    out: dict[str, Any] = {"file": prov.source}
    for key in ("line", "start", "end", "cue"):
        value = getattr(prov, key)
        if value is not None:
            out[key] = value
    if prov.inferred:
        out["inferred"] = True
    return out


@dataclass(frozen=True)
class Finding:
    """One problem: code, name, severity, message, the ids involved, the source of each fact.

    ``sources[0]`` is where the problem is reported (the ``file:line`` the
    text format starts with); the others are the further facts involved,
    which the message names as well.
    """

    code: str
    name: str
    severity: Severity
    message: str
    subjects: tuple[str, ...] = ()
    sources: tuple[Prov, ...] = ()
    line: int | None = None  # the line of a character span, when it could be worked out

    def where(self) -> str:
        """``file:line`` of the first source (``file@start-end`` for a span with no line)."""
        if not self.sources:
            return "<no source>"
        prov = self.sources[0]
        if prov.line is None and self.line is not None:
            return f"{prov.source}:{self.line}"
        return prov.where()

    def to_text(self) -> str:
        """``file:line: CODE [severity] message``, the line editors and CI logs understand."""
        return f"{self.where()}: {self.code} [{self.severity}] {self.message}"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "where": self.where(),
            "subjects": list(self.subjects),
            "sources": [prov_dict(p) for p in self.sources],
        }
        return out

    def sort_key(self) -> tuple[Any, ...]:
        prov = self.sources[0] if self.sources else Prov()
        line = prov.line if prov.line is not None else self.line
        return (
            prov.source is None,
            prov.source or "",
            line if line is not None else -1,
            prov.start if prov.start is not None else -1,
            self.severity.rank,
            self.code,
            self.message,
        )


@dataclass
class Report:
    """The findings of one validation, sorted by source and line, with counts.

    ``rules`` are the codes that ran; ``suppressed`` counts findings dropped by
    an inline ``ignore:``; ``timings`` (seconds per rule code) is for the
    benchmark and is not part of the JSON.
    """

    findings: list[Finding] = field(default_factory=list)
    rules: tuple[str, ...] = ()
    suppressed: int = 0
    posts: int = 0
    units: int = 0
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        self.findings.sort(key=Finding.sort_key)

    @property
    def valid(self) -> bool:
        """True when there is no error (warnings and info do not make data invalid)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def stats(self) -> dict[str, Any]:
        """Counts by severity and by code, and what was checked."""
        return {
            "errors": self.count(Severity.ERROR),
            "warnings": self.count(Severity.WARNING),
            "info": self.count(Severity.INFO),
            "findings": len(self.findings),
            "suppressed": self.suppressed,
            "by_code": dict(sorted(Counter(f.code for f in self.findings).items())),
            "rules": len(self.rules),
            "posts": self.posts,
            "units": self.units,
        }

    def exit_code(self, strict: bool = False) -> int:
        """0 clean, 1 when any error is found (or, with ``strict``, any warning)."""
        worst = {f.severity for f in self.findings}
        if Severity.ERROR in worst or (strict and Severity.WARNING in worst):
            return 1
        return 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "stats": self.stats,
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def summary(self) -> str:
        """``2 errors, 1 warning, 3 info in 119 posts and 36 units (24 rules checked)``."""
        parts = []
        for sev in Severity:
            n = self.count(sev)
            word = _PLURAL[sev] if n != 1 or sev is Severity.INFO else str(sev)
            parts.append(f"{n:,} {word}")
        text = f"{', '.join(parts)} in {self.posts:,} posts and {self.units:,} units"
        text += f" ({len(self.rules)} rules checked"
        if self.suppressed:
            text += f"; {self.suppressed:,} suppressed inline"
        return text + ")"

    def lines(self, style: Callable[[Finding], str] | None = None) -> Iterable[str]:
        """The text report: one line per finding (``style`` may decorate each)."""
        for f in self.findings:
            yield style(f) if style else f.to_text()
