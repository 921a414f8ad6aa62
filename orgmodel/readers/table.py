"""Flat CSV exports: a row per post or person, an id and a manager column.

This is the shape OrgChart Now, Visio's Organization Chart Wizard and most
HRIS exports use. Columns are recognised by name (``Employee ID``,
``Manager``, ``Job Title``, ``Department`` ...); where a header is missing
or ambiguous, a mapping names them (``id=EmpID,manager=ManagerName``). The
manager may be given by id or by name: the graph resolves each reference by
id first, then by holder name or title, and reports what matches nothing.

>>> mapping_for(["EmpID", "Employee Name", "Position", "Manager Name"])
{'id': 0, 'manager': 3, 'title': 2, 'name': 1}
"""

from __future__ import annotations

import gc
from collections.abc import Mapping, Sequence
from pathlib import Path

from orgmodel.errors import SourceError
from orgmodel.fileio import slug
from orgmodel.naming import guess_unit_kind, squash
from orgmodel.readers.csvfile import iter_rows, norm_header, open_table, read_header
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

__all__ = ["FIELDS", "ORGMODEL_CSV", "UNIQUE_FIELDS", "mapping_for", "parse_mapping", "read_table"]

FIELDS: dict[str, tuple[str, ...]] = {
    "id": (
        "id", "post id", "position id", "employee id", "emp id", "employee number",
        "staff id", "person id", "user id", "node id", "post unique reference", "record id",
    ),
    "manager": (
        "manager id", "reports to id", "supervisor id", "parent id", "manager",
        "reports to", "supervisor", "manager name", "supervisor name", "parent",
        "line manager", "reports to senior post",
    ),
    "title": (
        "title", "job title", "position title", "position name", "position", "role", "job",
        "post",
    ),
    "name": ("name", "employee name", "full name", "employee", "holder", "person"),
    "unit": (
        "department", "department name", "dept", "unit", "division", "team", "section", "office",
    ),
    "org": ("organization", "organisation", "company", "org", "agency"),
    "grade": ("grade", "grade or equivalent", "level", "band", "pay grade"),
    "fte": ("fte",),
    "secondary": (
        "dotted line manager id", "dotted line manager", "secondary manager id",
        "secondary manager", "matrix manager", "dotted line",
    ),
    "abbreviation": ("abbreviation", "acronym"),
    "manager_title": ("manager title",),
}  # fmt: skip
"""Each field and the header names (folded by :func:`norm_header`) that mean it, best first."""

ORGMODEL_CSV = {
    "id": "ID", "title": "Title", "name": "Name", "unit": "Unit", "org": "Organization",
    "manager": "Manager ID", "manager_title": "Manager Title",
    "secondary": "Secondary Manager ID", "grade": "Grade", "fte": "FTE",
    "abbreviation": "Abbreviation",
}  # fmt: skip
"""The columns ``orgmodel convert -o org.csv`` writes, in order; such a header is mapped as written.

``manager_title`` is there for people reading the file (Visio shows it); the
manager id decides the line.
"""

UNIQUE_FIELDS = ("id", "manager")
"""Fields where two candidate columns (``EmpID`` and ``PositionID``) are a question for the user."""

VACANT = frozenset({"vacant", "vacancy", "position vacant"})


def _key(text: str) -> str:
    return norm_header(text).replace(" ", "")


def parse_mapping(text: str) -> dict[str, str]:
    """``"id=EmpID,manager=Manager Name"`` -> ``{'id': 'EmpID', 'manager': 'Manager Name'}``.

    >>> parse_mapping("id=EmpID, manager=Manager Name")
    {'id': 'EmpID', 'manager': 'Manager Name'}
    """
    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        field, sep, column = part.partition("=")
        field = field.strip().lower()
        if not sep or not column.strip():
            raise SourceError("--map", f"expected FIELD=COLUMN, got {part!r}")
        if field not in FIELDS:
            raise SourceError("--map", f"unknown field {field!r}; fields are {', '.join(FIELDS)}")
        out[field] = column.strip()
    return out


def _ambiguous(path: str, field: str, header: Sequence[str], hits: list[int]) -> SourceError:
    cols = " and ".join(f"column {i + 1} {header[i]!r}" for i in hits)
    return SourceError(
        path,
        f"{'two' if len(hits) == 2 else 'several'} columns could be the {field}: {cols}",
        line=1,
        hint=f"say which with --map {field}=COLUMN",
    )


