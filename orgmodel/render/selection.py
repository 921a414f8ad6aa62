"""Choose what goes on a chart: which posts, which "+N more" boxes, which lines.

A chart of a million posts is a chart of sixty boxes: the top levels that
fit in ``max_posts``, and a "+N more" box under each post whose reports did
not fit, saying how many posts it stands for. Everything here is linear in
the part of the graph below the chart's roots and reads the graph's arrays
(parent pointers, CSR children); records are read only for the boxes drawn.

Top posts first: all of them when they fit in half the chart, else those
with the most posts below them (a forest of small bodies folds into one
"+N more"). How the budget is spent: whole levels below the roots while they fit (a
chart that stops at a level reads evenly); then, at the first level that
does not fit, the smallest teams first, each whole, while they fit; if not
even one whole team fits, as many of the first team as fit. A highlighted
post's chain of command is always shown, whatever the budget and depth.

Every post is drawn once. A top post in a reporting cycle (``--root`` on
one of its posts) is reached again from below; it is not drawn twice, nor
counted in a "+N more": a line goes back up to it instead, and
:attr:`Chart.cycles` counts such lines.

>>> from orgmodel.records import OrgData, PostRecord, Relation, RelKind, LineKind
>>> posts = [PostRecord("boss", "Director")] + [
...     PostRecord(f"c{i}", f"Clerk {i}") for i in range(5)]
>>> rels = [Relation(RelKind.REPORTS_TO, f"c{i}", "boss", LineKind.PRIMARY) for i in range(5)]
>>> from orgmodel.graph import OrgGraph
>>> chart = select(OrgGraph(OrgData(posts=posts, relations=rels)), ChartOptions(max_posts=3))
>>> [b.title for b in chart.boxes.values()]
['Director', 'Clerk 0', 'Clerk 1', '+3 more']
>>> chart.hidden_posts
3
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import islice, pairwise
from pathlib import Path

from orgmodel.errors import UsageError
from orgmodel.graph import OrgGraph
from orgmodel.holders import HolderStatus, holder_status
from orgmodel.records import PostRecord, Prov, Relation
from orgmodel.render.assistants import Recogniser, recogniser
from orgmodel.render.chart import Box, BoxKind, Chart, Line, LineStyle
from orgmodel.render.options import ChartOptions

__all__ = ["chart_roots", "more_box", "pick_roots", "posts_below", "select", "show_chains", "spend"]

Keep = Callable[[int], bool] | None
Kids = Callable[[int], list[int]]


def chart_roots(graph: OrgGraph, options: ChartOptions) -> list[int]:
    """The top boxes: the given roots, else the organization's tops, else the graph's.

    Posts whose only superior is themselves (a self-loop in the source) are
    tops too, so that they are drawn rather than lost.
    """
    if options.roots is not None:
        return list(options.roots)
    parent = graph.parent
    if options.org is not None:
        org = options.org
        orgs = graph.column("org")
        tops = [
            n
            for n in range(graph.post_count)
            if orgs[n] == org and (parent[n] < 0 or parent[n] == n or _org(graph, parent[n]) != org)
        ]
        tops += [r for r in graph.roots if not graph.is_post(r) and graph.org_of(r) == org]
        tops.sort()
        return tops
    roots = list(graph.roots)
    if -1 in graph.depth:
        roots += [n for n in range(graph.size) if parent[n] == n]
    return roots


def _org(graph: OrgGraph, node: int) -> str | None:
    return graph.org_of(node)


def _keeper(graph: OrgGraph, org: str | None) -> Keep:
    if org is None:
        return None
    orgs = graph.column("org")
    posts = graph.post_count
    return lambda n: (orgs[n] if n < posts else graph.org_of(n)) == org


def _kids(graph: OrgGraph, keep: Keep, tops: Sequence[int]) -> Kids:
    """A node's reports on the chart: in scope, and not one of the chart's ``tops``.

    Each post has one primary superior, so below the tops only a top can be
    reached twice -- from under itself when it sits in a reporting cycle, or
    from under another top. Leaving the tops out makes the chart a tree.
    """
    start, child_list = graph.child_start, graph.child_list
    top = set(tops)

    def kids(node: int) -> list[int]:
        found = child_list[start[node] : start[node + 1]]
        if keep is None:
            return [k for k in found if k != node and k not in top]
        return [k for k in found if k != node and k not in top and keep(k)]

    return kids


def _order(graph: OrgGraph, roots: Sequence[int], keep: Keep) -> list[int]:
    """Every node under ``roots`` (roots first), breadth first, each once."""
    start, kids = graph.child_start, graph.child_list
    order = list(dict.fromkeys(roots))
    depth = graph.depth
    single = len(order) == 1 and depth[order[0]] >= 0
    if keep is None and (single or all(depth[r] == 0 for r in order)):
        # Below one top with a depth, or below tops that have no superior, there is
        # no cycle and no top under another: each node is reached once.
        for n in order:  # the list grows while it is walked: a breadth-first queue
            a, b = start[n], start[n + 1]
            if a != b:
                order.extend(kids[a:b])
        return order
    seen = bytearray(graph.size)
    for r in order:
        seen[r] = 1
    for n in order:
        a, b = start[n], start[n + 1]
        if a == b:
            continue
        for c in kids[a:b]:
            if not seen[c] and (keep is None or keep(c)):
                seen[c] = 1
                order.append(c)
    return order


def posts_below(graph: OrgGraph, order: Sequence[int], roots: int) -> list[int]:
    """Posts in each node's subtree, itself included, for the nodes of ``order``.

    ``order`` is breadth-first with its ``roots`` first: summing children
    into parents from the end is then one pass over the subtree.
    """
    posts = graph.post_count
    count = [1] * posts + [0] * (graph.size - posts)  # read only for the nodes of order
    parent = graph.parent
    for n in islice(reversed(order), len(order) - roots):
        count[parent[n]] += count[n]
    return count


def pick_roots(roots: list[int], counts: list[int], max_posts: int) -> list[int]:
    """The top posts to draw: all that fit; when they would fill the chart, the biggest.

    A registry of public bodies is a forest of hundreds of tops, most with
    nothing below them (NYC: 197 tops, one of them the Office of the Mayor
    with a hundred bodies under it). Sixty tops in their file order make a
    chart of sixty unrelated boxes; the tops with the most posts below them
    (at most half the chart), in file order, make a chart of the structure,
    and the rest fold into one "+N more".
    """
    limit = max(1, max_posts // 2)
    if len(roots) <= limit:
        return list(roots)
    with_reports = [i for i, r in enumerate(roots) if counts[r] > 1]
    if not with_reports:
        return list(roots[:max_posts])
    biggest = sorted(with_reports, key=lambda i: (-counts[roots[i]], i))[:limit]
    return [roots[i] for i in sorted(biggest)]


def spend(roots: list[int], options: ChartOptions, kids: Kids) -> dict[int, list[int]]:
    """Which reports each shown node shows, within the budget and depth."""
    shown_children: dict[int, list[int]] = {}
    frontier = roots
    budget = options.max_posts - len(roots)
    level = 0
    while frontier and budget > 0 and (options.depth is None or level < options.depth):
        teams = [(p, kids(p)) for p in frontier]
        teams = [(p, t) for p, t in teams if t]
        total = sum(len(t) for _, t in teams)
        if not total:
            break
        if total <= budget:
            shown_children.update(teams)
            budget -= total
            frontier = [c for _, t in teams for c in t]
            level += 1
            continue
        for p, team in sorted(teams, key=lambda pt: len(pt[1])):
            if len(team) > budget:
                break
            shown_children[p] = team
            budget -= len(team)
        if not shown_children.keys() & {p for p, _ in teams}:
            p, team = teams[0]
            shown_children[p] = team[:budget]
        break
    return shown_children


def show_chains(
    shown_children: dict[int, list[int]], kids: Kids, pairs: Iterable[tuple[int, int]]
) -> None:
    """Show each ``(report, superior)`` pair whatever the budget, in the superior's team order.

    A highlighted chain of command, or what a diff changed, is drawn even
    where the budget folded the rest of the team into "+N more".

    >>> shown = {0: [1]}
    >>> show_chains(shown, lambda n: [1, 2, 3] if n == 0 else [], [(3, 0), (1, 0)])
    >>> shown
    {0: [1, 3]}
    """
    wanted: dict[int, set[int]] = {}
    for child, sup in pairs:
        team = shown_children.setdefault(sup, [])
        if child not in team:
            wanted.setdefault(sup, set(team)).add(child)
    for sup, keep in wanted.items():
        shown_children[sup] = [k for k in kids(sup) if k in keep]


def _chain(graph: OrgGraph, post: int, tops: set[int]) -> list[int]:
    """``post`` and its superiors up to one of ``tops`` (bottom first)."""
    chain = [post]
    node = post
    while node not in tops:
        node = graph.parent[node]
        if node in chain:
            raise UsageError(
                f"{graph.label(post)} is in or under a reporting cycle, so its chain of "
                f"command reaches no top post; chart the cycle with --root {graph.id_of(node)!r}"
            )
        if node < 0:
            raise UsageError(
                f"{graph.label(post)} is not under the chart's top posts; "
                "choose a --root above it or leave --root out"
            )
        chain.append(node)
    return chain


def select(graph: OrgGraph, options: ChartOptions) -> Chart:
    """The boxes and lines of the chart ``options`` describe."""
    keep = _keeper(graph, options.org)
    roots = chart_roots(graph, options)
    if not roots:
        raise UsageError(_nothing_to_draw(graph, options))
    order = _order(graph, roots, keep)
    counts = posts_below(graph, order, len(set(roots)))
    shown_roots = pick_roots(roots, counts, options.max_posts)
    kids = _kids(graph, keep, roots)
    shown_children = spend(shown_roots, options, kids)
    highlight: set[int] = set()
    if options.highlight is not None:
        chain = _chain(graph, options.highlight, set(roots))
        highlight = set(chain)
        if chain[-1] not in shown_roots:
            shown_roots.append(chain[-1])
        show_chains(shown_children, kids, pairwise(chain))
    chart = Chart(title=options.title or default_title(graph, options, roots), date=options.date)
    assistant = recogniser(options.assistant_pattern)
    _fill(graph, chart, shown_roots, shown_children, kids, counts, highlight, assistant)
    shown_set = set(shown_roots)  # the biggest tops may be any of them, not the first
    hidden_roots = [r for r in dict.fromkeys(roots) if r not in shown_set]
    if hidden_roots:
        box = Box("mtop", BoxKind.MORE, f"+{len(hidden_roots)} more", node=-1)
        box.detail = "top post" if len(hidden_roots) == 1 else "top posts"
        box.more_reports = len(hidden_roots)
        box.more_posts = sum(counts[r] for r in hidden_roots)
        chart.boxes[box.key] = box
        chart.roots.append(box.key)
    chart.total_posts = sum(counts[r] for r in set(roots))
    chart.shown_posts = sum(1 for b in chart.boxes.values() if b.kind is BoxKind.POST)
    chart.hidden_posts = chart.total_posts - chart.shown_posts
    if options.roots is None:
        chart.unplaced = _posts_in_scope(graph, options.org) - chart.total_posts
    _side_lines(graph, chart)
    _lines_up_to_tops(graph, chart, shown_roots)
    return chart


def _posts_in_scope(graph: OrgGraph, org: str | None) -> int:
    if org is None:
        return graph.post_count
    return sum(1 for o in graph.column("org") if o == org)


def _nothing_to_draw(graph: OrgGraph, options: ChartOptions) -> str:
    """Why a chart has no top: no posts in its scope, or all of them in reporting cycles."""
    count = _posts_in_scope(graph, options.org) if options.roots is None else 0
    if not count:
        return "nothing to draw: no posts match the chart's scope"
    posts = "the only post sits" if count == 1 else f"all {count:,} posts sit"
    return (
        f"nothing to draw: {posts} in or under reporting cycles, under no top post; "
        "run 'orgmodel validate' to see the cycles"
    )


def default_title(graph: OrgGraph, options: ChartOptions, roots: list[int]) -> str:
    """The chart's title when none is given: the root post, the organization, or the org."""
    orgs = {graph.org_name(r) for r in roots} - {None}
    if options.roots is not None and len(roots) == 1:
        org = graph.org_name(roots[0])
        return f"{graph.title(roots[0])}, {org}" if org else graph.title(roots[0])
    if len(orgs) == 1:
        return str(next(iter(orgs)))
    return "Organization chart"


