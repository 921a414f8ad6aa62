"""How query results look: rich text for people, plain dicts for ``--format json``.

Kept apart from :mod:`orgmodel.cli` so each command stays a few lines:
parse, call the library, hand the result to one of these.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from orgmodel.graph import OrgGraph
from orgmodel.queries import Common, Oversight, Stats, Superior
from orgmodel.records import LoadIssue, PostRecord, Relation

if TYPE_CHECKING:
    from orgmodel.extract.result import Extraction

__all__ = [
    "chain_json",
    "chain_text",
    "extraction_text",
    "ingest_text",
    "issue_lines",
    "load_warnings",
    "node_line",
    "org_tree",
    "reports_table",
    "stats_table",
]


def node_line(graph: OrgGraph, node: int, *, with_org: bool = False) -> str:
    """``Chief Operating Officer — Vacant · Operations [hps-coo]`` as rich markup.

    A post known only because a posting names it (``inferred``) shows that in
    place of a holder: whether it is vacant is not known.
    """
    rec = graph.record(node)
    title = escape(graph.title(node))
    if isinstance(rec, PostRecord):
        who = escape(rec.holder) if rec.holder else "[italic]Vacant[/]"
        if rec.prov.inferred and not rec.holder:
            who = "[italic]inferred[/]"  # named as a superior only: holder unknown
        if (rec.attributes or {}).get("aggregate"):
            who = f"{rec.fte:g} FTE" if rec.fte is not None else "aggregate"
        text = f"[bold]{title}[/] — {who}"
        unit = graph.unit_of(node)
        if unit is not None:
            text += f" [dim]· {escape(graph.title(unit))}[/]"
    else:
        text = f"[bold cyan]{title}[/] [dim]({rec.kind})[/]"
    if with_org and graph.org_name(node):
        text += f" [dim]({escape(graph.org_name(node) or '')})[/]"
    return text + f" [dim]\\[{escape(rec.id)}][/]"


def org_tree(
    graph: OrgGraph, roots: list[int], depth: int | None, limit: int, *, units: bool = False
) -> tuple[list[Tree], int]:
    """Rich trees under ``roots``; returns them and how many posts were left out.

    ``units`` lists under each post the units it heads (``▣``), before its reports.
    """
    shown = 0
    hidden = 0
    trees: list[Tree] = []

    def grow(branch: Tree, node: int, level: int) -> None:
        nonlocal shown, hidden
        if units:
            for unit, _ in graph.heads.get(node, []):
                branch.add(f"[cyan]▣[/] heads {node_line(graph, unit)}")
        kids = list(graph.children(node))
        if depth is not None and level >= depth:
            below = _count_below(graph, node)
            hidden += below
            if kids:
                branch.add(f"[dim]… {below} more below[/]")
            return
        for k, child in enumerate(kids):
            if shown >= limit:
                hidden += sum(1 + _count_below(graph, c) for c in kids[k:])
                branch.add("[dim]… more (raise --limit)[/]")
                return
            shown += 1
            text = node_line(graph, child)
            for sup, _ in graph.secondary.get(child, []):
                text += f" [magenta]⇢ {escape(graph.title(sup))}[/]"
            grow(branch.add(text), child, level + 1)

    for root in roots:
        shown += 1
        tree = Tree(node_line(graph, root, with_org=len(graph.orgs) > 1))
        grow(tree, root, 0)
        trees.append(tree)
    return trees, hidden


def _count_below(graph: OrgGraph, node: int) -> int:
    if graph.depth[node] >= 0:
        return graph.below[node]
    total, stack, seen = 0, [node], {node}  # in or under a cycle: walk, once per node
    while stack:
        for kid in graph.children(stack.pop()):
            if kid not in seen:
                seen.add(kid)
                total += 1
                stack.append(kid)
    return total


def chain_text(graph: OrgGraph, node: int, steps: list[int]) -> str:
    lines = [node_line(graph, node, with_org=True)]
    for i, up in enumerate(steps, 1):
        rel = graph.parent_rel[steps[i - 2] if i > 1 else node]
        src = f" [dim]({escape(rel.prov.where())})[/]" if rel else ""
        lines.append(f"{'  ' * i}↑ {node_line(graph, up)}{src}")
    if not steps:
        lines.append("  (no superior: this is a top post)")
    return "\n".join(lines)


def chain_json(graph: OrgGraph, node: int, steps: Sequence[int | Superior]) -> dict[str, Any]:
    out: dict[str, Any] = {"post": graph.describe(node), "chain": []}
    step: int | Superior
    for i, step in enumerate(steps, 1):
        if isinstance(step, Superior):
            out["chain"].append(
                {**graph.describe(step.node), "distance": step.distance, "via": str(step.via),
                 "below": graph.id_of(step.below)}
            )  # fmt: skip
        else:
            out["chain"].append({**graph.describe(step), "distance": i, "via": "primary"})
    return out


def reports_table(graph: OrgGraph, rows: list[tuple[int, int]], title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("level", justify="right")
    table.add_column("post")
    table.add_column("reports", justify="right")
    for node, level in rows:
        table.add_row(
            str(level), ("  " * (level - 1)) + node_line(graph, node), str(graph.span(node))
        )
    return table


def common_json(graph: OrgGraph, a: int, b: int, result: Common | None) -> dict[str, Any]:
    return {
        "a": graph.describe(a),
        "b": graph.describe(b),
        "common": graph.describe(result.node) if result else None,
        "distance_a": result.distance_a if result else None,
        "distance_b": result.distance_b if result else None,
    }


def oversight_json(graph: OrgGraph, node: int, result: Oversight) -> dict[str, Any]:
    return {
        "subject": graph.describe(node),
        "heads": [graph.describe(u) for u in result.heads],
        "nested": [{**graph.describe(u), "part_of": graph.id_of(p)} for u, p in result.nested],
        "headed_by": [graph.describe(p) for p in result.headed_by],
        "part_of": [graph.describe(u) for u in result.part_of],
    }


def _span_text(result: Stats) -> str:
    return f"mean {result.span_mean}, median {result.span_median:g}, max {result.span_max}"


def stats_table(graph: OrgGraph, result: Stats) -> Table:
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("posts", f"{result.posts:,}"),
        ("units", f"{result.units:,}"),
        ("organizations", f"{result.organizations:,}"),
        ("roots", f"{result.roots:,}"),
        ("layers", str(result.layers)),
        ("managers", f"{result.managers:,}"),
        ("span of control", _span_text(result)),
        ("span distribution", ", ".join(f"{k}:{v}" for k, v in result.span_distribution.items())),
        ("without a superior", f"{result.without_superior:,} (not marked root)"),
        ("dotted lines", f"{result.secondary_lines:,}"),
        ("vacant posts", f"{result.vacant:,}"),
    ]  # fmt: skip
    if result.fte:
        rows.append(("FTE", f"{result.fte:,g}"))
    if result.in_cycles:
        rows.append(("in reporting cycles", f"{result.in_cycles:,}"))
    if result.widest:
        rows.append(
            ("widest spans", "; ".join(f"{escape(graph.label(n))} ({s})" for n, s in result.widest))
        )
    for key, value in rows:
        table.add_row(key, value)
    return table


def extraction_text(ex: Extraction) -> str:
    """A readable summary of one posting's facts, each with its cue and evidence."""
    lines = [f"[bold]{escape(ex.source or '<text>')}[/]"]
    for key, value in (("title", ex.title), ("organization", ex.organization),
                       ("department", ex.department)):  # fmt: skip
        lines.append(f"  {key}: {escape(value) if value else '[dim]—[/]'}")
    for fact in ex.reports_to:
        generic = " [yellow](generic)[/]" if fact.generic else ""
        lines.append(
            f"  reports to ({fact.kind}): [bold]{escape(fact.name)}[/]{generic}"
            f"  [dim]{escape(fact.evidence.cue)} → “{escape(fact.evidence.text)}” "
            f"@{fact.evidence.start}-{fact.evidence.end}[/]"
        )
    for sup in ex.supervises:
        lines.append(
            f"  supervises ({sup.kind}, {sup.target}): [bold]{escape(sup.name)}[/]"
            f"  [dim]{escape(sup.evidence.cue)} @{sup.evidence.start}-{sup.evidence.end}[/]"
        )
    for link in ex.links:
        lines.append(f"  {link.type}: {escape(link.name)}  [dim]{escape(link.evidence.cue)}[/]")
    for warning in ex.warnings:
        lines.append(f"  [yellow]warning:[/] {escape(warning)}")
    return "\n".join(lines)


