"""Commands that read job postings: ``extract`` (one record per file) and ``ingest`` (one org)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from orgmodel.cli.app import app
from orgmodel.cli.options import Fmt, Format, emit_json, err, out, status_console, warn
from orgmodel.errors import OrgModelError

__all__ = ["extract", "ingest"]


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Posting files (.txt, .md, .html).")],
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Show every candidate line, kept or not, with the rule and cue that proposed "
            "it, its confidence and the features that weighed most.",
        ),
    ] = False,
    format: Format = Fmt.text,
) -> None:
    """Read postings: title, organization, reporting lines, supervision, with evidence.

    Every line carries a confidence (0-1); lines under 0.6 are flagged "to review".

    Example: [bold]orgmodel extract data/postings/hps-chief-operating-officer.md --explain[/]
    """
    from orgmodel.cli.present import explanation_text, extraction_text
    from orgmodel.extract import extract_file
    from orgmodel.extract.explain import explain_file

    results: list[Any] = []
    failed = 0
    for path in files:
        try:
            results.append(explain_file(str(path)) if explain else extract_file(path))
        except OrgModelError as exc:
            failed += 1
            err.print(f"[red]error:[/] {escape(str(exc))}", markup=True)
    if format is Fmt.json:
        emit_json([r.to_dict() for r in results])
    else:
        for r in results:
            out.print(explanation_text(r) if explain else extraction_text(r))
    if failed:
        raise typer.Exit(2)


class _Bar:
    """The ingest progress bar on stderr; a skipped file is reported above it as it happens."""

    def __init__(self, console: Console, bar: Any) -> None:
        self.console = console
        self.bar = bar
        self.task = bar.add_task("postings", total=None)

    def start(self, total: int) -> None:
        self.bar.update(self.task, total=total)

    def done(self, path: str, reason: str | None) -> None:
        if reason is not None:
            self.console.print(f"[red]error:[/] {escape(path)}: {escape(reason)} (skipped)")
        self.bar.advance(self.task)


@contextmanager
def _progress(enabled: bool) -> Iterator[_Bar]:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, disable=not enabled, transient=True) as bar:
        yield _Bar(err, bar)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Folders of postings, or posting files.")],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Org file to write (.yaml, .yml or .json; '-': YAML to standard output).",
        ),
    ],
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Extract in N processes (0: one per core).")
    ] = 1,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no extraction warnings.")
    ] = False,
    format: Format = Fmt.text,
) -> None:
    """Read every posting under the folders and write the org structure they describe.

    One post per (organization, role) across all postings; superiors no posting
    describes become inferred posts. A file that cannot be read is reported and
    skipped, the others are still written, and the exit code is 2.

    Example: [bold]orgmodel ingest data/postings -o out/postings.yaml --jobs 2[/]
    """
    from orgmodel.cli.present import ingest_text, issue_lines
    from orgmodel.fileio import is_stdio, output_name
    from orgmodel.orgfile.write import orgfile_format, write_orgfile
    from orgmodel.sources.ingest import ingest as ingest_postings

    orgfile_format(output)  # an output that cannot be an org file is refused before the work
    with _progress(enabled=not quiet and err.is_terminal) as bar:
        result = ingest_postings(paths, jobs=jobs, progress=bar)
    write_orgfile(result.data, output)
    summary = {**result.summary(), "output": output_name(output)}
    if not quiet:
        for line in issue_lines(result.data.issues):
            warn(line)
    if format is Fmt.json and is_stdio(output):
        err.print_json(data=summary)
    elif format is Fmt.json:
        emit_json(summary)
    else:
        status_console(output).print(ingest_text(summary))
    if result.skipped:
        raise typer.Exit(2)