def _fill(
    graph: OrgGraph,
    chart: Chart,
    roots: list[int],
    shown_children: dict[int, list[int]],
    kids: Kids,
    counts: list[int],
    highlight: set[int],
    assistant: Recogniser,
) -> None:
    """Boxes and tree lines, depth first from each root (the order DOT lays them out)."""
    heads = _unit_heads(graph, roots, shown_children)
    pending: dict[int, tuple[Box, list[int]]] = {}
    several_orgs = len({graph.org_of(r) for r in roots}) > 1
    stack: list[tuple[int, int | None, int | None]] = [(r, None, None) for r in reversed(roots)]
    while stack:
        node, sup, inherited = stack.pop()
        if node < 0:  # the "+N more" box of ~node, after its shown reports
            more_box(chart, pending.pop(~node), counts)
            continue
        box, unit = _box(graph, node, heads.get(node), inherited, highlight, assistant)
        if sup is None:
            chart.roots.append(box.key)
            org = graph.org_name(node)
            if several_orgs and org:
                if box.header and not box.detail:
                    box.detail = box.header
                box.header = org
        chart.boxes[box.key] = box
        if sup is not None:
            rel = graph.parent_rel[node]
            chart.lines.append(
                Line(
                    f"p{sup}",
                    box.key,
                    inferred=_inferred(rel),
                    highlighted=node in highlight and sup in highlight,
                )
            )
        shown = shown_children.get(node, [])
        shown_set = set(shown)
        hidden = [k for k in kids(node) if k not in shown_set]
        if shown:
            chart.children[box.key] = [f"p{c}" for c in shown]
        if hidden and not shown:
            box.more_reports = len(hidden)
            box.more_posts = sum(counts[k] for k in hidden)
        elif hidden:
            pending[node] = (box, hidden)
            stack.append((~node, None, None))
        for child in reversed(shown):
            stack.append((child, node, unit))


