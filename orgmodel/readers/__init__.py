"""Readers: one module per source format, and the detection that picks one.

:func:`load_sources` takes files and folders (a folder is read recursively,
hidden files and READMEs skipped), detects each file's format from its
extension, header and content, and concatenates what they say into one
:class:`~orgmodel.records.OrgData`. ``fmt`` overrides detection.

Formats (:data:`FORMATS`): ``orgfile`` (native YAML/JSON), ``table`` (flat
CSV with a manager column), ``organogram`` (UK senior/junior CSV),
``posting`` (job postings: .txt, .md, .html, read by the extractor and
merged by :mod:`orgmodel.sources.resolve`), ``idparent`` (id/parentId CSV or JSON,
as d3-org-chart uses), ``parents_by_name`` (CSV whose parent column holds
names, several to a row), ``jsontree`` (JSON arrays with parent ids, SAM.gov
records, nested ``children`` trees), ``drawio`` (draw.io's CSV import
format), ``xlsx`` (spreadsheets), ``graphml``, ``gojs`` (saved GoJS models),
``balkan`` (OrgChart JS node arrays), ``googlechart`` (Google Charts
OrgChart tables) and ``parquet``.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "d3.csv").write_text("id,parentId,name\\n1,,Ana\\n2,1,Bo\\n")
>>> _ = (d / "tree.json").write_text('{"name": "CEO", "children": [{"name": "CTO"}]}')
>>> _ = (d / "org.json").write_text('{"organizations": []}')
>>> [detect_format(d / n) for n in ("d3.csv", "tree.json", "org.json")]
['idparent', 'jsontree', 'orgfile']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from importlib import import_module
from pathlib import Path
from typing import cast

from orgmodel.errors import SourceError, UsageError
from orgmodel.fileio import STDIO, read_text
from orgmodel.readers.csvfile import iter_rows, open_table, read_header
from orgmodel.readers.drawio import is_drawio
from orgmodel.readers.idparent import is_idparent_header
from orgmodel.readers.organogram import is_organogram, read_organogram
from orgmodel.readers.parents_by_name import looks_parented_by_name
from orgmodel.readers.snapshots import parse_spec, read_snapshot, several_snapshots_issue
from orgmodel.readers.strays import is_skipped
from orgmodel.readers.strays import skipped as stray
from orgmodel.readers.table import read_table
from orgmodel.records import OrgData

__all__ = [
    "FORMATS",
    "POSTING_SUFFIXES",
    "SKIP_NAMES",
    "detect_format",
    "expand_sources",
    "load_sources",
    "read_source",
    "unreadable",
]

FORMATS = (
    "orgfile", "table", "organogram", "posting", "idparent", "parents_by_name", "jsontree",
    "drawio", "xlsx", "graphml", "gojs", "balkan", "googlechart", "parquet",
)  # fmt: skip
POSTING_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".tsv")
ORGFILE_SUFFIXES = (".yaml", ".yml", ".json")
SHEET_SUFFIXES = (".xlsx", ".xlsm")
GRAPHML_SUFFIXES = (".graphml",)
PARQUET_SUFFIXES = (".parquet",)
_SNIFF_ROWS = 200
PEOPLE_TABLES = frozenset({"table", "idparent", "xlsx"})
READ_SUFFIXES = (
    ORGFILE_SUFFIXES
    + TABLE_SUFFIXES
    + POSTING_SUFFIXES
    + SHEET_SUFFIXES
    + GRAPHML_SUFFIXES
    + PARQUET_SUFFIXES
)
SKIP_NAMES = ("readme", "license", "changelog")
"""File stems never read from a folder: the notes people keep beside their data."""


def _reader(module: str, name: str) -> Callable[..., OrgData]:
    """A reader function, its module imported on first use (a CSV never pays for openpyxl)."""
    return cast(Callable[..., OrgData], getattr(import_module(f"orgmodel.readers.{module}"), name))


def _is_scenario(text: str) -> bool:
    from orgmodel.planning.scenario import is_scenario  # pydantic loads only when YAML is around

    return is_scenario(text)


def _leading_comments(path: Path, limit: int = 200) -> list[str]:
    """The file's first lines while they start with ``#`` (and the line after them)."""
    lines: list[str] = []
    with open_table(path) as handle:
        try:
            while len(lines) < limit and (line := handle.readline()):
                lines.append(line)
                if not line.lstrip("\ufeff").startswith("#"):
                    break
        except UnicodeDecodeError:
            pass  # the reader reports the undecodable byte with its line
    return lines


