"""The generated rules page: every rule, its facts from the registry, its examples."""

from __future__ import annotations

from orgmodel.rules.reference import reference, rule_section
from orgmodel.rules.registry import RULES, get

TEXT = reference()


def test_every_rule_is_listed_and_documented_once() -> None:
    for rule in RULES.values():
        assert TEXT.count(f"### {rule.code} `{rule.name}`") == 1
        assert f"| [`{rule.code}`](#{rule.code.lower()}-{rule.name}) |" in TEXT
        assert rule.summary in TEXT


def test_a_section_shows_severity_options_and_both_examples() -> None:
    section = rule_section(get("S001"))
    assert "default severity **warning**" in section
    assert "`limit = 15`" in section and "[validate.rules.span-too-wide]" in section
    assert "**Fails**\n\n```yaml\norganizations:" in section
    assert "**Passes**" in section
    assert "Fails::" not in section


def test_every_example_of_every_rule_is_fenced() -> None:
    for rule in RULES.values():
        section = rule_section(rule)
        assert section.count("```") % 2 == 0
        assert ("**Fails**" in section) == ("fails" in rule.examples())
