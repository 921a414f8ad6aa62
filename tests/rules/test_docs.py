"""Each rule's documentation: runnable failing/passing examples, and the README's rule table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orgmodel.rules.registry import FAMILIES, RULES
from orgmodel.rules.rule import Rule
from tests.conftest import ROOT
from tests.rules.helpers import graph_of, run_rule

NO_EXAMPLE = {"F009"}  # reports reader codes that no reader emits yet (tested in test_inputs.py)


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_failing_example_raises_the_finding(rule: Rule, tmp_path: Path) -> None:
    examples = rule.examples()
    if rule.code in NO_EXAMPLE:
        assert not examples and "No example" in rule.doc
        return
    findings = run_rule(graph_of(examples["fails"], tmp_path / "fails"), rule.code)
    assert len(findings) == 1, findings
    assert findings[0].code == rule.code and findings[0].sources


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_passing_example_does_not(rule: Rule, tmp_path: Path) -> None:
    if rule.code in NO_EXAMPLE:
        return
    assert run_rule(graph_of(rule.examples()["passes"], tmp_path), rule.code) == []


def test_every_rule_is_documented_and_belongs_to_its_family() -> None:
    for family, rules in FAMILIES.items():
        for rule in rules:
            assert rule.family == family
            assert rule.summary.endswith(".") and len(rule.doc.splitlines()) > 3, rule.code
            for option in rule.options:
                assert f"`{option}`" in rule.doc, (rule.code, option)


def _readme_table() -> list[tuple[str, str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Validation", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([A-Z]\d{3})` \| `([a-z-]+)` \| (\w+) \|", section, flags=re.M)
    return [(c, n, s) for c, n, s in rows]


def test_readme_rule_table_is_the_registry() -> None:
    expected = [(r.code, r.name, str(r.severity)) for r in RULES.values()]
    assert _readme_table() == expected


def test_readme_validation_section_comes_before_the_org_file() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.index("## Validation") < text.index("## The org file")
