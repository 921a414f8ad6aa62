"""Each rule's documentation: runnable failing/passing examples (the rules page that lists
them is generated from the registry: tests/rules/test_reference.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgmodel.rules.registry import FAMILIES, RULES
from orgmodel.rules.rule import Rule
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
