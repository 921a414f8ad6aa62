"""``--version``, help that shows choices rather than Python types, and shell completion."""

from __future__ import annotations

import pytest

import orgmodel
from tests.cli.conftest import Orgmodel

COMMANDS = ["render", "convert", "stats", "validate", "diff", "apply", "ingest", "show"]


def test_version_is_the_one_version(orgmodel: Orgmodel) -> None:
    result = orgmodel("--version")
    assert (result.code, result.stdout) == (0, f"orgmodel {orgmodel_version()}\n")


def orgmodel_version() -> str:
    return orgmodel.__version__


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_choices_and_no_python_types(
    orgmodel: Orgmodel, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("COLUMNS", "240")
    text = orgmodel(command, "--help").stdout
    assert "--help" in text
    assert "<bool>" not in text and "<list[" not in text
    if command in ("render", "convert", "stats"):
        assert "<path>..." in text  # -s, repeatable
        assert "<orgfile|table|organogram|posting|" in text  # --input-format's choices


def test_render_and_convert_list_their_formats(
    orgmodel: Orgmodel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "240")
    render = orgmodel("render", "--help").stdout
    assert "<default|mono|dark>" in render and "<svg|png|pdf|dot|mermaid|html>" in render
    assert "<tb|lr>" in render
    assert "<yaml|json|csv|graphml|d3|turtle|jsonld|popolo|gojs|gojs-tree|parquet>" in (
        orgmodel("convert", "--help").stdout
    )


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("orgmodel ren", "1", ["render", "reports"][:1]),
        ("orgmodel render --theme ", "3", ["default", "mono", "dark"]),
        ("orgmodel convert --to pa", "3", ["parquet"]),
    ],
)
def test_the_shell_completes_commands_and_choices(
    orgmodel: Orgmodel,
    monkeypatch: pytest.MonkeyPatch,
    words: str,
    cword: str,
    expected: list[str],
) -> None:
    monkeypatch.setenv("_ORGMODEL_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", cword)
    result = orgmodel()
    assert result.stdout.split() == expected
