"""orgmodel.toml and [tool.orgmodel] settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgmodel.config import find_settings
from orgmodel.errors import SourceError


def test_orgmodel_toml_lists_sources(tmp_path: Path) -> None:
    (tmp_path / "orgmodel.toml").write_text('sources = ["org"]\n[map]\nid = "EmpID"\n')
    settings = find_settings(cwd=tmp_path)
    assert settings.sources == [tmp_path / "org"]
    assert settings.mapping == {"id": "EmpID"}


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.orgmodel]\nsources = "org.yaml"\n')
    assert find_settings(cwd=tmp_path).sources == [tmp_path / "org.yaml"]


def test_bad_toml(tmp_path: Path) -> None:
    (tmp_path / "orgmodel.toml").write_text("sources = [\n")
    with pytest.raises(SourceError, match="invalid TOML"):
        find_settings(cwd=tmp_path)


def test_repository_config_points_at_data() -> None:
    root = Path(__file__).resolve().parents[1]
    assert find_settings(cwd=root).sources[0].name == "data"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("orgmodel.toml", 'sourcez = ["org"]\n', "orgmodel.toml:1: unknown setting 'sourcez';"),
        (
            "orgmodel.toml",
            'sources = ["org"]\n\n[mapp]\nid = "EmpID"\n',
            "orgmodel.toml:3: unknown setting 'mapp';",
        ),
        (
            "pyproject.toml",
            '[project]\nname = "x"\n\n[tool.orgmodel]\nsources = ["org"]\nsourcez = 1\n',
            "pyproject.toml:6: unknown setting 'sourcez' in [tool.orgmodel];",
        ),
        (
            "pyproject.toml",
            '[tool.orgmodel]\nsources = ["org"]\n[tool.orgmodel.valdate]\nstrict = true\n',
            "pyproject.toml:3: unknown setting 'valdate' in [tool.orgmodel];",
        ),
    ],
)
def test_an_unknown_key_is_an_error_naming_it_and_the_known_ones(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    (tmp_path / name).write_text(text)
    with pytest.raises(SourceError) as info:
        find_settings(cwd=tmp_path)
    assert expected in str(info.value)
    assert str(info.value).endswith("the settings are: sources, [map], [validate]")


def test_a_missing_source_names_the_settings_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "org.csv").write_text("id,title,manager\n1,Mayor,\n")
    (tmp_path / "orgmodel.toml").write_text('# where the data is\nsources = ["org.csv", "nope"]\n')
    settings = find_settings(cwd=tmp_path)
    with pytest.raises(SourceError, match=r"orgmodel\.toml:2: 'sources' lists 'nope'"):
        settings.sources_for([])
    assert settings.sources_for(["org.csv"]) == ["org.csv"]  # -s wins; the settings are unused
