"""Comparing structures: ``orgmodel diff`` and ``orgmodel apply``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.text import Text

from orgmodel.cli.app import app
from orgmodel.cli.options import (
    ColumnMap,
    Fmt,
    Format,
    InputFormat,
    NoCache,
    Quiet,
    SourceOptions,
    emit_json,
    err,
    out,
    write_out,
)
from orgmodel.config import find_settings
from orgmodel.errors import UsageError
from orgmodel.fileio import is_stdio
from orgmodel.render.options import DEFAULT_MAX_POSTS

# The library is imported inside each command: every orgmodel command loads this
# module, and only diff and apply need the diff engine, the scenario schema and
# the validator.

__all__ = ["apply", "diff"]


class DiffFmt(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    scenario = "scenario"


@app.command()
def diff(
    before: Annotated[
        Path | None,
        typer.Argument(help="The structure before: a file or folder (FILE#SNAPSHOT: one date)."),
    ] = None,
    after: Annotated[
        Path | None,
        typer.Argument(help="The structure after (file or folder), or a scenario file."),
    ] = None,
    format: Annotated[
        DiffFmt,
        typer.Option("--format", "-f", help="text, json (for scripts), md, or scenario (edits)."),
    ] = DiffFmt.text,
    chart: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Also draw the combined chart: .svg, .png, .pdf, .dot."
        ),
    ] = None,
    changed_only: Annotated[
        bool, typer.Option("--changed-only", help="Chart only changed posts and their chains.")
    ] = False,
    max_posts: Annotated[
        int,
        typer.Option(
            min=1,
            help="Chart: posts drawn, changed ones and their chains first, before the rest "
            "fold into '+N more'.",
        ),
    ] = DEFAULT_MAX_POSTS,
    mapping: Annotated[
        Path | None,
        typer.Option("--mapping", help="YAML file of 'before-id: after-id' matches to force."),
    ] = None,
    limit: Annotated[
        int, typer.Option(min=1, help="Most changes listed per kind (text, md).")
    ] = 50,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when there are changes (like git diff).")
    ] = False,
    series: Annotated[
        Path | None,
        typer.Option(
            "--series",
            help="A file holding several snapshots: diff each with the next (no BEFORE/AFTER).",
        ),
    ] = None,
    snapshot_column: Annotated[
        str | None,
        typer.Option(help="With --series: the column holding each row's snapshot."),
    ] = None,
    input_format: InputFormat = None,
    map: ColumnMap = None,
    quiet: Quiet = False,
    no_cache: NoCache = False,
) -> None:
    """Compare two structures: what was added, removed, moved, retitled; metrics side by side.

    A file holding several dates is read one date at a time as FILE#SNAPSHOT
    (list them with [bold]orgmodel snapshots FILE[/]); --series FILE diffs each
    snapshot with the next.

    Example: [bold]orgmodel diff org-2024.csv org-2025.csv --format md -o changes.svg[/]
    """
    from orgmodel.diff.changes import compare
    from orgmodel.diff.chart import write_chart
    from orgmodel.diff.invert import scenario_yaml
    from orgmodel.diff.match import read_mapping
    from orgmodel.diff.report import Sides, to_json, to_markdown, to_text
    from orgmodel.planning.proposal import diff_sides

    src = SourceOptions(None, input_format, map, quiet, no_cache)
    if series is not None:
        if before is not None or after is not None:
            raise UsageError("give either BEFORE and AFTER, or --series FILE, not both")
        _series(src, series, snapshot_column, format, chart, limit, exit_code)
        return
    if before is None or after is None:
        raise UsageError("give BEFORE and AFTER (or --series FILE)")
    if chart is not None and is_stdio(chart):
        raise UsageError(
            f"-o {chart}: the report goes to standard output; write the chart to a file"
        )
    if snapshot_column is not None:
        raise UsageError(
            "--snapshot-column goes with --series; for one pair write FILE#COLUMN=LABEL"
        )
    old, new, scenario = diff_sides(
        str(before), str(after), lambda p: src.data([p]), lambda p: src.graph([p])
    )
    forced = read_mapping(mapping) if mapping else None
    result = compare(old, new, forced, mapping_path=str(mapping))
    name = (scenario.name or str(after)) if scenario else None
    sides = Sides(str(before), str(after), name)
    if chart is not None:
        title = f"{before} → {name or after}"
        write_chart(result, chart, changed_only=changed_only, max_posts=max_posts, title=title)
    if format is DiffFmt.json:
        emit_json(to_json(result, sides))
    elif format is DiffFmt.md:
        write_out(to_markdown(result, sides, limit))
    elif format is DiffFmt.scenario:
        write_out(scenario_yaml(result, f"{before} -> {after}"))
    else:
        out.print(to_text(result, sides, limit))
    if chart is not None:
        err.print(f"chart written to {escape(str(chart))}")
    if exit_code and result:
        raise typer.Exit(1)


def _series(
    src: SourceOptions,
    path: Path,
    column: str | None,
    format: DiffFmt,
    chart: Path | None,
    limit: int,
    exit_code: bool,
) -> None:
    from orgmodel.diff.series import diff_series, series_json, series_markdown, series_text

    if chart is not None:
        raise UsageError(
            "a chart shows one pair: orgmodel diff FILE#BEFORE FILE#AFTER -o chart.svg"
        )
    if format is DiffFmt.scenario:
        raise UsageError("--format scenario shows one pair: orgmodel diff FILE#BEFORE FILE#AFTER")
    result = diff_series(path, column, load=lambda spec: src.graph([spec]))
    if format is DiffFmt.json:
        emit_json(series_json(result))
    elif format is DiffFmt.md:
        write_out(series_markdown(result, limit))
    else:
        out.print(series_text(result, limit))
    if exit_code and any(step.diff for step in result.steps):
        raise typer.Exit(1)


@app.command()
def apply(
    base: Annotated[Path, typer.Argument(help="The current structure: a file or folder.")],
    scenario: Annotated[Path, typer.Argument(help="The scenario file of edits.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the proposed org file here (.yaml or .json; '-': print it, as without -o).",
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Refuse (exit 1, nothing written) when the proposal brings an error or a warning.",
        ),
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            help="TOML file with the \\[validate] settings (default: ./orgmodel.toml).",
            dir_okay=False,
        ),
    ] = None,
    format: Format = Fmt.text,
    input_format: InputFormat = None,
    map: ColumnMap = None,
    quiet: Quiet = False,
) -> None:
    """Apply a scenario's edits to a structure, validate the result, write the proposed org file.

    The proposal is validated with the rules of [bold]orgmodel validate[/]; the
    problems it brings (not those the base already had) are printed on stderr.
    Exit code 1 when it brings an error -- the file is still written, for review
    -- and, with --strict, when it brings an error or a warning, then nothing is
    written. A reporting cycle is always refused (exit 2).

    Example: [bold]orgmodel apply org.yaml plan.yaml -o proposed.yaml[/]
    """
    from orgmodel.orgfile.write import dump_orgfile, orgfile_format, write_orgfile
    from orgmodel.planning.proposal import propose
    from orgmodel.planning.scenario import read_scenario
    from orgmodel.rules.config import ValidateConfig
    from orgmodel.sources.output_guard import refuse_overwriting

    src = SourceOptions(None, input_format, map, quiet)
    if output is not None and is_stdio(output):
        output = None  # the proposal is printed, as without -o
    cfg = ValidateConfig.from_settings(find_settings(config))
    cfg.rules()  # an unknown rule in the config is a usage error before anything is read
    if output is not None:
        orgfile_format(output)  # and so is an output that cannot be an org file
        why = "apply would replace what it reads with the proposal"
        refuse_overwriting(output, [base], role="the BASE", why=why)
        refuse_overwriting(output, [scenario], role="the SCENARIO", why=why)
    plan = read_scenario(scenario)
    proposal = propose(src.data([str(base)]), plan, cfg, base_name=str(base))
    refused = proposal.refused(strict)
    if refused:
        pass  # nothing is written; the findings below say why
    elif output is None:  # the proposal itself goes to stdout; what was found, to stderr
        write_out(dump_orgfile(proposal.data, "json" if format is Fmt.json else "yaml"))
    else:
        write_orgfile(proposal.data, output)
    if format is Fmt.json and (output is not None or refused):
        emit_json(proposal.to_dict(output, strict))
        raise typer.Exit(proposal.exit_code(strict))
    if output is not None and not refused:
        out.print(
            f"applied {len(plan.edits)} edit(s) of {escape(str(scenario))} to "
            f"{escape(str(base))}: wrote {escape(str(output))} "
            f"({proposal.data.post_count} posts, {len(proposal.data.units)} units)"
        )
    for finding in proposal.review.new:
        err.print(Text.assemble(finding.to_text()))
    if not quiet or proposal.review.new:
        err.print(f"validation: {escape(proposal.review.summary())}")
    if refused:
        err.print("[red]refused:[/] the proposal brings problems (--strict); nothing written")
    raise typer.Exit(proposal.exit_code(strict))
