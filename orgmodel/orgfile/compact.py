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
from typing import Any, cast

import yaml

__all__ = [
    "COMPACT_FROM",
    "Run",
    "dump_compact",
    "one_line",
    "splice_runs",
    "split_runs",
    "yaml_dumper",
]

COMPACT_FROM = 10_000
"""Posts (and units) from which a saved org file puts one per line."""

_LISTS = ("posts", "units")
_PLACEHOLDER = "__orgmodel_run_{}__"
_PLACEHOLDER_RE = re.compile(r"__orgmodel_run_(\d+)__")
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
    """Consecutive one-line items of a list: where they start and their text, one JSON object
    a line (decoded on first use, so a reader that takes them column-wise never makes dicts)."""

    first_line: int
    count: int
    body: bytes  # UTF-8, one JSON object a line

    @property
    def items(self) -> list[Any]:
        """The items as Python values; ValueError when the lines are not one JSON object each."""
        items = json.loads(b"[" + self.body.replace(b"\n", b",") + b"]")
        if len(items) != self.count or not all(type(x) is dict for x in items):
            raise ValueError("not one JSON object a line")
        return cast(list[Any], items)


one_line = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
"""One item as one line of JSON (an encoder made once: ``json.dumps`` with options makes one
per call)."""


def _lines(items: list[Any], fmt: str) -> list[str] | None:
    """The items as one-line JSON objects, or None when YAML would read one of them otherwise.

    The checks run once over the whole run's text, not line by line.
    """
    encoded = [type(item) is str for item in items]
    lines = [item if done else one_line(item) for item, done in zip(items, encoded, strict=True)]
    if fmt == "json":
        return lines
    text = "\n".join(lines)
    if not text.isascii() and _NOT_IN_YAML.search(text):
        text = _NOT_IN_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
        lines = text.split("\n")
    # lines written from a table's columns hold no number with an exponent
    return None if _differs(text.encode("utf-8"), numbers=not all(encoded)) else lines


def dump_compact(doc: dict[str, Any], fmt: str) -> str:
    """``doc`` as YAML or JSON text, each ``posts`` and ``units`` list one item per line.

    An item of those lists may be given as its one-line JSON text already (a string; posts
    are otherwise mappings): :func:`~orgmodel.orgfile.document.org_document` writes a
    table's posts so, straight from its columns."""
    runs: list[list[str]] = []

    def placeholders(node: Any) -> Any:
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                if key in _LISTS and isinstance(value, list) and value:
                    lines = _lines(value, fmt)
                    if lines is not None:
                        runs.append(lines)
                        out[key] = [_PLACEHOLDER.format(len(runs) - 1)]
                        continue
                    # items the document gave as their JSON lines, written the ordinary way
                    value = [json.loads(x) if type(x) is str else x for x in value]
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
            return m.group(1) + (",\n" + m.group(1)).join(runs[int(m.group(2))])
    else:
        text = yaml.dump(
            skeleton, Dumper=yaml_dumper(), sort_keys=False, allow_unicode=True, width=100
        )
        pattern = re.compile(r"^( *)- __orgmodel_run_(\d+)__$", re.M)

        def lines(m: re.Match[str]) -> str:
            prefix = f"{m.group(1)}- "
            return prefix + ("\n" + prefix).join(runs[int(m.group(2))])

    return pattern.sub(lines, text)


def _indents(lines: list[str], fmt: str) -> list[int]:
    """Each line's indentation if it is a one-line item (``- {...}`` in YAML, ``{...},`` in
    JSON), else -1. (A comprehension with ``str.find``: a million lines in a fraction of a
    second, where stripping each line copied it.)"""
    if fmt == "yaml":
        return [
            i if (i := line.find("- {")) >= 0 and line.endswith("}") and line[:i] == " " * i else -1
            for line in lines
        ]
    return [
        i
        if (i := line.find("{")) >= 0 and line.endswith(("}", "},")) and line[:i] == " " * i
        else -1
        for line in lines
    ]


