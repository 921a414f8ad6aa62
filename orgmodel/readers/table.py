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

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from orgmodel.collector import paused_gc
from orgmodel.errors import SourceError
from orgmodel.fileio import slug
from orgmodel.graph.columns import PostBlock, schemas
from orgmodel.holders import MARKER_TRIM, MARKERS, STATUS_KEY
from orgmodel.names.kinds import guess_unit_kind
from orgmodel.readers.csvfile import (
    DELIMITERS,
    delimiter_name,
    delimiter_of,
    detect_encoding,
    ends_in_quotes,
    iter_rows,
    norm_header,
    open_table,
    read_header,
)
from orgmodel.readers.rows import (
    fte_fault,
    fte_value,
    long_row_issue,
    no_ids_error,
    split_many,
)
from orgmodel.records import (
    LineKind,
    LoadIssue,
    OrgData,
    OrgRecord,
    Prov,
    Relation,
    RelKind,
    UnitRecord,
)

# numpy and pyarrow are imported by the functions that read a table: the column names
# below (which the writers and --map use) come without them.
if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

__all__ = [
    "FIELDS",
    "ORGMODEL_CSV",
    "UNIQUE_FIELDS",
    "RawTable",
    "mapping_for",
    "parse_mapping",
    "read_raw",
    "read_raw_fast",
    "read_table",
]

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
        "dotted line manager id", "dotted line manager", "dotted manager id", "dotted manager",
        "secondary manager id", "secondary manager", "matrix manager id", "matrix manager",
        "dotted line",
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

_SPACES = r"[\s\x0b\pZ\x{1c}-\x{1f}\x{85}]+"
"""White space as :meth:`str.split` sees it, for RE2 (pyarrow's regex engine)."""


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
    header: Sequence[str],
    explicit: Mapping[str, str] | None = None,
    path: str = "<csv>",
    delimiter: str | None = None,
) -> dict[str, int]:
    """Match header columns to fields; raise a clear error when the id or manager is unclear.

    ``delimiter`` is the one the header was split at, for the error: a header
    of one column is a file delimited by something else, which no ``--map``
    can help.

    >>> try:
    ...     mapping_for(["id:title:manager"], path="t.csv", delimiter=",")
    ... except SourceError as exc:
    ...     print(exc.message.replace(": the", ":\\nthe"))
    no recognisable id and manager column:
    the header, split at ',', is one column 'id:title:manager'
    """
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
        if delimiter is not None and len(header) == 1:
            known = ", ".join(delimiter_name(d) for d in DELIMITERS[:-1])
            raise SourceError(
                path,
                f"no recognisable {missing} column: the header, split at "
                f"{delimiter_name(delimiter)}, is one column {header[0]!r}",
                line=1,
                hint=f"orgmodel splits a table at {known} or {delimiter_name(DELIMITERS[-1])}, "
                "whichever its header holds most of: save the file with one of them",
            )
        split = f" (split at {delimiter_name(delimiter)})" if delimiter is not None else ""
        raise SourceError(
            path,
            f"no recognisable {missing} column among the headers{split} "
            + ", ".join(repr(h) for h in header),
            line=1,
            hint="name the columns with --map id=COLUMN,manager=COLUMN",
        )
    return found