def mapping_for(
    header: Sequence[str], explicit: Mapping[str, str] | None = None, path: str = "<csv>"
) -> dict[str, int]:
    """Match header columns to fields; raise a clear error when the id or manager is unclear."""
    own = list(ORGMODEL_CSV.values())
    if [h.strip() for h in header[: len(own)]] == own:
        explicit = {**ORGMODEL_CSV, **(explicit or {})}
    keys = [_key(h) for h in header]
    found: dict[str, int] = {}
    used: set[int] = set()
    for field, column in (explicit or {}).items():
        hits = [i for i, k in enumerate(keys) if k == _key(column)]
        if not hits:
            raise SourceError(
                path, f"mapped column {column!r} for {field} is not in the header", line=1
            )
        found[field] = hits[0]
        used.add(hits[0])
    for field in UNIQUE_FIELDS:
        if field in found:
            continue
        alias_keys = {_key(a) for a in FIELDS[field]}
        hits = [i for i, k in enumerate(keys) if k in alias_keys and i not in used]
        if len(hits) > 1:
            raise _ambiguous(path, field, header, hits)
    for field, aliases in FIELDS.items():
        if field in found:
            continue
        for alias in aliases:
            hits = [i for i, k in enumerate(keys) if k == _key(alias) and i not in used]
            if len(hits) > 1:
                raise _ambiguous(path, field, header, hits)
            if hits:
                found[field] = hits[0]
                used.add(hits[0])
                break
    if "id" not in found and "name" in found:
        found["id"] = found["name"]
    if "id" not in found or "manager" not in found:
        missing = " and ".join(f for f in ("id", "manager") if f not in found)
        raise SourceError(
            path,
            f"no recognisable {missing} column among the headers "
            + ", ".join(repr(h) for h in header),
            line=1,
            hint="name the columns with --map id=COLUMN,manager=COLUMN",
        )
    return found


def _split_many(value: str) -> list[str]:
    for sep in (";", "|"):
        if sep in value:
            return [v.strip() for v in value.split(sep) if v.strip()]
    return [value.strip()] if value.strip() else []


def read_table(path: str | Path, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Read a flat CSV export into records (streams; suited to a million rows)."""
    name = str(path)
    header = read_header(path)
    cols = mapping_for(header, mapping, name)
    i_id, i_mgr = cols["id"], cols["manager"]
    i_title, i_name = cols.get("title"), cols.get("name")
    i_unit, i_org, i_grade = cols.get("unit"), cols.get("org"), cols.get("grade")
    i_fte, i_sec, i_abbr = cols.get("fte"), cols.get("secondary"), cols.get("abbreviation")
    mapped = set(cols.values())
    data = OrgData(sources=[name])
    posts, rels, issues = data.posts, data.relations, data.issues
    orgs: dict[str, str] = {}
    units: dict[tuple[str | None, str], str] = {}
    extra = [(i, h.strip()) for i, h in enumerate(header) if i not in mapped and h.strip()]
    width = len(header)
    primary, reports, post_rec, rel_rec = LineKind.PRIMARY, RelKind.REPORTS_TO, PostRecord, Relation
    gc_was_enabled = gc.isenabled()
    gc.disable()  # millions of small tuples: the cyclic collector only slows the load down
    try:
        with open_table(path) as handle:
            for line, row in iter_rows(handle, name):
                if len(row) < width:
                    row += [""] * (width - len(row))
                pid = row[i_id].strip()
                if not pid:
                    issues.append(
                        LoadIssue("row-skipped", "row has no id; skipped", Prov(name, line))
                    )
                    continue
                holder = squash(row[i_name]) if i_name is not None else ""
                title = row[i_title].strip() if i_title is not None else ""
                attrs: dict[str, str] | None = None
                if holder.lower() in VACANT:
                    holder, attrs = "", {"status": "vacant"}
                org_id: str | None = None
                if i_org is not None and (org_name := row[i_org].strip()):
                    org_id = orgs.get(org_name)
                    if org_id is None:
                        org_id = orgs[org_name] = slug(org_name)
                        data.organizations.append(
                            OrgRecord(org_id, org_name, None, Prov(name, line))
                        )
                unit_id: str | None = None
                if i_unit is not None and (unit_name := row[i_unit].strip()):
                    unit_id = units.get((org_id, unit_name))
                    if unit_id is None:
                        unit_id = f"{org_id}/{slug(unit_name)}" if org_id else slug(unit_name)
                        units[(org_id, unit_name)] = unit_id
                        data.units.append(
                            UnitRecord(
                                unit_id, unit_name, guess_unit_kind(unit_name), org_id,
                                None, None, Prov(name, line),
                            )
                        )  # fmt: skip
                fte: float | None = None
                if i_fte is not None and (raw_fte := row[i_fte].strip()):
                    try:
                        fte = float(raw_fte)
                    except ValueError:
                        issues.append(
                            LoadIssue(
                                "bad-value",
                                f"FTE {raw_fte!r} is not a number; ignored",
                                Prov(name, line),
                                (pid,),
                            )
                        )
                if extra:
                    for i, h in extra:
                        if i < len(row) and (v := row[i].strip()):
                            if attrs is None:
                                attrs = {}
                            attrs[h] = v
                prov = Prov(name, line)
                manager = row[i_mgr].strip()
                posts.append(
                    post_rec(
                        pid,
                        title or holder or pid,
                        org_id,
                        unit_id,
                        row[i_abbr].strip() or None if i_abbr is not None else None,
                        holder or None,
                        row[i_grade].strip() or None if i_grade is not None else None,
                        fte,
                        not manager,
                        attrs,
                        prov,
                    )
                )
                if manager:
                    rels.append(rel_rec(reports, pid, squash(manager), primary, False, prov))
                if i_sec is not None:
                    for sup in _split_many(row[i_sec]):
                        rels.append(
                            rel_rec(reports, pid, squash(sup), LineKind.SECONDARY, False, prov)
                        )
    finally:
        if gc_was_enabled:
            gc.enable()
    if not posts:
        raise SourceError(name, "has a header but no rows", line=2)
    return data
