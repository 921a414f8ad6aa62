"""Read and write the native org file (YAML or JSON, one schema).

Loading checks the file against :mod:`orgmodel.model` and reports problems
with the line they are on; saving writes the short, hand-written style
(``reports_to: hps-supt``) wherever a fact has no provenance of its own, and
the long form with ``source:`` where it does (facts taken from postings or
CSV rows), so that load -> save -> load loses nothing.

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
import json
import math
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import yaml
from pydantic import ValidationError

from orgmodel.columns import ATTRIBUTES, BLOCK_SCHEMA, PostBlock
from orgmodel.compact import COMPACT_FROM, Run, dump_compact, splice_runs, split_runs, yaml_dumper
from orgmodel.confidence import review_issue
from orgmodel.document import NATIVE_SUFFIXES, org_document
from orgmodel.errors import SourceError, UsageError
from orgmodel.fileio import atomic_write, is_stdio, read_text, slug
from orgmodel.model import (
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

__all__ = [
    "IGNORE_KEY",
    "NATIVE_SUFFIXES",
    "dump_orgfile",
    "join_codes",
    "json_schema",
    "line_of",
    "load_with_lines",
    "orgfile_format",
    "parse_orgfile",
    "read_orgfile",
    "split_codes",
    "to_orgfile",
    "write_orgfile",
]

_LINE = "__orgmodel_line__"
Path_ = tuple[str | int, ...]


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe YAML loader that remembers the line of every mapping (libyaml's parser when
    PyYAML has it: the same values and marks, about three times as fast)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        mapping[_LINE] = node.start_mark.line + 1
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
                f"the YAML alias (*name) at {_describe(path)} refers to a value that "
                "contains it, so it never ends",
                line=self.line,
            )
        self.open.add(key)
        try:
            if isinstance(value, list):
                return [self.copy(v, (*path, i)) for i, v in enumerate(value)]
            line = value.get(_LINE)
            if line is not None:
                self.lines[path] = self.line = line
            return {k: self.copy(v, (*path, k)) for k, v in value.items() if k != _LINE}
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
    >>> _strip_lines({"a": [{"b": 1, _LINE: 3}], _LINE: 1}, "f.yaml", lines, "")
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


def _describe(loc: Iterable[str | int]) -> str:
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

    A file in the compact layout of big org files (:mod:`orgmodel.compact`)
    has its one-line items decoded in bulk and only the rest parsed; with
    ``keep_posts_from``, long lists of posts stay undecoded
    (:class:`~orgmodel.compact.Run`), for the builder to read column-wise.
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
            parts.append(f"{where}{_describe(err['loc'])}: {err['msg']}")
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
        column-wise :class:`~orgmodel.columns.PostBlock` (what a converted table holds): no
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
"""The posts of a converted table, as :mod:`orgmodel.document` writes them, one a line."""
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


# ---------------------------------------------------------------- writing


def to_orgfile(data: OrgData) -> OrgFile:
    """Arrange records as an :class:`OrgFile`: posts and units under their organization."""
    return OrgFile.model_validate(org_document(data))


def dump_orgfile(data: OrgData, fmt: str = "yaml", folder: str | Path | None = None) -> str:
    """The org file as text, ``fmt`` ``"yaml"`` or ``"json"``, defaults left out.

    ``folder`` is where the file will be saved: source files named in it are
    then written relative to it, as a hand-written org file names them (see
    :func:`_source_beside`), so the file reads the same from wherever it is
    used. Without it they are written as held (relative to the working folder).
    From :data:`~orgmodel.compact.COMPACT_FROM` posts on, each post and unit is
    written on one line (:mod:`orgmodel.compact`), which loads in bulk.
    """
    doc = org_document(data, folder)
    if data.post_count + len(data.units) >= COMPACT_FROM:
        return dump_compact(doc, fmt)
    if fmt == "json":
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    return yaml.dump(doc, Dumper=yaml_dumper(), sort_keys=False, allow_unicode=True, width=100)


def orgfile_format(path: str | Path) -> str:
    """``"yaml"`` or ``"json"``, the format an org file at ``path`` is written in.

    Any other ending is refused, so that a command checks its output path before
    it works: an org file saved as ``org.txt`` would be read back as a posting.
    Standard output (``-``) gets YAML.

    >>> orgfile_format("proposed.yml"), orgfile_format("org.JSON"), orgfile_format("-")
    ('yaml', 'json', 'yaml')
    >>> orgfile_format("org.csv")
    Traceback (most recent call last):
    ...
    orgmodel.errors.UsageError: org.csv: an org file is written as .yaml, .yml or .json, \
not '.csv' (orgmodel convert writes the other formats)
    """
    if is_stdio(path):
        return "yaml"
    suffix = Path(path).suffix.lower()
    if suffix not in NATIVE_SUFFIXES:
        ending = f"{suffix!r}" if suffix else "a name without an ending"
        raise UsageError(
            f"{path}: an org file is written as .yaml, .yml or .json, not {ending} "
            "(orgmodel convert writes the other formats)"
        )
    return "json" if suffix == ".json" else "yaml"


def write_orgfile(data: OrgData, path: str | Path) -> None:
    """Save as YAML or JSON (by extension), atomically; other endings are refused."""
    atomic_write(path, dump_orgfile(data, orgfile_format(path), Path(path).parent))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the org file (``orgmodel schema`` prints it)."""
    schema = OrgFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "orgmodel org file"
    return schema
