"""The [validate] settings: what they change, and clear errors for what does not exist."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from orgmodel.config import find_settings
from orgmodel.errors import SourceError
from orgmodel.rules.config import ValidateConfig
from tests.rules.helpers import validate_files

FAN = "# hr.csv\nid,title,manager\n1,Director,\n" + "".join(
    f"{i},Analyst {i},1\n" for i in range(2, 20)
)


def test_options_and_severity_change_what_is_reported(tmp_path: Path) -> None:
    (default,) = validate_files(FAN, tmp_path)
    assert (default.code, default.severity) == ("S001", "warning")
    rules = {"span-too-wide": {"limit": 10, "severity": "error"}}
    (stricter,) = validate_files(FAN, tmp_path, rules=rules)
    assert stricter.severity == "error" and stricter.message.endswith("(limit 10)")
    assert validate_files(FAN, tmp_path, rules={"S001": {"limit": 30}}) == []
    assert validate_files(FAN, tmp_path, ignore=["shape"]) == []
    assert validate_files(FAN, tmp_path, select=["C", "R"]) == []


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"ignroe": ["S002"]}, "unknown key 'ignroe' in [validate]"),
        ({"ignore": "S0002"}, "[validate] select/ignore: unknown rule 'S0002'"),
        ({"select": [1]}, "select must be a list of rule codes or names"),
        ({"strict": "yes"}, "strict must be true or false"),
        ({"rules": {"span-to-wide": {"limit": 3}}}, "[validate.rules.span-to-wide]: unknown rule"),
        (
            {"rules": {"S001": {"max": 3}}},
            "rule S001 span-too-wide has no option 'max' (options: limit)",
        ),
        (
            {"rules": {"S001": {"limit": "20"}}},
            "option 'limit' of rule S001 span-too-wide must be a whole number",
        ),
        ({"rules": {"S001": {"limit": True}}}, "must be a whole number"),
        ({"rules": {"I002": {"include_vacant": 1}}}, "must be true or false"),
        (
            {"rules": {"span-too-wide": {"limit": -1}}},
            "limit' of rule S001 span-too-wide must be 0 or more, got -1",
        ),
        ({"rules": {"S001": {"severity": "fatal"}}}, "must be error, warning or info, got 'fatal'"),
    ],
)
def test_mistakes_name_the_file(table: dict[str, Any], message: str) -> None:
    with pytest.raises(SourceError) as info:
        ValidateConfig.from_table(table, "ci.toml")
    assert str(info.value).startswith("ci.toml: ") and message in str(info.value)


def test_read_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.orgmodel]\nsources = ["org.csv"]\n'
        '[tool.orgmodel.validate]\nstrict = true\nignore = ["O001"]\n'
        "[tool.orgmodel.validate.rules.too-many-layers]\nlimit = 6\n"
    )
    config = ValidateConfig.from_settings(find_settings(cwd=tmp_path))
    assert config.strict and config.ignore == ("O001",) and config.options == {"S003": {"limit": 6}}
    merged = config.with_options(select=["S"], ignore=["S002"])
    assert [r.code for r in merged.rules()] == ["S001", "S003"] and merged.strict
