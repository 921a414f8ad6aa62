"""Validation of both NYC governance organizations releases, against an independent reading.

``tests/nyc_realdata.py`` reads the CSVs with the ``csv`` module alone; the
findings each rule promises are worked out from that here, by record id:

* R003 -- one finding per parent name that no row has (positions that exist
  only as names, offices named otherwise than their rows), naming every body
  that gives it;
* L001 -- a body whose ``reports_to`` lists two or more rows (a joint body: the
  chart hangs it under the first, the rule asks which line is the solid one);
* R001 -- the bodies with an empty ``reports_to``, tops by design, in one finding
  (the registry has no organization column, so they are one forest);
* S001 / S002 -- spans over 15 and spans of exactly 1, counting each body under
  its tree parent (its first parent that is a row);
* nothing else (no cycle, no duplicate id, no units).
"""

from __future__ import annotations

from collections import Counter

import pytest

from orgmodel.config import Settings
from orgmodel.rules.report import Finding
from orgmodel.rules.validate import validate
from orgmodel.sources.load import load_graph
from tests.conftest import Cli, needs_realdata
from tests.nyc_realdata import NYC, RELEASES, Release, release

pytestmark = needs_realdata


def _findings(name: str) -> list[Finding]:
    return validate(load_graph([NYC / name], settings=Settings())).findings


def expected(r: Release) -> dict[str, Counter[frozenset[str]]]:
    """Per code, the findings as the sets of record ids they name (a multiset of them)."""
    dangling: dict[tuple[str, str], set[str]] = {}
    for body, parents in r.parents.items():
        for p in parents:
            if isinstance(p, tuple):
                dangling.setdefault(p, set()).add(body)
    joint = [
        frozenset({body, *rows})
        for body, parents in r.parents.items()
        if len(rows := {p for p in parents if isinstance(p, str)}) >= 2
    ]
    tops = frozenset(b for b, row in r.rows.items() if not row["reports_to"].strip())
    span = Counter(boss for b in r.rows if (boss := r.tree_parent(b)) is not None)
    children = {boss: {b for b in r.rows if r.tree_parent(b) == boss} for boss in span}
    return {
        "R003": Counter(frozenset(bodies) for bodies in dangling.values()),
        "L001": Counter(joint),
        "R001": Counter([tops] if len(tops) > 1 else []),
        "S001": Counter(frozenset({p}) for p, n in span.items() if n > 15),
        "S002": Counter(frozenset({p, *children[p]}) for p, n in span.items() if n == 1),
    }


@pytest.mark.parametrize("name", RELEASES)
def test_findings_are_those_the_csv_shows(name: str) -> None:
    findings = _findings(name)
    got: dict[str, Counter[frozenset[str]]] = {}
    for f in findings:
        got.setdefault(f.code, Counter())[frozenset(f.subjects)] += 1
    want = {code: sets for code, sets in expected(release(name)).items() if sets}
    assert got == want


def test_the_figures_of_each_release() -> None:
    """What docs/validation.md quotes, per release: (R003, L001, tops, S001, S002)."""
    figures = []
    for name in RELEASES:
        want = expected(release(name))
        (tops,) = want["R001"]
        r003, l001, s001, s002 = (want[c].total() for c in ("R003", "L001", "S001", "S002"))
        figures.append((r003, l001, len(tops), s001, s002))
    assert figures == [(4, 5, 177, 0, 10), (10, 5, 174, 3, 6)]


def test_run_to_completion_with_the_exit_code_of_errors(cli: Cli) -> None:
    for name, dangling in zip(RELEASES, (4, 10), strict=True):
        result = cli("validate", "-s", str(NYC / name), cwd=NYC.parent)
        assert result.returncode == 1, result.stderr  # errors: names that match no row
        assert result.stdout.count(" R003 [error] ") == dangling
        assert "Traceback" not in result.stderr
