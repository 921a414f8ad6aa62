"""Reporting-line questions: show, chain, reports, common, path, oversees, stats."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.text import Text

from orgmodel.cli.app import app
from orgmodel.cli.options import (
    Fmt,
    Format,
    PostArg,
    SourceOptions,
    emit_json,
    out,
    uncropped,
    with_sources,
)
from orgmodel.cli.present import (
    chain_all_text,
    chain_json,
    chain_text,
    common_json,
    common_text,
    node_line,
    oversight_json,
    path_text,
    reports_table,
    stats_table,
    tree,
    tree_json,
    tree_notes,
    tree_text,
)
from orgmodel.graph import queries
from orgmodel.names.lookup import find, find_root

__all__ = ["chain", "common", "oversees", "path", "reports", "show", "stats"]


@app.command()
@with_sources
def show(
    src: SourceOptions,
    root: Annotated[str | None, typer.Option(help="Start from this post (or board).")] = None,
    depth: Annotated[int | None, typer.Option(min=0, help="Levels to show below the root.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Most posts to print, tops included.")] = 500,
    units: Annotated[bool, typer.Option("--units", help="List the units each post heads.")] = False,
    format: Format = Fmt.text,
) -> None:
    """Print the org as a tree.

    Example: [bold]orgmodel show --root "HPS: COO" --depth 2 --units[/]
    """
    graph = src.graph()
    shown = tree(graph, [find_root(graph, root)] if root else None, depth, limit)
    if format is Fmt.json:
        emit_json(tree_json(graph, shown, units=units))
        return
    console = uncropped()
    for branch in tree_text(graph, shown, units=units):
        console.print(branch)
    for note in tree_notes(shown):
        out.print(Text(note, style="dim"))


@app.command()
@with_sources
def chain(
    src: SourceOptions,
    post: PostArg,
    all: Annotated[bool, typer.Option("--all", help="Add superiors on dotted lines.")] = False,
    format: Format = Fmt.text,
) -> None:
    """Chain of command from a post up to the top.

    Example: [bold]orgmodel chain "Hartford Public Schools: COO"[/]
    """
    graph = src.graph()
    node = find(graph, post)
    if all:
        ups = queries.chain_all(graph, node)
        if format is Fmt.json:
            emit_json(chain_json(graph, node, ups))
            return
        out.print(chain_all_text(graph, node, ups))
        return
    steps = queries.chain(graph, node)
    if format is Fmt.json:
        emit_json(chain_json(graph, node, steps, cycles=True))
    else:
        out.print(chain_text(graph, node, steps))


@app.command()
@with_sources
def reports(
    src: SourceOptions,
    post: PostArg,
    all: Annotated[
        bool, typer.Option("--all", help="Everyone below, not just direct reports.")
    ] = False,
    depth: Annotated[int | None, typer.Option(min=1, help="Levels below to include.")] = None,
    format: Format = Fmt.text,
) -> None:
    """Direct reports of a post, or everyone below it.

    Example: [bold]orgmodel reports "HPS: COO" --all[/]
    """
    graph = src.graph()
    node = find_root(graph, post)  # a department has no reports: say to name its head
    rows = queries.reports(graph, node, everyone=all, depth=depth)
    dotted = queries.dotted_reports(graph, node)
    if format is Fmt.json:
        listed = [{**graph.describe(n), "level": lv, "span": graph.span(n)} for n, lv in rows]
        emit_json(
            {
                "post": graph.describe(node),
                "reports": listed,
                "dotted_reports": [graph.describe(n) for n in dotted],
            }
        )
        return
    uncropped().print(reports_table(graph, node, rows))
    for n in dotted:
        out.print(f"  [magenta]⇠ dotted line from[/] {node_line(graph, n)}")


@app.command()
@with_sources
def common(src: SourceOptions, a: PostArg, b: PostArg, format: Format = Fmt.text) -> None:
    """Lowest common superior of two posts.

    Example: [bold]orgmodel common "Director of Facilities" "Chief Financial Officer"[/]
    """
    graph = src.graph()
    x, y = find(graph, a), find(graph, b)
    result = queries.common(graph, x, y)
    if format is Fmt.json:
        emit_json(common_json(graph, x, y, result))
    else:
        out.print(common_text(graph, x, y, result))
    if result is None:
        raise typer.Exit(1)


@app.command()
@with_sources
def path(src: SourceOptions, a: PostArg, b: PostArg, format: Format = Fmt.text) -> None:
    """Reporting path between two posts (up to the common superior, then down).

    Example: [bold]orgmodel path "Director of Transportation" "General Counsel"[/]
    """
    graph = src.graph()
    x, y = find(graph, a), find(graph, b)
    steps = queries.path(graph, x, y)
    if format is Fmt.json:
        listed = [graph.describe(n) for n in steps] if steps is not None else None
        emit_json({"a": graph.describe(x), "b": graph.describe(y), "path": listed})
    else:
        out.print(path_text(graph, x, y, steps))
    if steps is None:
        raise typer.Exit(1)


@app.command()
@with_sources
def oversees(
    src: SourceOptions,
    name: Annotated[str, typer.Argument(help="A post (units it heads) or a unit (who heads it).")],
    format: Format = Fmt.text,
) -> None:
    """Units a post heads, or who heads a unit.

    Example: [bold]orgmodel oversees "HPS: COO"[/]
    """
    graph = src.graph()
    node = find(graph, name)
    result = queries.oversees(graph, node)
    if format is Fmt.json:
        emit_json(oversight_json(graph, node, result))
        return
    out.print(node_line(graph, node, with_org=True))
    if graph.is_post(node):
        if not result.heads:
            out.print("  heads no unit")
        for u in result.heads:
            out.print(f"  heads {node_line(graph, u)}")
        for u, p in result.nested:
            out.print(f"    {node_line(graph, u)} [dim](part of {escape(graph.title(p))})[/]")
    else:
        if not result.headed_by:
            out.print("  no post heads this unit")
        for p in result.headed_by:
            out.print(f"  headed by {node_line(graph, p)}")
        for u in result.part_of:
            out.print(f"  part of {node_line(graph, u)}")


@app.command()
@with_sources
def stats(src: SourceOptions, format: Format = Fmt.text) -> None:
    """Size and shape: posts, units, roots, layers, span of control.

    Example: [bold]orgmodel stats -s data/[/]
    """
    graph = src.graph()
    result = queries.stats(graph)
    if format is Fmt.json:
        emit_json(result.to_dict(graph))
    else:
        uncropped().print(stats_table(graph, result))
