"""The registry: stable codes and names, loud failure on unknown ones, selection."""

from __future__ import annotations

import re

import pytest

from orgmodel.errors import UsageError
from orgmodel.rules.registry import FAMILIES, RULES, expand, get, select


def test_codes_and_names_are_well_formed_and_unique() -> None:
    assert all(re.fullmatch(r"[A-Z]\d{3}", c) for c in RULES)
    names = [r.name for r in RULES.values()]
    assert len(set(names)) == len(names)
    assert sum(len(f) for f in FAMILIES.values()) == len(RULES)
    # one letter per family, so a prefix selects a family
    letters = {f: {r.code[0] for r in rules} for f, rules in FAMILIES.items()}
    assert all(len(v) == 1 for v in letters.values())
    assert len({next(iter(v)) for v in letters.values()}) == len(FAMILIES)


@pytest.mark.parametrize("ref", ["S001", "s001", "span-too-wide", " SPAN-TOO-WIDE "])
def test_get_by_code_or_name(ref: str) -> None:
    assert get(ref).code == "S001"


@pytest.mark.parametrize("ref", ["E501", "span-to-wide", "", "S0011"])
def test_unknown_codes_fail_loudly(ref: str) -> None:
    with pytest.raises(UsageError, match="unknown rule"):
        expand(ref)


def test_select_and_ignore() -> None:
    assert [r.code for r in select(["S"], ["single-report"])] == ["S001", "S003"]
    assert [r.code for r in select(["shape", "C002"])] == ["C002", "S001", "S002", "S003"]
    assert len(select(["ALL"], ["F", "inputs"])) == len(RULES) - len(FAMILIES["inputs"])
    assert select(None) == list(RULES.values())
    with pytest.raises(UsageError):
        select(["Q"])


def test_the_registry_cannot_be_changed_from_outside() -> None:
    """Rules are registered in their family's module; importers only read the tables."""
    rule = RULES["S001"]
    with pytest.raises(TypeError):
        RULES["Z999"] = rule  # type: ignore[index]
    with pytest.raises(TypeError):
        FAMILIES["extra"] = (rule,)  # type: ignore[index]
    assert "Z999" not in RULES and "extra" not in FAMILIES
