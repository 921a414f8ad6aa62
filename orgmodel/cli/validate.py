"""Validation commands: ``validate`` (check the data like a linter) and ``rules`` (the checks)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.text import Text

from orgmodel.cli.app import app
from orgmodel.cli.options import (
    Fmt,
    Format,
    SourceOptions,
    emit_json,
    out,
    uncropped,
    with_sources,
    write_out,
)
from orgmodel.config import find_settings

# The rules are imported by the commands that run or list them.
if TYPE_CHECKING:
    from orgmodel.rules.report import Finding
    from orgmodel.rules.rule import Rule

__all__ = ["rules", "validate"]

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

_CODES = "rule codes, names, families or code prefixes, comma-separated (repeatable)."
Select = Annotated[
    list[str] | None,
    typer.Option(help=f"Only these: {_CODES}", metavar="CODES", show_default=False),
]
Ignore = Annotated[
    list[str] | None,
    typer.Option(help=f"Leave out these: {_CODES}", metavar="CODES", show_default=False),
]


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def _line(finding: Finding) -> Text:
    return Text.assemble(
        f"{finding.where()}: ",
        (finding.code, "bold"),
        " ",
        (f"[{finding.severity}]", _STYLE[finding.severity]),
        f" {finding.message}",
    )


def _print_findings(findings: list[Finding]) -> None:
    """One line per finding: styled on a terminal; as plain text in one write elsewhere
    (rich takes a quarter of a millisecond a line: three seconds for 12,000 findings)."""
    if out.is_terminal:
        for finding in findings:
            out.print(_line(finding))
    else:
        write_out("".join(f"{finding.to_text()}\n" for finding in findings))


@app.command()
@with_sources
def validate(
    src: SourceOptions,
    format: Format = Fmt.text,
    select: Select = None,
    ignore: Ignore = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Warnings fail too (exit 1), not only errors.")
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            help="TOML file with a \\[validate] table (or a pyproject.toml).", dir_okay=False
        ),
    ] = None,
) -> None:
    """Check the org data like a linter: every problem, where it came from, how bad it is.

    Prints [bold]file:line: CODE \\[severity] message[/] per finding, then a summary.
    Exit code 0 when clean, 1 when any error is found (or any warning, with
    --strict), 2 for bad input or usage. Rules: [bold]orgmodel rules[/].

    Example: [bold]orgmodel validate --ignore single-report --strict[/]
    """
    from orgmodel.rules.config import ValidateConfig
    from orgmodel.rules.validate import validate as run_validation

    settings = find_settings(config)
    cfg = ValidateConfig.from_settings(settings).with_options(
        _split(select), _split(ignore) or (), strict
    )
    cfg.rules()  # an unknown code is a usage error before anything is read
    graph = src.graph(settings=settings, warnings=False)  # load problems are findings here
    report = run_validation(graph, cfg)
    if format is Fmt.json:
        emit_json(report.to_dict())
    else:
        _print_findings(report.findings)
        out.print(report.summary(), style="bold" if report.findings else None)
    raise typer.Exit(report.exit_code(cfg.strict))


def _rule_dict(rule: Rule) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": str(rule.severity),
        "family": rule.family,
        "summary": rule.summary,
        "options": dict(rule.options),
        "doc": rule.doc,
    }


@app.command()
def rules(
    code: Annotated[
        str | None, typer.Argument(help="A rule's code or name: print its documentation.")
    ] = None,
    format: Format = Fmt.text,
) -> None:
    """List the validation rules (code, name, severity, what each finds), or document one.

    Example: [bold]orgmodel rules span-too-wide[/]
    """
    from rich.table import Table

    from orgmodel.rules.registry import RULES, get

    if code is not None:
        rule = get(code)
        if format is Fmt.json:
            emit_json(_rule_dict(rule))
            return
        out.print(Text.assemble((f"{rule.code} {rule.name}", "bold"), f"  ({rule.severity})"))
        out.print()
        out.print(Text(rule.doc))
        if rule.options:
            out.print()
            opts = ", ".join(f"{k} = {v!r}" for k, v in rule.options.items())
            out.print(Text(f"Options (set in [validate.rules.{rule.name}]): {opts}"))
        return
    if format is Fmt.json:
        emit_json([_rule_dict(r) for r in RULES.values()])
        return
    table = Table(box=None, pad_edge=False)
    for column in ("code", "name", "severity", "what it finds"):
        table.add_column(column, no_wrap=column != "what it finds")
    for rule in RULES.values():
        table.add_row(
            rule.code, rule.name, Text(str(rule.severity), _STYLE[rule.severity]), rule.summary
        )
    uncropped().print(table)