def more_box(chart: Chart, parent: tuple[Box, list[int]], counts: list[int]) -> None:
    """A "+N more" box beside the reports of ``parent`` that are shown."""
    box, hidden = parent
    more = Box(f"m{box.node}", BoxKind.MORE, f"+{len(hidden)} more", node=box.node)
    more.more_reports = len(hidden)
    more.more_posts = sum(counts[k] for k in hidden)
    chart.boxes[more.key] = more
    chart.children[box.key].append(more.key)
    chart.lines.append(Line(box.key, more.key))


def _box(
    graph: OrgGraph,
    node: int,
    headed: list[int] | None,
    inherited: int | None,
    highlight: set[int],
    assistant: Recogniser,
) -> tuple[Box, int | None]:
    """The box of one node, and the unit its reports inherit (to skip repeating it)."""
    rec = graph.record(node)
    if not isinstance(rec, PostRecord):
        box = Box(f"p{node}", BoxKind.BODY, rec.name, detail=str(rec.kind).capitalize())
        box.node, box.tooltip, box.ident = node, _tooltip(rec.id, rec.prov), rec.id
        box.highlighted = node in highlight
        return box, inherited
    box = Box(f"p{node}", BoxKind.POST, rec.title, holder=rec.holder, node=node, ident=rec.id)
    state = holder_status(rec.holder, rec.attributes)
    if state in (HolderStatus.WITHHELD, HolderStatus.ELIMINATED):
        box.holder = state.label  # not a vacancy: drawn as what the marker said
    box.tooltip = _tooltip(rec.id, rec.prov)
    box.assistant = assistant(rec.title, rec.attributes)
    box.inferred = rec.prov.inferred
    box.highlighted = node in highlight
    if (rec.attributes or {}).get("aggregate"):
        box.aggregate = True
        box.holder = f"{rec.fte:g} FTE" if rec.fte is not None else "aggregate"
    unit = graph.unit_of(node)
    if headed:
        box.header = " · ".join(graph.title(u) for u in headed[:2])
        return box, headed[0]
    if unit is not None and unit != inherited:
        box.detail = graph.title(unit)
    return box, unit if unit is not None else inherited


