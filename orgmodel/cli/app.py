"""The typer application every command module registers on, and what all commands share:
``--version``, shell completion, and help that shows a value's shape only where there is one.

typer labels every option with its Python type: ``--quiet <bool>`` (a flag
takes no value), ``--source <list[Path]>`` (one path, repeatable). The
command class here drops the label of flags and writes ``<path>...`` for a
repeatable path; options with a fixed set of values are enums, so their
help lists the values (``--theme <default|mono|dark>``) and the shell
completes them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from orgmodel import __version__

__all__ = ["app"]

_F = TypeVar("_F", bound=Callable[..., Any])


def _repeated(shape: str) -> str:
    """``<list[Path]>`` -> ``<path>...``: one value, given as often as needed."""
    if shape.startswith("<list[") and shape.endswith("]>"):
        return f"<{shape[6:-2].lower()}>..."
    return shape


class _Values(TyperArgument):
    """An argument that takes several values (``FILES...``), labelled ``<path>...``."""

    def display_type_rich(self, ctx: Any) -> str | None:
        shape = super().display_type_rich(ctx)
        return None if shape is None else _repeated(shape)


def _tidy(params: list[Any], ctx: Any) -> list[Any]:
    for param in params:
        if isinstance(param, TyperOption):
            if param.is_flag and not param.count:
                param.metavar = ""  # a flag takes no value: no "<bool>"
            elif param.multiple and param.metavar is None:
                param.metavar = _repeated(param.display_type(ctx))  # -s a -s b
        elif isinstance(param, TyperArgument) and param.nargs == -1:
            param.__class__ = _Values  # the same argument; only its help label differs
    return params


class _Command(TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return _tidy(super().get_params(ctx), ctx)


class _Group(TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return _tidy(super().get_params(ctx), ctx)


class _App(typer.Typer):
    """A Typer whose commands use :class:`_Command` unless told otherwise."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[_F], _F]:
        kwargs.setdefault("cls", _Command)
        decorator: Callable[[_F], _F] = super().command(*args, **kwargs)
        return decorator


app = _App(
    name="orgmodel",
    cls=_Group,
    help="Org structures from postings and org files: query, validate, chart, compare.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    add_completion=True,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"orgmodel {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Org structures from postings and org files: query, validate, chart, compare."""
