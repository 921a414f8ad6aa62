"""Write the native org file: the short, hand-written style where a fact has no source.

Saving writes ``reports_to: hps-supt`` wherever a fact has no provenance of
its own, and the long form with ``source:`` where it does (facts taken from
postings or CSV rows), so that load -> save -> load loses nothing
(:mod:`orgmodel.orgfile.document` arranges the records). Files of many
posts are written one post to a line (:mod:`orgmodel.orgfile.compact`).

>>> from orgmodel.records import OrgData, OrgRecord, PostRecord
>>> print(dump_orgfile(OrgData(organizations=[OrgRecord("c", "City")],
...                            posts=[PostRecord("mayor", "Mayor", "c")])), end="")
orgmodel: 1
organizations:
- id: c
  name: City
  posts:
  - id: mayor
    title: Mayor
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from orgmodel.errors import UsageError
from orgmodel.fileio import atomic_write, is_stdio
from orgmodel.orgfile.compact import (
    COMPACT_FROM,
    dump_compact,
    yaml_dumper,
)
from orgmodel.orgfile.document import NATIVE_SUFFIXES, org_document
from orgmodel.orgfile.schema import (
    OrgFile,
)
from orgmodel.records import (
    OrgData,
)

__all__ = ["dump_orgfile", "orgfile_format", "to_orgfile", "write_orgfile"]


def to_orgfile(data: OrgData) -> OrgFile:
    """Arrange records as an :class:`OrgFile`: posts and units under their organization."""
    return OrgFile.model_validate(org_document(data))


def dump_orgfile(data: OrgData, fmt: str = "yaml", folder: str | Path | None = None) -> str:
    """The org file as text, ``fmt`` ``"yaml"`` or ``"json"``, defaults left out.

    ``folder`` is where the file will be saved: source files named in it are
    then written relative to it, as a hand-written org file names them (see
    :func:`_source_beside`), so the file reads the same from wherever it is
    used. Without it they are written as held (relative to the working folder).
    From :data:`~orgmodel.orgfile.compact.COMPACT_FROM` posts on, each post and unit is
    written on one line (:mod:`orgmodel.orgfile.compact`), which loads in bulk.
    """
    if data.post_count + len(data.units) >= COMPACT_FROM:
        return dump_compact(org_document(data, folder, encoded=True), fmt)
    doc = org_document(data, folder)
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
