"""The command-line reference as Markdown, made from the same command objects ``--help`` prints.

The documentation site's CLI page is this function's output (``docs/hooks.py``
calls it at build time), so the reference cannot drift from the commands: a
new option, a changed default or help text shows up in the next build.

>>> text = reference()
>>> text.count("\\n## `orgmodel ") == len(commands())
True
>>> "### `orgmodel cache clear`" in text  # a group's commands, a level down
True
>>> "| `--root` | `<str>` | Chart the posts under this post. |" in text
True
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

import typer
from typer.core import TyperGroup

from orgmodel.cli import app

__all__ = ["commands", "reference"]

_MARKUP = re.compile(r"\[bold\](.*?)\[/(?:bold)?\]", re.S)
_TAG = re.compile(r"\[/?[a-z ]+\]")


# typer carries its own copy of click: its objects are reached through typer, by what they do
Param = Any


def _root() -> tuple[TyperGroup, typer.Context]:
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    return group, typer.Context(group, info_name="orgmodel")


def commands() -> list[str]:
    """The commands' names, in the order ``orgmodel --help`` lists them."""
    group, ctx = _root()
    return list(group.list_commands(ctx))


def _markdown(text: str) -> str:
    """Rich markup of a docstring as Markdown: ``[bold]orgmodel x[/]`` -> a code span."""
    text = _MARKUP.sub(lambda m: f"`{m.group(1)}`", text)
    return _TAG.sub("", text).replace("\b", "").strip()


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _default(param: Param) -> str:
    value: Any = param.default
    is_option = param.param_type_name == "option"
    if is_option and (param.is_flag or not param.show_default):
        return ""
    if value is None or value is False or value == ():
        return ""
    if isinstance(value, Enum):
        value = value.value
    return f"`{value}`"


def _shape(param: Param, ctx: typer.Context) -> str:
    shown = param.display_type_rich(ctx) if hasattr(param, "display_type_rich") else None
    if not shown:
        return ""
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None or high is not None:  # typer.Option(min=, max=), as --help's [x>=0]
        bounds = [f"≥ {low}" if low is not None else "", f"≤ {high}" if high is not None else ""]
        shown = f"{shown} ({', '.join(b for b in bounds if b)})"
    return f"`{shown}`"


def _params(command: Any, ctx: typer.Context) -> list[str]:
    rows = ["| argument or option | value | what it does | default |", "|---|---|---|---|"]
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        names = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
        if param.param_type_name == "argument":
            names = f"`{param.name.upper() if param.name else ''}`"
            names += "" if param.required else " (optional)"
        help_text = _markdown(getattr(param, "help", None) or "")
        rows.append(f"| {names} | {_shape(param, ctx)} | {_cell(help_text)} | {_default(param)} |")
    return rows


def reference() -> str:
    """The whole reference: the command list, then each command's usage, help and options."""
    group, ctx = _root()
    parts = [
        "# Command-line reference",
        "",
        "Generated from the commands themselves when the documentation is built: each section "
        "is what `orgmodel COMMAND --help` prints, as a table.",
        "",
        "| command | what it does |",
        "|---|---|",
    ]
    names = commands()
    for name in names:
        command = group.get_command(ctx, name)
        assert command is not None
        summary = _cell(_markdown(command.get_short_help_str(limit=200)))
        parts.append(f"| [`{name}`](#orgmodel-{name}) | {summary} |")
    parts += ["", "Every command also takes `--debug` (a traceback instead of a one-paragraph "
              "error) and `--help`; `orgmodel --version` prints the version."]  # fmt: skip
    for name in names:
        command = group.get_command(ctx, name)
        assert command is not None
        parts += _section(command, typer.Context(command, info_name=name, parent=ctx), 2)
    return "\n".join(parts) + "\n"


def _section(command: Any, ctx: typer.Context, level: int) -> list[str]:
    """One command's usage, help and options; a group's (``orgmodel cache``) help, then
    each of its commands one heading level down."""
    path = ctx.command_path
    usage = " ".join([path, *command.collect_usage_pieces(ctx)])
    parts = ["", f"{'#' * level} `{path}`", "", "```text", usage, "```", ""]
    parts += [_markdown(command.help or ""), "", *_params(command, ctx)]
    if isinstance(command, TyperGroup):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None
            parts += _section(sub, typer.Context(sub, info_name=name, parent=ctx), level + 1)
    return parts
