"""Google Charts OrgChart tables: rows of ``[node, manager, tooltip]``, as people save them.

``google.visualization.OrgChart`` draws a DataTable of three columns: the
node (a string, or ``{"v": id, "f": "formatted HTML"}``), the id of its
manager (empty for a top) and a tooltip. The data is saved in the two
shapes the library reads:

* the array ``arrayToDataTable`` takes -- a header row (``["Name",
  "Manager", "ToolTip"]``) then one row per node; or the rows alone, as
  ``addRows`` takes them;
* the DataTable's own JSON, ``{"cols": [...], "rows": [{"c": [{"v": ...,
  "f": ...}, ...]}]}``.

The node's ``v`` is its id; the displayed ``f`` holds, in Google's own
example and in most charts, the person's name and then the job title in a
``<div>`` (``Mike<div style="color:red">President</div>``): its first line is
the holder and its second the title (further lines are kept as the attribute
``label``). A node with one line, or no ``f``, is titled by it (or by its
``v``). The tooltip is kept as the attribute ``tooltip``, and the
holder markers (``Vacant`` ...) are read as in every table.

>>> rows = [["Name", "Manager", "ToolTip"],
...         [{"v": "Mike", "f": "Mike<div style='color:red'>President</div>"}, "", "The President"],
...         [{"v": "Jim", "f": "Jim<div>Vice President</div>"}, "Mike", ""],
...         ["Alice", "Mike", ""]]
>>> body, header = chart_rows(rows)
>>> data = rows_to_data(body, "chart.json")
>>> [(p.id, p.title, p.holder, p.root) for p in data.posts]
[('Mike', 'President', 'Mike', True), ('Jim', 'Vice President', 'Jim', False), \
('Alice', 'Alice', None, False)]
>>> [(r.subject, r.object) for r in data.relations]
[('Jim', 'Mike'), ('Alice', 'Mike')]
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from orgmodel.errors import SourceError
from orgmodel.fileio import read_text
from orgmodel.holders import STATUS_KEY, marker
from orgmodel.readers.csvfile import norm_header
from orgmodel.readers.idparent import cell_text
from orgmodel.readers.jsnodes import items_with_lines
from orgmodel.readers.rows import RecordBuilder
from orgmodel.records import OrgData, PostRecord, Prov

__all__ = ["HEADER_WORDS", "chart_rows", "label_lines", "read_googlechart", "rows_to_data"]

HEADER_WORDS = frozenset({"name", "manager", "tooltip", "tool tip", "parent", "id", "node"})
"""Header cells that make a first row a header rather than a node."""
_BLOCK = frozenset({"div", "br", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})


class _Lines(HTMLParser):
    """The text of an HTML fragment, one line per block element (``<div>``, ``<br>`` ...)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        self.lines[-1] += data


def label_lines(html: str) -> list[str]:
    """The non-empty lines a formatted node label shows.

    >>> label_lines('Mike<div style="color:red; font-style:italic">President</div>')
    ['Mike', 'President']
    >>> label_lines("<b>Ana Ruiz</b><br>City Clerk &amp; Registrar")
    ['Ana Ruiz', 'City Clerk & Registrar']
    """
    parser = _Lines()
    parser.feed(html)
    parser.close()
    return [" ".join(line.split()) for line in parser.lines if line.strip()]


def _cell(cell: Any) -> tuple[str, str | None]:
    """A cell's value and formatted text (``{"v": ..., "f": ...}`` or a plain value)."""
    if isinstance(cell, dict):
        formatted = cell.get("f")
        return cell_text(cell.get("v")).strip(), (
            str(formatted) if isinstance(formatted, str) else None
        )
    return cell_text(cell).strip(), None


def chart_rows(value: Any) -> tuple[list[Any], int] | None:
    """The node rows of a saved chart table and how many leading rows are a header (None: the
    JSON is no such table).

    >>> chart_rows([["Name", "Manager", "ToolTip"], ["Mike", "", ""]])
    ([['Mike', '', '']], 1)
    >>> chart_rows({"cols": [{"label": "Name"}], "rows": [{"c": [{"v": "Mike"}]}]})
    ([[{'v': 'Mike'}]], 0)
    >>> chart_rows([{"id": 1}]) is None
    True
    """
    if isinstance(value, dict):
        rows = value.get("rows")
        if isinstance(value.get("cols"), list) and isinstance(rows, list):
            return [r.get("c") if isinstance(r, dict) else r for r in rows], 0
        return None
    if not isinstance(value, list) or not value or not all(isinstance(r, list) for r in value):
        return None
    first = value[0]
    if not first or len(first) > 3 or any(len(r) > 3 for r in value[:200]):
        return None
    named = all(isinstance(c, str) for c in first) and bool(
        {norm_header(c) for c in first} & HEADER_WORDS
    )
    return (value[1:], 1) if named else (value, 0)


def rows_to_data(
    rows: Sequence[Any], path: str, lines: Sequence[int | None] | None = None
) -> OrgData:
    """Chart rows -> posts and lines; ``lines`` gives each row's line in the file."""
    b = RecordBuilder(path)
    for n, row in enumerate(rows, 1):
        b.seen += 1
        line = lines[n - 1] if lines else None
        prov = Prov(path, line, cue=None if line else f"row {n}")
        if not isinstance(row, list) or not row:
            b.skip("not a row", f"row {n} is not a list of cells; skipped", prov)
            continue
        ident, formatted = _cell(row[0])
        if not ident:
            b.skip("no id", f"row {n} has no node id; skipped", prov)
            continue
        boss = _cell(row[1])[0] if len(row) > 1 and row[1] is not None else ""
        tooltip = _cell(row[2])[0] if len(row) > 2 and row[2] is not None else ""
        shown = label_lines(formatted) if formatted else []
        holder, title = (shown[0], shown[1]) if len(shown) > 1 else (None, None)
        title = title or (shown[0] if shown else ident)
        attrs: dict[str, str] = {}
        if len(shown) > 2:
            attrs["label"] = " / ".join(shown[2:])
        if tooltip:
            attrs["tooltip"] = tooltip
        if (status := marker(holder)) is not None:
            holder, attrs[STATUS_KEY] = None, str(status)
        b.post(PostRecord(ident, title, None, None, None, holder, None, None, not boss,
                          attrs or None, prov))  # fmt: skip
        if boss:
            b.line(ident, boss, prov)
    if not b.data.posts:
        raise SourceError(path, "has no rows that could be read as nodes")
    return b.finish("rows")


def read_googlechart(path: str | Path, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Read a Google Charts OrgChart table saved as JSON (either shape)."""
    name = str(path)
    text = read_text(path)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(name, f"invalid JSON: {exc.msg}", line=exc.lineno) from None
    found = chart_rows(value)
    if found is None:
        raise SourceError(
            name, "is not a Google Charts OrgChart table: no rows of [node, manager, tooltip]"
        )
    rows, header = found
    if isinstance(value, dict):
        lines = items_with_lines(text, value["rows"], "rows")
    else:
        lines = items_with_lines(text, value)[header:]
    return rows_to_data(rows, name, lines)
