"""Read the native org file (YAML or JSON) into records.

Loading checks the file against :mod:`orgmodel.orgfile.schema` and reports
problems with the line they are on (:mod:`orgmodel.orgfile.lines`). Plain
posts -- an id, a title, a superior, nothing a schema check could find
wrong in bulk -- go straight to a columnar block, so a converted table of a
million posts loads without a pydantic model or a record per post; anything
else is validated by the schema and built into records with its provenance.

>>> data = parse_orgfile('''
... organizations:
...   - name: Hartford Public Schools
...     posts:
...       - {id: supt, title: Superintendent of Schools, root: true}
...       - {id: coo, title: Chief Operating Officer, reports_to: supt}
... ''', "hps.yaml")
>>> [(p.id, p.prov.line) for p in data.posts]
[('supt', 5), ('coo', 6)]
>>> data.relations[0].object
'supt'
"""

from __future__ import annotations

import io
import math
import os
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
from pydantic import ValidationError

from orgmodel.errors import SourceError
from orgmodel.fileio import read_text, slug
from orgmodel.graph.columns import ATTRIBUTES, BLOCK_SCHEMA, PostBlock
from orgmodel.orgfile.compact import (
    Run,
)
from orgmodel.orgfile.lines import Path_, describe_loc, line_of, load_with_lines
from orgmodel.orgfile.schema import (
    OrganizationSpec,
    OrgFile,
    PostSpec,
    SourceRef,
    UnitSpec,
)
from orgmodel.records import (
    IGNORE_KEY,
    LineKind,
    OrgData,
    OrgRecord,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitRecord,
    join_codes,
    split_codes,
)
from orgmodel.sources.confidence import review_issue

__all__ = ["parse_orgfile", "read_orgfile"]


def _validate(raw: Any, path: str, lines: dict[Path_, int]) -> OrgFile:
    if not isinstance(raw, dict):
        raise SourceError(
            path, "expected a mapping with 'organizations:' at the top", line=lines.get(())
        )
    try:
        return OrgFile.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        parts = []
        for err in errors[:5]:
            line = line_of(err["loc"], lines)
            where = f"line {line}, " if line else ""
            parts.append(f"{where}{describe_loc(err['loc'])}: {err['msg']}")
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        raise SourceError(
            path,
            f"does not fit the org file schema: {'; '.join(parts)}{more}",
            line=line_of(first["loc"], lines),
            hint="run 'orgmodel schema' for the full schema",
        ) from None


def _source_beside(file: str, orgfile: str) -> str:
    """A source file an org file names, as a path a user can open from the working folder.

    A relative path is read as relative to the org file (as a link in a document
    is): ``postings/coo.md`` in ``data/hps.yaml`` is ``data/postings/coo.md``. A
    path that exists only as written from the working folder (older ``ingest``
    output), an absolute path, a URL, or a file found nowhere is kept as written.
    """
    folder = os.path.dirname(orgfile)
    if not folder or os.path.isabs(file) or "://" in file:
        return file
    beside = os.path.normpath(os.path.join(folder, file))
    if not os.path.isfile(beside):
        return file
    if os.path.isabs(beside):  # the org file was named by an absolute path
        here = os.path.relpath(beside)
        return beside if here.startswith("..") else here
    return beside


