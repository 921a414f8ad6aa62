"""Loops in the primary reporting lines: a post that is its own superior, directly or not.

A loop has no top: no one in it, and no one below it, can be reached from
the head of the organization, so charts and chains of command break there.
Each loop is one finding naming every post in it, whatever its length.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgmodel.rules.context import Check, Cycle
from orgmodel.rules.report import Finding, Severity
from orgmodel.rules.rule import rule

__all__ = ["RULES", "reporting_cycle", "self_report"]


def _below(cycle: Cycle) -> str:
    if not cycle.below:
        return ""
    return f"; {cycle.below:,} post(s) below it cannot be reached from the top"


def _ordered(check: Check, cycle: Cycle) -> list[int]:
    """The loop starting from the post described first (by source and line), so output is stable."""
    nodes = cycle.nodes

    def key(n: int) -> tuple[str, int]:
        prov = check.prov(n)
        return (prov.source or "", prov.line if prov.line is not None else -1)

    first = min(range(len(nodes)), key=lambda i: key(nodes[i]))
    return nodes[first:] + nodes[:first]


@rule("C001", "reporting-cycle", Severity.ERROR, shown=8)
def reporting_cycle(check: Check) -> Iterator[Finding]:
    """A loop of primary reporting lines (A reports to B ... reports to A).

    Nobody in a loop, and nobody below it, can be reached from the top of the
    organization: the chain of command goes round for ever. The finding names
    the whole loop once, with the source of every line in it, and says how
    many posts hang below it. Break the loop by correcting one of the lines.
    Option `shown`: how many posts the message names before "and N more".

    Fails::

        organizations:
          - name: Example Agency
            posts:
              - {id: dir, title: Director, reports_to: dep}
              - {id: dep, title: Deputy Director, reports_to: mgr}
              - {id: mgr, title: Manager, reports_to: dir}

    Passes::

        organizations:
          - name: Example Agency
            posts:
              - {id: dir, title: Director, root: true}
              - {id: dep, title: Deputy Director, reports_to: dir}
              - {id: mgr, title: Manager, reports_to: dep}
    """
    graph = check.graph
    for cycle in check.facts.cycles:
        if len(cycle.nodes) < 2:
            continue
        nodes = _ordered(check, cycle)
        shown = max(int(check.options["shown"]), 2)
        steps = [check.name(n) for n in nodes[:shown]]
        text = " → ".join(steps)
        text += f" → … ({len(nodes):,} posts)" if len(nodes) > shown else f" → {steps[0]}"
        rels = [graph.parent_rel[n] for n in nodes]
        yield check.finding(
            f"reporting cycle of {len(nodes):,} posts, each reporting to the next: "
            f"{text}{_below(cycle)}",
            nodes,
            [r.prov if r else None for r in rels],
        )


@rule("C002", "self-report", Severity.ERROR)
def self_report(check: Check) -> Iterator[Finding]:
    """A post whose primary superior is the post itself.

    The post has no real superior, so it and everything below it are cut off
    from the top of the organization. In exports this is usually the post's
    own id typed into the manager column.

    Fails::

        organizations:
          - name: Example Agency
            posts:
              - {id: top, title: Permanent Secretary, root: true}
              - {id: b41, title: Head of Department, reports_to: b41}

    Passes::

        organizations:
          - name: Example Agency
            posts:
              - {id: top, title: Permanent Secretary, root: true}
              - {id: b41, title: Head of Department, reports_to: top}
    """
    for cycle in check.facts.cycles:
        if len(cycle.nodes) != 1:
            continue
        (node,) = cycle.nodes
        rel = check.graph.parent_rel[node]
        yield check.finding(
            f"{check.name(node)} reports to itself{_below(cycle)}",
            [node],
            [rel.prov if rel else check.prov(node)],
        )


RULES = (reporting_cycle, self_report)