def _ref_problem(graph: OrgGraph, rel: Relation, why: str) -> str:
    sub = graph.index.get(rel.subject)
    who = graph.label(sub) if sub is not None else rel.subject
    return f"{rel.prov.where()}: {who} {rel.kind.replace('_', ' ')} {rel.object!r}, {why}"


NOTE_CODES = frozenset({"extraction"})
"""Load issues that are notes, not problems: what a posting's extractor passed over
("manage 'vendors': not staff"). ``orgmodel extract`` and ``orgmodel validate`` show them;
the query commands do not repeat them on every run."""

SNAPSHOT_ISSUES = frozenset({"several-snapshots", "snapshot-runs"})
"""Snapshot notes: listed first, since they explain the warnings that follow."""


def load_warnings(graph: OrgGraph, limit: int = 10) -> list[str]:
    """Problems met while loading that did not stop it, one line each (for stderr)."""
    lines: list[str] = [  # a file read whole that holds several dates explains what follows
        f"{i.prov.where()}: {i.message}" for i in graph.issues if i.code in SNAPSHOT_ISSUES
    ]
    for rel in graph.resolution.dangling:
        lines.append(_ref_problem(graph, rel, "which matches no post or unit"))
    for rel, hits in graph.resolution.ambiguous:
        names = ", ".join(graph.id_of(h) for h in hits[:5])
        lines.append(_ref_problem(graph, rel, f"which could be any of {names}"))
    for first, dup in graph.duplicates:
        lines.append(
            f"{dup.prov.where()}: duplicate id {dup.id!r} (first at {first.prov.where()}); "
            "the first is used"
        )
    problems = [i for i in graph.issues if i.code not in NOTE_CODES | SNAPSHOT_ISSUES]
    return _capped([*lines, *_issue_lines(problems)], limit)