class _Builder:
    """Turns a validated :class:`OrgFile` into records, deriving ids and provenance."""

    def __init__(self, path: str, lines: dict[Path_, int]) -> None:
        self.path = path
        self.lines = lines
        self.data = OrgData(sources=[path])
        self._files: dict[str, str] = {}
        self.seen: dict[str, int | None] = {}
        self._block_ids: list[tuple[pa.Array, int]] = []  # ids read column-wise, first line
        self.org_ids: dict[str, int | None] = {}
        self.foreign_ids: set[str] = set()
        """Ids an entry from another file's row holds (see :meth:`_claim`)."""

    def _claim(
        self, ident: str, explicit: bool, line: int | None, what: str, file: str | None
    ) -> str:
        """Reserve an id; posts and units share one namespace, organizations their own.

        An id written twice is refused, unless one of the entries is the record of another
        file's row (its ``source:`` names that file): a CSV export that repeats an id, saved
        as an org file, reads back as it was read -- two rows of one id, for rule I001.
        """
        seen = self.org_ids if what == "organization" else self.seen
        if what != "organization":
            self._absorb_blocks()
        if self._foreign(file):
            repeated = ident in self.foreign_ids or ident in seen
            self.foreign_ids.add(ident)
            if repeated and explicit:
                return ident
        elif explicit and ident in self.foreign_ids:
            return ident
        if ident in seen:
            if explicit:
                raise SourceError(
                    self.path,
                    f"duplicate id {ident!r}: {what} on line {line} reuses the id "
                    f"first given on line {seen[ident]}",
                    line=line,
                )
            n = 2
            while f"{ident}-{n}" in seen:
                n += 1
            ident = f"{ident}-{n}"
        seen[ident] = line
        return ident

    def _foreign(self, file: str | None) -> bool:
        """The entry records a row of another file (its ``source:`` names one)."""
        if file is None:
            return False
        return os.path.normpath(self._file(file)) != os.path.normpath(self.path)

    def _absorb_blocks(self) -> None:
        """The ids of posts read column-wise, claimed too once anything else is (rarely)."""
        for ids, first in self._block_ids:
            self.seen.update(zip(ids.to_pylist(), range(first, first + len(ids)), strict=True))
        self._block_ids.clear()

    def _prov(self, source: SourceRef | None, line: int | None) -> Prov:
        """Where a fact is from: this file and line, or the source block written beside it."""
        if source is None:
            return Prov(self.path, line=line)
        return self._source(
            source.file,
            source.line,
            source.start,
            source.end,
            source.cue,
            source.inferred,
            line,
            source.confidence,
        )

    def _source(
        self,
        file: str | None,
        line: int | None,
        start: int | None,
        end: int | None,
        cue: str | None,
        inferred: bool,
        here: int | None,
        confidence: float | None = None,
    ) -> Prov:
        """A ``source:`` block as provenance (``here``: the line it is written on)."""
        if file is None:  # a source block that names no file is about this line
            return Prov(
                self.path, line if line is not None else here, start, end, cue, inferred, confidence
            )
        return Prov(self._file(file), line, start, end, cue, inferred, confidence)

    def _file(self, name: str) -> str:
        """A source file the org file names, as a path from the working folder (memoised)."""
        if name not in self._files:
            self._files[name] = _source_beside(name, self.path)
        return self._files[name]

    def build_raw(self, raw: dict[str, Any]) -> OrgData | None:
        """Records straight from a loaded document, or None when it needs the full schema.

        Posts written as orgmodel writes them (strings, lists of ids, a plain
        ``source:``) become records without a pydantic model each -- a tenth of
        the cost at a million posts; any other post goes through
        :class:`PostSpec`, and a document with a mistake anywhere returns None,
        for :meth:`build` to report it the usual way.
        """
        frame = {k: v for k, v in raw.items() if k not in ("units", "posts")}
        orgs = frame.get("organizations")
        if isinstance(orgs, list):
            frame["organizations"] = [
                {k: v for k, v in o.items() if k not in ("units", "posts")}
                if isinstance(o, dict) else o
                for o in orgs
            ]  # fmt: skip
        try:
            doc = OrgFile.model_validate(frame)
            for i, org in enumerate(doc.organizations):
                loc: Path_ = ("organizations", i)
                oid = self._org_record(org, loc)
                self._items(orgs[i], oid, loc) if isinstance(orgs, list) else None
            self._items(raw, None, ())
        except (ValidationError, _NotPlain):
            return None
        return self.data

    def _items(self, holder: dict[str, Any], org: str | None, loc: Path_) -> None:
        units, posts = holder.get("units", []), holder.get("posts", [])
        if not isinstance(units, list) or not isinstance(posts, list):
            raise _NotPlain
        for j, unit in enumerate(units):
            self._unit(UnitSpec.model_validate(unit), org, (*loc, "units", j))
        if len(posts) == 1 and isinstance(posts[0], Run):  # one post a line, not decoded
            run = posts[0]
            if self._run_block(run, org):
                return
            try:
                posts = run.items
            except ValueError:
                raise _NotPlain from None
            for k in range(run.count):
                self.lines[(*loc, "posts", k)] = run.first_line + k
        if len(posts) >= _BLOCK_FROM and self._block(posts, org, loc):
            return
        for k, post in enumerate(posts):
            if not (isinstance(post, dict) and self._plain_post(post, org, (*loc, "posts", k))):
                self._post(PostSpec.model_validate(post), org, (*loc, "posts", k))

    def _run_block(self, run: Run, org: str | None) -> bool:
        """Posts written one a line, read by Arrow's JSON reader straight into columns, when
        they are as a converted table writes them (:data:`_RUN_SCHEMA`: plain values, an id
        each, at most one superior, one source file or none). False: nothing was added."""
        import pyarrow.compute as pc
        import pyarrow.json as pj

        options = pj.ParseOptions(explicit_schema=_RUN_SCHEMA, unexpected_field_behavior="error")
        try:
            table = pj.read_json(
                io.BytesIO(run.body),
                read_options=pj.ReadOptions(block_size=1 << 26),
                parse_options=options,
            )
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return False  # another key or type: the posts are read one by one
        n = table.num_rows
        ids, titles = table.column("id"), table.column("title")
        if n != run.count or ids.null_count or titles.null_count:
            return False
        if pc.min(pc.utf8_length(ids)).as_py() == 0 or pc.min(pc.utf8_length(titles)).as_py() == 0:
            return False
        fte = table.column("fte")
        if fte.null_count < n and not (pc.min(fte).as_py() >= 0 and pc.max(fte).as_py() < math.inf):
            return False
        reports = table.column("reports_to").combine_chunks()
        if pc.max(pc.list_value_length(reports)).as_py() not in (None, 0, 1):
            return False  # several primary superiors: the records path keeps their order
        source = table.column("source").combine_chunks()
        if source.null_count == n:
            file, lines = self.path, pa.array(range(run.first_line, run.first_line + n))
        else:
            files = pc.unique(source.field("file"))
            line = source.field("line")
            if source.null_count or len(files) != 1 or not files[0].is_valid or line.null_count:
                return False
            if pc.min(line).as_py() < 1:
                return False
            file, lines = self._file(files[0].as_py()), line
        ids = ids.combine_chunks()
        taken = [pa.array(list(self.seen), pa.string()), *(b for b, _ in self._block_ids)]
        if pc.count_distinct(ids).as_py() != n or any(
            len(t) and pc.any(pc.is_in(ids, value_set=t)).as_py() for t in taken
        ):
            return False  # a repeated id: the records path says which, and where
        self._block_ids.append((ids, run.first_line))
        pick = np.full(n, -1, dtype=np.int64)
        pick[np.asarray(pc.list_parent_indices(reports))] = np.arange(len(pc.list_flatten(reports)))
        managers = pc.take(pc.list_flatten(reports), pa.array(pick, mask=pick < 0))
        dotted = table.column("secondary").combine_chunks()
        owners = pa.array(np.asarray(pc.list_parent_indices(dotted)), pa.int64())
        subjects = pc.take(ids, owners).to_pylist()
        at = pc.take(lines, owners).to_pylist()
        secondary = [
            Relation(RelKind.REPORTS_TO, sub, to, LineKind.SECONDARY, False, Prov(file, line))
            for sub, line, to in zip(subjects, at, pc.list_flatten(dotted).to_pylist(), strict=True)
        ]
        columns = {
            "id": ids, "title": titles, "org": pa.array([org] * n, pa.string()),
            "unit": table.column("unit"), "abbreviation": table.column("abbreviation"),
            "holder": table.column("holder"), "grade": table.column("grade"), "fte": fte,
            "root": pc.fill_null(table.column("root"), False),
            "attributes": pa.nulls(n, ATTRIBUTES), "line": lines, "manager": managers,
        }  # fmt: skip
        block = pa.table(columns).cast(BLOCK_SCHEMA)
        self.data.add_block(PostBlock(file, block, secondary, owners.to_pylist()))
        return True

    def _block(self, posts: list[Any], org: str | None, loc: Path_) -> bool:
        """Many plain posts from one source, each with its id and at most one superior, as one
        column-wise :class:`~orgmodel.graph.columns.PostBlock` (what a converted table holds): no
        record per post, as the CSV reader hands a table on. False: nothing was added."""
        first = posts[0].get("source") if isinstance(posts[0], dict) else None
        common = first.get("file") if isinstance(first, dict) else None
        source = self.path if type(common) is not str else self._file(common)
        cols: dict[str, list[Any]] = {name: [] for name in _BLOCK_FIELDS}
        here: list[int | None] = []
        seconds: list[tuple[int, str]] = []
        lines = self.lines
        for k, post in enumerate(posts):
            if type(post) is not dict or not post.get("id") or not _is_plain_post(post):
                return False
            written = lines.get((*loc, "posts", k))
            given = post.get("source")
            if given is None:
                if common is not None:
                    return False
                line = written
            elif given.keys() != {"file", "line"} or given["file"] != common:
                return False
            else:
                line = given["line"]
            refs = post.get("reports_to")
            if type(refs) is list:
                if len(refs) > 1:
                    return False
                refs = refs[0] if refs else None
            dotted = post.get("secondary")
            if dotted:
                seconds += [(k, s) for s in ([dotted] if type(dotted) is str else dotted)]
            for name in _BLOCK_TEXT:
                cols[name].append(post.get(name))
            cols["fte"].append(post.get("fte"))
            cols["root"].append(post.get("root", False))
            attributes = post.get("attributes")
            cols["attributes"].append(list(attributes.items()) if attributes else None)
            cols["line"].append(line)
            cols["manager"].append(refs)
            here.append(written)
        ids = cols["id"]
        self._absorb_blocks()
        if len(set(ids)) != len(ids) or not self.seen.keys().isdisjoint(ids):
            return False  # a repeated id: the records path says which, and where
        self.seen.update(zip(ids, here, strict=True))
        cols["org"] = [org] * len(ids)
        secondary = [
            Relation(RelKind.REPORTS_TO, ids[k], to, LineKind.SECONDARY, False,
                     Prov(source, cols["line"][k]))
            for k, to in seconds
        ]  # fmt: skip
        table = pa.Table.from_arrays(
            [pa.array(cols[f.name], type=f.type) for f in BLOCK_SCHEMA], schema=BLOCK_SCHEMA
        )
        self.data.add_block(PostBlock(source, table, secondary, [k for k, _ in seconds]))
        return True

    def _plain_post(self, post: dict[str, Any], org: str | None, loc: Path_) -> bool:
        """Record a post that holds only plain values; False (nothing recorded) otherwise."""
        if not _is_plain_post(post):
            return False
        line = self.lines.get(loc)
        title = post["title"]
        ident = post.get("id")
        if not ident:
            ident = f"{org}/{slug(title)}" if org else slug(title)
        source = post.get("source")
        pid = self._claim(ident, "id" in post, line, "post", source.get("file") if source else None)
        prov = (
            Prov(self.path, line=line)
            if source is None
            else self._source(
                source.get("file"), source.get("line"), source.get("start"), source.get("end"),
                source.get("cue"), source.get("inferred", False), line,
            )
        )  # fmt: skip
        fte = post.get("fte")
        self.data.record_posts.append(
            PostRecord(
                pid, title, org, post.get("unit"), post.get("abbreviation"), post.get("holder"),
                post.get("grade"), None if fte is None else float(fte), post.get("root", False),
                dict(post["attributes"]) if post.get("attributes") else None, prov,
            )
        )  # fmt: skip
        rels = self.data.record_relations
        for key, kind in (("reports_to", LineKind.PRIMARY), ("secondary", LineKind.SECONDARY)):
            refs = post.get(key)
            if refs:
                for ref in [refs] if isinstance(refs, str) else refs:
                    rels.append(Relation(RelKind.REPORTS_TO, pid, ref, kind, False, prov))
        return True

    def build(self, doc: OrgFile) -> OrgData:
        for i, org in enumerate(doc.organizations):
            self._org(org, ("organizations", i))
        for j, unit in enumerate(doc.units):
            self._unit(unit, None, ("units", j))
        for k, post in enumerate(doc.posts):
            self._post(post, None, ("posts", k))
        return self.data

    def _org_record(self, org: OrganizationSpec, loc: Path_) -> str:
        line = self.lines.get(loc)
        oid = self._claim(org.id or slug(org.name), org.id is not None, line, "organization", None)
        self.data.organizations.append(
            OrgRecord(oid, org.name, org.abbreviation, self._prov(org.source, line))
        )
        return oid

    def _org(self, org: OrganizationSpec, loc: Path_) -> None:
        oid = self._org_record(org, loc)
        for j, unit in enumerate(org.units):
            self._unit(unit, oid, (*loc, "units", j))
        for k, post in enumerate(org.posts):
            self._post(post, oid, (*loc, "posts", k))

    def _unit(self, unit: UnitSpec, org: str | None, loc: Path_) -> None:
        line = self.lines.get(loc)
        base = f"{org}/{slug(unit.name)}" if org else slug(unit.name)
        uid = self._claim(
            unit.id or base,
            unit.id is not None,
            line,
            "unit",
            unit.source.file if unit.source else None,
        )
        if unit.ignore:
            self.data.unit_ignores[uid] = join_codes(unit.ignore)
        self.data.units.append(
            UnitRecord(
                uid,
                unit.name,
                unit.kind,
                org,
                unit.part_of,
                unit.abbreviation,
                self._prov(unit.source, line),
            )
        )

    def _post(self, post: PostSpec, org: str | None, loc: Path_) -> None:
        line = self.lines.get(loc)
        base = f"{org}/{slug(post.title)}" if org else slug(post.title)
        pid = self._claim(
            post.id or base,
            post.id is not None,
            line,
            "post",
            post.source.file if post.source else None,
        )
        prov = self._prov(post.source, line)
        attributes = dict(post.attributes)
        if post.ignore:
            given = split_codes(attributes.get(IGNORE_KEY, ""))
            attributes[IGNORE_KEY] = join_codes([*given, *post.ignore])
        self.data.record_posts.append(
            PostRecord(
                pid,
                post.title,
                org,
                post.unit,
                post.abbreviation,
                post.holder,
                post.grade,
                post.fte,
                post.root,
                attributes or None,
                prov,
            )
        )
        rels = self.data.record_relations
        first = len(rels)
        for default, refs in (
            (LineKind.PRIMARY, post.reports_to),
            (LineKind.SECONDARY, post.secondary),
        ):
            for ref in refs:
                if isinstance(ref, str):
                    rels.append(Relation(RelKind.REPORTS_TO, pid, ref, default, False, prov))
                else:
                    kind = ref.kind or default
                    rp = self._prov(ref.source, line) if ref.source else prov
                    rels.append(Relation(RelKind.REPORTS_TO, pid, ref.to, kind, ref.generic, rp))
        for head in post.heads:
            if isinstance(head, str):
                rels.append(Relation(RelKind.HEADS, pid, head, None, False, prov))
            else:
                hp = self._prov(head.source, line) if head.source else prov
                rels.append(Relation(RelKind.HEADS, pid, head.unit, None, False, hp))
        for link in post.links:
            lp = self._prov(link.source, line) if link.source else prov
            rels.append(Relation(RelKind.LINK, pid, link.to, link.type, False, lp))
        for rel in rels[first:]:
            issue = review_issue(rel)
            if issue is not None:  # a line ingest read with low confidence: still to check
                self.data.issues.append(issue)