def _detect_table(path: Path) -> str:
    if is_drawio(_leading_comments(path)):
        return "drawio"
    header = read_header(path)
    if is_organogram(header):
        return "organogram"
    if is_idparent_header(header):
        return "idparent"
    with open_table(path) as handle:
        sample = []
        for _, row in iter_rows(handle, str(path)):
            sample.append(row)
            if len(sample) >= _SNIFF_ROWS:
                break
    return "parents_by_name" if looks_parented_by_name(header, sample) else "table"


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"\s*:?|[{}\[\]]')
"""A JSON string (with the colon after it, when it is a key) or a bracket."""


def _top_level_keys(head: str) -> set[str]:
    """The keys of a JSON object's top level, as far as ``head`` shows them.

    >>> sorted(_top_level_keys('{"before": "a.yaml", "summary": {"organizations": 1}, "n": 2}'))
    ['before', 'n', 'summary']
    >>> _top_level_keys('[{"organizations": []}]')
    set()
    """
    depth = 0
    keys: set[str] = set()
    for match in _JSON_TOKEN.finditer(head):
        token = match.group()
        if token in "{[":
            depth += 1
        elif token in "}]":
            depth -= 1
        elif depth == 1 and token.endswith(":"):
            keys.add(token[1 : token.rindex('"')])
    return keys


def _record_keys(head: str, records: int = 50) -> set[str]:
    """The keys of the first ``records`` objects in a JSON array (or the array under
    ``"nodes"``), as far as ``head`` shows them.

    >>> sorted(_record_keys('[{"id": 1, "tags": ["a"]}, {"id": 2, "pid": 1}]'))
    ['id', 'pid', 'tags']
    >>> sorted(_record_keys('{"nodes": [{"id": 1, "stpid": 2}]}'))
    ['id', 'stpid']
    """
    depth = 0
    base: int | None = None  # the depth of the records' keys
    seen = 0
    keys: set[str] = set()
    for match in _JSON_TOKEN.finditer(head):
        token = match.group()
        if token in "{[":
            depth += 1
            if token == "{" and base is None and depth >= 2:
                base = depth
        elif token in "}]":
            if base is not None and depth == base:
                seen += 1
                if seen >= records:
                    break
            depth -= 1
            if base is not None and depth < base - 1:
                break  # the array of records closed
        elif base is not None and depth == base and token.endswith(":"):
            keys.add(token[1 : token.rindex('"')])
    return keys


def _detect_json(path: Path) -> str:
    """Native org files are JSON objects with ``organizations`` (or ``orgmodel``) at the top
    level; saved GoJS models have ``nodeDataArray``, Google Charts tables ``cols`` and
    ``rows`` (or are arrays of rows), OrgChart JS nodes ``pid``/``stpid``; other JSON is a
    tree (or, met in a folder, skipped as a stray when it is none). A key deeper down
    (``"organizations"`` in a diff's summary) makes no org file."""
    with path.open("rb") as handle:
        head = handle.read(1 << 16).decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    keys = _top_level_keys(head) if head.startswith("{") else set()
    if keys & {"organizations", "orgmodel"}:
        return "orgfile"
    if "nodeDataArray" in keys:
        return "gojs"
    if {"cols", "rows"} <= keys or re.match(r"\[\s*\[", head):
        return "googlechart"
    if (not keys or "nodes" in keys) and {"pid", "stpid"} & _record_keys(head):
        return "balkan"
    return "jsontree"


def detect_format(path: Path) -> str | None:
    """The format of one file (or of the file of a ``PATH#SNAPSHOT``), or None when
    orgmodel does not read such files."""
    path = parse_spec(path).path
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _detect_json(path)
    if suffix in ORGFILE_SUFFIXES:
        return "orgfile"
    if suffix in TABLE_SUFFIXES:
        return _detect_table(path)
    if suffix in SHEET_SUFFIXES:
        return "xlsx"
    if suffix in GRAPHML_SUFFIXES:
        return "graphml"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    if suffix in POSTING_SUFFIXES:
        if suffix == ".txt" and path.is_file() and is_drawio(_leading_comments(path), prose=True):
            return "drawio"  # a posting is prose: only a real '# connect:' line makes a chart
        return "posting"
    return None


