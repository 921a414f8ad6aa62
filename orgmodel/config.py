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

A key orgmodel does not know is an error, not a silent default (a typo such
as ``sourcez`` would otherwise run on no sources):

>>> Settings.from_mapping({"sourcez": ["data"]}, Path("/p"))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
orgmodel.errors.SourceError: /p: unknown setting 'sourcez'; the settings are: sources, [map], ...
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgmodel.errors import SourceError

__all__ = ["CONFIG_NAME", "KNOWN_KEYS", "Settings", "find_settings"]

CONFIG_NAME = "orgmodel.toml"
PYPROJECT_TABLE = "tool.orgmodel"
KNOWN_KEYS = {"sources": "sources", "map": "[map]", "validate": "[validate]"}
"""The top-level keys of the settings, as a user writes them."""


@dataclass
class Settings:
    """What a config file may say (more sections are added by later features)."""

    sources: list[Path] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def sources_for(self, given: Sequence[str | Path]) -> list[str | Path]:
        """The sources a command reads: those given (``-s``), else these settings' ``sources``.

        A source the settings list that does not exist is an error naming the
        settings file and its line, where the fix is (not only the missing path).
        """
        if given:
            return list(given)
        from orgmodel.readers.snapshots import parse_spec  # readers import config's callers

        written = self.raw.get("sources", [])
        written = [written] if isinstance(written, str) else written
        for source, as_written in zip(self.sources, written, strict=False):
            if not parse_spec(source).path.exists() and self.path is not None:
                section = PYPROJECT_TABLE if self.path.name == "pyproject.toml" else ""
                raise SourceError(
                    str(_near(self.path)),
                    f"'sources' lists {as_written!r}, which is no file or folder "
                    f"(paths are relative to {_near(self.path.parent)})",
                    line=_line_of_key(self.path, section, "sources"),
                )
        return list(self.sources)

    def mapping_for(self, given: Mapping[str, str] | None) -> dict[str, str]:
        """The CSV column mapping: these settings' ``[map]``, with ``given`` (``--map``) on top."""
        return {**self.mapping, **(given or {})}

    @classmethod
    def from_mapping(
        cls, table: dict[str, Any], base: Path, path: Path | None = None, section: str = ""
    ) -> Settings:
        """Settings from a parsed TOML table; ``section`` is its name in ``path`` (pyproject)."""
        where = str(path or base)
        unknown = [key for key in table if key not in KNOWN_KEYS]
        if unknown:
            raise SourceError(
                where,
                f"unknown setting {unknown[0]!r}"
                + (f" in [{section}]" if section else "")
                + "; the settings are: "
                + ", ".join(KNOWN_KEYS.values()),
                line=_line_of_key(path, section, unknown[0]) if path is not None else None,
            )
        sources = table.get("sources", [])
        if isinstance(sources, str):
            sources = [sources]
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            raise SourceError(where, "'sources' must be a list of paths")
        mapping = table.get("map", {})
        if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
            raise SourceError(where, "[map] must map field names to column names")
        return cls([_near(base / s) for s in sources], dict(mapping), table, path)


def _line_of_key(path: Path, section: str, key: str) -> int | None:
    """The line where ``key`` of table ``section`` ("" for the top) is set, for the error."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    full = f"{section}.{key}" if section else key
    current = ""
    for number, text in enumerate(lines, 1):
        header = re.match(r"\s*\[\[?\s*([^\]]+?)\s*\]", text)
        if header:
            current = re.sub(r"\s*\.\s*", ".", header.group(1).replace('"', ""))
            if current == full or current.startswith(full + "."):
                return number
        elif current == section and re.match(rf"\s*\"?{re.escape(key)}\"?\s*[=.]", text):
            return number
    return None


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
            return Settings.from_mapping(table, explicit.parent, explicit, PYPROJECT_TABLE)
        return Settings.from_mapping(table, explicit.parent, explicit)
    here = cwd or Path.cwd()
    candidate = here / CONFIG_NAME
    if candidate.exists():
        return Settings.from_mapping(_read(candidate), here, candidate)
    pyproject = here / "pyproject.toml"
    if pyproject.exists():
        table = _read(pyproject).get("tool", {}).get("orgmodel")
        if isinstance(table, dict):
            return Settings.from_mapping(table, here, pyproject, PYPROJECT_TABLE)
    return Settings()
