"""What every command shares: the consoles, the source options, JSON output.

The source options (``-s/--source``, ``--input-format``, ``--map``, ``-q``)
are declared once here and added to a command by :func:`with_sources`, the
way sqlite-utils shares its click options, so a new command cannot forget
one and ``--help`` reads the same everywhere.

>>> import inspect
>>> @with_sources
... def demo(src: SourceOptions, depth: int = 1) -> None: ...
>>> list(inspect.signature(demo).parameters)
['depth', 'source', 'input_format', 'map', 'quiet', 'no_cache']
"""

# Annotations here are evaluated (no ``from __future__ import annotations``):
# typer reads the parameters of the signature this module builds.

import functools
import inspect
import json
import sys
import typing
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from orgmodel.cli.progress import spinner
from orgmodel.config import Settings, find_settings
from orgmodel.errors import OutputClosedError
from orgmodel.readers import FORMATS

# The library is imported where a command uses it: every command loads this module, and
# a query answered from the saved index must not pay for the readers, numpy or pyarrow.
if typing.TYPE_CHECKING:
    from orgmodel.graph import OrgGraph
    from orgmodel.records import OrgData

__all__ = [
    "JSON_INDENT",
    "ColumnMap",
    "Fmt",
    "Format",
    "InputFormat",
    "NoCache",
    "PostArg",
    "Quiet",
    "SourceOptions",
    "emit_json",
    "err",
    "out",
    "status_console",
    "uncropped",
    "warn",
    "with_sources",
    "write_out",
]


