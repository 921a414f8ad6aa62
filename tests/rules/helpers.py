"""Running rules on small, real-shaped inputs: org files, CSVs and postings written to disk."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

from orgmodel.config import Settings
from orgmodel.graph import OrgGraph
from orgmodel.rules.config import ValidateConfig
from orgmodel.rules.context import Check, Facts
from orgmodel.rules.registry import get
from orgmodel.rules.report import Finding
from orgmodel.rules.validate import validate
from orgmodel.sources.load import load_graph

__all__ = ["codes", "graph_of", "run_rule", "validate_files"]

_NAME = re.compile(r"#\s*([\w./-]+\.\w+)\s*$")
_SEPARATOR = re.compile(r"^---\s*\n(?=\s*#\s*[\w./-]+\.\w+\s*$)", re.M)


def graph_of(example: str, folder: Path) -> OrgGraph:
    """Load an example as orgmodel loads files.

    A line ``---`` followed by a line ``# name.ext`` starts another file (other
    ``---`` lines, such as a posting's front matter, are the files' own). A
    name in a folder (``# hr/notes.txt``) puts the file there, and the folder
    is loaded, as ``-s hr`` loads it.
    """
    paths: list[Path] = []
    for i, part in enumerate(_SEPARATOR.split(textwrap.dedent(example))):
        lines = part.strip("\n").splitlines()
        name = f"example-{i}.yaml"
        if lines and (match := _NAME.fullmatch(lines[0].strip())):
            name, lines = match.group(1), lines[1:]
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        source = folder / Path(name).parts[0]  # the file, or the folder it is in
        if source not in paths:
            paths.append(source)
    return load_graph(paths, settings=Settings())


def run_rule(graph: OrgGraph, code: str, **options: Any) -> list[Finding]:
    """One rule's findings, with its default options unless given."""
    rule = get(code)
    return list(rule.check(Check(graph, rule, Facts(graph), options=options)))


def validate_files(example: str, folder: Path, **table: Any) -> list[Finding]:
    """Every finding ``validate`` reports on an example, with a ``[validate]`` table."""
    graph = graph_of(example, folder)
    return validate(graph, ValidateConfig.from_table(table, "test.toml")).findings


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]
