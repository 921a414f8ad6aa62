"""Commands that read job postings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from orgmodel.cli.app import app
from orgmodel.cli.options import Fmt, Format, emit_json, err, out
from orgmodel.errors import OrgModelError
from orgmodel.present import extraction_text

__all__ = ["extract"]


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Posting files (.txt, .md, .html).")],
    format: Format = Fmt.text,
) -> None:
    """Read postings: title, organization, reporting lines, supervision, with evidence.

    Example: [bold]orgmodel extract data/postings/hps-chief-operating-officer.md --format json[/]
    """
    from orgmodel.extract import extract_file

    results, failed = [], 0
    for path in files:
        try:
            results.append(extract_file(path))
        except OrgModelError as exc:
            failed += 1
            err.print(f"[red]error:[/] {escape(str(exc))}", markup=True)
    if format is Fmt.json:
        emit_json([r.to_dict() for r in results])
    else:
        for r in results:
            out.print(extraction_text(r))
    if failed:
        raise typer.Exit(2)
