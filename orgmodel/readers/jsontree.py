"""JSON trees: flat id/parent_id arrays, SAM.gov's path-encoded parents, nested ``children``.

Three shapes hold the same idea:

* a **flat array** of records with an id and a parent id (the US Government
  Manual's ``id``/``parent_id``, d3-org-chart's ``id``/``parentId``) -- read
  by :mod:`orgmodel.readers.idparent`;
* **SAM.gov's Federal Hierarchy**, whose records (``fhorgid``,
  ``fhorgname``) carry their parent only as a dotted path
  (``100000000.300000408.100139030``) in a dated history: the parent is the
  second-to-last id of the newest path; exact duplicate records are skipped
  and counted;
* a **nested tree** where each node lists its ``children`` (d3-hierarchy
  JSON, the UK government's 2013 organogram tree). Nodes with an id (``id``,
  ``Ref``) or a junior/aggregate flag are posts; nodes *above* the first post
  of their branch that have no id are groupings (departments, organisations):
  the innermost becomes the posts' organization, the outer ones are kept in
  the post attribute ``group``. A tree without any ids makes every node a
  post. Ids that repeat within one organization (the UK tree's ``Ref``) get a
  ``~2`` suffix, and the reader says how many it renamed.

Every node becomes a post titled with its name: for government hierarchies
a "post" is the head of the agency, which is where the reporting line runs.

>>> tree = {"name": "CEO", "children": [{"name": "CTO"}, {"name": "CFO", "children": []}]}
>>> data = tree_to_data(tree, "t.json")
>>> [(p.id, p.title, p.root) for p in data.posts]
[('1', 'CEO', True), ('1.1', 'CTO', False), ('1.2', 'CFO', False)]
>>> [(r.subject, r.object) for r in data.relations]
[('1.1', '1'), ('1.2', '1')]
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from orgmodel.errors import SourceError
from orgmodel.fileio import read_text
from orgmodel.readers.idparent import cell_text, json_records, records_to_data
from orgmodel.readers.rows import RecordBuilder, fte_fault, fte_value
from orgmodel.readers.strays import skipped
from orgmodel.readers.table import mapping_for
from orgmodel.records import LoadIssue, OrgData, PostRecord, Prov

__all__ = ["load_json", "read_jsontree", "sam_rows", "tree_problem", "tree_to_data"]

ID_KEYS = ("id", "Id", "ID", "Ref", "ref", "key")
NAME_KEYS = ("name", "Name", "title", "Title", "label", "Label", "positionName")
CHILDREN_KEYS = ("children", "Children", "_children")
JUNIOR_KEYS = ("Junior", "junior", "aggregate")
FTE_KEYS = ("FTE", "fte")
HOLDER_KEYS = ("holder", "person", "employee")


def load_json(path: str | Path) -> tuple[str, Any]:
    """The text and the parsed value; a syntax error names its line and column."""
    text = read_text(path)
    try:
        return text, json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(
            str(path), f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno
        ) from None


def _first(node: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if key in node:
            return node[key]
    return None


def _children(node: Mapping[str, Any]) -> list[Any]:
    kids = _first(node, CHILDREN_KEYS)
    return kids if isinstance(kids, list) else []


def _has_ids(node: Any) -> bool:
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, dict):
            if _first(n, ID_KEYS) is not None:
                return True
            stack.extend(_children(n))
    return False


class _TreeReader:
    def __init__(self, path: str, with_ids: bool) -> None:
        self.b = RecordBuilder(path)
        self.path = path
        self.with_ids = with_ids
        self.ids: set[str] = set()
        self.renamed = 0

    def _unique(self, ident: str) -> str:
        if ident not in self.ids:
            self.ids.add(ident)
            return ident
        self.renamed += 1
        n = 2
        while f"{ident}~{n}" in self.ids:
            n += 1
        self.ids.add(f"{ident}~{n}")
        return f"{ident}~{n}"

    def walk_from(self, root: Any, where: str) -> None:
        # (node, json path, superior post id, grouping names from the outside in)
        stack: list[tuple[Any, str, str | None, tuple[str, ...]]] = [(root, where, None, ())]
        while stack:
            node, where, boss, groups = stack.pop()
            prov = Prov(self.path, cue=where)
            self.b.seen += 1
            if not isinstance(node, dict):
                self.b.skip("not an object", f"node {where} is not an object; skipped", prov)
                continue
            name = cell_text(_first(node, NAME_KEYS)).strip()
            ident = cell_text(_first(node, ID_KEYS)).strip()
            junior = bool(_first(node, JUNIOR_KEYS))
            kids = _children(node)
            pid = boss
            if self.with_ids and boss is None and not ident and not junior:
                groups = (*groups, name) if name else groups  # a department or organisation
            else:
                pid = self._post(node, where, ident, name, junior, boss, groups, prov)
            for i in reversed(range(len(kids))):
                stack.append((kids[i], f"{where}.children[{i}]", pid, groups))

    def _post(
        self,
        node: dict[str, Any],
        where: str,
        ident: str,
        name: str,
        junior: bool,
        boss: str | None,
        groups: tuple[str, ...],
        prov: Prov,
    ) -> str:
        org = self.b.org(groups[-1], prov) if groups else None
        pid = self._unique((f"{org}/{ident}" if org else ident) if ident else _numbered(where))
        attrs: dict[str, str] = {}
        if junior:
            attrs["aggregate"] = "junior"
        if len(groups) > 1:
            attrs["group"] = " > ".join(groups[:-1])
        for key, value in node.items():
            if key in CHILDREN_KEYS or key in ID_KEYS or key in NAME_KEYS or key in FTE_KEYS:
                continue
            if key in JUNIOR_KEYS or key in HOLDER_KEYS or value is None:
                continue
            attrs[str(key)] = cell_text(value)
        fte = None
        raw = _first(node, FTE_KEYS)
        if raw is not None:
            fte = fte_value(cell_text(raw))
            if fte is None:
                self.b.issue(
                    "bad-value", f"FTE {raw!r} of {where} {fte_fault(cell_text(raw))}", prov, pid
                )
        holder = cell_text(_first(node, HOLDER_KEYS)).strip() or None
        self.b.post(
            PostRecord(
                pid, name or ident or pid, org, None, None, holder, None, fte, boss is None,
                attrs or None, prov,
            )
        )  # fmt: skip
        if boss is not None:
            self.b.line(pid, boss, prov)
        return pid


def _numbered(where: str) -> str:
    """``$.children[0].children[2]`` -> ``1.1.3``: the node's place, 1-based, as people count.

    >>> _numbered("$[1].children[0]")
    '2.1'
    """
    parts = where.replace("$", "").replace(".children", "").strip("[]").split("][")
    numbers = [str(int(p) + 1) for p in parts if p]
    return ".".join(numbers if where.startswith("$[") else ["1", *numbers])


def tree_to_data(tree: Any, path: str) -> OrgData:
    """A nested ``children`` tree (one root object, or a list of them) -> records."""
    reader = _TreeReader(path, _has_ids(tree))
    if isinstance(tree, list):
        for i, root in enumerate(tree):
            reader.walk_from(root, f"$[{i}]")
    else:
        reader.walk_from(tree, "$")
    if reader.renamed:
        reader.b.issue(
            "duplicate-id",
            f"{reader.renamed} ids repeat within their organization; "
            "the repeats were renamed with a ~N suffix",
            Prov(path),
        )
    if not reader.b.data.posts:
        raise SourceError(path, "has no nodes that could be read as posts")
    return reader.b.finish("nodes")


def sam_rows(
    records: list[tuple[int, dict[str, Any]]], path: str
) -> tuple[list[tuple[int, dict[str, Any]]], list[tuple[int, str]]]:
    """SAM.gov records -> flat id/parent_id rows, and the lines of exact duplicates skipped."""
    rows: list[tuple[int, dict[str, Any]]] = []
    dupes: list[tuple[int, str]] = []
    seen: dict[str, str] = {}
    for line, rec in records:
        ident = cell_text(rec.get("fhorgid"))
        canon = json.dumps(rec, sort_keys=True)
        if ident in seen and seen[ident] == canon:
            dupes.append((line, ident))
            continue
        seen.setdefault(ident, canon)
        history = [h for h in rec.get("fhorgparenthistory") or [] if isinstance(h, dict)]
        parent = ""
        effective = ""
        if history:
            newest = max(history, key=lambda h: str(h.get("effectivedate") or ""))
            chain = str(newest.get("fhfullparentpathid") or "").split(".")
            parent = chain[-2] if len(chain) > 1 else ""
            effective = str(newest.get("effectivedate") or "")
        moves = sum(1 for h in history if h.get("actiontype") == "MOVE")
        row = {
            "id": ident,
            "parent_id": parent,
            "name": rec.get("fhorgname"),
            "type": rec.get("fhorgtype"),
            "status": rec.get("status"),
            "agencycode": rec.get("agencycode"),
            "parent effective": effective,
            "moves": moves or None,
        }
        rows.append((line, row))
    return rows, dupes


_JSON_TYPES = {str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}


def tree_problem(value: Any, mapping: Mapping[str, str] | None = None) -> str | None:
    """Why a JSON value is no org tree in any of the three shapes (None: it is one).

    A nested tree's root has a ``children`` list (or is one node with an id
    and a name); an array holds nodes with ``children``, SAM.gov records, or
    records whose fields name an id and a parent. Anything else -- a
    ``package.json``, a settings file -- says nothing about an organization.

    >>> tree_problem({"name": "CEO", "children": []}) is None
    True
    >>> tree_problem({"name": "my-app", "version": "1.0.0"})
    "a JSON object with no 'children' list (nor an id and a name)"
    >>> tree_problem([{"id": 1, "parentId": None}]) is None
    True
    """
    if isinstance(value, dict):
        if isinstance(_first(value, CHILDREN_KEYS), list):
            return None
        if _first(value, ID_KEYS) is not None and _first(value, NAME_KEYS) is not None:
            return None
        return "a JSON object with no 'children' list (nor an id and a name)"
    if not isinstance(value, list):
        return f"a JSON {_JSON_TYPES.get(type(value), 'value')}, not an object or an array"
    nodes = [v for v in value[:50] if isinstance(v, dict)]
    if not nodes:
        return "a JSON array with no objects in it"
    if any(_first(v, CHILDREN_KEYS) is not None for v in nodes):
        return None
    if any("fhorgid" in v for v in value[:5] if isinstance(v, dict)):  # SAM.gov's records
        return None
    header = list(dict.fromkeys(str(k) for v in nodes for k in v))
    try:
        mapping_for(header, mapping)
    except SourceError as exc:
        return f"a JSON array of records with {exc.message}"
    return None


def read_jsontree(
    path: str | Path, mapping: Mapping[str, str] | None = None, *, in_folder: bool = False
) -> OrgData:
    """Read a JSON org tree in any of the three shapes (told apart by content).

    JSON that is no org tree (:func:`tree_problem`) is refused, or, met in a
    folder (``in_folder``), skipped with a note (:mod:`orgmodel.readers.strays`).
    """
    name = str(path)
    _, value = load_json(path)
    problem = tree_problem(value, mapping)
    has_records = isinstance(value, list) and any(isinstance(v, dict) for v in value[:50])
    if problem is not None and in_folder:
        return skipped(name, f"not an org file nor an org tree: {problem}")
    if problem is not None and not has_records:  # (records: the table reader says what is amiss)
        raise SourceError(
            name,
            f"is neither an org file nor an org tree: {problem}",
            hint="an org file has 'organizations:'; a tree, nodes with 'children' "
            "or records with an id and a parent id",
        )
    if has_records:
        if any(isinstance(v, dict) and _first(v, CHILDREN_KEYS) is not None for v in value[:50]):
            return tree_to_data(value, name)
        records = json_records(path)
        if any(isinstance(v, dict) and "fhorgid" in v for v in value[:5]):
            rows, dupes = sam_rows(records, name)
            data = records_to_data(rows, name, mapping)
            if dupes:
                for line, ident in dupes:
                    data.issues.append(
                        LoadIssue(
                            "row-skipped",
                            f"exact duplicate of record {ident}; skipped",
                            Prov(name, line),
                        )
                    )
                data.issues.append(
                    LoadIssue(
                        "records-skipped",
                        f"skipped {len(dupes)} of {len(records)} records: exact duplicate "
                        f"({len(dupes)})",
                        Prov(name),
                    )
                )
            return data
        return records_to_data(records, name, mapping)
    return tree_to_data(value, name)