def _issue_lines(issues: Sequence[LoadIssue]) -> list[str]:
    return [f"{issue.prov.where()}: {issue.message}" for issue in issues]


def _capped(lines: list[str], limit: int) -> list[str]:
    if len(lines) > limit:
        return [*lines[:limit], f"… and {len(lines) - limit} more (run 'orgmodel validate')"]
    return lines


def issue_lines(issues: Sequence[LoadIssue], limit: int = 10) -> list[str]:
    """Load issues (such as extraction warnings), one line each, at most ``limit`` and a tally."""
    return _capped(_issue_lines(issues), limit)


def ingest_text(summary: dict[str, Any]) -> str:
    """What ``orgmodel ingest`` did, from :meth:`orgmodel.ingest.IngestResult.summary`.

    >>> print(ingest_text({"files": 3, "read": 2, "skipped": [{"path": "x.txt", "reason": "empty"}],
    ...     "organizations": 1, "posts": 4, "inferred_posts": 2, "units": 1, "reporting_lines": 3,
    ...     "dotted_lines": 1, "units_headed": 1, "links": 0, "warnings": 0, "output": "org.yaml"}))
    read 2 of 3 posting files (1 skipped) -> org.yaml
      1 organizations, 4 posts (2 inferred), 1 units
      3 reporting lines (1 dotted), 1 units headed, 0 links
    """
    skipped = len(summary["skipped"])
    lines = [
        f"read {summary['read']:,} of {summary['files']:,} posting files"
        + (f" ({skipped:,} skipped)" if skipped else "")
        + f" -> {escape(summary['output'])}",
        f"  {summary['organizations']:,} organizations, {summary['posts']:,} posts"
        f" ({summary['inferred_posts']:,} inferred), {summary['units']:,} units",
        f"  {summary['reporting_lines']:,} reporting lines ({summary['dotted_lines']:,} dotted),"
        f" {summary['units_headed']:,} units headed, {summary['links']:,} links",
    ]
    return "\n".join(lines)
