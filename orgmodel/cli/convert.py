"""``orgmodel convert``: read any sources, write one file in another format."""

# Annotations are evaluated here (no ``from __future__ import annotations``):
# typer reads them, and with_sources rebuilds the signature from them.

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from orgmodel.cli.app import app
from orgmodel.cli.options import SourceOptions, err, status_console, warn, with_sources
from orgmodel.cli.progress import spinner
from orgmodel.config import find_settings
from orgmodel.errors import UsageError
from orgmodel.fileio import is_stdio, output_name
from orgmodel.writers import WRITERS
from orgmodel.writers.orgrdf import DEFAULT_BASE

__all__ = ["convert"]

OutputFormat = StrEnum("OutputFormat", {name: name for name in WRITERS})  # type: ignore[misc]


@app.command()
@with_sources
def convert(
    src: SourceOptions,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write; '-' for standard output.")
    ],
    to: Annotated[
        OutputFormat | None,
        typer.Option("--to", help="Output format (default: from -o's ending).", show_default=False),
    ] = None,
    base: Annotated[
        str, typer.Option("--base", help="IRI prefix for Turtle/JSON-LD resources.")
    ] = DEFAULT_BASE,
    map_file: Annotated[
        Path | None,
        typer.Option("--map-file", help="Read the column mapping from a TOML [map] table."),
    ] = None,
    save_map: Annotated[
        Path | None,
        typer.Option("--save-map", help="Save the column mapping used, for --map-file next time."),
    ] = None,
) -> None:
    """Convert the sources to another format; say on stderr what the format cannot hold.

    Formats by ending: .yaml .json (org file), .csv (Visio, OrgChart Now), .graphml (yEd,
    Gephi), .d3.json (d3-org-chart), .gojs.json and .gojs-tree.json (GoJS GraphLinksModel,
    TreeModel), .ttl and .jsonld (W3C ORG), .popolo.json (Popolo).

    Example: [bold]orgmodel convert -s hr.csv --map id=EmpID,manager=ManagerName -o org.graphml[/]
    """
    from orgmodel.cli.present import load_warnings
    from orgmodel.fileio import atomic_write
    from orgmodel.readers.mapfile import dump_map, effective_mapping, read_map
    from orgmodel.readers.table import parse_mapping
    from orgmodel.writers.convert import convert as convert_sources

    if save_map is not None and is_stdio(save_map) and is_stdio(output):
        raise UsageError("-o - and --save-map - both write to standard output: name a file")
    settings = find_settings()
    given = {**(read_map(map_file) if map_file else {}), **parse_mapping(src.map or "")}
    mapping = settings.mapping_for(given)  # orgmodel.toml's [map], then --map-file, then --map
    with spinner(err, f"converting to {output_name(output)}"):
        result = convert_sources(
            src.paths(),
            output,
            to=None if to is None else str(to),
            fmt=None if src.input_format is None else str(src.input_format),
            mapping=mapping or None,
            settings=settings,
            base=base,
        )
    if not src.quiet:
        for line in load_warnings(result.graph):
            warn(line)
    for line in result.lost:
        warn(f"{result.format}: {line}")
    if save_map:
        used, source = effective_mapping(
            settings.sources_for(src.paths()),
            None if src.input_format is None else str(src.input_format),
            mapping or None,
        )
        atomic_write(save_map, dump_map(used))
        status_console(save_map, output).print(
            f"saved the column mapping of {escape(source or 'the sources')} "
            f"to {escape(output_name(save_map))}"
        )
    g = result.graph
    counts = ", ".join(
        f"{n} {word}{'' if n == 1 else 's'}"
        for n, word in (
            (g.post_count, "post"),
            (len(g.units), "unit"),
            (len(g.orgs), "organization"),
        )
    )
    status_console(save_map, output).print(
        f"wrote {escape(output_name(result.output))} ({result.format}): {counts}"
    )
