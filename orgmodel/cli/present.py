"""How query results look: rich text for people, plain dicts for ``--format json``.

Kept apart from :mod:`orgmodel.cli` so each command stays a few lines:
parse, call the library, hand the result to one of these.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.table import Table
from rich.text import Text
from rich.tree import Tree as RichTree

from orgmodel.graph.queries import Common, Oversight, Stats, Superior
from orgmodel.holders import holder_status
from orgmodel.records import LineKind, LoadIssue, PostRecord, Relation

if TYPE_CHECKING:
    from orgmodel.extract.explain import Explanation
    from orgmodel.extract.result import Extraction
    from orgmodel.graph import OrgGraph

__all__ = [
    "Tree",
    "TreeItem",
    "chain_all_text",
    "chain_json",
    "chain_text",
    "common_json",
    "common_text",
    "cycle_note",
    "explanation_text",
    "extraction_text",
    "ingest_text",
    "issue_lines",
    "load_warnings",
    "loops_back_to",
    "node_line",
    "oversight_json",
    "path_text",
    "reports_table",
    "stats_table",
    "tree",
    "tree_json",
    "tree_notes",
    "tree_text",
]


def node_line(graph: OrgGraph, node: int, *, with_org: bool = False) -> str:
    """``Chief Operating Officer — Vacant · Operations [hps-coo]`` as rich markup.

    A post known only because a posting names it (``inferred``) shows that in
    place of a holder: whether it is vacant is not known. A line break in the
    data (a quoted CSV cell) prints as a space, so a tree or table keeps one
    line per post.
    """
    rec = graph.record(node)
    title = _one_line(graph.title(node))
    if isinstance(rec, PostRecord):
        state = holder_status(rec.holder, rec.attributes)  # Vacant, name withheld, Eliminated
        who = _one_line(rec.holder) if rec.holder else f"[italic]{state.label}[/]"
        if rec.prov.inferred and not rec.holder:
            who = "[italic]inferred[/]"  # named as a superior only: holder unknown
        if (rec.attributes or {}).get("aggregate"):
            who = f"{rec.fte:g} FTE" if rec.fte is not None else "aggregate"
        text = f"[bold]{title}[/] — {who}"
        unit = graph.unit_of(node)
        if unit is not None:
            text += f" [dim]· {_one_line(graph.title(unit))}[/]"
    else:
        text = f"[bold cyan]{title}[/] [dim]({rec.kind})[/]"
    if with_org and graph.org_name(node):
        text += f" [dim]({_one_line(graph.org_name(node) or '')})[/]"
    return text + f" [dim]\\[{_one_line(rec.id)}][/]"


def _one_line(text: str) -> str:
    """Text from the data as markup on one line: escaped, line breaks as spaces.

    >>> _one_line("Director of\\nFinance [acting]")
    'Director of Finance \\\\[acting]'
    """
    if "\n" in text or "\r" in text:
        text = " ".join(text.split())
    return escape(text)


@dataclass
class TreeItem:
    """One post (or board) a tree shows, and what it leaves out under it."""

    node: int
    parent: int  # index of the item above in :attr:`Tree.items`, -1 for a top
    level: int
    below: int = 0  # posts under it not shown, past --depth
    cut: int = 0  # posts under it not shown, past --limit
    loops_to: int = -1  # a report that is also above it: where a reporting cycle closes


@dataclass
class Tree:
    """What ``orgmodel show`` prints: the items shown and counts of what is not.

    Built by :func:`tree` without recursion (a 100,000-level chain is a list
    like any other), then drawn by :func:`tree_text` or :func:`tree_json`.
    """

    items: list[TreeItem]
    hidden: int  # posts not shown, the top posts left out and all below them included
    hidden_tops: int  # top posts left out by --limit
    in_cycles: int  # posts in or under reporting cycles, which no top reaches


def tree(graph: OrgGraph, roots: Sequence[int] | None, depth: int | None, limit: int) -> Tree:
    """The tree under ``roots`` (``None``: the graph's tops) in depth-first order.

    ``limit`` counts every post shown, tops included; ``depth`` the levels below
    the tops. Posts in or under a reporting cycle hang from no top: their count
    is :attr:`Tree.in_cycles` when the graph's tops are shown.

    >>> from orgmodel.graph import OrgGraph
    >>> from orgmodel.records import OrgData, PostRecord, Relation, RelKind, LineKind
    >>> R = lambda a, b: Relation(RelKind.REPORTS_TO, a, b, LineKind.PRIMARY)
    >>> g = OrgGraph(OrgData(posts=[PostRecord(i, i.title()) for i in ("a", "b", "c", "d")],
    ...                      relations=[R("b", "a"), R("c", "d"), R("d", "c")]))
    >>> t = tree(g, None, None, limit=1)
    >>> [g.id_of(i.node) for i in t.items], t.hidden, t.in_cycles
    (['a'], 1, 2)
    >>> t = tree(g, [g.node("c")], None, limit=10)
    >>> [g.id_of(i.node) for i in t.items], g.id_of(t.items[-1].loops_to)
    (['c', 'd'], 'c')
    """
    tops = list(graph.roots) if roots is None else list(roots)
    items: list[TreeItem] = []
    hidden = hidden_tops = 0
    seen: set[int] = set()
    for t, top in enumerate(tops):
        if len(items) >= limit:
            hidden_tops = len(tops) - t
            hidden += sum(1 + _count_below(graph, r) for r in tops[t:])
            break
        items.append(TreeItem(top, -1, 0))
        seen.add(top)
        stack = [len(items) - 1]  # items whose reports are still to be listed
        while stack:
            index = stack.pop()
            item = items[index]
            kids = list(graph.children(item.node))
            if depth is not None and item.level >= depth:
                item.below = _count_below(graph, item.node)
                hidden += item.below
                continue
            added: list[int] = []
            for k, child in enumerate(kids):
                if child in seen:
                    item.loops_to = child
                    continue
                if len(items) >= limit:
                    item.cut = sum(1 + _count_below(graph, c) for c in kids[k:] if c not in seen)
                    hidden += item.cut
                    break
                seen.add(child)
                added.append(len(items))
                items.append(TreeItem(child, index, item.level + 1))
            stack.extend(reversed(added))  # depth first, in the order of the reports
    in_cycles = _posts_in_cycles(graph) if roots is None else 0
    return Tree(items, hidden, hidden_tops, in_cycles)


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


def _posts_in_cycles(graph: OrgGraph) -> int:
    """Posts in or under a reporting cycle: their depth is -1 (units' may be, for other reasons)."""
    return int((graph.np_depth[: graph.post_count] < 0).sum())


def cycle_note(count: int, where: str = "shown") -> str | None:
    """The line that says posts were left out because they are in reporting cycles.

    >>> print(cycle_note(1, "on the chart"))  # doctest: +ELLIPSIS
    1 post sits in or under reporting cycles and is not on the chart; run 'orgmodel validate' ...
    """
    if not count:
        return None
    posts = "1 post sits" if count == 1 else f"{count:,} posts sit"
    verb = "is" if count == 1 else "are"
    return f"{posts} in or under reporting cycles and {verb} not {where}; {_VALIDATE_HINT}"


_VALIDATE_HINT = "run 'orgmodel validate' to see the cycles"


def tree_text(graph: OrgGraph, shown: Tree, *, units: bool = False) -> list[RichTree]:
    """Rich trees of ``shown``; ``units`` lists under each post the units it heads (``▣``)."""
    branches: list[RichTree] = []
    trees: list[RichTree] = []
    with_org = len(graph.orgs) > 1
    for item in shown.items:
        if item.parent < 0:
            branch = RichTree(node_line(graph, item.node, with_org=with_org))
            trees.append(branch)
        else:
            text = node_line(graph, item.node)
            for sup, _ in graph.secondary.get(item.node, []):
                text += f" [magenta]⇢ {_one_line(graph.title(sup))}[/]"
            branch = branches[item.parent].add(text)
        branches.append(branch)
        if units:
            for unit, _ in graph.heads.get(item.node, []):
                branch.add(f"[cyan]▣[/] heads {node_line(graph, unit)}")
    for item, branch in zip(shown.items, branches, strict=True):
        if item.loops_to >= 0:
            title = _one_line(graph.title(item.loops_to))
            branch.add(f"[red]↻ back to {title}[/] [dim](reporting cycle)[/]")
        if item.below:
            branch.add(f"[dim]… {item.below} more below[/]")
        if item.cut:
            branch.add("[dim]… more (raise --limit)[/]")
    return trees


def tree_notes(shown: Tree) -> list[str]:
    """What the tree left out, one line each (plain text)."""
    notes = []
    if shown.hidden:
        tops = f", {shown.hidden_tops:,} of them top posts" if shown.hidden_tops else ""
        posts = "1 post" if shown.hidden == 1 else f"{shown.hidden:,} posts"
        notes.append(f"{posts} not shown{tops} (use --depth/--limit/--root)")
    if (cycles := cycle_note(shown.in_cycles)) is not None:
        notes.append(cycles)
    return notes


def tree_json(graph: OrgGraph, shown: Tree, *, units: bool = False) -> dict[str, Any]:
    """``show --format json``: the posts shown, in the tree's order, and what was left out.

    Flat, each post with its ``level`` (0 for a top) and the id it hangs from
    (``reports_to``, null for a top), as ``reports --format json`` lists posts:
    a nested document as deep as the org could not be written or read by
    :mod:`json` past a few hundred levels (jq 1.6 stops at 256). A post whose
    reports were not all listed says how many posts under it were not
    (``not_shown``); one whose report is also its superior says where the
    reporting cycle closes (``loops_back_to``); ``--units`` adds the units it ``heads``.
    """
    posts: list[dict[str, Any]] = []
    for item in shown.items:
        entry = graph.describe(item.node)
        entry["level"] = item.level
        entry["reports_to"] = (
            graph.id_of(shown.items[item.parent].node) if item.parent >= 0 else None
        )
        if units:
            entry["heads"] = [graph.describe(u) for u, _ in graph.heads.get(item.node, [])]
        if item.below or item.cut:
            entry["not_shown"] = item.below + item.cut
        if item.loops_to >= 0:
            entry["loops_back_to"] = graph.id_of(item.loops_to)
        posts.append(entry)
    return {
        "posts": posts,
        "shown": len(shown.items),
        "not_shown": shown.hidden,
        "top_posts_not_shown": shown.hidden_tops,
        "in_reporting_cycles": shown.in_cycles,
    }


def loops_back_to(graph: OrgGraph, node: int, steps: Sequence[int]) -> int | None:
    """Where a chain of command from :func:`orgmodel.graph.queries.chain` closes on itself.

    The chain stops at a post it has passed already; that post is the one the
    last step reports to. ``None`` when the chain ends at a top.
    """
    up = graph.parent[steps[-1] if steps else node]
    return up if up >= 0 else None


def chain_text(graph: OrgGraph, node: int, steps: list[int]) -> str:
    """The chain of command, one superior a line with the source of each line.

    A chain that runs into a reporting cycle says where it closes, so the last
    post printed is not taken for the top.
    """
    lines = [node_line(graph, node, with_org=True)]
    for i, up in enumerate(steps, 1):
        src = _line_source(graph.parent_rel[steps[i - 2] if i > 1 else node])
        lines.append(f"{'  ' * i}↑ {node_line(graph, up)}{src}")
    back = loops_back_to(graph, node, steps)
    if back is not None:
        src = _line_source(graph.parent_rel[steps[-1] if steps else node])
        lines.append(
            f"{'  ' * (len(steps) + 1)}[red]↻ back to {_one_line(graph.title(back))}[/] "
            f"(reporting cycle){src}"
        )
    elif not steps:
        lines.append(f"  {_no_superior(graph, node)}")
    return "\n".join(lines)


def chain_all_text(graph: OrgGraph, node: int, ups: Sequence[Superior]) -> str:
    """``chain --all``: every superior over primary and dotted lines, nearest first, each
    with the post whose line leads to it and where that line is stated (or that it is
    only inferred)."""
    lines = [node_line(graph, node, with_org=True)]
    for up in ups:
        style = "" if up.via is LineKind.PRIMARY else "[magenta](dotted)[/] "
        via = _one_line(graph.title(up.below))
        src = _line_source(_line_to(graph, up.below, up.node, up.via))
        lines.append(f"  {up.distance}. {style}{node_line(graph, up.node)}  [dim]via {via}[/]{src}")
    return "\n".join(lines)


def _line_source(rel: Relation | None) -> str:
    """`` (file:line)`` after a step of a chain, ``inferred`` when no source states the line."""
    if rel is None:
        return ""
    inferred = ", inferred: no source states it" if rel.prov.inferred else ""
    return f" [dim]({escape(rel.prov.where())}{inferred})[/]"


def _no_superior(graph: OrgGraph, node: int) -> str:
    rec = graph.record(node)
    if isinstance(rec, PostRecord):
        return "(no superior: this is a top post)"
    if graph.span(node):
        return f"(no superior: this {rec.kind} is at the top)"
    return (
        f"(a {rec.kind} is not in the chain of command: no post reports to it; "
        "'orgmodel oversees' shows who heads it)"
    )


def chain_json(
    graph: OrgGraph, node: int, steps: Sequence[int | Superior], *, cycles: bool = False
) -> dict[str, Any]:
    """``chain --format json``; ``cycles`` (the primary chain) adds ``loops_back_to``: the id
    of the post where the chain runs into a reporting cycle, or null."""
    out: dict[str, Any] = {"post": graph.describe(node), "chain": []}
    step: int | Superior
    below = node
    for i, step in enumerate(steps, 1):
        if isinstance(step, Superior):
            out["chain"].append(
                {**graph.describe(step.node), "distance": step.distance, "via": str(step.via),
                 "below": graph.id_of(step.below),
                 **_line_json(_line_to(graph, step.below, step.node, step.via))}
            )  # fmt: skip
        else:
            out["chain"].append(
                {**graph.describe(step), "distance": i, "via": "primary",
                 **_line_json(graph.parent_rel[below])}
            )  # fmt: skip
            below = step
    if cycles:
        ints = [s for s in steps if isinstance(s, int)]
        back = loops_back_to(graph, node, ints)
        out["loops_back_to"] = graph.id_of(back) if back is not None else None
    return out


def _line_to(graph: OrgGraph, below: int, up: int, via: LineKind) -> Relation | None:
    """The line from ``below`` to ``up`` of kind ``via`` (the primary one, or a dotted one)."""
    if via is LineKind.PRIMARY:
        return graph.parent_rel[below]
    return next((rel for s, rel in graph.secondary.get(below, []) if s == up), None)


def _line_json(rel: Relation | None) -> dict[str, Any]:
    """Where a line of a chain is stated (``source``), and whether only assumed (``inferred``)."""
    if rel is None:
        return {"source": None, "inferred": False}
    return {"source": rel.prov.where(), "inferred": rel.prov.inferred}


def reports_table(graph: OrgGraph, node: int, rows: list[tuple[int, int]]) -> Table:
    """``orgmodel reports``: level, post and span of each report, under a title naming ``node``."""
    title = f"{len(rows)} report(s) of {_one_line(graph.label(node))}"
    table = Table(title=title, title_justify="left")
    table.add_column("level", justify="right")
    table.add_column("post")
    table.add_column("reports", justify="right")
    for node, level in rows:
        table.add_row(
            str(level), ("  " * (level - 1)) + node_line(graph, node), str(graph.span(node))
        )
    return table


def common_text(graph: OrgGraph, a: int, b: int, result: Common | None) -> str:
    """``orgmodel common``: the superior and how far above each post it is."""
    if result is None:
        return f"{escape(graph.label(a))} and {escape(graph.label(b))} have no common superior."
    return "\n".join(
        [
            node_line(graph, result.node, with_org=True),
            f"  {result.distance_a} level(s) above {escape(graph.label(a))}",
            f"  {result.distance_b} level(s) above {escape(graph.label(b))}",
        ]
    )


def path_text(graph: OrgGraph, a: int, b: int, steps: list[int] | None) -> str:
    """``orgmodel path``: ``•`` the start, ``↑`` up to the common superior ``▲``, ``↓`` down.

    The steps go up parent pointers to the superior, then down: the superior is
    the first step whose next one is not its parent.
    """
    if steps is None:
        return f"No reporting path between {escape(graph.label(a))} and {escape(graph.label(b))}."
    parent = graph.parent
    top = next(i for i, n in enumerate(steps) if i == len(steps) - 1 or parent[n] != steps[i + 1])
    lines = []
    for i, n in enumerate(steps):
        mark = "•" if i == 0 else "▲" if i == top else "↑" if i < top else "↓"
        lines.append(f"{mark} {node_line(graph, n)}")
    return "\n".join(lines)


def common_json(graph: OrgGraph, a: int, b: int, result: Common | None) -> dict[str, Any]:
    """``common --format json``: both posts, the superior and the distances (null: none)."""
    return {
        "a": graph.describe(a),
        "b": graph.describe(b),
        "common": graph.describe(result.node) if result else None,
        "distance_a": result.distance_a if result else None,
        "distance_b": result.distance_b if result else None,
    }


def oversight_json(graph: OrgGraph, node: int, result: Oversight) -> dict[str, Any]:
    """``oversees --format json``: units headed (and nested in them), or heads and parents."""
    return {
        "subject": graph.describe(node),
        "heads": [graph.describe(u) for u in result.heads],
        "nested": [{**graph.describe(u), "part_of": graph.id_of(p)} for u, p in result.nested],
        "headed_by": [graph.describe(p) for p in result.headed_by],
        "part_of": [graph.describe(u) for u in result.part_of],
    }


def _span_text(result: Stats) -> str:
    return f"mean {result.span_mean}, median {result.span_median:g}, max {result.span_max}"


def stats_table(graph: OrgGraph, result: Stats) -> Text:
    """``orgmodel stats`` as two columns: names padded to one width, values as they are.

    Lines carry no padding after the value (a table would pad every line to the
    widest value, the list of widest spans: ~290 characters in a pipe).
    """
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
    if result.withheld:
        rows.append(("names withheld", f"{result.withheld:,}"))
    if result.eliminated:
        rows.append(("eliminated posts", f"{result.eliminated:,}"))
    if result.fte:
        rows.append(("FTE", f"{result.fte:,g}"))
    if result.in_cycles:
        rows.append(("in reporting cycles", f"{result.in_cycles:,}"))
    if result.widest:
        rows.append(
            ("widest spans", "; ".join(f"{graph.label(n)} ({s})" for n, s in result.widest))
        )
    width = max(len(key) for key, _ in rows)
    text = Text()
    for i, (key, value) in enumerate(rows):
        text.append(("\n " if i else " ") + key.ljust(width), style="bold")
        text.append("  " + value)
    return text


def _confidence(value: float) -> str:
    """A fact's confidence, flagged when it is under the review threshold."""
    from orgmodel.sources.confidence import REVIEW_BELOW

    if value < REVIEW_BELOW:
        return f" [yellow]({value:.2f}, to review)[/]"
    return f" [dim]({value:.2f})[/]"


def explanation_text(ex: Explanation) -> str:
    """Every candidate of one posting, accepted or not, with its rule, cue and reasons."""
    lines = [f"[bold]{escape(ex.source or '<text>')}[/]  title: {escape(ex.title or '—')}"]
    if not ex.decisions:
        lines.append("  [dim]no candidate line: no cue or field states one[/]")
    for d in ex.decisions:
        what = "reports to" if d.relation == "up" else "supervises"
        mark = "[green]✓[/]" if d.accepted else "[red]✗[/]"
        reasons = ", ".join(f"{f} {w:+.2f}" for f, w in d.reasons)
        lines.append(
            f"  {mark} {what} ({d.kind}): [bold]{escape(d.name)}[/]  "
            f"confidence {d.confidence:.2f} (threshold {ex.threshold:.2f})"
        )
        lines.append(
            f"      [dim]rule {escape(d.rule)}; cue “{escape(d.cue)}” @{d.start}-{d.end}; "
            f"weighed: {escape(reasons)}[/]"
        )
        if d.note:
            lines.append(f"      [dim]not kept: {escape(d.note)}[/]")
    for warning in ex.warnings:
        lines.append(f"  [yellow]note:[/] {escape(warning)}")
    return "\n".join(lines)


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
            f"{_confidence(fact.confidence)}"
            f"  [dim]{escape(fact.evidence.cue)} → “{escape(fact.evidence.text)}” "
            f"@{fact.evidence.start}-{fact.evidence.end}[/]"
        )
    for sup in ex.supervises:
        lines.append(
            f"  supervises ({sup.kind}, {sup.target}): [bold]{escape(sup.name)}[/]"
            f"{_confidence(sup.confidence)}"
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


NOTE_CODES = frozenset({"extraction", "needs-review"})
"""Load issues that are notes, not problems: what a posting's extractor passed over
("manage 'vendors': not staff") and the lines it read with low confidence (F010).
``orgmodel extract``, ``ingest`` and ``validate`` show them; the query commands do not
repeat them on every run."""

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
    for rel, units in graph.resolution.not_body:
        kinds = " or ".join(sorted({str(graph.units[u - graph.post_count].kind) for u in units}))
        lines.append(
            _ref_problem(graph, rel, f"which is a {kinds}, not a post or a board; not used")
        )
    for first, dup in graph.duplicates:
        dropped = graph.duplicate_lines.get((dup.id, dup.prov), [])
        note = f", and this row's lines (to {', '.join(repr(graph.id_of(s)) for s, _ in dropped)})"
        lines.append(
            f"{dup.prov.where()}: duplicate id {dup.id!r} (first at {first.prov.where()}); "
            f"the first is used{note + ' are not' if dropped else ''}"
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
    """What ``orgmodel ingest`` did, from :meth:`orgmodel.sources.ingest.IngestResult.summary`.

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
    if summary.get("to_review"):
        lines.append(
            f"  [yellow]{summary['to_review']:,} lines to review[/] (read with low confidence:"
            " rule F010 lists them; `orgmodel extract --explain FILE` says why)"
        )
    return "\n".join(lines)
