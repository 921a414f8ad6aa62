"""Spreadsheets (``.xlsx``): the first sheet with a header, read as the CSV reader reads a table.

People keep org lists in Excel as often as in CSV; the columns mean the
same (:data:`FIELDS <orgmodel.readers.table.FIELDS>`, ``--map`` works the
same). openpyxl streams the sheet in read-only mode, so a large workbook
does not sit in memory twice. Cells keep their value: whole numbers read as
``12`` not ``12.0``, dates as ISO dates. Leading empty rows are skipped; the
first row with any text is the header. Provenance is ``file.xlsx:ROW``, the
row number Excel shows.

>>> cell_text(12.0), cell_text(None), cell_text("  Director ")
('12', '', '  Director ')
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Mapping
from importlib import import_module
from pathlib import Path
from typing import Any, cast
from xml.etree import ElementTree

from orgmodel.errors import SourceError
from orgmodel.readers.rows import RecordBuilder
from orgmodel.readers.table import mapping_for
from orgmodel.records import OrgData, Prov

__all__ = ["cell_text", "read_xlsx"]


def cell_text(value: Any) -> str:
    """A cell's value as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value)


def _broken() -> tuple[type[BaseException], ...]:
    """What openpyxl raises on a file that is no workbook, or a workbook broken inside:
    not a zip, a part missing from it, XML that does not parse (ElementTree's error, or
    lxml's when openpyxl uses lxml)."""
    from openpyxl.utils.exceptions import InvalidFileException

    broken: tuple[type[BaseException], ...] = (
        InvalidFileException, zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError,
        ElementTree.ParseError,
    )  # fmt: skip
    try:
        lxml = import_module("lxml.etree")  # openpyxl parses with lxml when it is installed
    except ImportError:
        return broken
    return (*broken, cast(type[BaseException], lxml.XMLSyntaxError))


def read_xlsx(path: str | Path, mapping: Mapping[str, str] | None = None) -> OrgData:
    """Read the first sheet that has a header row.

    The file is handed to openpyxl open, so its name does not matter (``--input-format
    xlsx`` on a workbook saved as ``.dat``); a file that is no workbook, or a workbook
    broken inside, is an error naming the file and what was expected, not a traceback.
    """
    import openpyxl  # loaded only when a workbook is read

    name = str(path)
    broken = _broken()

    def refused(exc: BaseException) -> SourceError:
        detail = str(exc).strip("'\"") or type(exc).__name__
        if not isinstance(exc, zipfile.BadZipFile | KeyError | OSError | EOFError):
            detail = f"an XML part inside it does not parse ({detail})"
        return SourceError(
            name,
            f"is not a readable .xlsx workbook: {detail}",
            hint="orgmodel reads .xlsx/.xlsm workbooks saved by Excel, LibreOffice or "
            "Google Sheets; for other files drop --input-format xlsx",
        )

    try:
        with Path(path).open("rb") as handle:
            try:
                book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
            except broken as exc:
                raise refused(exc) from None
            try:
                return _first_sheet(book, name, mapping)
            except broken as exc:
                raise refused(exc) from None
            finally:
                book.close()
    except FileNotFoundError:
        raise SourceError(name, "file not found") from None
    except OSError as exc:
        raise SourceError(name, f"cannot be read: {exc.strerror or exc}") from None


def _first_sheet(book: Any, name: str, mapping: Mapping[str, str] | None) -> OrgData:
    for sheet in book.worksheets:
        header: list[str] | None = None
        builder = RecordBuilder(name)
        cols: dict[str, int] = {}
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            row = [cell_text(v) for v in values]
            if not any(c.strip() for c in row):
                continue
            if header is None:
                header = row
                cols = mapping_for(header, mapping, f"{name} (sheet {sheet.title!r})")
                continue
            builder.mapped_row(row, cols, header, number, prov=Prov(name, number))
        if header is not None:
            if not builder.data.posts:
                raise builder.no_rows_error()
            return builder.finish("rows")
    raise SourceError(name, "has no sheet with a header row")