def read_table(path: str | Path, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Read a flat CSV export: its posts as one column-wise block, its units and organizations.

    The file is parsed by pyarrow's CSV reader when it is plain (UTF-8, one
    record per line) and by Python's ``csv`` module otherwise (Windows-1252,
    quoted line breaks, blank lines, ragged rows); both give the same raw
    columns, and one function (:func:`_to_data`) gives them meaning.
    """
    name = str(path)
    header = read_header(path)
    delimiter = delimiter_of(path)
    cols = mapping_for(header, mapping, name, delimiter)
    raw = read_raw_fast(path, len(header), delimiter) or read_raw(path, len(header))
    return _to_data(name, header, cols, raw, decimal_comma=delimiter == ";")


def _trim(array: pa.Array) -> pa.Array:
    import pyarrow.compute as pc

    return pc.utf8_trim_whitespace(array)


def _squash(array: pa.Array) -> pa.Array:
    """:func:`orgmodel.names.rules.squash` for a column: trim, fold runs of white space.

    The regular expression runs only when some value could need it (a
    control or non-ASCII byte, or two spaces in a row): a scan of the raw
    bytes costs milliseconds where the expression costs a quarter second per
    million values.

    >>> import pyarrow as pa
    >>> _squash(pa.array([" Jane   Doe ", "Li\tWei", "Ana"])).to_pylist()
    ['Jane Doe', 'Li Wei', 'Ana']
    """
    import pyarrow.compute as pc

    trimmed = _trim(array)
    if not _may_need_folding(trimmed):
        return trimmed
    return pc.replace_substring_regex(trimmed, _SPACES, " ")


def _may_need_folding(array: pa.Array) -> bool:
    import numpy as np

    data = array.buffers()[2]
    if data is None:
        return False
    text = data.to_pybytes()
    if not text.isascii():
        return True
    words = np.frombuffer(text[: len(text) // 8 * 8], dtype=np.uint64)  # 8 bytes at a time:
    low = (words - np.uint64(0x2020202020202020)) & ~words & np.uint64(0x8080808080808080)
    tail = text[len(text) // 8 * 8 :]  # a byte below 0x20 borrows into its top bit
    return bool(low.any()) or any(b < 0x20 for b in tail) or b"  " in text


def _nonempty(array: pa.Array) -> np.ndarray[Any, Any]:
    import numpy as np
    import pyarrow.compute as pc

    return np.asarray(pc.not_equal(array, "").to_numpy(zero_copy_only=False))


def _nullify(array: pa.Array) -> pa.Array:
    """Empty strings become nulls (a missing value, not an empty one)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.if_else(pc.equal(array, ""), pa.scalar(None, pa.string()), array)


