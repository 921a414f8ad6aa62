"""The UK government organogram format (data.gov.uk senior and junior staff CSVs).

Senior rows are posts: ``Post Unique Reference`` reports to ``Reports to
Senior Post`` (``XX`` marks the top). Junior rows are aggregates -- a grade
and a generic title with an FTE count -- that hang under the senior post in
``Reporting Senior Post``; each becomes one post marked ``aggregate`` with
its FTE, so ``reports --all`` and ``stats`` count the whole department.

Compilations put both kinds in one schema (the Institute for Government's
series): a ``Seniority`` column says which rows are junior; those leave the
post reference blank and give their grade, generic title and FTE in the
senior columns (``Grade (or equivalent)``, ``Job Title``, ``FTE``). They
become the same aggregate posts, with the same ids, as the rows of a
separate junior file.

>>> is_organogram(["Post Unique Reference", "Name", "Reports to Senior Post"])
'senior'
>>> is_organogram(["Parent Department", "Reporting Senior Post", "Number of Posts in FTE"])
'junior'
>>> is_organogram(["id", "manager"]) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from orgmodel.errors import SourceError
from orgmodel.fileio import slug
from orgmodel.holders import STATUS_KEY, marker
from orgmodel.names.kinds import guess_unit_kind
from orgmodel.names.rules import squash
from orgmodel.readers.csvfile import iter_rows, norm_header, open_table, read_header
from orgmodel.readers.rows import fte_fault, fte_value, long_row_issue
from orgmodel.records import (
    LineKind,
    LoadIssue,
    OrgData,
    OrgRecord,
    PostRecord,
    Prov,
    Relation,
    RelKind,
    UnitRecord,
)

__all__ = ["is_organogram", "read_organogram"]

ROOT_MARKS = frozenset({"xx"})


def is_organogram(header: Sequence[str]) -> str | None:
    """``'senior'`` or ``'junior'`` when the header is an organogram's, else None."""
    names = {norm_header(h) for h in header}
    if {"post unique reference", "reports to senior post"} <= names:
        return "senior"
    if {"reporting senior post", "number of posts in fte"} <= names:
        return "junior"
    return None


def _columns(header: Sequence[str], wanted: Sequence[str], path: str) -> dict[str, int]:
    index = {norm_header(h): i for i, h in reversed(list(enumerate(header)))}
    missing = [w for w in wanted if w not in index]
    if missing:
        raise SourceError(path, f"organogram header lacks {', '.join(missing)}", line=1)
    return {w: index[w] for w in index}


class _Context:
    def __init__(self, path: str) -> None:
        self.path = path
        self.data = OrgData(sources=[path])
        self.orgs: dict[str, str] = {}
        self.units: dict[tuple[str, str], str] = {}
        self.decimal_comma = False  # a ';' file's FTE '0,5' (set when it is opened)

    def org(self, name: str, line: int) -> str | None:
        name = squash(name)
        if not name:
            return None
        if name not in self.orgs:
            self.orgs[name] = slug(name)
            self.data.organizations.append(
                OrgRecord(self.orgs[name], name, None, Prov(self.path, line))
            )
        return self.orgs[name]

    def unit(self, org: str | None, name: str, line: int) -> str | None:
        name = squash(name)
        if not name:
            return None
        key = (org or "", name)
        if key not in self.units:
            uid = f"{org}/{slug(name)}" if org else slug(name)
            self.units[key] = uid
            self.data.units.append(
                UnitRecord(uid, name, guess_unit_kind(name), org, None, None, Prov(self.path, line))
            )
        return self.units[key]


