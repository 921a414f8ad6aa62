"""draw.io's CSV import format: ``#`` configuration lines, then a CSV table.

draw.io (diagrams.net) builds an org chart from text pasted into
*Arrange > Insert > Advanced > CSV*: lines starting ``#`` configure it
(``# label: %name%``, ``# identity: id``), ``##`` lines are comments, a
trailing backslash continues a line, and each ``# connect:`` line is JSON
saying which column refers to which (``{"from": "manager", "to": "name"}``:
a row's ``manager`` cell names the row whose ``name`` matches; several
references are separated by commas).

The first ``connect`` is the primary reporting line; any further one, and
any drawn dashed (``dashed=1`` in its style), is a dotted line. The post id
is the ``# identity:`` column, else the CSV reader's id column, else the
``to`` column of the first connect. References matching no row are left as
written for the graph to resolve or report.

>>> text = '''## org
... # label: %name%
... # connect: {"from": "manager", "to": "name", "invert": true, "label": "manages"}
... name,position,manager
... Evan Miller,CFO,
... Edward Morrison,Brand Manager,Evan Miller
... '''
>>> data = parse_drawio(text, "org.txt")
>>> [(p.id, p.title, p.holder) for p in data.posts]
[('Evan Miller', 'CFO', 'Evan Miller'), ('Edward Morrison', 'Brand Manager', 'Edward Morrison')]
>>> [(r.subject, r.object, str(r.qualifier)) for r in data.relations]
[('Edward Morrison', 'Evan Miller', 'primary')]
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgmodel.errors import SourceError
from orgmodel.fileio import read_text
from orgmodel.readers.csvfile import norm_header
from orgmodel.readers.rows import RecordBuilder
from orgmodel.readers.table import FIELDS
from orgmodel.records import OrgData, Prov

__all__ = [
    "DRAWIO_KEYS",
    "Connect",
    "DrawioConfig",
    "drawio_keys",
    "is_drawio",
    "parse_drawio",
    "read_drawio",
]


DRAWIO_KEYS = frozenset(
    {"label", "style", "namespace", "parent", "parentstyle", "identity", "stylename", "styles",
     "vars", "labelname", "labels", "link", "placeholders", "connect", "left", "top", "width",
     "height", "padding", "ignore", "nodespacing", "levelspacing", "edgespacing", "layout"}
)  # fmt: skip
"""The configuration keys of draw.io's CSV import (``# key: value``)."""

_SETTING = re.compile(r"#\s*([A-Za-z]+)\s*:\s*(.?)")


def drawio_keys(lines: Iterable[str]) -> set[str]:
    """The draw.io settings of a file's leading ``#`` lines (read up to the first other line).

    A ``connect`` counts only when a JSON object follows it, as draw.io needs; a word
    before a colon that draw.io does not know (``# Title: ...`` in a posting) is no setting.

    >>> sorted(drawio_keys(["## Org chart", "# label: %name%", '# connect: {"from": "a"', "a,b"]))
    ['connect', 'label']
    >>> drawio_keys(["### Director of Operations", "# Title: Analyst", "# connect: the dots"])
    set()
    """
    keys: set[str] = set()
    for raw in lines:
        line = raw.lstrip("\ufeff")
        if not line.startswith("#"):
            break
        match = _SETTING.match(line)
        if match is None or (key := match.group(1).lower()) not in DRAWIO_KEYS:
            continue
        if key != "connect" or match.group(2) == "{":
            keys.add(key)
    return keys


def is_drawio(lines: Iterable[str], *, prose: bool = False) -> bool:
    """Whether a file's leading lines are a draw.io configuration.

    A file that may be prose (``prose``: a ``.txt`` posting whose first line is a
    Markdown heading) must have the one line draw.io cannot do without, a ``# connect:``
    with its JSON; a ``.csv`` needs any draw.io setting.

    >>> is_drawio(["## Org chart", "# label: %name%", "name,manager"])
    True
    >>> is_drawio(["## Org chart", "# label: %name%", "name,manager"], prose=True)
    False
    >>> is_drawio(["### Job Title: Budget Analyst", "City of Lakeview"], prose=True)
    False
    """
    keys = drawio_keys(lines)
    return "connect" in keys if prose else bool(keys)


@dataclass
class Connect:
    """One ``# connect:`` line: the referring column, the referred column, how it is drawn."""

    source: str
    target: str
    secondary: bool
    line: int


@dataclass
class DrawioConfig:
    """What the ``#`` lines say that matters to the structure."""

    settings: dict[str, str] = field(default_factory=dict)
    connects: list[Connect] = field(default_factory=list)
    header_line: int = 1


