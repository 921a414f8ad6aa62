"""A scenario applied to a structure: what ``orgmodel apply`` writes and ``orgmodel diff`` compares.

Two commands take a scenario file (:mod:`orgmodel.planning.scenario`) where a
structure could be: ``orgmodel diff BASE PLAN`` compares BASE with BASE as the
plan leaves it, and ``orgmodel apply BASE PLAN`` writes that proposed
structure after checking it (:mod:`orgmodel.planning.review`). The decisions both share
-- is this file a scenario? what does it propose? may it be written? -- live
here, so the commands only read their arguments and print.

>>> from orgmodel.orgfile.read import parse_orgfile
>>> from orgmodel.planning.scenario import parse_scenario
>>> city = "organizations: [{name: Hartford, posts: [{id: mayor, title: Mayor, root: true},"
>>> city += " {id: clerk, title: Town Clerk, reports_to: mayor}]}]"
>>> edits = "edits: [{add: {id: aide, title: Aide, reports_to: [mayor, clerk]}}]"
>>> p = propose(parse_orgfile(city, "city.yaml"), parse_scenario(edits, "plan.yaml"))
>>> len(p.data.posts), [f.code for f in p.review.new], p.exit_code()
(3, ['L001'], 1)
>>> report = p.to_dict(output="proposed.yaml", strict=True)
>>> report["written"], report["output"], report["validation"]["exit_code"]
(False, None, 1)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from orgmodel.errors import UsageError
from orgmodel.fileio import read_text
from orgmodel.graph import OrgGraph
from orgmodel.orgfile.document import NATIVE_SUFFIXES
from orgmodel.planning.apply import apply
from orgmodel.planning.review import Review, review
from orgmodel.planning.scenario import Scenario, is_scenario, read_scenario
from orgmodel.records import OrgData
from orgmodel.rules.config import ValidateConfig

__all__ = ["Proposal", "diff_sides", "is_scenario_file", "propose"]


def is_scenario_file(path: str | Path) -> bool:
    """True for a file of edits (``edits:`` at the top), not a structure.

    Only ``.yaml``/``.yml``/``.json`` files are opened to look.
    """
    p = Path(path)
    return p.is_file() and p.suffix.lower() in NATIVE_SUFFIXES and is_scenario(read_text(p))


def diff_sides(
    before: str,
    after: str,
    read_data: Callable[[str], OrgData],
    read_graph: Callable[[str], OrgGraph],
) -> tuple[OrgGraph, OrgGraph, Scenario | None]:
    """The two structures ``orgmodel diff BEFORE AFTER`` compares, and the scenario if any.

    AFTER is read as a structure, or -- when it is a scenario -- is BEFORE with
    the scenario's edits applied. ``read_data`` and ``read_graph`` read one source
    as the command was told to (input format, column mapping, warnings). A
    scenario given as BEFORE is refused before anything is read.
    """
    if is_scenario_file(before):
        raise UsageError(
            f"{before} is a scenario file: give it as AFTER (orgmodel diff BASE {before})"
        )
    old = read_graph(before)
    if not is_scenario_file(after):
        return old, read_graph(after), None
    scenario = read_scenario(after)
    return old, OrgGraph(apply(read_data(before), scenario)), scenario


@dataclass(frozen=True)
class Proposal:
    """A scenario applied to a base: the proposed records and what validating them found."""

    base: str
    scenario: Scenario
    data: OrgData
    review: Review

    def refused(self, strict: bool) -> bool:
        """``--strict`` refuses a proposal that brings an error or a warning: nothing is written."""
        return strict and self.review.exit_code(strict=True) == 1

    def exit_code(self, strict: bool = False) -> int:
        """1 when the proposal brings an error (with ``strict``, a warning too), else 0."""
        return self.review.exit_code(strict)

    def to_dict(self, output: str | Path | None, strict: bool = False) -> dict[str, Any]:
        """``apply --format json``: what was applied, where it went, what it brings."""
        refused = self.refused(strict)
        return {
            "base": self.base,
            "scenario": self.scenario.path,
            "output": None if refused or output is None else str(output),
            "written": not refused,
            "edits": len(self.scenario.edits),
            "posts": self.data.post_count,
            "units": len(self.data.units),
            "validation": {
                "new": [f.to_dict() for f in self.review.new],
                "known": len(self.review.known),
                "exit_code": self.exit_code(strict),
            },
        }


def propose(
    base: OrgData,
    scenario: Scenario,
    config: ValidateConfig | None = None,
    *,
    base_name: str = "",
) -> Proposal:
    """Apply ``scenario`` to ``base`` and validate the result against the base's findings.

    A proposal with a reporting cycle cannot be drawn, compared or written: it is
    a :class:`UsageError` naming the edit's line, whatever ``--strict`` says.
    """
    proposed = apply(base, scenario)
    checked = review(base, proposed, config)
    if checked.cycles():
        cycle = checked.cycles()[0]
        raise UsageError(f"{cycle.where()}: the proposal has a reporting cycle: {cycle.message}")
    return Proposal(base_name, scenario, proposed, checked)
