"""The ``orgmodel`` command: each command parses, calls the library, prints.

Exit codes scripts can rely on: 0 answered, 1 answered "no" (no common
superior, no path), 2 bad input or usage (a file that cannot be read, a
name that matches nothing).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from orgmodel import queries
from orgmodel.config import find_settings
from orgmodel.errors import OrgModelError
from orgmodel.graph import OrgGraph
from orgmodel.load import load_graph
from orgmodel.lookup import find
from orgmodel.orgfile import json_schema
from orgmodel.present import (
    chain_json,
    chain_text,
    common_json,
    extraction_text,
    load_warnings,
    node_line,
    org_tree,
    oversight_json,
    reports_table,
    stats_table,
)
from orgmodel.readers.table import parse_mapping

__all__ = ["app", "main"]

app = typer.Typer(
    name="orgmodel",
    help="Org structures from postings and org files: query, validate, chart, compare.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Fmt(StrEnum):
    text = "text"
    json = "json"


Sources = Annotated[
    list[Path] | None,
    typer.Option(
        "--source",
        "-s",
        help="File or folder to read (repeatable). Default: the sources in ./orgmodel.toml.",
        show_default=False,
    ),
]
InputFormat = Annotated[
    str | None,
    typer.Option("--input-format", help="Force the reader: orgfile, table, organogram, posting."),
]
ColumnMap = Annotated[
    str | None,
    typer.Option("--map", help="CSV columns, e.g. 'id=EmpID,manager=Manager Name'."),
]
Format = Annotated[Fmt, typer.Option("--format", "-f", help="Output: text or json.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Do not print load warnings.")]
PostArg = Annotated[str, typer.Argument(help="Post: id, title, abbreviation or 'Org: title'.")]


def _graph(
    sources: list[Path] | None, input_format: str | None, mapping: str | None, quiet: bool
) -> OrgGraph:
    graph = load_graph(
        [str(s) for s in sources or []],
        fmt=input_format,
        mapping=parse_mapping(mapping) if mapping else None,
        settings=find_settings(),
    )
    if not quiet:
        for line in load_warnings(graph):
            err.print(f"[yellow]warning:[/] {escape(line)}", markup=True)
    return graph


def _json(value: Any) -> None:
    out.print_json(json.dumps(value, ensure_ascii=False))


@app.command()
def show(
    root: Annotated[str | None, typer.Option(help="Start from this post or unit.")] = None,
    depth: Annotated[int | None, typer.Option(min=0, help="Levels to show below the root.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Most posts to print.")] = 500,
    source: Sources = None,
    input_format: InputFormat = None,
    map: ColumnMap = None,
    format: Format = Fmt.text,
    quiet: Quiet = False,
) -> None:
    """Print the org as a tree.

    Example: [bold]orgmodel show --root "HPS: COO" --depth 2[/]
    """
    graph = _graph(source, input_format, map, quiet)
    roots = [find(graph, root)] if root else [r for r in graph.roots]
    if format is Fmt.json:
        _json([_subtree(graph, r, depth) for r in roots])
        return
    trees, hidden = org_tree(graph, roots, depth, limit)
    for tree in trees:
        out.print(tree)
    if hidden:
        out.print(f"[dim]{hidden:,} posts not shown (use --depth/--limit/--root)[/]")


def _subtree(graph: OrgGraph, node: int, depth: int | None, level: int = 0) -> dict[str, Any]:
    item = graph.describe(node)
    if depth is None or level < depth:
        item["reports"] = [_subtree(graph, c, depth, level + 1) for c in graph.children(node)]
    return item


@app.command()
def chain(
    post: PostArg,
    all: Annotated[bool, typer.Option("--all", help="Add superiors on dotted lines.")] = False,
    source: Sources = None,
    input_format: InputFormat = None,
    map: ColumnMap = None,
    format: Format = Fmt.text,
    quiet: Quiet = False,
) -> None:
    """Chain of command from a post up to the top.

    Example: [bold]orgmodel chain "Hartford Public Schools: COO"[/]
    """
    graph = _graph(source, input_format, map, quiet)
    node = find(graph, post)
    if all:
        ups = queries.chain_all(graph, node)
        if format is Fmt.json:
            _json(chain_json(graph, node, ups))
            return
        out.print(node_line(graph, node, with_org=True))
        for up in ups:
            style = "" if up.via == "primary" else "[magenta](dotted)[/] "
            via = escape(graph.title(up.below))
            out.print(f"  {up.distance}. {style}{node_line(graph, up.node)}  [dim]via {via}[/]")
        return
    steps = queries.chain(graph, node)
    if format is Fmt.json:
        _json(chain_json(graph, node, steps))
    else:
        out.print(chain_text(graph, node, steps))


@app.command()
def reports(
    post: PostArg,
    all: Annotated[
        bool, typer.Option("--all", help="Everyone below, not just direct reports.")
    ] = False,
    depth: Annotated[int | None, typer.Option(min=1, help="Levels below to include.")] = None,
    source: Sources = None,
    input_format: InputFormat = None,
    map: ColumnMap = None,
    format: Format = Fmt.text,
    quiet: Quiet = False,
) -> None:
    """Direct reports of a post, or everyone below it.

    Example: [bold]orgmodel reports "HPS: COO" --all[/]
    """
    graph = _graph(source, input_format, map, quiet)
    node = find(graph, post)
    rows = queries.reports(graph, node, everyone=all, depth=depth)
    dotted = queries.dotted_reports(graph, node)
    if format is Fmt.json:
        listed = [{**graph.describe(n), "level": lv, "span": graph.span(n)} for n, lv in rows]
        _json(
            {
                "post": graph.describe(node),
                "reports": listed,
                "dotted_reports": [graph.describe(n) for n in dotted],
            }
        )
        return
    out.print(reports_table(graph, rows, f"{len(rows)} report(s) of {graph.label(node)}"))
    for n in dotted:
        out.print(f"  [magenta]⇠ dotted line from[/] {node_line(graph, n)}")


@app.command()
def common(
    a: PostArg,
    b: PostArg,
    source: Sources = None,
    input_format: InputFormat = None,
    map: ColumnMap = None,
    format: Format = Fmt.text,
    quiet: Quiet = False,
) -> None:
    """Lowest common superior of two posts.

    Example: [bold]orgmodel common "Director of Facilities" "Chief Financial Officer"[/]
    """
    graph = _graph(source, input_format, map, quiet)
    x, y = find(graph, a), find(graph, b)
    result = queries.common(graph, x, y)
    if format is Fmt.json:
        _json(common_json(graph, x, y, result))
    elif result is None:
        out.print(f"{graph.label(x)} and {graph.label(y)} have no common superior.")
    else:
        out.print(f"{node_line(graph, result.node, with_org=True)}")
        out.print(f"  {result.distance_a} level(s) above {graph.label(x)}")
        out.print(f"  {result.distance_b} level(s) above {graph.label(y)}")
    if result is None:
        raise typer.Exit(1)


@app.command()
def path(
    a: PostArg,
    b: PostArg,
    source: Sources = None,
    input_format: InputFormat = None,
    map: ColumnMap = None,
    format: Format = Fmt.text,
    quiet: Quiet = False,
) -> None:
    """Reporting path between two posts (up to the common superior, then down).

    Example: [bold]orgmodel path "Director of Transportation" "General Counsel"[/]
    """
    graph = _graph(source, input_format, map, quiet)
    x, y = find(graph, a), find(graph, b)
    steps = queries.path(graph, x, y)
    if format is Fmt.json:
        listed = [graph.describe(n) for n in steps] if steps is not None else None
        _json({"a": graph.describe(x), "b": graph.describe(y), "path": listed})
    elif steps is None:
        out.print(f"No reporting path between {graph.label(x)} and {graph.label(y)}.")
    else:
        meet = queries.common(graph, x, y)
        for i, n in enumerate(steps):
            mark = (
                "▲" if meet and n == meet.node else ("↑" if meet and i < meet.distance_a else "↓")
            )
            out.print(f"{mark if i else '•'} {node_line(graph, n)}")
    if steps is None:
        raise typer.Exit(1)


@app.command()
def oversees(
    name: Annotated[str, typer.Argument(help="A post (units it heads) or a unit (who heads it).")],
    source: Sources = None,
    input_format: InputFormat = None,
    map: ColumnMap = None,
    format: Format = Fmt.text,
    quiet: Quiet = False,
) -> None:
    """Units a post heads, or who heads a unit.

    Example: [bold]orgmodel oversees "HPS: COO"[/]
    """
    graph = _graph(source, input_format, map, quiet)
    node = find(graph, name)
    result = queries.oversees(graph, node)
    if format is Fmt.json:
        _json(oversight_json(graph, node, result))
        return
    out.print(node_line(graph, node, with_org=True))
    if graph.is_post(node):
        if not result.heads:
            out.print("  heads no unit")
        for u in result.heads:
            out.print(f"  heads {node_line(graph, u)}")
        for u, p in result.nested:
            out.print(f"    {node_line(graph, u)} [dim](part of {graph.title(p)})[/]")
    else:
        if not result.headed_by:
            out.print("  no post heads this unit")
        for p in result.headed_by:
            out.print(f"  headed by {node_line(graph, p)}")
        for u in result.part_of:
            out.print(f"  part of {node_line(graph, u)}")


@app.command()
def stats(
    source: Sources = None,
    input_format: InputFormat = None,
    map: ColumnMap = None,
    format: Format = Fmt.text,
    quiet: Quiet = False,
) -> None:
    """Size and shape: posts, units, roots, layers, span of control.

    Example: [bold]orgmodel stats -s data/[/]
    """
    graph = _graph(source, input_format, map, quiet)
    result = queries.stats(graph)
    if format is Fmt.json:
        _json(result.to_dict(graph))
    else:
        out.print(stats_table(graph, result))


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
        _json([r.to_dict() for r in results])
    else:
        for r in results:
            out.print(extraction_text(r))
    if failed:
        raise typer.Exit(2)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the org file.

    Example: [bold]orgmodel schema > orgfile.schema.json[/]
    """
    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


def main() -> None:
    """Console entry point: clean one-paragraph errors (exit 2) unless ``--debug``."""
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        app()
    except OrgModelError as exc:
        if debug:
            raise
        err.print(f"[red]error:[/] {escape(str(exc))}", markup=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