def _tooltip(ident: str, prov: Prov) -> str:
    """``id · file:line``, the file by name only: the chart reads the same wherever it is drawn."""
    if not prov.source:
        return ident
    where = Prov(Path(prov.source).name, prov.line, prov.start, prov.end).where()
    return f"{ident} · {where}"


def _unit_heads(
    graph: OrgGraph, roots: list[int], shown_children: dict[int, list[int]]
) -> dict[int, list[int]]:
    """For each shown post, the units it is the lowest shown head of.

    The COO who oversees the Facilities Department does not carry its name
    when the Director of Facilities, below the COO, is on the chart too.
    """
    best: dict[int, int] = {}
    depth = graph.depth
    for node in _shown(roots, shown_children):
        for unit, _ in graph.heads.get(node, []):
            other = best.get(unit)
            if other is None or depth[node] > depth[other]:
                best[unit] = node
    heads: dict[int, list[int]] = {}
    for unit, node in best.items():
        if unit not in heads.get(node, []):
            heads.setdefault(node, []).append(unit)
    return heads


def _shown(roots: list[int], shown_children: dict[int, list[int]]) -> list[int]:
    """The shown nodes, breadth first, each once (a seen-set: never trust a cycle away)."""
    nodes = list(dict.fromkeys(roots))
    seen = set(nodes)
    for n in nodes:
        for k in shown_children.get(n, []):
            if k not in seen:
                seen.add(k)
                nodes.append(k)
    return nodes