def _config(lines: list[str], path: str) -> DrawioConfig:
    cfg = DrawioConfig()
    i = 0
    while i < len(lines) and lines[i].lstrip("\ufeff").startswith("#"):
        start = i
        text = lines[i].lstrip("\ufeff")
        while text.endswith("\\") and i + 1 < len(lines):
            i += 1
            text = text[:-1] + lines[i].lstrip("#").lstrip()
        i += 1
        if text.startswith("##"):
            continue
        key, sep, value = text[1:].partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip()
        if key == "connect":
            cfg.connects.append(_connect(value, path, start + 1, len(cfg.connects)))
        else:
            cfg.settings[key] = value
    cfg.header_line = i + 1
    return cfg


def _connect(value: str, path: str, line: int, n: int) -> Connect:
    try:
        spec: Any = json.loads(value)
    except json.JSONDecodeError as exc:
        raise SourceError(path, f"'# connect:' is not valid JSON: {exc.msg}", line=line) from None
    if not isinstance(spec, dict) or not spec.get("from") or not spec.get("to"):
        raise SourceError(path, '\'# connect:\' needs "from" and "to" columns', line=line)
    style = str(spec.get("style", "")).replace(" ", "")
    dashed = "dashed=1" in style
    return Connect(str(spec["from"]), str(spec["to"]), dashed or n > 0, line)


def _index(header: list[str], column: str, path: str, line: int) -> int:
    keys = [norm_header(h) for h in header]
    if norm_header(column) not in keys:
        raise SourceError(
            path, f"column {column!r} named by the configuration is not in the header", line=line
        )
    return keys.index(norm_header(column))


def _guess(header: list[str], fieldname: str) -> int | None:
    keys = [norm_header(h).replace(" ", "") for h in header]
    for alias in FIELDS[fieldname]:
        if alias.replace(" ", "") in keys:
            return keys.index(alias.replace(" ", ""))
    return None


def parse_drawio(text: str, path: str, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Parse draw.io CSV text; ``path`` names it in provenance and errors."""
    lines = text.splitlines()
    cfg = _config(lines, path)
    body = lines[cfg.header_line - 1 :]
    reader = csv.reader(io.StringIO("\n".join(body)))
    header = next(reader, None)
    if not header:
        raise SourceError(path, "has configuration but no CSV header", line=cfg.header_line)
    if not cfg.connects:
        raise SourceError(
            path,
            "has no '# connect:' line, so nothing says who reports to whom",
            line=1,
            hint='add e.g. # connect: {"from": "manager", "to": "name", "invert": true}',
        )
    explicit = dict(mapping or {})
    cols: dict[str, int] = {}
    for name, column in explicit.items():
        cols[name] = _index(header, column, path, cfg.header_line)
    for name in ("title", "name", "unit", "org", "grade", "fte", "abbreviation"):
        if name not in cols and (hit := _guess(header, name)) is not None:
            cols[name] = hit
    identity = cfg.settings.get("identity", "-")
    if "id" not in cols:
        if identity not in ("", "-"):
            cols["id"] = _index(header, identity, path, cfg.header_line)
        elif (hit := _guess(header, "id")) is not None:
            cols["id"] = hit
        else:
            cols["id"] = _index(header, cfg.connects[0].target, path, cfg.connects[0].line)
    refs = [
        (c, _index(header, c.source, path, c.line), _index(header, c.target, path, c.line))
        for c in cfg.connects
    ]
    rows: list[tuple[int, list[str]]] = []
    start = cfg.header_line + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            rows.append((start, row))
        start = cfg.header_line + reader.line_num
    builder = RecordBuilder(path)
    lookup: list[dict[str, str]] = []
    for _, _, i_to in refs:
        table: dict[str, str] = {}
        for _, row in rows:
            if i_to < len(row) and cols["id"] < len(row):
                table.setdefault(row[i_to].strip(), row[cols["id"]].strip())
        lookup.append(table)
    marks = {f"_ref{k}": s for k, (_, s, _) in enumerate(refs)}
    row_cols = {**cols, **marks}
    for line, row in rows:
        pid = builder.mapped_row(row, row_cols, header, line)
        if pid is None:
            continue
        prov = Prov(path, line)
        primary = False
        for (conn, i_from, _), table in zip(refs, lookup, strict=True):
            cell = row[i_from] if i_from < len(row) else ""
            for ref in (r.strip() for r in cell.split(",")):
                if ref:
                    primary = primary or not conn.secondary
                    builder.line(pid, table.get(ref, ref), prov, secondary=conn.secondary)
        if primary:
            builder.data.posts[-1] = builder.data.posts[-1]._replace(root=False)
    if not builder.data.posts:
        raise SourceError(path, "has a header but no rows", line=cfg.header_line + 1)
    return builder.finish("rows")


def read_drawio(path: str | Path, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Read a draw.io CSV import file (``.csv`` or ``.txt`` starting with ``#`` lines)."""
    return parse_drawio(read_text(path), str(path), mapping)