def expand_sources(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, plus every readable file inside the folders named (sorted).

    A file written ``PATH#SNAPSHOT`` (:mod:`orgmodel.readers.snapshots`) is
    kept as written, for :func:`read_source` to select its rows. Scenario
    files (:mod:`orgmodel.planning.scenario`) inside a folder are skipped: a folder
    of org data may keep its proposals beside it. A folder that holds no
    file orgmodel reads is an error that says so.
    """
    return [path for path, _ in _expand(paths)]


def _expand(paths: Iterable[str | Path]) -> list[tuple[Path, Path | None]]:
    """Each file to read, with the folder it was found in (None: named itself)."""
    out: list[tuple[Path, Path | None]] = []
    for raw in paths:
        path = Path(raw)
        if str(raw) == STDIO:
            if any(str(p) == STDIO for p, _ in out):
                raise UsageError("'-' (standard input) is named twice; it can be read once")
            out.append((path, None))
        elif path.is_dir():
            found = [(child, path) for child in _folder_files(path)]
            if not found:
                raise SourceError(
                    str(path), f"holds no file orgmodel reads ({' '.join(READ_SUFFIXES)})"
                )
            out.extend(found)
        elif path.exists() or parse_spec(raw).selects:
            out.append((path, None))
        else:
            raise SourceError(str(raw), "file or folder not found")
    return out


def _folder_files(folder: Path) -> list[Path]:
    out: list[Path] = []
    for child in sorted(folder.rglob("*")):
        rel = child.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not child.is_file():
            continue
        if child.stem.lower() in SKIP_NAMES:
            continue
        suffix = child.suffix.lower()
        if (
            suffix in ORGFILE_SUFFIXES
            and unreadable(child) is None
            and _is_scenario(read_text(child))
        ):
            continue  # a scenario of edits (orgmodel apply) describes no structure
        if suffix in READ_SUFFIXES:
            out.append(child)
    return out


def unreadable(path: Path) -> str | None:
    """Why a file cannot be read at all (empty, or refused by the system), else None.

    Such a file met in a folder is skipped with a note, as a stray is: an empty
    ``dependency_links.txt`` in an ``.egg-info`` must not stop the rest.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "b.csv").write_text("\\n  \\n")
    >>> unreadable(d / "b.csv"), unreadable(pathlib.Path("README.md"))
    ('the file is empty', None)
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 12)
    except IsADirectoryError:
        return "is a folder"
    except OSError as exc:
        return f"cannot be read: {exc.strerror}"
    if len(head) < 1 << 12 and not head.removeprefix(b"\xef\xbb\xbf").strip():
        return "the file is empty"
    return None


_ORGFILE_KEY = re.compile(r'^(?:organizations|orgmodel|"organizations"|"orgmodel")\s*:', re.M)
"""A top-level ``organizations:`` or ``orgmodel:`` key of a YAML org file (at a line's start)."""


def _read_orgfile(path: Path, *, in_folder: bool = False) -> OrgData:
    """Read an org file; a YAML file met in a folder that does not fit the schema and has
    no top-level ``organizations:`` or ``orgmodel:`` key (an ``mkdocs.yml``) is a stray,
    skipped with a note. One that has the key is an org file with a mistake: an error."""
    from orgmodel.orgfile.read import (
        parse_orgfile,  # pydantic loads on demand: a CSV never needs it
    )

    text = read_text(path)
    if _is_scenario(text):
        raise SourceError(
            str(path),
            "is a scenario (a list of edits), not an org structure",
            hint=f"apply it with 'orgmodel apply BASE {path}' or 'orgmodel diff BASE {path}'",
        )
    try:
        return parse_orgfile(text, str(path))
    except SourceError:
        if not in_folder or path.suffix.lower() == ".json" or _ORGFILE_KEY.search(text):
            raise  # (JSON reaches here only with the key at its top level)
    return stray(str(path), "not an org file: no top-level 'organizations:' key")


