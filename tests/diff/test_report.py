"""Reports on the sample proposal: golden Markdown and JSON, and the text a terminal shows.

The golden files are the reviewed output for ``data/proposals/hps-operations-2026.yaml``
on ``data/hartford-public-schools.yaml``. After an intended change, regenerate with::

    python -m tests.diff.test_report

review ``git diff tests/diff/golden``, and regenerate ``diagrams/`` (``make diagrams``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from orgmodel.diff.changes import Diff, compare
from orgmodel.diff.report import Sides, md_escape, to_json, to_markdown, to_text
from orgmodel.graph import OrgGraph
from orgmodel.orgfile.read import read_orgfile
from orgmodel.planning.apply import apply
from orgmodel.planning.scenario import read_scenario
from tests.conftest import ROOT
from tests.diff.helpers import BASE, graph

GOLDEN = ROOT / "tests/diff/golden"
BEFORE, PLAN = "data/hartford-public-schools.yaml", "data/proposals/hps-operations-2026.yaml"


def sample() -> tuple[Diff, Sides]:
    base = read_orgfile(ROOT / BEFORE)
    plan = read_scenario(ROOT / PLAN)
    proposed = OrgGraph(apply(base, plan))
    return compare(OrgGraph(base), proposed), Sides(BEFORE, PLAN, plan.name)


def _json() -> dict[str, Any]:
    d, sides = sample()
    return to_json(d, sides)


def test_markdown_matches_the_golden_report_and_the_shipped_diagram() -> None:
    d, sides = sample()
    md = to_markdown(d, sides)
    assert md == (GOLDEN / "hps-operations-2026.md").read_text(encoding="utf-8")
    assert md == (ROOT / "diagrams/hps-operations-2026.md").read_text(encoding="utf-8")


def test_json_matches_the_golden_contract() -> None:
    expected = json.loads((GOLDEN / "hps-operations-2026.json").read_text(encoding="utf-8"))
    assert _json() == expected


def test_json_contract_shape() -> None:
    got = _json()
    assert set(got) == {"before", "after", "scenario", "changed", "summary", "metrics",
                        "matching", "notes", "changes"}  # fmt: skip
    assert got["changed"] is True and sum(got["summary"].values()) == len(got["changes"])
    moved = [c for c in got["changes"] if c["kind"] == "moved"]
    assert {(c["post"]["id"], c["from"]["id"], c["to"]["id"]) for c in moved} == {
        ("hps-director-edtech", "hps-coo", "hps-cio"),
        (
            "hps-student-assignment-manager",
            "hps-director-enrollment",
            "hps-director-transportation",
        ),
    }
    assert got["metrics"]["posts"] == {"before": 52, "after": 51, "change": -1}
    assert got["metrics"]["span_changes"][0]["post"]["id"] == "hps-coo"
    assert got["matching"]["by_rule"] == {"id": 50}


def test_text_report_escapes_markup_and_lists_each_kind() -> None:
    after = BASE.replace("title: Budget Analyst", "title: '[bold]Analyst[/bold] *R&D*'")
    d = compare(graph(BASE), graph(after))
    text = to_text(d, Sides("a.yaml", "b.yaml"))
    assert "\\[bold]Analyst\\[/bold] *R&D*" in text
    assert "Retitled" in text and "(1, retitled)" in text
    md = to_markdown(d, Sides("a.yaml", "b.yaml"))
    assert "\\[bold\\]Analyst\\[/bold\\] \\*R&D\\*" in md and "`analyst`" in md


def test_long_lists_are_cut_per_kind_but_json_keeps_everything() -> None:
    after = re.sub(r"holder: [A-Za-z ]+", "holder: Someone Else", BASE)
    d = compare(graph(BASE), graph(after))
    assert len(d.changes) == 2
    text = to_text(d, Sides("a", "b"), limit=1)
    assert "… and 1 more" in text
    assert len(to_json(d, Sides("a", "b"))["changes"]) == 2


def test_md_escape() -> None:
    assert md_escape("a_b|c") == "a\\_b\\|c"


def regenerate() -> None:
    d, sides = sample()
    (GOLDEN / "hps-operations-2026.md").write_text(to_markdown(d, sides), encoding="utf-8")
    text = json.dumps(to_json(d, sides), indent=2, ensure_ascii=False) + "\n"
    (GOLDEN / "hps-operations-2026.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    regenerate()
