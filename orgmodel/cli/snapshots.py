"""``orgmodel snapshots FILE``: the dates a time-series table holds, to read one as FILE#LABEL."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import JustifyMethod
from rich.table import Table
from rich.text import Text

from orgmodel.cli.app import app
from orgmodel.cli.options import Fmt, Format, emit_json, out, uncropped

__all__ = ["snapshots"]


@app.command()
def snapshots(
    file: Annotated[Path, typer.Argument(help="A CSV file with a snapshot (date) column.")],
    column: Annotated[
        str | None,
        typer.Option(help="The column holding each row's snapshot (default: recognised by name)."),
    ] = None,
    format: Format = Fmt.text,
) -> None:
    """List the snapshots a file holds (rows and lines of each), in series order.

    Read one with [bold]-s FILE#LABEL[/] (or FILE#COLUMN=LABEL; FILE#LABEL@N for
    the N-th run of rows of a snapshot given twice); compare each with the next
    with [bold]orgmodel diff --series FILE[/].

    Example: [bold]orgmodel snapshots dft.csv[/]
    """
    from orgmodel.readers.snapshots import list_snapshots

    table = list_snapshots(file, column)
    if format is Fmt.json:
        emit_json(
            {
                "file": str(file),
                "column": table.column,
                "order": "date" if table.by_date else "file",
                "snapshots": [
                    {"label": s.label, "rows": s.rows, "lines": [list(r) for r in s.runs]}
                    for s in table.snapshots
                ],
            }
        )
        return
    order = "date order" if table.by_date else "the order of the file"
    out.print(Text(f"{len(table.snapshots)} snapshot(s) in column '{table.column}', in {order}"))
    grid = Table(box=None, pad_edge=False)
    justify: tuple[JustifyMethod, ...] = ("left", "right", "left")
    for name, how in zip(("snapshot", "rows", "lines"), justify, strict=True):
        grid.add_column(name, justify=how)
    for s in table.snapshots:
        runs = f"  ({len(s.runs)} runs: read one as #{s.label}@N)" if len(s.runs) > 1 else ""
        grid.add_row(Text(s.label or "(no label)"), f"{s.rows:,}", Text(s.lines() + runs))
    uncropped().print(grid)