def _senior(ctx: _Context, header: list[str]) -> None:
    col = _columns(
        header, ["post unique reference", "reports to senior post", "job title"], ctx.path
    )
    get = {k: col.get(k) for k in col}

    def cell(row: list[str], key: str) -> str:
        i = get.get(key)
        return row[i].strip() if i is not None and i < len(row) else ""

    combined = "seniority" in get
    seen: set[str] = set()
    with open_table(ctx.path) as handle:
        ctx.decimal_comma = handle.delimiter == ";"
        for line, row in iter_rows(handle, ctx.path, ctx.data.issues):
            prov = Prov(ctx.path, line)
            ref = cell(row, "post unique reference")
            if len(row) > len(header) and (long := long_row_issue(prov, row, len(header), ref)):
                ctx.data.issues.append(long)
            if combined and cell(row, "seniority").lower() == "junior":
                org = ctx.org(cell(row, "organisation") or cell(row, "parent department"), line)
                _junior_post(
                    ctx, seen, prov, cell(row, "reports to senior post"),
                    cell(row, "job title"), cell(row, "grade or equivalent"), cell(row, "fte"),
                    org, ctx.unit(org, cell(row, "unit"), line),
                    cell(row, "professional occupational group"),
                )  # fmt: skip
                continue
            if not ref:
                ctx.data.issues.append(LoadIssue("row-skipped", "row has no post reference", prov))
                continue
            org = ctx.org(cell(row, "organisation") or cell(row, "parent department"), line)
            unit = ctx.unit(org, cell(row, "unit"), line)
            name = squash(cell(row, "name"))
            attrs: dict[str, str] = {}
            if (status := marker(name)) is not None:  # Vacant, N/D, Eliminated, quoted or not
                attrs[STATUS_KEY] = str(status)
                name = ""
            for key, attr in (
                ("job team function", "function"),
                ("professional occupational group", "profession"),
                ("parent department", "parent_department"),
                ("notes", "notes"),
            ):
                if value := cell(row, key):
                    attrs[attr] = value
            boss = cell(row, "reports to senior post")
            fte_text = cell(row, "fte")
            fte = fte_value(fte_text, ctx.decimal_comma) if fte_text else None
            if fte_text and fte is None:
                ctx.data.issues.append(
                    LoadIssue(
                        "bad-value",
                        f"FTE {fte_text!r} {fte_fault(fte_text, ctx.decimal_comma)}",
                        prov,
                        (ref,),
                    )
                )
            ctx.data.posts.append(
                PostRecord(
                    ref,
                    cell(row, "job title") or ref,
                    org,
                    unit,
                    None,
                    name or None,
                    cell(row, "grade or equivalent") or None,
                    fte,
                    boss.lower() in ROOT_MARKS,
                    attrs or None,
                    prov,
                )
            )
            if boss and boss.lower() not in ROOT_MARKS:
                ctx.data.relations.append(
                    Relation(RelKind.REPORTS_TO, ref, boss, LineKind.PRIMARY, False, prov)
                )


def _junior(ctx: _Context, header: list[str]) -> None:
    col = _columns(header, ["reporting senior post", "number of posts in fte"], ctx.path)

    def cell(row: list[str], key: str) -> str:
        i = col.get(key)
        return row[i].strip() if i is not None and i < len(row) else ""

    seen: set[str] = set()
    with open_table(ctx.path) as handle:
        ctx.decimal_comma = handle.delimiter == ";"
        for line, row in iter_rows(handle, ctx.path, ctx.data.issues):
            prov = Prov(ctx.path, line)
            if len(row) > len(header) and (long := long_row_issue(prov, row, len(header))):
                ctx.data.issues.append(long)
            org = ctx.org(cell(row, "organisation") or cell(row, "parent department"), line)
            _junior_post(
                ctx, seen, prov, cell(row, "reporting senior post"),
                cell(row, "generic job title"), cell(row, "grade"),
                cell(row, "number of posts in fte"), org, ctx.unit(org, cell(row, "unit"), line),
                cell(row, "professional occupational group"),
            )  # fmt: skip


def _junior_post(
    ctx: _Context,
    seen: set[str],
    prov: Prov,
    boss: str,
    title: str,
    grade: str,
    fte_text: str,
    org: str | None,
    unit: str | None,
    profession: str,
) -> None:
    """One junior row: an aggregate post under its senior post, id ``boss/grade/title[-n]``."""
    title = title or "Junior staff"
    fte = fte_value(fte_text, ctx.decimal_comma)
    if fte is None:
        ctx.data.issues.append(
            LoadIssue(
                "bad-value", f"FTE {fte_text!r} {fte_fault(fte_text, ctx.decimal_comma)}", prov
            )
        )
    base = f"{boss}/{slug(grade or 'x')}/{slug(title)}"
    pid, n = base, 2
    while pid in seen:
        pid, n = f"{base}-{n}", n + 1
    seen.add(pid)
    attrs = {"aggregate": "junior"}
    if profession:
        attrs["profession"] = profession
    ctx.data.posts.append(
        PostRecord(pid, title, org, unit, None, None, grade or None, fte, False, attrs, prov)
    )
    if boss:
        ctx.data.relations.append(
            Relation(RelKind.REPORTS_TO, pid, boss, LineKind.PRIMARY, False, prov)
        )
    else:
        ctx.data.issues.append(
            LoadIssue("missing-reference", "junior row names no senior post", prov, (pid,))
        )


def read_organogram(path: str | Path) -> OrgData:
    """Read a senior or junior organogram CSV (the kind is told by its header)."""
    name = str(path)
    header = read_header(path)
    kind = is_organogram(header)
    if kind is None:
        raise SourceError(
            name, "is not a UK organogram (no 'Post Unique Reference' column)", line=1
        )
    ctx = _Context(name)
    (_senior if kind == "senior" else _junior)(ctx, header)
    if not ctx.data.posts:
        raise SourceError(name, "has a header but no rows", line=2)
    return ctx.data
