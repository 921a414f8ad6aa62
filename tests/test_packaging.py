"""Packaging: the licence, the metadata, one version, and a pure wheel that needs no mypy."""

from __future__ import annotations

import importlib.metadata
import re
import sys
import tomllib

import pytest

import orgmodel
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "build_backend"))
import orgmodel_build  # the in-tree build backend, as pip imports it

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_the_licence_is_mit_as_the_metadata_says() -> None:
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n\nCopyright (c) 2026 the orgmodel authors\n")
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"  # an SPDX expression, not the deprecated table
    assert project["license-files"] == ["LICENSE"]
    assert not any(c.startswith("License ::") for c in project["classifiers"])  # PEP 639


def test_the_version_is_written_once() -> None:
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "orgmodel.__version__"}
    assert importlib.metadata.version("orgmodel") == orgmodel.__version__


def test_the_changelog_s_latest_release_is_the_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", text, re.M)
    assert releases, "CHANGELOG.md names no release as '## [X.Y.Z] - YYYY-MM-DD'"
    assert releases[0][0] == orgmodel.__version__
    assert re.search(r"^## \[Unreleased\]$", text, re.M) is None or text.index(
        "## [Unreleased]"
    ) < text.index(f"## [{releases[0][0]}]")


def test_a_pure_wheel_needs_no_mypy(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "mypy" not in " ".join(PYPROJECT["build-system"]["requires"])
    monkeypatch.setattr(orgmodel_build, "c_compiler", lambda: "/usr/bin/cc")
    assert orgmodel_build.compiler_requires() == [orgmodel_build.MYPYC]
    monkeypatch.setenv("ORGMODEL_PURE_PYTHON", "1")
    assert orgmodel_build.compiler_requires() == []
    monkeypatch.delenv("ORGMODEL_PURE_PYTHON")
    monkeypatch.setattr(orgmodel_build, "c_compiler", lambda: None)
    assert orgmodel_build.compiler_requires() == []  # no compiler: a pure wheel, no mypy
