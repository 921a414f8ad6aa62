"""Records as the org file's document: the plain dicts and lists a saved org file holds.

The document is what :class:`~orgmodel.orgfile.schema.OrgFile` would dump with
``exclude_defaults`` -- posts and units under their organization, the short
form (``reports_to: hps-supt``) wherever a fact has no provenance of its own,
the long form with ``source:`` where it has -- built directly, without a
pydantic model per post: at a million posts the models cost more than the
rest of the save together. ``tests/orgfile/test_document.py`` checks that the
document is exactly what the models would give.

>>> from orgmodel.records import OrgData, PostRecord, Relation, RelKind, LineKind, Prov
>>> data = OrgData(posts=[
...     PostRecord("supt", "Superintendent", prov=Prov("hps.yaml", 3)),
...     PostRecord("coo", "COO", fte=1, prov=Prov("hr.csv", 4))],
...     relations=[Relation(RelKind.REPORTS_TO, "coo", "supt", LineKind.PRIMARY,
...                         prov=Prov("hr.csv", 4))])
>>> org_document(data)
{'orgmodel': 1, 'posts': [{'id': 'supt', 'title': 'Superintendent'}, \
{'id': 'coo', 'title': 'COO', 'fte': 1.0, 'reports_to': ['supt'], \
'source': {'file': 'hr.csv', 'line': 4}}]}
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from orgmodel.errors import SourceError
from orgmodel.graph.columns import PostBlock
from orgmodel.orgfile.compact import one_line
from orgmodel.orgfile.schema import FORMAT_VERSION
from orgmodel.records import (
    IGNORE_KEY,
    LineKind,
    LinkType,
    OrgData,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitKind,
    UnitRecord,
    join_codes,
    split_codes,
)

__all__ = ["NATIVE_SUFFIXES", "org_document"]

NATIVE_SUFFIXES = (".yaml", ".yml", ".json")

Doc = dict[str, Any]


def _is_native(prov: Prov) -> bool:
    """Provenance that only says 'this org file, line N' is implied by the file itself."""
    source, _, start, end, cue, inferred, confidence = prov
    if start is not None or end is not None or cue is not None or inferred or confidence:
        return False
    return (source is None and prov.line is None) or (
        source is not None and source.lower().endswith(NATIVE_SUFFIXES)
    )


class _Sources:
    """``source:`` blocks, their files named relative to where the org file is saved.

    Only files that exist from the working folder are rewritten; URLs,
    absolute paths and files found nowhere are kept as written.
    """

    def __init__(self, folder: str | None) -> None:
        self.folder = folder
        self.files: dict[str, str] = {}

    def file(self, name: str) -> str:
        if self.folder is None:
            return name
        if name not in self.files:
            keep = "://" in name or os.path.isabs(name) or not os.path.isfile(name)
            self.files[name] = name if keep else Path(os.path.relpath(name, self.folder)).as_posix()
        return self.files[name]

    def block(self, prov: Prov) -> Doc | None:
        if _is_native(prov):
            return None
        out: Doc = {}
        if prov.source is not None:
            out["file"] = self.file(prov.source)
        for key, value in (("line", prov.line), ("start", prov.start), ("end", prov.end)):
            if value is not None:
                out[key] = value
        if prov.cue is not None:
            out["cue"] = prov.cue
        if prov.inferred:
            out["inferred"] = True
        if prov.confidence is not None:
            out["confidence"] = prov.confidence
        return out


def _with_source(item: Doc, source: Doc | None) -> Doc:
    if source is not None:
        item["source"] = source
    return item


def _post(post: PostRecord, rels: list[Relation], sources: _Sources) -> Doc:
    reports: list[Any] = []
    secondary: list[Any] = []
    heads: list[Any] = []
    links: list[Doc] = []
    for rel in rels:
        short = rel.prov == post.prov and not rel.generic
        if rel.kind is RelKind.REPORTS_TO:
            bucket = secondary if rel.qualifier == LineKind.SECONDARY else reports
            if short:
                bucket.append(rel.object)
            else:
                ref: Doc = {"to": rel.object}
                if rel.generic:
                    ref["generic"] = True
                own = sources.block(rel.prov) if rel.prov != post.prov else None
                bucket.append(_with_source(ref, own))
        elif rel.kind is RelKind.HEADS:
            heads.append(
                rel.object if short else _with_source({"unit": rel.object}, sources.block(rel.prov))
            )
        else:
            link: Doc = {"to": rel.object}
            kind = LinkType(rel.qualifier or LinkType.LIAISON)
            if kind is not LinkType.LIAISON:
                link["type"] = str(kind)
            links.append(_with_source(link, None if short else sources.block(rel.prov)))
    attributes = post.attributes or {}
    ignore: list[str] = []
    if IGNORE_KEY in attributes:
        ignore = split_codes(attributes[IGNORE_KEY])
        if ignore and join_codes(ignore) == attributes[IGNORE_KEY]:
            # written as `ignore:`; kept as an attribute if not canonical
            attributes = {k: v for k, v in attributes.items() if k != IGNORE_KEY}
        else:
            ignore = []
    out: Doc = {"id": post.id, "title": post.title}
    for key, value in (
        ("abbreviation", post.abbreviation),
        ("unit", post.unit),
        ("holder", post.holder),
        ("grade", post.grade),
    ):
        if value is not None:
            out[key] = value
    if post.fte is not None:
        out["fte"] = float(post.fte)
    if post.root:
        out["root"] = True
    for key, values in (
        ("reports_to", reports),
        ("secondary", secondary),
        ("heads", heads),
        ("links", links),
        ("attributes", attributes),
        ("ignore", ignore),
    ):
        if values:
            out[key] = values
    return _with_source(out, sources.block(post.prov))


def _unit(unit: UnitRecord, ignore: str | None, sources: _Sources) -> Doc:
    out: Doc = {"id": unit.id, "name": unit.name}
    kind = UnitKind(unit.kind)
    if kind is not UnitKind.UNIT:
        out["kind"] = str(kind)
    if unit.abbreviation is not None:
        out["abbreviation"] = unit.abbreviation
    if unit.part_of is not None:
        out["part_of"] = unit.part_of
    codes = split_codes(ignore or "")
    if codes:
        out["ignore"] = codes
    return _with_source(out, sources.block(unit.prov))


def org_document(data: OrgData, folder: str | Path | None = None, *, encoded: bool = False) -> Doc:
    """The document of ``data``: posts and units under their organization, defaults left out.

    ``folder`` is where the file will be saved: source files named in it are
    then written relative to it, as a hand-written org file names them, so the
    file reads the same from wherever it is used. Without it they are written
    as held (relative to the working folder). ``encoded`` gives a table's posts
    as strings, the one-line JSON object each would be (``json.dumps`` with
    ``separators=(", ", ": ")``, ``ensure_ascii=False``), written straight from the
    columns: the compact layout of big files writes them as they are.
    """
    chunks = data.chunks()  # a table's block stays column-wise (:func:`_block_posts`)
    by_subject: dict[str, list[Relation]] = {}
    for chunk in chunks:
        for rel in chunk.secondary if isinstance(chunk, PostBlock) else chunk[1]:
            by_subject.setdefault(rel.subject, []).append(rel)
    rows: dict[str, set[Prov]] = {}  # the rows of an id on several rows, by their provenance
    for chunk in chunks:
        if not isinstance(chunk, PostBlock):
            for post in chunk[0]:
                rows.setdefault(post.id, set()).add(post.prov)
    by_row = _lines_by_row(by_subject, rows)
    post_ids: set[str] = set()
    for chunk in chunks:
        post_ids.update(
            chunk.table.column("id").to_pylist()
            if isinstance(chunk, PostBlock)
            else (p.id for p in chunk[0])
        )
    orphans = [r for rels in by_subject.values() for r in rels if r.subject not in post_ids]
    if orphans:
        raise SourceError(
            orphans[0].prov.where(),
            f"relation from {orphans[0].subject!r}, which is not a post, cannot be saved",
        )
    sources = _Sources(None if folder is None else (os.fspath(folder) or "."))
    orgs: dict[str, Doc] = {}
    for o in data.organizations:  # an id named again (another file, another spelling): the first
        if o.id in orgs:
            continue
        org: Doc = {"id": o.id, "name": o.name}
        if o.abbreviation is not None:
            org["abbreviation"] = o.abbreviation
        orgs[o.id] = _with_source(org, sources.block(o.prov))
    loose: Doc = {"units": [], "posts": []}

    def home(org: str | None) -> Doc:
        if org is None:
            return loose
        if org not in orgs:
            orgs[org] = {"id": org, "name": org}
        return orgs[org]

    units: dict[str, UnitRecord] = {}
    for unit in data.units:
        first = units.setdefault(unit.id, unit)
        if first is not unit and first[:-1] == unit[:-1]:
            continue  # the same unit again (senior and junior organograms): one, as the graph has
        home(unit.org).setdefault("units", []).append(
            _unit(unit, data.unit_ignores.get(unit.id), sources)
        )
    for chunk in chunks:
        if isinstance(chunk, PostBlock):
            _block_posts(chunk, by_subject, sources, home, encoded=encoded)
            continue
        for post in chunk[0]:
            if post.id in by_row:  # an id on several rows: each row's own lines
                rels = by_row[post.id].pop(post.prov, []) + by_row[post.id].pop(None, [])
            else:
                rels = by_subject.get(post.id, [])
            home(post.org).setdefault("posts", []).append(_post(post, rels, sources))
    doc: Doc = {"orgmodel": FORMAT_VERSION}
    if orgs:
        doc["organizations"] = [_in_order(org) for org in orgs.values()]
    for key in ("units", "posts"):
        if loose[key]:
            doc[key] = loose[key]
    return doc


def _lines_by_row(
    by_subject: dict[str, list[Relation]], rows: dict[str, set[Prov]]
) -> dict[str, dict[Prov | None, list[Relation]]]:
    """For each id written on several rows, its lines by the row that stated them (``None``:
    stated elsewhere, written with the id's first row)."""
    out: dict[str, dict[Prov | None, list[Relation]]] = {}
    for ident, provs in rows.items():
        if len(provs) > 1:
            mine: dict[Prov | None, list[Relation]] = {}
            for rel in by_subject.get(ident, []):
                mine.setdefault(rel.prov if rel.prov in provs else None, []).append(rel)
            out[ident] = mine
    return out


_STRING = getattr(json.encoder, "c_encode_basestring", None) or json.encoder.encode_basestring
"""The C string encoder :mod:`json` itself uses (without the per-call set-up of ``dumps``)."""


_OPTIONAL_TEXT = ("abbreviation", "unit", "holder", "grade")
"""A table's text columns a post's entry names only when set, in the entry's order."""


def _number(value: float) -> str:
    """A float as JSON writes it, but never with an exponent ("1e-05" is 0.00001: YAML 1.1
    reads a number with an exponent and no dot as a string)."""
    text = one_line(value)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


def _encoded_lines(
    cols: dict[str, list[Any]], by_subject: dict[str, list[Relation]], file: str | None
) -> list[str]:
    """Every row's JSON line, built column by column: one fragment list per key (``""``
    where the row leaves the key out), joined row by row -- the same text as the C encoder
    gives for the dict :func:`_block_posts` would make, at a fraction of the cost."""
    e = _STRING
    n = len(cols["id"])
    frags: list[list[str]] = [
        [f'{{"id": {e(i)}, "title": {e(t)}' for i, t in zip(cols["id"], cols["title"], strict=True)]
    ]
    for key in _OPTIONAL_TEXT:
        if any(v is not None for v in cols[key]):
            frags.append(["" if v is None else f', "{key}": {e(v)}' for v in cols[key]])
    if any(v is not None for v in cols["fte"]):
        frags.append(["" if v is None else f', "fte": {_number(float(v))}' for v in cols["fte"]])
    if any(cols["root"]):
        frags.append([', "root": true' if v else "" for v in cols["root"]])
    frags.append([f', "reports_to": [{e(m)}]' if m else "" for m in cols["manager"]])
    if by_subject:
        frags.append(
            [
                f', "secondary": [{", ".join(e(r.object) for r in by_subject[i])}]'
                if i in by_subject
                else ""
                for i in cols["id"]
            ]
        )
    if any(cols["attributes"]):
        frags.append(
            ["" if not a else f', "attributes": {one_line(dict(a))}' for a in cols["attributes"]]
        )
    if file is None:
        frags.append(["}"] * n)
    else:
        head = f', "source": {{"file": {e(file)}'
        frags.append(
            [f'{head}, "line": {x}}}}}' if x is not None else f"{head}}}}}" for x in cols["line"]]
        )
    return list(map("".join, zip(*frags, strict=True)))


def _needs_record(attrs: Any, rels: Any, prov: Prov) -> bool:
    """A row with more to say than one superior and dotted lines of its own: an ``ignore``
    list, or a line stated elsewhere or of another kind."""
    return bool(attrs and any(key == IGNORE_KEY for key, _ in attrs)) or any(
        r.prov != prov or r.kind is not RelKind.REPORTS_TO
        or r.qualifier != LineKind.SECONDARY or r.generic
        for r in rels
    )  # fmt: skip


def _block_posts(
    block: PostBlock,
    by_subject: dict[str, list[Relation]],
    sources: _Sources,
    home: Callable[[str | None], Doc],
    *,
    encoded: bool = False,
) -> None:
    """A table's posts straight from its columns: what :func:`_post` makes of each row, without
    a record per row. A row with more to say than one superior and dotted lines of its own
    (an ``ignore`` list, a line stated elsewhere) goes through :func:`_post`."""
    cols = {name: block.table.column(name).to_pylist() for name in block.table.column_names}
    src = block.source
    source = sources.block(Prov(src, 0))  # every row's: this file, its line
    file = None if source is None else source["file"]
    managers, lines, attributes = cols["manager"], cols["line"], cols["attributes"]
    ids, orgs = cols["id"], cols["org"]
    # rows with more to say go through a record; finding them looks only at rows that have
    # attributes or lines of their own
    recorded = {
        i
        for i in {*(i for i, a in enumerate(attributes) if a), *(
            i for i, ident in enumerate(ids) if ident in by_subject
        )}
        if _needs_record(attributes[i], by_subject.get(ids[i], ()), Prov(src, lines[i]))
    }  # fmt: skip
    encoded_rows = _encoded_lines(cols, by_subject, file) if encoded else None
    if encoded_rows is not None and not recorded and len(set(orgs)) == 1:
        home(orgs[0]).setdefault("posts", []).extend(encoded_rows)  # one organization's table
        return
    for i, ident in enumerate(ids):
        rels = by_subject.get(ident, ())
        attrs = attributes[i]
        if i in recorded:
            post = PostRecord(
                ident, cols["title"][i], cols["org"][i], cols["unit"][i], cols["abbreviation"][i],
                cols["holder"][i], cols["grade"][i], cols["fte"][i], bool(cols["root"][i]),
                dict(attrs) if attrs else None, Prov(src, lines[i]),
            )  # fmt: skip
            primary = Relation(RelKind.REPORTS_TO, ident, managers[i], LineKind.PRIMARY, False,
                               post.prov)  # fmt: skip
            mine = [primary] if managers[i] else []
            home(post.org).setdefault("posts", []).append(_post(post, [*mine, *rels], sources))
            continue
        if encoded_rows is not None:
            home(cols["org"][i]).setdefault("posts", []).append(encoded_rows[i])
            continue
        out: Doc = {"id": ident, "title": cols["title"][i]}
        for key in _OPTIONAL_TEXT:
            if cols[key][i] is not None:
                out[key] = cols[key][i]
        if cols["fte"][i] is not None:
            out["fte"] = float(cols["fte"][i])
        if cols["root"][i]:
            out["root"] = True
        if managers[i]:
            out["reports_to"] = [managers[i]]
        if rels:
            out["secondary"] = [r.object for r in rels]
        if attrs:
            out["attributes"] = dict(attrs)
        if file is not None:
            out["source"] = (
                {"file": file, "line": lines[i]} if lines[i] is not None else {"file": file}
            )
        home(cols["org"][i]).setdefault("posts", []).append(out)


_ORG_KEYS = ("id", "name", "abbreviation", "units", "posts", "source")


def _in_order(org: Doc) -> Doc:
    """An organization's keys in the schema's order (units and posts were added last)."""
    return {key: org[key] for key in _ORG_KEYS if key in org}
