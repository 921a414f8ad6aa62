"""Column mappings saved to a file and read back: the ``[map]`` table of ``orgmodel.toml``.

Once a mapping works (``--map id=EmpID,manager=ManagerName``), ``orgmodel
convert --save-map hr.toml`` writes every column the reader used -- the ones
named and the ones it recognised itself -- so the next export of the same
system reads the same way with ``--map-file hr.toml``, or by pasting the
table into ``orgmodel.toml``. Reading uses :func:`orgmodel.config.find_settings`,
so a map file is an ordinary config file with only a ``[map]`` table.

>>> print(dump_map({"id": "EmpID", "manager": "ManagerName"}), end="")
# Column mapping for orgmodel: --map-file FILE, or paste into orgmodel.toml
[map]
id = "EmpID"
manager = "ManagerName"
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "hr.toml"
>>> _ = p.write_text(dump_map({"id": "EmpID"}))
>>> read_map(p)
{'id': 'EmpID'}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from orgmodel.config import find_settings
from orgmodel.errors import SourceError
from orgmodel.readers import detect_format, expand_sources
from orgmodel.readers.csvfile import read_header
from orgmodel.readers.snapshots import parse_spec
from orgmodel.readers.table import FIELDS, mapping_for

__all__ = ["MAPPED_FORMATS", "dump_map", "effective_mapping", "read_map"]

MAPPED_FORMATS = frozenset({"table", "idparent", "parents_by_name"})
"""CSV formats whose columns are matched by name (and so can be mapped)."""


def dump_map(mapping: Mapping[str, str]) -> str:
    """A TOML ``[map]`` table (JSON string escapes are valid TOML basic strings)."""
    lines = ["# Column mapping for orgmodel: --map-file FILE, or paste into orgmodel.toml", "[map]"]
    lines += [
        f"{field} = {json.dumps(column, ensure_ascii=False)}" for field, column in mapping.items()
    ]
    return "\n".join(lines) + "\n"


def read_map(path: Path) -> dict[str, str]:
    """The ``[map]`` table of a TOML file, checked against the known fields."""
    mapping = find_settings(path).mapping
    unknown = [f for f in mapping if f not in FIELDS]
    if unknown:
        raise SourceError(
            str(path), f"unknown field {unknown[0]!r} in [map]; fields are {', '.join(FIELDS)}"
        )
    return mapping


def effective_mapping(
    sources: Iterable[str | Path], fmt: str | None, explicit: Mapping[str, str] | None
) -> tuple[dict[str, str], str | None]:
    """The columns the first mapped CSV source is read with, and that source's name."""
    for path in expand_sources(sources):
        kind = fmt or detect_format(path)
        if kind in MAPPED_FORMATS:
            header = read_header(parse_spec(path).path)  # FILE#SNAPSHOT: the file's header
            cols = mapping_for(header, explicit, str(path))
            return {f: header[i].strip() for f, i in cols.items()}, str(path)
    return dict(explicit or {}), None
