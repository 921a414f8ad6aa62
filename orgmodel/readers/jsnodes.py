"""What the JavaScript org-chart libraries' node objects share, read one way.

GoJS (``nodeDataArray``), BALKAN OrgChart JS (``nodes``) and their cousins
save one JSON object per box: a key, a parent key, then free-form fields the
chart's templates bind to -- ``name`` and ``title`` in every sample, often
``dept``, ``email``, ``img``. :func:`node_fields` reads those fields by the
CSV reader's column names (:data:`~orgmodel.readers.table.FIELDS`, camelCase
split: ``jobTitle`` is ``job title``), so ``title`` is the post and ``name``
the holder (a node with no title is titled by its name, as a table row is),
``dept``/``department`` the unit, ``headOf`` the units the post heads, and
every other field a post attribute. :func:`items_with_lines` finds the line
each object of an array starts on, for provenance.

>>> f = node_fields({"key": 2, "name": "Luke Warm", "title": "VP Marketing", "headOf": "Sales",
...                  "pic": "2.jpg"}, skip={"key"})
>>> (f.title, f.holder, f.heads, f.attributes)
('VP Marketing', 'Luke Warm', ['Sales'], {'pic': '2.jpg'})
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from orgmodel.holders import STATUS_KEY, marker
from orgmodel.readers.csvfile import norm_header
from orgmodel.readers.idparent import cell_text
from orgmodel.readers.rows import RecordBuilder, fte_fault, fte_value
from orgmodel.readers.table import FIELDS
from orgmodel.records import PostRecord, Prov

__all__ = ["HEAD_KEYS", "NodeFields", "add_post", "field_name", "items_with_lines", "node_fields"]

HEAD_KEYS = ("head of", "heads", "heads units", "leads")
"""Node fields that list the units a post heads (``headOf``: one name or key, or a list)."""
_NODE_FIELDS = {
    "title": (*FIELDS["title"], "designation", "text", "label"),
    "holder": FIELDS["name"],
    **{k: FIELDS[k] for k in ("unit", "org", "grade", "fte", "abbreviation")},
    "heads": HEAD_KEYS,
}
"""Each :class:`NodeFields` field and the node fields (folded) that mean it, best first."""
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def field_name(key: str) -> str:
    """A node field's name folded as a column header, camelCase split.

    >>> field_name("jobTitle"), field_name("head_of"), field_name("positionName")
    ('job title', 'head of', 'position name')
    """
    return norm_header(_CAMEL.sub(" ", key))


@dataclass
class NodeFields:
    """The fields of one node object, by meaning (texts stripped; None: not given)."""

    title: str | None = None
    holder: str | None = None
    unit: str | None = None
    org: str | None = None
    grade: str | None = None
    fte: str | None = None
    abbreviation: str | None = None
    heads: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)


def _text(value: Any) -> str | None:
    return cell_text(value).strip() or None


def node_fields(
    node: Mapping[str, Any], skip: Collection[str], mapping: Mapping[str, str] | None = None
) -> NodeFields:
    """Read a node's fields; ``skip`` are the format's structural keys (key, parent ...).

    ``mapping`` names a field's property (``{"title": "role", "name": "person"}``), as
    ``--map`` does for a table; otherwise the best-ranked alias present wins, and the rest
    are attributes.
    """
    chosen: dict[str, str] = {}
    for given, prop in (mapping or {}).items():
        meaning = "holder" if given == "name" else given
        if meaning in _NODE_FIELDS and prop in node:
            chosen[meaning] = prop
    names = {k: field_name(k) for k in node if k not in skip}
    for meaning, aliases in _NODE_FIELDS.items():
        if meaning in chosen:
            continue
        for alias in aliases:
            hit = next((k for k, n in names.items() if n == alias), None)
            if hit is not None and hit not in chosen.values():
                chosen[meaning] = hit
                break
    out = NodeFields()
    for meaning, prop in chosen.items():
        value = node[prop]
        if meaning == "heads":
            items = value if isinstance(value, list) else [value]
            out.heads = [t for t in (_text(v) for v in items) if t]
        else:
            setattr(out, meaning, _text(value))
    used = set(chosen.values())
    for key, value in node.items():
        if key in skip or key in used or value is None:
            continue
        if key == "attributes" and isinstance(value, dict):  # kept apart by orgmodel's writer
            out.attributes.update({str(k): cell_text(v) for k, v in value.items()})
        elif (text := cell_text(value)) != "":
            out.attributes[str(key)] = text
    return out


def add_post(
    b: RecordBuilder,
    ident: str,
    fields: NodeFields,
    prov: Prov,
    *,
    org: str | None,
    unit: str | None,
    root: bool,
    groups: Collection[str] = (),
) -> None:
    """One post from a node's fields: markers folded, FTE checked, headships added (a unit
    the node names that is none of the file's ``groups`` is made by name, as ``dept`` is)."""
    holder, attrs = fields.holder, dict(fields.attributes)
    if (status := marker(holder)) is not None:  # "(Vacant)", "N/D" ...: no one's name
        holder, attrs[STATUS_KEY] = None, str(status)
    fte = None
    if fields.fte is not None:
        fte = fte_value(fields.fte)
        if fte is None:
            b.issue(
                "bad-value", f"FTE {fields.fte!r} {fte_fault(fields.fte)}; ignored", prov, ident
            )
    title = fields.title or fields.holder or ident
    b.post(
        PostRecord(
            ident, title, org, unit, fields.abbreviation, holder, fields.grade, fte, root,
            attrs or None, prov,
        )
    )  # fmt: skip
    for head in fields.heads:
        b.heads(ident, head if head in groups else b.unit(org, head, prov) or head, prov)


def items_with_lines(text: str, items: list[Any], key: str | None = None) -> list[int | None]:
    """The line each item of a JSON array starts on: the top-level array, or the one under
    ``key`` (first met). None for every item when the text cannot be followed (the array
    found there is not the one parsed)."""
    start = 0
    if key is not None:
        found = re.search(rf'"{re.escape(key)}"\s*:\s*\[', text)
        if found is None:
            return [None] * len(items)
        start = found.end() - 1
    pos = text.find("[", start)
    if pos < 0:
        return [None] * len(items)
    decoder = json.JSONDecoder()
    line = text.count("\n", 0, pos) + 1
    pos += 1
    out: list[int | None] = []
    try:
        for item in items:
            while text[pos] in " \t\r\n,":
                line += text[pos] == "\n"
                pos += 1
            value, end = decoder.raw_decode(text, pos)
            if value != item:
                return [None] * len(items)
            out.append(line)
            line += text.count("\n", pos, end)
            pos = end
    except (IndexError, json.JSONDecodeError):
        return [None] * len(items)
    return out