def _inferred(rel: Relation | None) -> bool:
    return rel is not None and rel.prov.inferred


def _side_lines(graph: OrgGraph, chart: Chart) -> None:
    """Dotted lines and second primary superiors between boxes on the chart."""
    left_out = 0
    for lines, style in ((graph.extra_primary, LineStyle.PRIMARY),
                         (graph.secondary, LineStyle.SECONDARY)):  # fmt: skip
        for sub, sups in lines.items():
            if f"p{sub}" not in chart.boxes:
                continue
            for sup, rel in sups:
                if f"p{sup}" in chart.boxes and sup != sub:
                    chart.lines.append(
                        Line(f"p{sup}", f"p{sub}", style, inferred=_inferred(rel), tree=False)
                    )
                else:
                    left_out += 1
    chart.lines_left_out = left_out


def _lines_up_to_tops(graph: OrgGraph, chart: Chart, tops: list[int]) -> None:
    """A line up to each top post from its primary superior, when that is on the chart.

    The superior of a top is on the chart when the top sits in a reporting
    cycle (``--root`` on one of its posts: the line closes the cycle, and
    :attr:`Chart.cycles` counts it) or under another top.
    """
    parent = graph.parent
    for top in tops:
        sup = parent[top]
        if sup < 0 or sup == top or f"p{sup}" not in chart.boxes:
            continue
        line = Line(f"p{sup}", f"p{top}", inferred=_inferred(graph.parent_rel[top]), tree=False)
        chart.lines.append(line)
        node, steps = sup, 0
        while node >= 0 and node != top and steps < len(chart.boxes):  # up the chart to the top?
            node, steps = parent[node], steps + 1
        chart.cycles += node == top
