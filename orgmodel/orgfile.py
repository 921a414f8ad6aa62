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

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from orgmodel.confidence import review_issue
from orgmodel.errors import SourceError, UsageError
from orgmodel.fileio import atomic_write, read_text, slug
from orgmodel.model import (
    FORMAT_VERSION,
    HeadRef,
    LineRef,
    LinkSpec,
    OrganizationSpec,
    OrgFile,
    PostSpec,
    SourceRef,
    UnitSpec,
)
from orgmodel.records import (
    IGNORE_KEY,
    LineKind,
    LinkType,
    OrgData,
    OrgRecord,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitKind,
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

NATIVE_SUFFIXES = (".yaml", ".yml", ".json")
_LINE = "__orgmodel_line__"
Path_ = tuple[str | int, ...]


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that remembers the line of every mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
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


def load_with_lines(text: str, path: str) -> tuple[Any, dict[Path_, int]]:
    if path.lower().endswith(".json"):
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
        self.org_ids: dict[str, int | None] = {}
        self.foreign_ids: set[str] = set()
        """Ids an entry from another file's row holds (see :meth:`_claim`)."""

    def _claim(
        self, ident: str, explicit: bool, line: int | None, what: str, source: SourceRef | None
    ) -> str:
        """Reserve an id; posts and units share one namespace, organizations their own.

        An id written twice is refused, unless one of the entries is the record of another
        file's row (its ``source:`` names that file): a CSV export that repeats an id, saved
        as an org file, reads back as it was read -- two rows of one id, for rule I001.
        """
        seen = self.org_ids if what == "organization" else self.seen
        if self._foreign(source):
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

    def _foreign(self, source: SourceRef | None) -> bool:
        """The entry records a row of another file (``source:`` names one)."""
        if source is None or source.file is None:
            return False
        return os.path.normpath(self._prov(source, None).source or "") != os.path.normpath(
            self.path
        )

    def _prov(self, source: SourceRef | None, line: int | None) -> Prov:
        """Where a fact is from: this file and line, or the source block written beside it."""
        if source is None:
            return Prov(self.path, line=line)
        here = source.file is None  # a source block that names no file is about this line
        if source.file is not None and source.file not in self._files:
            self._files[source.file] = _source_beside(source.file, self.path)
        return Prov(
            self.path if source.file is None else self._files[source.file],
            line=source.line if source.line is not None or not here else line,
            start=source.start,
            end=source.end,
            cue=source.cue,
            inferred=source.inferred,
            confidence=source.confidence,
        )

    def build(self, doc: OrgFile) -> OrgData:
        for i, org in enumerate(doc.organizations):
            self._org(org, ("organizations", i))
        for j, unit in enumerate(doc.units):
            self._unit(unit, None, ("units", j))
        for k, post in enumerate(doc.posts):
            self._post(post, None, ("posts", k))
        return self.data

    def _org(self, org: OrganizationSpec, loc: Path_) -> None:
        line = self.lines.get(loc)
        oid = self._claim(org.id or slug(org.name), org.id is not None, line, "organization", None)
        self.data.organizations.append(
            OrgRecord(oid, org.name, org.abbreviation, self._prov(org.source, line))
        )
        for j, unit in enumerate(org.units):
            self._unit(unit, oid, (*loc, "units", j))
        for k, post in enumerate(org.posts):
            self._post(post, oid, (*loc, "posts", k))

    def _unit(self, unit: UnitSpec, org: str | None, loc: Path_) -> None:
        line = self.lines.get(loc)
        base = f"{org}/{slug(unit.name)}" if org else slug(unit.name)
        uid = self._claim(unit.id or base, unit.id is not None, line, "unit", unit.source)
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
        pid = self._claim(post.id or base, post.id is not None, line, "post", post.source)
        prov = self._prov(post.source, line)
        attributes = dict(post.attributes)
        if post.ignore:
            given = split_codes(attributes.get(IGNORE_KEY, ""))
            attributes[IGNORE_KEY] = join_codes([*given, *post.ignore])
        self.data.posts.append(
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
        rels = self.data.relations
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


def parse_orgfile(text: str, path: str) -> OrgData:
    """Parse the text of an org file; ``path`` names it in provenance and errors."""
    raw, lines = load_with_lines(text, path)
    return _Builder(path, lines).build(_validate(raw, path, lines))


def read_orgfile(path: str | Path) -> OrgData:
    """Read an org file from disk (``.yaml``, ``.yml`` or ``.json``)."""
    return parse_orgfile(read_text(path), str(path))


# ---------------------------------------------------------------- writing


def _is_native(prov: Prov) -> bool:
    """Provenance that only says 'this org file, line N' is implied by the file itself."""
    return (
        prov.source is not None
        and prov.source.lower().endswith(NATIVE_SUFFIXES)
        and prov == Prov(prov.source, line=prov.line)
    ) or prov == Prov()


def _source_ref(prov: Prov) -> SourceRef | None:
    if _is_native(prov):
        return None
    return SourceRef(
        file=prov.source,
        line=prov.line,
        start=prov.start,
        end=prov.end,
        cue=prov.cue,
        inferred=prov.inferred,
        confidence=prov.confidence,
    )


def _post_spec(post: PostRecord, rels: list[Relation]) -> PostSpec:
    reports: list[str | LineRef] = []
    secondary: list[str | LineRef] = []
    heads: list[str | HeadRef] = []
    links: list[LinkSpec] = []
    for rel in rels:
        short = rel.prov == post.prov and not rel.generic
        if rel.kind is RelKind.REPORTS_TO:
            bucket = secondary if rel.qualifier == LineKind.SECONDARY else reports
            if short:
                bucket.append(rel.object)
            else:
                bucket.append(
                    LineRef(
                        to=rel.object,
                        kind=None,
                        generic=rel.generic,
                        source=_source_ref(rel.prov) if rel.prov != post.prov else None,
                    )
                )
        elif rel.kind is RelKind.HEADS:
            heads.append(
                rel.object if short else HeadRef(unit=rel.object, source=_source_ref(rel.prov))
            )
        else:
            links.append(
                LinkSpec(
                    to=rel.object,
                    type=LinkType(rel.qualifier or LinkType.LIAISON),
                    source=None if short else _source_ref(rel.prov),
                )
            )
    attributes = dict(post.attributes or {})
    ignore = split_codes(attributes.get(IGNORE_KEY, ""))
    if ignore and join_codes(ignore) == attributes[IGNORE_KEY]:
        del attributes[IGNORE_KEY]  # written as `ignore:`; kept as an attribute if not canonical
    else:
        ignore = []
    return PostSpec(
        id=post.id,
        title=post.title,
        abbreviation=post.abbreviation,
        unit=post.unit,
        holder=post.holder,
        grade=post.grade,
        fte=post.fte,
        root=post.root,
        reports_to=reports,
        secondary=secondary,
        heads=heads,
        links=links,
        attributes=attributes,
        ignore=ignore,
        source=_source_ref(post.prov),
    )


def _unit_spec(unit: UnitRecord, ignore: str | None) -> UnitSpec:
    return UnitSpec(
        id=unit.id,
        name=unit.name,
        kind=UnitKind(unit.kind),
        abbreviation=unit.abbreviation,
        part_of=unit.part_of,
        ignore=split_codes(ignore or ""),
        source=_source_ref(unit.prov),
    )


def _relations_by_post(data: OrgData) -> dict[tuple[str, Prov | None], list[Relation]]:
    """Each post's relations, keyed by its id and -- for an id on several rows -- the row's
    provenance: a line goes to the row that stated it (else to the first row of the id)."""
    rows: dict[str, set[Prov]] = {}
    for post in data.posts:
        rows.setdefault(post.id, set()).add(post.prov)
    out: dict[tuple[str, Prov | None], list[Relation]] = {}
    for rel in data.relations:
        provs = rows.get(rel.subject, set())
        key = (rel.subject, rel.prov if len(provs) > 1 and rel.prov in provs else None)
        out.setdefault(key, []).append(rel)
    return out


def to_orgfile(data: OrgData) -> OrgFile:
    """Arrange records as an :class:`OrgFile`: posts and units under their organization.

    A unit named again with the same details (the Unit column of a senior and a junior
    organogram) is written once, as the graph keeps it once; posts and units that repeat
    an id with other details are all written, each with its source, and read back so.
    """
    by_post = _relations_by_post(data)
    post_ids = {p.id for p in data.posts}
    orphans = [r for r in data.relations if r.subject not in post_ids]
    if orphans:
        raise SourceError(
            orphans[0].prov.where(),
            f"relation from {orphans[0].subject!r}, which is not a post, cannot be saved",
        )
    orgs: dict[str, OrganizationSpec] = {}
    for o in data.organizations:  # an id named again (another file, another spelling): the first
        if o.id not in orgs:
            orgs[o.id] = OrganizationSpec(
                id=o.id, name=o.name, abbreviation=o.abbreviation, source=_source_ref(o.prov)
            )
    doc = OrgFile(orgmodel=FORMAT_VERSION, organizations=list(orgs.values()))

    def home(org: str | None, what: str) -> OrganizationSpec | None:
        if org is None:
            return None
        if org not in orgs:
            orgs[org] = OrganizationSpec(id=org, name=org)
            doc.organizations.append(orgs[org])
        return orgs[org]

    units: dict[str, UnitRecord] = {}
    for unit in data.units:
        first = units.setdefault(unit.id, unit)
        if first is not unit and first[:-1] == unit[:-1]:
            continue  # the same unit again: one unit, as the graph holds it
        spec = home(unit.org, "unit")
        (spec.units if spec else doc.units).append(_unit_spec(unit, data.unit_ignores.get(unit.id)))
    written: set[str] = set()
    for post in data.posts:
        spec = home(post.org, "post")
        rels = by_post.pop((post.id, post.prov), []) + (
            by_post.pop((post.id, None), []) if post.id not in written else []
        )
        written.add(post.id)
        (spec.posts if spec else doc.posts).append(_post_spec(post, rels))
    return doc


def dump_orgfile(data: OrgData, fmt: str = "yaml", folder: str | Path | None = None) -> str:
    """The org file as text, ``fmt`` ``"yaml"`` or ``"json"``, defaults left out.

    ``folder`` is where the file will be saved: source files named in it are
    then written relative to it, as a hand-written org file names them (see
    :func:`_source_beside`), so the file reads the same from wherever it is
    used. Without it they are written as held (relative to the working folder).
    """
    doc = to_orgfile(data).model_dump(mode="json", exclude_defaults=True)
    doc = {"orgmodel": FORMAT_VERSION, **doc}
    if folder is not None:
        _sources_relative_to(doc, os.fspath(folder) or ".", {})
    if fmt == "json":
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def orgfile_format(path: str | Path) -> str:
    """``"yaml"`` or ``"json"``, the format an org file at ``path`` is written in.

    Any other ending is refused, so that a command checks its output path before
    it works: an org file saved as ``org.txt`` would be read back as a posting.

    >>> orgfile_format("proposed.yml"), orgfile_format("org.JSON")
    ('yaml', 'json')
    >>> orgfile_format("org.csv")
    Traceback (most recent call last):
    ...
    orgmodel.errors.UsageError: org.csv: an org file is written as .yaml, .yml or .json, \
not '.csv' (orgmodel convert writes the other formats)
    """
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


def _sources_relative_to(doc: Any, folder: str, seen: dict[str, str]) -> None:
    """Rewrite each ``source: {file: ...}`` in a dumped org file relative to ``folder``.

    Only files that exist from the working folder are rewritten; URLs,
    absolute paths and files found nowhere are kept as written.
    """
    if isinstance(doc, list):
        for item in doc:
            _sources_relative_to(item, folder, seen)
        return
    if not isinstance(doc, dict):
        return
    source = doc.get("source")
    if isinstance(source, dict) and isinstance(source.get("file"), str):
        file = source["file"]
        if file not in seen:
            keep = "://" in file or os.path.isabs(file) or not os.path.isfile(file)
            seen[file] = file if keep else Path(os.path.relpath(file, folder)).as_posix()
        source["file"] = seen[file]
    for value in doc.values():
        if isinstance(value, list | dict):
            _sources_relative_to(value, folder, seen)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the org file (``orgmodel schema`` prints it)."""
    schema = OrgFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "orgmodel org file"
    return schema
