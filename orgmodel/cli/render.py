"""Org charts: ``orgmodel render``."""

from __future__ import annotations

import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.text import Text

from orgmodel.cli.app import app
from orgmodel.cli.options import SourceOptions, status_console, with_sources
from orgmodel.fileio import output_name
from orgmodel.render.engine import FORMATS
from orgmodel.render.options import DEFAULT_MAX_POSTS, HTML_MAX_POSTS
from orgmodel.render.themes import THEMES

__all__ = ["render"]

# choices typer lists in --help and completes in a shell
ChartFormat = StrEnum("ChartFormat", {f: f for f in dict.fromkeys(FORMATS.values())})  # type: ignore[misc]
Direction = StrEnum("Direction", {"TB": "TB", "LR": "LR"})
ThemeName = StrEnum("ThemeName", {name: name for name in THEMES})  # type: ignore[misc]
DEFAULT_THEME = ThemeName("default")


def _default_budget(fmt: str) -> int:
    """Posts a chart holds unless --max-posts says: a page's worth, or 50,000 in HTML."""
    return HTML_MAX_POSTS if fmt == "html" else DEFAULT_MAX_POSTS


@app.command()
@with_sources
def render(
    src: SourceOptions,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Chart file; the format is its extension: .svg .png .pdf .dot .mmd, "
            "or .html for an interactive chart in one file ('-': standard output, with --to).",
        ),
    ],
    to: Annotated[
        ChartFormat | None,
        typer.Option("--to", help="The format, whatever -o's ending (needed for -o -)."),
    ] = None,
    root: Annotated[str | None, typer.Option(help="Chart the posts under this post.")] = None,
    depth: Annotated[int | None, typer.Option(min=0, help="Levels below the top.")] = None,
    org: Annotated[str | None, typer.Option(help="Only this organization.")] = None,
    highlight: Annotated[
        str | None, typer.Option(help="Draw out this post's chain of command.")
    ] = None,
    direction: Annotated[
        Direction, typer.Option(case_sensitive=False, help="Top-down or left-right.")
    ] = Direction.TB,
    max_posts: Annotated[
        int | None,
        typer.Option(
            min=1,
            help=f"Posts drawn before teams fold into '+N more' (default {DEFAULT_MAX_POSTS}; "
            f"{HTML_MAX_POSTS:,} in an .html chart, which opens only the teams a reader opens).",
            show_default=False,
        ),
    ] = None,
    title: Annotated[str | None, typer.Option(help="Chart title.")] = None,
    date: Annotated[str | None, typer.Option(help="Date under the title (default: today).")] = None,
    no_date: Annotated[bool, typer.Option("--no-date", help="Leave the date off.")] = False,
    theme: Annotated[ThemeName, typer.Option(help="Look of the chart.")] = DEFAULT_THEME,
    assistants: Annotated[
        bool,
        typer.Option(
            "--assistants",
            help="Draw assistant posts (an 'assistant' attribute, or a title such as "
            "'Executive Assistant to ...') beside their principal, not in the team.",
        ),
    ] = False,
    assistant_pattern: Annotated[
        str | None,
        typer.Option(help="Regular expression for assistant titles (replaces the default)."),
    ] = None,
) -> None:
    """Draw an org chart as SVG, PNG, PDF, Graphviz DOT, Mermaid or interactive HTML.

    Example: [bold]orgmodel render --root "HPS: COO" -o coo.png[/]
    """
    from orgmodel.cli.present import cycle_note
    from orgmodel.names.lookup import find, find_root, org_named
    from orgmodel.render import ChartOptions, write
    from orgmodel.render.engine import format_of

    fmt = str(to) if to is not None else format_of(output)
    graph = src.graph()
    options = ChartOptions(
        roots=(find_root(graph, root),) if root else None,
        depth=depth,
        org=org_named(graph, org) if org else None,
        highlight=find(graph, highlight, units=False) if highlight else None,
        max_posts=max_posts if max_posts is not None else _default_budget(fmt),
        direction=str(direction),
        title=title,
        date=None if no_date else (date or datetime.date.today().isoformat()),
        theme=str(theme),
        assistants=assistants,
        assistant_pattern=assistant_pattern,
    )
    drawing = write(output, graph, options, fmt)
    out = status_console(output)
    chart = drawing.chart
    summary = f"wrote {escape(output_name(output))} ({fmt}"
    summary += f", drawn by {escape(drawing.engine)})" if drawing.engine else ")"
    summary += f": {chart.shown_posts:,} of {chart.total_posts:,} posts"
    if chart.hidden_posts:
        folded = [b for b in chart.boxes.values() if b.more_reports]
        summary += f"; {len(folded):,} '+N more' hold {chart.hidden_posts:,}"
    out.print(summary)
    if (cycles := cycle_note(chart.unplaced, "on the chart")) is not None:
        out.print(Text(cycles))
    if chart.cycles:
        out.print(
            "the top post sits in a reporting cycle: the line back up to it closes the cycle; "
            "run 'orgmodel validate' to see the cycles"
        )
    if chart.lines_left_out:
        out.print(f"{chart.lines_left_out} dotted or second lines lead to posts not on the chart")
