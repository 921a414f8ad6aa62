"""The generated CLI reference holds every command and every option its --help shows."""

from __future__ import annotations

import re

import pytest

from orgmodel.cli.reference import commands, reference
from tests.cli.conftest import Orgmodel

TEXT = reference()


@pytest.mark.parametrize("command", commands())
def test_each_option_of_the_help_is_in_the_reference(command: str, orgmodel: Orgmodel) -> None:
    shown = orgmodel(command, "--help")
    assert shown.code == 0
    options = set(re.findall(r"^│\s+\*?\s*(--[a-z][a-z-]+)", shown.stdout, re.M))
    section = TEXT.split(f"## `orgmodel {command}`", 1)[1].split("\n## ", 1)[0]
    assert options, shown.stdout
    for option in options:
        assert f"`{option}`" in section, f"{option} of {command} is not in the reference"


def test_every_command_has_a_section_usage_and_an_example() -> None:
    for command in commands():
        assert f"[`{command}`](#orgmodel-{command})" in TEXT
        section = TEXT.split(f"## `orgmodel {command}`", 1)[1].split("\n## ", 1)[0]
        assert f"```text\norgmodel {command} " in section
        assert "Example: `orgmodel" in section or command in ("schema", "cache")


def test_a_group_lists_its_commands_each_with_an_example() -> None:
    section = TEXT.split("## `orgmodel cache`", 1)[1].split("\n## ", 1)[0]
    for sub in ("info", "clear"):
        part = section.split(f"### `orgmodel cache {sub}`", 1)[1].split("\n### ", 1)[0]
        assert f"```text\norgmodel cache {sub} " in part
        assert f"Example: `orgmodel cache {sub}`" in part


def test_markup_becomes_markdown() -> None:
    assert "[bold]" not in TEXT and "[/]" not in TEXT
    assert "| `--max-posts` | `<int range> (≥ 1)` |" in TEXT
    assert "| `--theme` | `<default|mono|dark>` | Look of the chart. | `default` |" in TEXT
