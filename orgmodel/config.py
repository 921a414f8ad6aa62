"""Project settings: ``orgmodel.toml`` in the current folder (or ``[tool.orgmodel]`` in pyproject).

The settings say where the sources are, so that in a folder that keeps its
org data, commands work without ``-s``::

    # orgmodel.toml
    sources = ["data"]          # files or folders, relative to this file
    [map]                       # optional CSV column mapping
    id = "EmpID"
    manager = "Manager Name"

>>> Settings.from_mapping({"sources": ["data"]}, Path("/p")).sources
[PosixPath('/p/data')]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgmodel.errors import SourceError

__all__ = ["CONFIG_NAME", "Settings", "find_settings"]

CONFIG_NAME = "orgmodel.toml"


@dataclass
class Settings:
    """What a config file may say (more sections are added by later features)."""

    sources: list[Path] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @classmethod
    def from_mapping(cls, table: dict[str, Any], base: Path, path: Path | None = None) -> Settings:
        sources = table.get("sources", [])
        if isinstance(sources, str):
            sources = [sources]
        where = str(path or base)
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            raise SourceError(where, "'sources' must be a list of paths")
        mapping = table.get("map", {})
        if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
            raise SourceError(where, "[map] must map field names to column names")
        return cls([_near(base / s) for s in sources], dict(mapping), table, path)


def _near(path: Path) -> Path:
    """Relative to the working folder when inside it, so messages show short paths."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(str(path), f"invalid TOML: {exc}") from None
    except OSError as exc:
        raise SourceError(str(path), f"cannot be read: {exc.strerror}") from None


def find_settings(explicit: Path | None = None, cwd: Path | None = None) -> Settings:
    """Settings from ``explicit``, else ``orgmodel.toml`` or pyproject's ``[tool.orgmodel]``."""
    if explicit is not None:
        if not explicit.exists():
            raise SourceError(str(explicit), "config file not found")
        table = _read(explicit)
        if explicit.name == "pyproject.toml":
            table = table.get("tool", {}).get("orgmodel", {})
        return Settings.from_mapping(table, explicit.parent, explicit)
    here = cwd or Path.cwd()
    candidate = here / CONFIG_NAME
    if candidate.exists():
        return Settings.from_mapping(_read(candidate), here, candidate)
    pyproject = here / "pyproject.toml"
    if pyproject.exists():
        table = _read(pyproject).get("tool", {}).get("orgmodel")
        if isinstance(table, dict):
            return Settings.from_mapping(table, here, pyproject)
    return Settings()