def read_source(
    path: Path,
    fmt: str | None = None,
    mapping: Mapping[str, str] | None = None,
    *,
    in_folder: bool = False,
) -> OrgData:
    """Read one file in the given or detected format (one snapshot of it for ``PATH#LABEL``).

    A table read whole although it holds several snapshots gets a
    ``several-snapshots`` issue saying how to read one. A file met in a
    folder (``in_folder``) that is no org data -- JSON that is no org tree,
    a text that states no title and no reporting line -- gives only a
    note that it was skipped (:mod:`orgmodel.readers.strays`); named
    itself, it is an error (JSON) or an untitled posting (text). So is a
    file that is empty or cannot be opened (:func:`unreadable`): skipped
    with a note in a folder, an error when named.
    """
    if str(path) == STDIO:
        from orgmodel.readers.stdin import read_piped

        return read_piped(fmt, lambda spooled: read_source(spooled, fmt, mapping))
    spec = parse_spec(path)
    if in_folder and (why := unreadable(spec.path)) is not None:
        return stray(str(spec.path), why)
    kind = fmt or detect_format(spec.path)
    readers: dict[str, Callable[[Path], OrgData]] = {
        "orgfile": lambda p: _read_orgfile(p, in_folder=in_folder),
        "table": lambda p: read_table(p, mapping),
        "organogram": read_organogram,
        "posting": lambda p: _reader("postings", "read_posting_file")(p, in_folder=in_folder),
        "idparent": lambda p: _reader("idparent", "read_idparent")(p, mapping),
        "parents_by_name": lambda p: _reader("parents_by_name", "read_parents_by_name")(p, mapping),
        "jsontree": lambda p: _reader("jsontree", "read_jsontree")(p, mapping, in_folder=in_folder),
        "drawio": lambda p: _reader("drawio", "read_drawio")(p, mapping),
        "xlsx": lambda p: _reader("xlsx", "read_xlsx")(p, mapping),
        "graphml": lambda p: _reader("graphml", "read_graphml")(p, mapping),
        "gojs": lambda p: _reader("gojs", "read_gojs")(p, mapping),
        "balkan": lambda p: _reader("balkan", "read_balkan")(p, mapping),
        "googlechart": lambda p: _reader("googlechart", "read_googlechart")(p, mapping),
        "parquet": lambda p: _reader("parquet", "read_parquet")(p, mapping),
    }
    if kind is None:
        raise SourceError(
            str(spec.path),
            f"unknown kind of file {spec.path.suffix!r}",
            hint="orgmodel reads .yaml/.json org files and JSON trees, .csv tables, .xlsx "
            "sheets, .graphml graphs and .txt/.md/.html postings",
        )
    if kind not in readers:
        raise UsageError(f"unknown format {kind!r}; formats are {', '.join(FORMATS)}")
    data = read_snapshot(spec, readers[kind])
    if not spec.selects and (issue := several_snapshots_issue(spec.path)) is not None:
        data.issues.append(issue)
    if kind in PEOPLE_TABLES:
        from orgmodel.readers.people import natural_order

        natural_order(data)  # "Smith, John" holders, "John Smith" managers (HRIS exports)
    return data


def load_sources(
    paths: Iterable[str | Path],
    fmt: str | None = None,
    mapping: Mapping[str, str] | None = None,
) -> OrgData:
    """Read and combine every source; raise :class:`SourceError` on the first bad file.

    A folder whose files were all skipped (:mod:`orgmodel.readers.strays`)
    is an error: it holds no file orgmodel reads as org data.
    """
    files = _expand(paths)
    if not files:
        raise UsageError("no sources: name files or folders with -s, or list them in orgmodel.toml")
    data = OrgData()
    notes: dict[Path, list[str]] = {}  # folder -> what was skipped in it
    read: set[Path] = set()  # folders something was read from
    for path, folder in files:
        part = read_source(path, fmt, mapping, in_folder=folder is not None)
        if folder is not None and is_skipped(part):
            notes.setdefault(folder, []).append(f"{path.name} ({part.issues[0].message})")
        elif folder is not None:
            read.add(folder)
        data.extend(part)
    for folder, skipped in notes.items():
        if folder not in read:
            raise SourceError(
                str(folder),
                f"holds no file orgmodel reads as org data: {'; '.join(skipped[:5])}"
                + (f"; and {len(skipped) - 5} more" if len(skipped) > 5 else ""),
            )
    return data