def split_runs(text: str, fmt: str) -> tuple[str, list[Run]]:
    """The text with each run of one-line JSON items replaced by a placeholder, and the runs.

    A run whose lines do not decode as JSON stays in the text. Each run keeps
    its lines as blank lines in the skeleton, so the skeleton's line numbers
    are the file's. Each run is decoded whole, with one ``json.loads``.
    """
    lines = text.split("\n")
    indents = _indents(lines, fmt)
    runs: list[Run] = []
    i = 0
    while i < len(lines):
        indent = indents[i]
        j = i + 1
        while indent >= 0 and j < len(lines) and indents[j] == indent:
            j += 1
        if j - i < 2 or indent < 0:
            i = j
            continue
        body = _body(lines[i:j], indent, fmt)
        if body is not None:
            tail = "," if fmt == "json" and lines[j - 1].endswith(",") else ""
            token = _PLACEHOLDER.format(len(runs))
            pad = " " * indent
            lines[i] = f"{pad}- {token}" if fmt == "yaml" else f'{pad}"{token}"{tail}'
            lines[i + 1 : j] = [""] * (j - i - 1)
            runs.append(Run(i + 1, j - i, body))
        i = j
    return ("\n".join(lines), runs) if runs else (text, runs)


def _body(lines: list[str], indent: int, fmt: str) -> bytes | None:
    """A run's items, one JSON object a line, or None when YAML would read them otherwise."""
    pad = " " * indent
    if fmt == "yaml":  # "- {...}" lines, the dashes cut by one replace over the whole run
        text = "\n".join(lines).replace(f"\n{pad}- ", "\n")[indent + 2 :]
        body = text.encode("utf-8")
        return None if _differs(body) else body
    text = "\n".join(lines)
    if text.count(f",\n{pad}") != len(lines) - 1:
        return None  # items of one JSON array are separated by commas
    return text.replace(f",\n{pad}", "\n")[indent:].removesuffix(",").encode("utf-8")


_DIGITS = bytes.maketrans(b"123456789E", b"000000000e")
"""Every digit read as 0 and ``E`` as ``e``: one search then finds a digit before either."""


def _differs(body: bytes, *, numbers: bool = True) -> bool:
    """Whether JSON lines hold what YAML reads otherwise (:data:`_YAML_AND_JSON_DIFFER`).

    Cheap byte scans first -- a backslash, a digit before an ``e`` or ``E`` (unless
    ``numbers`` is false: the lines hold no number written with an exponent) -- so that the
    pattern runs only on the rare text that has one.
    """
    maybe = b"\\" in body or (numbers and b"0e" in body.translate(_DIGITS))
    return maybe and _YAML_AND_JSON_DIFFER.search(body.decode("utf-8")) is not None


def splice_runs(
    doc: Any,
    runs: list[Run],
    lines: dict[tuple[str | int, ...], int],
    keep_posts_from: int | None = None,
) -> bool:
    """Put each run's items where its placeholder is (the only item of a list), noting each
    item's line in ``lines``. False when a placeholder is anywhere else, or a run's lines are
    not JSON objects: read the file whole.

    A ``posts`` run of ``keep_posts_from`` items or more is left as ``[run]``, undecoded, for
    a reader that takes posts column-wise (:meth:`orgmodel.orgfile.read._Builder._items`).
    """
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
                found += 1
                keep = keep_posts_from is not None and run.count >= keep_posts_from
                if keep and path[-1:] == ("posts",):
                    node[:] = [run]
                    return True
                try:
                    node[:] = run.items
                except ValueError:
                    return False
                for k in range(run.count):
                    lines[(*path, k)] = run.first_line + k
                return True
        return all(visit(v, (*path, k)) for k, v in enumerate(node))

    return visit(doc, ()) and found == len(runs)