def _first_rows(codes: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """For dictionary codes 0..k-1 in first-appearance order, the row each first appears on."""
    import numpy as np

    _, first = np.unique(codes, return_index=True)
    return np.asarray(first)


def _to_data(
    name: str,
    header: list[str],
    cols: dict[str, int],
    raw: RawTable,
    *,
    decimal_comma: bool = False,
) -> OrgData:
    """The posts, units and organizations of a raw table (``decimal_comma``: a ``;`` file's
    ``12,000`` is twelve, :func:`~orgmodel.readers.rows.plain_number`)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    data = OrgData(sources=[name])
    columns, lines = raw.columns, raw.lines
    issues = data.issues

    def column(field: str) -> pa.Array | None:
        i = cols.get(field)
        return columns[i] if i is not None else None

    ids = _trim(columns[cols["id"]])
    for at, cells in raw.long_rows:
        if long := long_row_issue(Prov(name, at), cells, len(header), cells[cols["id"]].strip()):
            issues.append(long)
    issues.extend(raw.issues)
    has_id = _nonempty(ids)
    if not has_id.all():
        issues.extend(
            LoadIssue("row-skipped", "row has no id; skipped", Prov(name, int(lines[r])))
            for r in np.flatnonzero(~has_id)
        )
        keep = pa.array(has_id)
        if not has_id.any():
            raise no_ids_error(name, lines.tolist(), header[cols["id"]])
        ids, lines = ids.filter(keep), lines[has_id]
        columns = [c.filter(keep) for c in columns]
    n = len(ids)
    if n == 0:
        raise SourceError(name, "has a header but no rows", line=2)
    line_list: list[int] | None = None

    def line_of(row: int) -> int:
        nonlocal line_list
        if line_list is None:
            line_list = lines.tolist()
        return line_list[row]

    holder = _squash(column("name")) if "name" in cols else pa.nulls(n, pa.string())
    marked = pc.index_in(  # holder cells that are markers (Vacant, N/D ...): holders.py
        pc.utf8_lower(pc.utf8_trim(holder, MARKER_TRIM)), value_set=pa.array(list(MARKERS))
    )
    status = pc.take(pa.array([str(s) for s in MARKERS.values()]), marked)
    vacant = np.asarray(pc.is_valid(marked).to_numpy(zero_copy_only=False))
    holder = pc.if_else(pa.array(vacant), pa.scalar(None, pa.string()), holder)
    holder = _nullify(holder.fill_null(""))
    title = _nullify(_trim(column("title"))) if "title" in cols else pa.nulls(n, pa.string())
    title = pc.coalesce(title, holder, ids)

    org_ids = pa.nulls(n, pa.string())
    if "org" in cols:
        org_names = _trim(column("org"))
        encoded = org_names.dictionary_encode()
        codes = np.asarray(encoded.indices.to_numpy(zero_copy_only=False))
        firsts = _first_rows(codes)
        slugs: list[str | None] = []
        for k, org_name in enumerate(encoded.dictionary.to_pylist()):
            if not org_name:
                slugs.append(None)
                continue
            slugs.append(slug(org_name))
            data.organizations.append(
                OrgRecord(slug(org_name), org_name, None, Prov(name, line_of(int(firsts[k]))))
            )
        org_ids = pa.array(slugs, pa.string()).take(encoded.indices)

    unit_ids = pa.nulls(n, pa.string())
    if "unit" in cols:
        unit_names = _trim(column("unit"))
        key = pc.binary_join_element_wise(org_ids.fill_null(""), unit_names, "\x00")
        encoded = key.dictionary_encode()
        codes = np.asarray(encoded.indices.to_numpy(zero_copy_only=False))
        firsts = _first_rows(codes)
        uids: list[str | None] = []
        for k, pair in enumerate(encoded.dictionary.to_pylist()):
            org_part, _, unit_name = pair.partition("\x00")
            if not unit_name:
                uids.append(None)
                continue
            uid = f"{org_part}/{slug(unit_name)}" if org_part else slug(unit_name)
            uids.append(uid)
            data.units.append(
                UnitRecord(
                    uid, unit_name, guess_unit_kind(unit_name), org_part or None,
                    None, None, Prov(name, line_of(int(firsts[k]))),
                )
            )  # fmt: skip
        unit_ids = pa.array(uids, pa.string()).take(encoded.indices)

    fte = pa.nulls(n, pa.float64())
    if "fte" in cols:
        fte = _fte(name, ids, _trim(column("fte")), line_of, issues, decimal_comma)

    def optional(field: str) -> pa.Array:
        array = column(field)
        return _nullify(_trim(array)) if array is not None else pa.nulls(n, pa.string())

    manager = _squash(columns[cols["manager"]])
    root = pc.equal(manager, "")
    mapped = set(cols.values())
    extras = [(i, h.strip()) for i, h in enumerate(header) if i not in mapped and h.strip()]
    attributes = _attributes([(h, _trim(columns[i])) for i, h in extras], vacant, status, n)
    table = pa.Table.from_arrays(
        [
            ids, title, org_ids, unit_ids, optional("abbreviation"), holder,
            optional("grade"), fte, root, attributes, pa.array(lines, pa.int64()),
            _nullify(manager),
        ],
        schema=schemas().block,
    )  # fmt: skip
    secondary: list[Relation] = []
    secondary_rows: list[int] = []
    if "secondary" in cols:
        dotted = _trim(columns[cols["secondary"]])
        rows = np.flatnonzero(_nonempty(dotted))
        given = dotted.take(pa.array(rows))
        several = pc.or_(pc.match_substring(given, ";"), pc.match_substring(given, "|"))
        texts: list[Any] = _squash(given).to_pylist()  # one reference a cell, folded as
        if pc.any(several).as_py():  # split_many folds; cells holding several: split_many's
            parts = zip(texts, given.to_pylist(), several.to_pylist(), strict=True)
            texts = [split_many(raw) if many else text for text, raw, many in parts]
        subjects = ids.take(pa.array(rows)).to_pylist()
        row_lines = lines[rows].tolist()
        secondary_rows = []
        for row, text, subject, at in zip(rows.tolist(), texts, subjects, row_lines, strict=True):
            for sup in [text] if isinstance(text, str) else text:
                secondary_rows.append(row)
                secondary.append(
                    Relation(
                        RelKind.REPORTS_TO, subject, sup, LineKind.SECONDARY, False, Prov(name, at)
                    )
                )
    data.add_block(PostBlock(name, table, secondary, secondary_rows))
    issues.sort(key=lambda i: i.prov.line or 0)
    return data


def _fte(
    name: str,
    ids: pa.Array,
    raw: pa.Array,
    line_of: Callable[[int], int],
    issues: list[LoadIssue],
    decimal_comma: bool = False,
) -> pa.Array:
    """FTE numbers, parsed once per distinct text; what is not a number of 0 or more
    (``nan``, ``inf``, ``-1``) is reported and dropped."""
    import pyarrow as pa

    encoded = raw.dictionary_encode()
    values: list[float | None] = []
    bad: set[int] = set()
    for k, text in enumerate(encoded.dictionary.to_pylist()):
        if not text:
            values.append(None)
            continue
        value = fte_value(text, decimal_comma)
        values.append(value)
        if value is None:
            bad.add(k)
    if bad:
        codes = encoded.indices.to_pylist()
        for row, code in enumerate(codes):
            if code in bad:
                text = encoded.dictionary[code].as_py()
                issues.append(
                    LoadIssue(
                        "bad-value",
                        f"FTE {text!r} {fte_fault(text, decimal_comma)}; ignored",
                        Prov(name, line_of(row)),
                        (ids[row].as_py(),),
                    )
                )
    return pa.array(values, pa.float64()).take(encoded.indices)


def _attributes(
    extras: list[tuple[str, pa.Array]], marked: np.ndarray[Any, Any], status: pa.Array, n: int
) -> pa.Array:
    """Unmapped columns (and the ``status`` of a holder marker) as one map per row; null for a
    row with none."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    parts: list[tuple[str, np.ndarray[Any, Any], pa.Array]] = []
    if marked.any():
        parts.append((STATUS_KEY, marked, status.fill_null("")))
    for header, values in extras:
        mask = _nonempty(values)
        if mask.any():
            parts.append((header, mask, values))
    if not parts:
        return pa.nulls(n, schemas().attributes)
    masks = np.stack([m for _, m, _ in parts], axis=1)  # rows x parts
    counts = masks.sum(axis=1)
    offsets = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    rows, which = np.nonzero(masks)  # row-major: each row's entries in column order
    keys = pa.array([h for h, _, _ in parts], pa.string()).take(pa.array(which))
    all_values = pa.concat_arrays([v.cast(pa.string()) for _, _, v in parts])
    items = all_values.take(pa.array(which * n + rows))
    mapped = pa.MapArray.from_arrays(pa.array(offsets), keys, items)
    return pc.if_else(pa.array(counts > 0), mapped, pa.nulls(n, schemas().attributes))


class RawTable(NamedTuple):
    """A CSV's cells as strings, one array per header column, and each row's line.

    ``long_rows`` are the rows with more cells than the header, as ``(line,
    cells)``: what is past the header's last column has no column to go to.
    ``issues`` are what reading the text met (a file mixing encodings).
    """

    columns: list[pa.Array]
    lines: np.ndarray[Any, Any]
    long_rows: tuple[tuple[int, list[str]], ...] = ()
    issues: tuple[LoadIssue, ...] = ()


def read_raw(path: str | Path, width: int) -> RawTable:
    """Parse with Python's ``csv`` module: any encoding we read, quoted newlines, blank lines."""
    import numpy as np
    import pyarrow as pa

    name = str(path)
    cells: list[list[str]] = [[] for _ in range(width)]
    lines: list[int] = []
    long_rows: list[tuple[int, list[str]]] = []
    issues: list[LoadIssue] = []
    appenders = [c.append for c in cells]
    # millions of small strings: the cyclic collector only slows the load down
    with paused_gc(), open_table(path) as handle:
        for line, row in iter_rows(handle, name, issues):
            lines.append(line)
            if len(row) != width:
                if len(row) < width:
                    row += [""] * (width - len(row))
                else:
                    long_rows.append((line, row))
                    row = row[:width]
            for add, value in zip(appenders, row, strict=True):
                add(value)
    columns = [pa.array(c, pa.string()) for c in cells]
    return RawTable(columns, np.asarray(lines, dtype=np.int64), tuple(long_rows), tuple(issues))


def read_raw_fast(path: str | Path, width: int, delimiter: str = ",") -> RawTable | None:
    """Parse with pyarrow when the file is plain UTF-8 with one record per line, else None.

    "One record per line" is checked, not assumed: when the file holds a quote
    (or has one column), its line count must equal the rows read plus the
    header, so a quoted line break or a blank line sends the file to
    :func:`read_raw`, which tracks lines itself; without a quote no value can
    hold a line break, and pyarrow refuses a blank line. So do
    the mistakes that it reports: a row with more cells than the header
    (pyarrow refuses it) and a quote never closed (pyarrow would end it at
    the end of the file, so the last line is checked).
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pcsv

    p = Path(path)
    try:
        if detect_encoding(p) != "utf-8-sig":
            return None
        table = pcsv.read_csv(
            p,
            read_options=pcsv.ReadOptions(
                skip_rows=1, autogenerate_column_names=True, block_size=1 << 24
            ),
            parse_options=pcsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=False, ignore_empty_lines=False
            ),
            convert_options=pcsv.ConvertOptions(
                column_types={f"f{i}": pa.string() for i in range(width)},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError, OSError):
        return None
    if table.num_columns != width:
        return None
    if (width == 1 or _holds_quote(p)) and _count_lines(p) != table.num_rows + 1:
        return None  # without a quote no value can hold a line break, and a blank line is
    # a row of one cell, which pyarrow refuses in a table of several columns
    if ends_in_quotes(_last_line(p).decode("utf-8", errors="replace"), delimiter):
        return None  # a quote never closed: read_raw says where
    columns = [table.column(i).combine_chunks() for i in range(width)]
    lines = np.arange(2, table.num_rows + 2, dtype=np.int64)
    return RawTable(columns, lines)


def _last_line(path: Path) -> bytes:
    r"""The file's last line (without the line break that ends it), read from the end.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = f.write_bytes(b"a,b\r\n1,2\r\n")
    >>> _last_line(f)
    b'1,2'
    """
    with path.open("rb") as handle:
        end = handle.seek(0, 2)
        tail = b""
        while end > 0:
            start = max(0, end - (1 << 16))
            handle.seek(start)
            tail = handle.read(end - start) + tail
            end = start
            body = tail.rstrip(b"\r\n")
            cut = max(body.rfind(b"\n"), body.rfind(b"\r"))
            if cut >= 0:
                return body[cut + 1 :]
        return tail.rstrip(b"\r\n")


def _holds_quote(path: Path) -> bool:
    r"""Whether the file holds a double quote anywhere (one fast scan, no line counted).

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = f.write_bytes(b'a,b\n1,"x"\n')
    >>> _holds_quote(f)
    True
    """
    with path.open("rb") as handle:
        while block := handle.read(1 << 22):
            if b'"' in block:
                return True
    return False


def _count_lines(path: Path) -> int:
    r"""Lines in the file as a CSV parser counts them: LF, CRLF or CR, and an unterminated last.

    Read in blocks; a CRLF split across two blocks is one line break.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = f.write_bytes(b"a\r\nb\rc\nd")
    >>> _count_lines(f)
    4
    """
    count = 0
    last = b"\n"
    with path.open("rb") as handle:
        while block := handle.read(1 << 22):
            count += block.count(b"\n")
            if b"\r" in block:  # most files have none: one scan, not three
                count += block.count(b"\r") - block.count(b"\r\n")
            if last == b"\r" and block[:1] == b"\n":
                count -= 1  # the CRLF was cut between two blocks
            last = block[-1:]
    return count + (last not in (b"\n", b"\r"))