_BLOCK_FROM = 1_000
"""Posts in one list from which plain ones are read column-wise (:meth:`_Builder._block`)."""
_BLOCK_TEXT = ("id", "title", "unit", "abbreviation", "holder", "grade")
_RUN_SCHEMA = pa.schema(
    [
        *((name, pa.string()) for name in _BLOCK_TEXT),
        ("fte", pa.float64()),
        ("root", pa.bool_()),
        ("reports_to", pa.list_(pa.string())),
        ("secondary", pa.list_(pa.string())),
        ("source", pa.struct([("file", pa.string()), ("line", pa.int64())])),
    ]
)
"""The posts of a converted table, as :mod:`orgmodel.orgfile.document` writes them, one a line."""
_BLOCK_FIELDS = (*_BLOCK_TEXT, "fte", "root", "attributes", "line", "manager")


class _NotPlain(Exception):
    """The document is not shaped as the schema says: the full check reports where."""


_PLAIN_TEXT = frozenset({"id", "title", "abbreviation", "unit", "holder", "grade"})
_PLAIN_TYPES: dict[str, type] = {
    **dict.fromkeys(_PLAIN_TEXT, str),
    "reports_to": str,  # or a list of str
    "secondary": str,
    "fte": float,  # or an int
    "root": bool,
    "source": dict,
    "attributes": dict,
}
_PLAIN_SOURCE = {"file": str, "cue": str, "line": int, "start": int, "end": int, "inferred": bool}