class _Console(Console):
    """A rich console that reports a closed pipe (``| head``) to :func:`orgmodel.cli.main`
    instead of exiting 1 itself -- 1 means "answered no" to our scripts."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise OutputClosedError("the output was closed")


# Data is printed as written: no highlighting, and no ":smile:" turned into an emoji (markup
# in data is escaped where it is printed).
out: Console = _Console(highlight=False, soft_wrap=True, emoji=False)
err: Console = _Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def uncropped() -> Console:
    """Where to print trees and tables: the terminal, or -- in a pipe or a file -- a console so
    wide that no line is cut or wrapped (a tree cut at 80 columns loses the dotted-line marks
    at the line ends; a table row wrapped over lines cannot be grepped)."""
    if out.is_terminal:
        return out
    return _Console(highlight=False, soft_wrap=True, emoji=False, width=100_000)


def status_console(*outputs: str | Path | None) -> Console:
    """Where a command says what it wrote: stdout, unless an output itself went there
    (``-o -``), where a "wrote ..." line would end up inside the file a pipe reads."""
    from orgmodel.fileio import is_stdio

    return err if any(o is not None and is_stdio(o) for o in outputs) else out


def write_out(text: str) -> None:
    """Write text to stdout as is (JSON, YAML, Markdown: no rich markup, no wrapping)."""
    try:
        sys.stdout.write(text)
    except BrokenPipeError:
        raise OutputClosedError("the output was closed") from None


class Fmt(StrEnum):
    text = "text"
    json = "json"


Format = Annotated[Fmt, typer.Option("--format", "-f", help="Output: text or json.")]
PostArg = Annotated[str, typer.Argument(help="Post: id, title, abbreviation or 'Org: title'.")]

Sources = Annotated[
    list[Path] | None,
    typer.Option(
        "--source",
        "-s",
        help="File or folder to read (repeatable). Default: the sources in ./orgmodel.toml.",
        show_default=False,
    ),
]
Reader = StrEnum("Reader", {name: name for name in FORMATS})  # type: ignore[misc]
"""The readers ``--input-format`` names (a choice: --help lists them, the shell completes them)."""

InputFormat = Annotated[
    Reader | None,
    typer.Option(
        "--input-format", help="Force the reader (default: told by each file).", show_default=False
    ),
]
ColumnMap = Annotated[
    str | None,
    typer.Option("--map", help="CSV columns, e.g. 'id=EmpID,manager=Manager Name'."),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Do not print load warnings.")]
NoCache = Annotated[
    bool,
    typer.Option(
        "--no-cache", help="Read the sources, not the index saved of them (nor save one)."
    ),
]


def warn(message: str) -> None:
    """One warning line on stderr."""
    err.print(f"[yellow]warning:[/] {escape(message)}", markup=True)


@dataclass(frozen=True)
class SourceOptions:
    """The sources a command reads, as the user gave them."""

    source: list[Path] | None = None
    input_format: str | None = None  # a Reader
    map: str | None = None
    quiet: bool = False
    no_cache: bool = False

    def _args(self, settings: Settings | None = None) -> dict[str, Any]:
        mapping = None
        if self.map:
            from orgmodel.readers.table import parse_mapping

            mapping = parse_mapping(self.map)
        return {
            "fmt": None if self.input_format is None else str(self.input_format),
            "mapping": mapping,
            "settings": settings if settings is not None else find_settings(),
        }

    def paths(self) -> list[str]:
        return [str(s) for s in self.source or []]

    def data(self, paths: list[str] | None = None) -> "OrgData":
        """The records the sources hold (before the graph is built)."""
        from orgmodel.sources.load import load_data

        paths = self.paths() if paths is None else paths
        with spinner(err, _reading(paths)):
            return load_data(paths, **self._args())

    def graph(
        self,
        paths: list[str] | None = None,
        *,
        settings: Settings | None = None,
        warnings: bool = True,
    ) -> "OrgGraph":
        """The graph, with load warnings on stderr unless ``--quiet`` (or ``warnings=False``).

        ``settings`` replaces the ``orgmodel.toml`` found in the working folder
        (``validate --config FILE``). The graph comes from the index saved of the
        sources when they have not changed since (:mod:`orgmodel.cache`), unless
        ``--no-cache``.
        """
        from orgmodel.cli.present import load_warnings
        from orgmodel.sources.load import load_graph

        given = self.paths() if paths is None else paths
        with spinner(err, _reading(given)):
            graph = load_graph(given, **self._args(settings), cache=not self.no_cache)
        if warnings and not self.quiet:
            for line in load_warnings(graph):
                warn(line)
        return graph


def _reading(paths: list[str]) -> str:
    """What the spinner says: ``reading org.csv``, ``reading 3 sources``."""
    if not paths:
        return "reading the sources in orgmodel.toml"
    return f"reading {paths[0]}" if len(paths) == 1 else f"reading {len(paths)} sources"


_SOURCE_PARAMS = [
    ("source", Sources, None),
    ("input_format", InputFormat, None),
    ("map", ColumnMap, None),
    ("quiet", Quiet, False),
    ("no_cache", NoCache, False),
]


def with_sources(func: Callable[..., Any]) -> Callable[..., Any]:
    """Give a command the shared source options; it receives them as ``src``."""
    hints = typing.get_type_hints(func, include_extras=True)
    params = [
        p.replace(annotation=hints.get(p.name, p.annotation))
        for p in inspect.signature(func).parameters.values()
        if p.name != "src"
    ]
    params += [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=ann)
        for name, ann, default in _SOURCE_PARAMS
    ]

    @functools.wraps(func)
    def command(**kwargs: Any) -> Any:
        src = SourceOptions(*(kwargs.pop(name) for name, _, _ in _SOURCE_PARAMS))
        return func(src=src, **kwargs)

    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    return command


JSON_INDENT: list[int] = []
"""``--indent N`` (read by :func:`orgmodel.cli.main`, as ``--debug`` is): JSON indented by N."""


def emit_json(value: Any) -> None:
    """Print a JSON value (UTF-8 kept as is) to stdout.

    On a terminal, indented by 2 and highlighted, for people; elsewhere (a
    pipe, a file) compact, on one line, for programs: ``json`` writes
    compact text with its C encoder, where indenting sends it to the pure
    Python one (measured on a 20,000-change diff: 9 MB in ten times the time
    of 5.9 MB). ``--indent N`` indents it anyway, as does ``jq .``.
    """
    if JSON_INDENT:
        write_out(json.dumps(value, ensure_ascii=False, indent=JSON_INDENT[-1]) + "\n")
    elif out.is_terminal:
        out.print_json(json.dumps(value, ensure_ascii=False))
    else:
        write_out(json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n")
