"""The compact layout of big org files: one post (or unit) per line, read in bulk.

A YAML parser builds every value in Python (PyYAML, even with libyaml's C
parser, resolves each scalar in Python: ~25 s per 100,000 posts), and
:mod:`json` indents in Python too. So an org file of more than
:data:`COMPACT_FROM` posts is written with its posts and units one per
line, each a JSON object -- which is also a YAML flow mapping, so any YAML
tool reads the file as before -- inside the usual block layout::

    organizations:
    - id: hps
      name: Hartford Public Schools
      posts:
      - {"id": "hps-coo", "title": "Chief Operating Officer", "reports_to": ["hps-deputy"]}
      - {"id": "hps-cfo", "title": "Chief Financial Officer", "reports_to": ["hps-deputy"]}

Reading finds such runs of lines (:func:`split_runs`), decodes each run
with one call to the C JSON decoder, and parses only the rest -- the
skeleton, with a placeholder where each run was and blank lines keeping
every line number -- as YAML or JSON. Each post's line is its line in the
file, so messages and provenance cite lines as before. Whatever does not fit
(a run that is not JSON, a placeholder not found where a list was) is read
the ordinary way: the layout is a fast path, never a second meaning.

>>> doc = {"organizations": [{"name": "X", "posts": [{"title": f"P{i}"} for i in range(3)]}]}
>>> text = dump_compact(doc, "yaml")
>>> print(text)
organizations:
- name: X
  posts:
  - {"title": "P0"}
  - {"title": "P1"}
  - {"title": "P2"}
<BLANKLINE>
>>> skeleton, runs = split_runs(text, "yaml")
>>> print(skeleton)
organizations:
- name: X
  posts:
  - __orgmodel_run_0__
<BLANKLINE>
<BLANKLINE>
<BLANKLINE>
>>> runs[0].first_line, runs[0].items
(4, [{'title': 'P0'}, {'title': 'P1'}, {'title': 'P2'}])
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

__all__ = ["COMPACT_FROM", "Run", "dump_compact", "splice_runs", "split_runs", "yaml_dumper"]

COMPACT_FROM = 10_000
"""Posts (and units) from which a saved org file puts one per line."""

_LISTS = ("posts", "units")
_PLACEHOLDER = "__orgmodel_run_{}__"
_PLACEHOLDER_RE = re.compile(r"__orgmodel_run_(\d+)__")
_ITEM = {
    "yaml": re.compile(r"^( *)- (\{.*\})[ \t]*$", re.M),
    "json": re.compile(r"^( *)(\{.*\})(,?)[ \t]*$", re.M),
}
_NOT_IN_YAML = re.compile("[\x7f-\x84\x86-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
"""Characters :mod:`json` writes as they are and PyYAML refuses in a stream (or reads as a
line break): written as ``\\uXXXX`` escapes, which YAML and JSON read alike."""
_YAML_AND_JSON_DIFFER = re.compile(
    r"\\u[dD][89abAB]|[:\[,]\s*-?\d+(?:\.\d+)?[eE]|\\/"
)  # fmt: skip
"""What a JSON line may hold that YAML reads otherwise: a surrogate-pair escape, a number
with an exponent (a string in YAML 1.1), an escaped slash. Such a line stays YAML."""


def yaml_dumper() -> type[yaml.SafeDumper]:
    """libyaml's emitter when PyYAML has it (the same text, 2-3x faster), else PyYAML's."""
    dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return dumper


@dataclass
class Run:
    """Consecutive one-line items of a list: where they start and what they hold."""

    first_line: int
    items: list[Any]


def _line(item: Any, fmt: str) -> str | None:
    """One item as a one-line JSON object, or None when YAML would read that line otherwise."""
    text = json.dumps(item, ensure_ascii=False, separators=(", ", ": "))
    if fmt == "json":
        return text
    text = _NOT_IN_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return None if _YAML_AND_JSON_DIFFER.search(text) else text


def dump_compact(doc: dict[str, Any], fmt: str) -> str:
    """``doc`` as YAML or JSON text, each ``posts`` and ``units`` list one item per line."""
    runs: list[list[str]] = []

    def placeholders(node: Any) -> Any:
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                if key in _LISTS and isinstance(value, list) and value:
                    lines = [_line(item, fmt) for item in value]
                    if all(line is not None for line in lines):
                        runs.append([line for line in lines if line is not None])
                        out[key] = [_PLACEHOLDER.format(len(runs) - 1)]
                        continue
                out[key] = placeholders(value)
            return out
        if isinstance(node, list):
            return [placeholders(item) for item in node]
        return node

    skeleton = placeholders(doc)
    if fmt == "json":
        text = json.dumps(skeleton, indent=2, ensure_ascii=False) + "\n"
        pattern = re.compile(r'^( *)"__orgmodel_run_(\d+)__"$', re.M)

        def lines(m: re.Match[str]) -> str:
            return ",\n".join(m.group(1) + line for line in runs[int(m.group(2))])
    else:
        text = yaml.dump(
            skeleton, Dumper=yaml_dumper(), sort_keys=False, allow_unicode=True, width=100
        )
        pattern = re.compile(r"^( *)- __orgmodel_run_(\d+)__$", re.M)

        def lines(m: re.Match[str]) -> str:
            return "\n".join(f"{m.group(1)}- {line}" for line in runs[int(m.group(2))])

    return pattern.sub(lines, text)


def split_runs(text: str, fmt: str) -> tuple[str, list[Run]]:
    """The text with each run of one-line JSON items replaced by a placeholder, and the runs.

    A run whose lines do not decode as JSON stays in the text. Each run keeps
    its lines as blank lines in the skeleton, so the skeleton's line numbers
    are the file's.
    """
    item = _ITEM[fmt]
    pieces: list[str] = []
    runs: list[Run] = []
    pos = 0
    line = 1
    matches = list(item.finditer(text)) if "{" in text else []
    i = 0
    while i < len(matches):
        start = matches[i]
        indent = start.group(1)
        j = i + 1
        while (
            j < len(matches)
            and matches[j].start() == matches[j - 1].end() + 1
            and matches[j].group(1) == indent
        ):
            j += 1
        group = matches[i:j]
        i = j
        if len(group) < 2:
            continue
        bodies = [m.group(2) for m in group]
        if fmt == "json" and any(not m.group(3) for m in group[:-1]):
            continue  # items of one JSON array are separated by commas
        if fmt == "yaml" and any(_YAML_AND_JSON_DIFFER.search(b) for b in bodies):
            continue
        try:
            items = json.loads("[" + ",".join(bodies) + "]")
        except ValueError:
            continue
        if not all(isinstance(x, dict) for x in items):
            continue
        line += text.count("\n", pos, start.start())
        token = _PLACEHOLDER.format(len(runs))
        if fmt == "yaml":
            placeholder = f"{indent}- {token}"
        else:
            placeholder = f'{indent}"{token}"{group[-1].group(3)}'
        pieces += [text[pos : start.start()], placeholder, "\n" * (len(group) - 1)]
        runs.append(Run(line, items))
        line += len(group) - 1
        pos = group[-1].end()
    pieces.append(text[pos:])
    return "".join(pieces), runs


def splice_runs(doc: Any, runs: list[Run], lines: dict[tuple[str | int, ...], int]) -> bool:
    """Put each run's items where its placeholder is (the only item of a list), noting each
    item's line in ``lines``. False when a placeholder is anywhere else: read the file whole."""
    found = 0

    def visit(node: Any, path: tuple[str | int, ...]) -> bool:
        nonlocal found
        if isinstance(node, dict):
            return all(visit(v, (*path, k)) for k, v in node.items())
        if not isinstance(node, list):
            return not (isinstance(node, str) and _PLACEHOLDER_RE.fullmatch(node))
        if len(node) == 1 and isinstance(node[0], str):
            match = _PLACEHOLDER_RE.fullmatch(node[0])
            if match is not None:
                run = runs[int(match.group(1))]
                node[:] = run.items
                for k in range(len(run.items)):
                    lines[(*path, k)] = run.first_line + k
                found += 1
                return True
        return all(visit(v, (*path, k)) for k, v in enumerate(node))

    return visit(doc, ()) and found == len(runs)
