"""The org file's text loaded with the line of every mapping, for errors that say where.

YAML goes through a safe loader that notes each mapping's line (libyaml's
parser when PyYAML has it); JSON through :mod:`json` with the lines found
by a scan of the text. :func:`line_of` turns a pydantic error's location
into the line a person opens the file at. Big files are searched for their
one-line items first (:mod:`orgmodel.orgfile.compact`), so a million posts
are not a million mappings.

>>> raw, lines = load_with_lines("organizations:\\n  - name: City\\n    posts: []\\n", "o.yaml")
>>> raw, line_of(("organizations", 0, "posts"), lines)
({'organizations': [{'name': 'City', 'posts': []}]}, 2)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import yaml

from orgmodel.errors import SourceError
from orgmodel.orgfile.compact import (
    splice_runs,
    split_runs,
)

__all__ = ["LINE_KEY", "Path_", "describe_loc", "line_of", "load_with_lines"]

LINE_KEY = "__orgmodel_line__"
Path_ = tuple[str | int, ...]


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe YAML loader that remembers the line of every mapping (libyaml's parser when
    PyYAML has it: the same values and marks, about three times as fast)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping


ALIAS_FLOOR = 100_000
"""Values a YAML document may expand to however short it is (:func:`_strip_lines`)."""
ALIAS_FACTOR = 10
"""...and per character of it: a document without aliases has fewer values than characters."""


class _Stripper:
    """Copies a loaded document without the line markers, noting each mapping's line.

    YAML aliases (``*name``) share one object between places; the copy
    expands them. So a document whose alias refers to itself, or whose
    aliases nest ("billion laughs": a kilobyte that expands to a billion
    values), is refused here, with the line reached, rather than recursing
    or running for hours. Small anchors, as hand-written files use them,
    expand as they always did.
    """

    def __init__(self, path: str, text: str, lines: dict[Path_, int]) -> None:
        self.path = path
        self.text = text
        self.lines = lines
        self.limit = max(ALIAS_FLOOR, ALIAS_FACTOR * len(text))
        self.count = 0
        self.line = 1
        self.open: set[int] = set()  # containers being copied: met again, an alias loops

    def copy(self, value: Any, path: Path_) -> Any:
        self.count += 1
        if self.count > self.limit:
            raise SourceError(
                self.path,
                f"its aliases (*name) expand to more than {self.limit:,} values, far more "
                "than an org file holds; orgmodel refuses such a document",
                line=_first_alias_line(self.text) or self.line,
                hint="write the values out, or use anchors (&name) for small parts only",
            )
        if not isinstance(value, dict | list):
            return value
        key = id(value)
        if key in self.open:
            raise SourceError(
                self.path,
                f"the YAML alias (*name) at {describe_loc(path)} refers to a value that "
                "contains it, so it never ends",
                line=self.line,
            )
        self.open.add(key)
        try:
            if isinstance(value, list):
                return [self.copy(v, (*path, i)) for i, v in enumerate(value)]
            line = value.get(LINE_KEY)
            if line is not None:
                self.lines[path] = self.line = line
            return {k: self.copy(v, (*path, k)) for k, v in value.items() if k != LINE_KEY}
        finally:
            self.open.discard(key)


def _first_alias_line(text: str) -> int | None:
    """The line of the document's first alias (``*name``), where an expansion starts."""
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.AliasToken):
                return int(token.start_mark.line) + 1
    except yaml.YAMLError:
        return None
    return None


def _strip_lines(value: Any, path: str, lines: dict[Path_, int], text: str) -> Any:
    """``value`` without line markers (each mapping's line goes to ``lines``).

    >>> lines = {}
    >>> _strip_lines({"a": [{"b": 1, LINE_KEY: 3}], LINE_KEY: 1}, "f.yaml", lines, "")
    {'a': [{'b': 1}]}
    >>> lines
    {(): 1, ('a', 0): 3}
    """
    return _Stripper(path, text, lines).copy(value, ())


def line_of(loc: Iterable[str | int], lines: dict[Path_, int]) -> int | None:
    path = tuple(loc)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())


def describe_loc(loc: Iterable[str | int]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the file"


_NOT_FOR_YAML = re.compile(
    "[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]"
)
"""What JSON allows and PyYAML refuses or counts as a line break: C0/C1 controls (a
cp1252 dash decoded wrongly is U+0096), U+FFFE/U+FFFF, tabs, carriage returns, NEL and the
Unicode line separators."""


def _load_json(text: str, path: str) -> tuple[Any, dict[Path_, int]]:
    """JSON read by :mod:`json` (what it means); lines from a YAML read of the same text.

    JSON is YAML's flow style, so PyYAML finds the line of each object; the characters it
    would refuse are blanked first (values come from :mod:`json`, never from YAML), which
    also lets tab-indented JSON through. Should PyYAML still fail on a document :mod:`json`
    read, it loads without line numbers rather than not at all.
    """
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(
            path, f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno
        ) from None
    if raw is None:
        raise SourceError(path, "is empty; expected an org file with 'organizations:'")
    lines: dict[Path_, int] = {}
    try:
        _strip_lines(yaml.load(_NOT_FOR_YAML.sub(" ", text), Loader=_LineLoader), path, lines, text)
    except yaml.YAMLError:
        lines.clear()  # line numbers help find a record; the data is already read
    return raw, lines


def load_with_lines(
    text: str, path: str, *, keep_posts_from: int | None = None
) -> tuple[Any, dict[Path_, int]]:
    """The document ``text`` holds, and the line of each mapping in it by its path.

    A file in the compact layout of big org files (:mod:`orgmodel.orgfile.compact`)
    has its one-line items decoded in bulk and only the rest parsed; with
    ``keep_posts_from``, long lists of posts stay undecoded
    (:class:`~orgmodel.orgfile.compact.Run`), for the builder to read column-wise.
    """
    fmt = "json" if path.lower().endswith(".json") else "yaml"
    if len(text) >= _RUNS_FROM:
        skeleton, runs = split_runs(text, fmt)
        if runs:
            raw, lines = _load_one(skeleton, path, fmt)
            if splice_runs(raw, runs, lines, keep_posts_from):
                return raw, lines
    return _load_one(text, path, fmt)


_RUNS_FROM = 1 << 16
"""Characters from which a file is searched for one-line items (smaller ones parse at once)."""


def _load_one(text: str, path: str, fmt: str) -> tuple[Any, dict[Path_, int]]:
    if fmt == "json":
        return _load_json(text, path)
    lines: dict[Path_, int] = {}
    try:
        raw = yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise SourceError(
            path,
            f"invalid YAML: {exc.problem or exc}",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise SourceError(path, f"invalid YAML: {exc}") from None
    if raw is None:
        raise SourceError(path, "is empty; expected an org file with 'organizations:'")
    return _strip_lines(raw, path, lines, text), lines