def _is_plain_post(post: dict[str, Any]) -> bool:
    """A post of plain values, which :class:`PostSpec` would accept and keep as they are.

    Anything else -- another type pydantic would convert, a long-form
    reference, ``heads``, ``links``, ``ignore`` -- goes through the model.
    """
    title = post.get("title")
    if type(title) is not str or not title:
        return False
    for key, value in post.items():
        want, kind = _PLAIN_TYPES.get(key), type(value)
        if want is None:
            return False
        if want is str:
            if kind is not str and (
                key in _PLAIN_TEXT or kind is not list or not all(type(v) is str for v in value)
            ):
                return False  # text, or for reports_to/secondary a list of texts
        elif want is float:
            if kind not in (int, float) or not 0 <= value < math.inf:
                return False
        elif kind is not want or (
            want is dict
            and not (_is_plain_source(value) if key == "source" else _is_plain_attributes(value))
        ):
            return False
    return True


def _is_plain_attributes(attributes: dict[Any, Any]) -> bool:
    return all(type(k) is str and type(v) is str for k, v in attributes.items())


def _is_plain_source(source: Any) -> bool:
    if type(source) is not dict or not source.keys() <= _PLAIN_SOURCE.keys():
        return False
    for key, value in source.items():
        if type(value) is not _PLAIN_SOURCE[key]:
            return False
        if key in ("line", "start", "end") and value < (key == "line"):
            return False  # lines count from 1, offsets from 0
    return True


def parse_orgfile(text: str, path: str) -> OrgData:
    """Parse the text of an org file; ``path`` names it in provenance and errors."""
    raw, lines = load_with_lines(text, path, keep_posts_from=_BLOCK_FROM)
    if isinstance(raw, dict) and (data := _Builder(path, lines).build_raw(raw)) is not None:
        return data
    raw, lines = load_with_lines(text, path)  # read whole, so the schema says what is amiss
    return _Builder(path, lines).build(_validate(raw, path, lines))


def read_orgfile(path: str | Path) -> OrgData:
    """Read an org file from disk (``.yaml``, ``.yml`` or ``.json``)."""
    return parse_orgfile(read_text(path), str(path))
