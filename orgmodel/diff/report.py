"""The diff as people and scripts read it: text, Markdown, JSON.

* ``to_json`` is the contract for scripts: every change with its stable
  ``kind`` and the posts involved (``id``, ``title``, ``organization``), the
  metrics side by side, and how each post not matched by id was matched;
* ``to_markdown`` is a report a planner pastes into a document;
* ``to_text`` is the same for a terminal (rich markup, escaped).

Changes are listed by kind in a fixed order; each kind lists at most
``limit`` changes (``… and N more``) so a diff of two million-post orgs stays
readable -- JSON always lists them all.

>>> from orgmodel.graph import OrgGraph
>>> from orgmodel.diff.changes import compare
>>> from orgmodel.records import OrgData, PostRecord as P, Relation, RelKind, LineKind
>>> R = lambda a, b: Relation(RelKind.REPORTS_TO, a, b, LineKind.PRIMARY)
>>> before = OrgGraph(OrgData(posts=[P("ceo", "CEO"), P("cfo", "CFO")],
...                           relations=[R("cfo", "ceo")]))
>>> after = OrgGraph(OrgData(posts=[P("ceo", "CEO"), P("cfo", "Finance Director")],
...                          relations=[R("cfo", "ceo")]))
>>> d = compare(before, after)
>>> print(change_line(d, d.changes[0]))
Finance Director [cfo]: “CFO” → “Finance Director”
>>> to_json(d, Sides("a.csv", "b.csv"))["summary"]["retitled"]
1
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rich.markup import escape

from orgmodel.collector import paused_gc
from orgmodel.diff.changes import Change, ChangeKind, Diff
from orgmodel.diff.match import RULES
from orgmodel.diff.metrics import ROWS, Metrics, measure
from orgmodel.graph import OrgGraph

__all__ = ["Sides", "change_dict", "change_line", "to_json", "to_markdown", "to_text"]

HEADINGS: dict[ChangeKind, str] = {
    ChangeKind.ADDED: "Added",
    ChangeKind.REMOVED: "Removed",
    ChangeKind.MOVED: "Moved to another superior",
    ChangeKind.ELIMINATED: "Eliminated (still listed, as abolished)",
    ChangeKind.RETITLED: "Retitled",
    ChangeKind.UNIT_CHANGED: "In another unit",
    ChangeKind.SECONDARY_ADDED: "Dotted lines added",
    ChangeKind.SECONDARY_REMOVED: "Dotted lines removed",
    ChangeKind.SUPERIOR_ADDED: "Further primary superiors added",
    ChangeKind.SUPERIOR_REMOVED: "Further primary superiors removed",
    ChangeKind.HEADS_ADDED: "Now heading a unit",
    ChangeKind.HEADS_REMOVED: "No longer heading a unit",
    ChangeKind.LINK_ADDED: "Links added",
    ChangeKind.LINK_REMOVED: "Links removed",
    ChangeKind.LINK_RETYPED: "Links of another type",
    ChangeKind.HOLDER_CHANGED: "New holder",
    ChangeKind.VACATED: "Vacated",
    ChangeKind.FILLED: "Filled",
    ChangeKind.GRADE_CHANGED: "Grade changed",
    ChangeKind.FTE_CHANGED: "FTE changed",
    ChangeKind.UNIT_ADDED: "Units added",
    ChangeKind.UNIT_REMOVED: "Units removed",
    ChangeKind.UNIT_REPARENTED: "Units moved (part of another unit)",
    ChangeKind.UNIT_RENAMED: "Units renamed",
}
ONE_END: dict[ChangeKind, tuple[bool, str]] = {
    ChangeKind.ADDED: (True, "{}, under {}"),
    ChangeKind.REMOVED: (False, "{}, was under {}"),
    ChangeKind.ELIMINATED: (False, "{}, was under {}"),
    ChangeKind.SUPERIOR_ADDED: (True, "{}: now also under {}"),
    ChangeKind.SUPERIOR_REMOVED: (False, "{}: no longer also under {}"),
    ChangeKind.SECONDARY_ADDED: (True, "{} ⇢ {}"),
    ChangeKind.SECONDARY_REMOVED: (False, "{} ⇢ {} (dropped)"),
    ChangeKind.HEADS_ADDED: (True, "{}: now heads {}"),
    ChangeKind.HEADS_REMOVED: (False, "{}: no longer heads {}"),
}
"""Changes that name one node beside the subject: AFTER's (True) or BEFORE's, and the line."""
LINK_KINDS = (ChangeKind.LINK_ADDED, ChangeKind.LINK_REMOVED, ChangeKind.LINK_RETYPED)
LABELS = {
    "posts": "posts",
    "units": "units",
    "organizations": "organizations",
    "roots": "roots",
    "layers": "layers",
    "managers": "managers",
    "individual_contributors": "individual contributors",
    "span_mean": "span of control, mean",
    "span_median": "span of control, median",
    "span_max": "span of control, max",
    "secondary_lines": "dotted lines",
    "vacant": "vacant posts",
    "fte": "FTE",
}


@dataclass(frozen=True)
class Sides:
    """What the two sides were read from, for headings."""

    before: str
    after: str
    scenario: str | None = None


@dataclass(frozen=True)
class _Style:
    """How a line shows user text and post names: plain, rich markup or Markdown."""

    text: Callable[[str], str]
    name: Callable[[str, str], str]  # (label, id) -> shown


PLAIN = _Style(lambda t: t, lambda label, ident: f"{label} [{ident}]")
RICH = _Style(escape, lambda label, ident: f"{escape(label)} [dim]\\[{escape(ident)}][/]")


def _code(ident: str) -> str:
    return f"`{ident}`" if "`" not in ident else md_escape(ident)


MARKDOWN = _Style(lambda t: md_escape(t), lambda label, ident: f"{md_escape(label)} {_code(ident)}")


def _node(
    graph: OrgGraph, node: int | None, style: _Style = PLAIN, name: str | float | None = None
) -> str:
    """A post as a line shows it; a superior that is only a name (``name``) says so."""
    if node is None:
        if isinstance(name, str):
            return f"‘{style.text(name)}’ (matches no post)"
        return "(none)"
    return style.name(graph.label(node), graph.id_of(node))


def _value(value: str | float | None, style: _Style = PLAIN) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, float):
        return f"{value:g}"
    return f"“{style.text(value)}”"


def change_line(diff: Diff, c: Change, style: _Style = PLAIN) -> str:
    """One change as a line of text (plain, or in a report's markup)."""
    b, a = diff.before, diff.after

    def old(node: int | None, name: str | float | None = None) -> str:
        return _node(b, node, style, name)

    def new(node: int | None, name: str | float | None = None) -> str:
        return _node(a, node, style, name)

    subject = new(c.after) if c.after is not None else old(c.before)
    k = ChangeKind
    if c.kind in ONE_END:
        after_side, template = ONE_END[c.kind]
        end = new(c.new_node, c.new_value) if after_side else old(c.old_node, c.old_value)
        return template.format(subject, end)
    if c.kind is k.MOVED:
        return f"{subject}: {old(c.old_node, c.old_value)} → {new(c.new_node, c.new_value)}"
    if c.kind in (k.UNIT_CHANGED, k.UNIT_REPARENTED):
        return f"{subject}: {old(c.old_node)} → {new(c.new_node)}"
    if c.kind is k.LINK_ADDED:
        return f"{subject} ↔ {new(c.new_node)} ({style.text(str(c.new_value))})"
    if c.kind is k.LINK_REMOVED:
        return f"{subject} ↔ {old(c.old_node)} ({style.text(str(c.old_value))}, dropped)"
    if c.kind is k.LINK_RETYPED:
        was, now = style.text(str(c.old_value)), style.text(str(c.new_value))
        return f"{subject} ↔ {new(c.new_node)}: {was} → {now}"
    if c.kind in (k.UNIT_ADDED, k.UNIT_REMOVED):
        return subject
    return f"{subject}: {_value(c.old_value, style)} → {_value(c.new_value, style)}"


class _Describer:
    """Nodes as JSON (:meth:`OrgGraph.describe`), read column-wise for many at once.

    A diff of two million-post orgs describes some 50,000 posts; their ids,
    titles, holders and organizations are taken from the columns in one go
    (:meth:`prefetch`), not read one value at a time.
    """

    def __init__(self) -> None:
        self._known: dict[tuple[int, int], dict[str, Any]] = {}

    def prefetch(self, graph: OrgGraph, nodes: Iterable[int | None]) -> None:
        import pyarrow as pa

        posts = sorted({n for n in nodes if n is not None and n < graph.post_count})
        if not posts:
            return
        rows = pa.array(posts)
        columns = [graph.posts.arrow(f).take(rows).to_pylist() for f in ("id", "title", "holder",
                                                                          "org")]  # fmt: skip
        orgs = graph.orgs
        key = id(graph)
        for node, ident, title, holder, org in zip(posts, *columns, strict=True):
            rec = orgs.get(org) if org is not None else None
            name = rec.name if rec else org
            self._known[(key, node)] = {"id": ident, "title": title, "holder": holder,
                                        "organization": name}  # fmt: skip

    def __call__(
        self, graph: OrgGraph, node: int | None, name: str | float | None = None
    ) -> dict[str, Any] | None:
        """A node as JSON; a superior that is only a name is ``{"name": ..., "matched": false}``."""
        if node is not None:
            found = self._known.get((id(graph), node))
            return dict(found) if found is not None else graph.describe(node)
        return {"name": name, "matched": False} if isinstance(name, str) else None


def change_dict(diff: Diff, c: Change, describe: _Describer | None = None) -> dict[str, Any]:
    """One change for JSON: ``kind``, ``post`` (or ``unit``), ``from``/``to`` where they apply.

    A headship's ``from``/``to`` is the unit; a link's other end is ``with``,
    and ``from``/``to`` its type (``to`` alone when added, ``from`` alone when removed).
    """
    _describe = describe or _Describer()
    b, a = diff.before, diff.after
    subject = _describe(a, c.after) if c.after is not None else _describe(b, c.before)
    out: dict[str, Any] = {"kind": str(c.kind), "unit" if c.is_unit else "post": subject}
    if c.before is not None and c.after is not None:
        before_id = b.id_of(c.before)
        if before_id != a.id_of(c.after):
            out["before_id"] = before_id
    k = c.kind
    if k in LINK_KINDS:
        end = (b, c.old_node) if k is ChangeKind.LINK_REMOVED else (a, c.new_node)
        out["with"] = _describe(*end)
        types = {"from": c.old_value, "to": c.new_value}
        return out | {key: value for key, value in types.items() if value is not None}
    if k in (ChangeKind.MOVED, ChangeKind.UNIT_CHANGED, ChangeKind.UNIT_REPARENTED):
        out["from"] = _describe(b, c.old_node, c.old_value)
        out["to"] = _describe(a, c.new_node, c.new_value)
    elif k in (
        ChangeKind.REMOVED,
        ChangeKind.ELIMINATED,
        ChangeKind.SECONDARY_REMOVED,
        ChangeKind.SUPERIOR_REMOVED,
        ChangeKind.HEADS_REMOVED,
    ):
        out["from"] = _describe(b, c.old_node, c.old_value)
    elif k in (
        ChangeKind.ADDED,
        ChangeKind.SECONDARY_ADDED,
        ChangeKind.SUPERIOR_ADDED,
        ChangeKind.HEADS_ADDED,
    ):
        out["to"] = _describe(a, c.new_node, c.new_value)
    elif k not in (ChangeKind.UNIT_ADDED, ChangeKind.UNIT_REMOVED):
        out["from"], out["to"] = c.old_value, c.new_value
    return out


def _by_kind(diff: Diff) -> dict[ChangeKind, list[Change]]:
    groups: dict[ChangeKind, list[Change]] = {k: [] for k in ChangeKind}
    for c in diff.changes:
        groups[c.kind].append(c)
    return {k: v for k, v in groups.items() if v}


def _matching(diff: Diff) -> dict[str, Any]:
    m, b, a = diff.match, diff.before, diff.after
    pairs = [
        {
            "before": b.id_of(i),
            "after": a.id_of(j),
            "rule": m.rule_of(i),
            "confidence": m.confidence(i),
        }
        for i, j in m.pairs_not_by_id()
    ]
    return {
        "by_rule": m.by_rule(),
        "rules": {name: r.confidence for name, r in RULES.items()},
        "not_by_id": pairs,
    }


def to_json(diff: Diff, sides: Sides, metrics: Metrics | None = None) -> dict[str, Any]:
    """The whole diff as a JSON-ready dict (the contract for scripts).

    The cyclic garbage collector is paused meanwhile, as for comparing: tens of
    thousands of small dicts would have it walk both graphs' objects again and
    again (measured: 0.9 s instead of 0.5 s for 25,000 changes of two 1M-post orgs).
    """
    with paused_gc():
        return _to_json(diff, sides, metrics)


def _to_json(diff: Diff, sides: Sides, metrics: Metrics | None) -> dict[str, Any]:
    metrics = metrics or measure(diff)
    describe = _Describer()
    describe.prefetch(diff.before, (n for c in diff.changes for n in (c.before, c.old_node)))
    describe.prefetch(diff.after, (n for c in diff.changes for n in (c.after, c.new_node)))
    return {
        "before": sides.before,
        "after": sides.after,
        "scenario": sides.scenario,
        "changed": bool(diff),
        "summary": diff.counts(),
        "metrics": metrics.to_dict(diff),
        "matching": _matching(diff),
        "notes": list(diff.notes),
        "changes": [change_dict(diff, c, describe) for c in diff.changes],
    }


def _fmt(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")


def _signed(x: float, y: float) -> str:
    d = y - x
    if not d:
        return "·"
    d = round(d, 2) if isinstance(d, float) else d
    return f"+{_fmt(d)}" if d > 0 else f"−{_fmt(-d)}"


def _summary(diff: Diff) -> str:
    counts = [(k, n) for k, n in diff.counts().items() if n]
    if not counts:
        return "no changes"
    total = sum(n for _, n in counts)
    return f"{total:,} change(s): " + ", ".join(f"{n:,} {k}" for k, n in counts)


def _groups(diff: Diff, limit: int, style: _Style) -> Iterator[tuple[ChangeKind, list[str], int]]:
    for kind, changes in _by_kind(diff).items():
        lines = [change_line(diff, c, style) for c in changes[:limit]]
        yield kind, lines, len(changes) - len(lines)


def _span_rows(diff: Diff, metrics: Metrics, style: _Style) -> list[tuple[str, int, int, str]]:
    out = []
    for s in metrics.span_changes:
        if s.after is not None:
            name = _node(diff.after, s.after, style)
        else:
            name = _node(diff.before, s.before, style)
        out.append((name, s.before_span, s.after_span, _signed(s.before_span, s.after_span)))
    return out


def _match_lines(diff: Diff) -> list[str]:
    lines = []
    for rule, n in diff.match.by_rule().items():
        r = RULES[rule]
        lines.append(f"{n:,} by {r.description} ({rule}, confidence {r.confidence:g})")
    return lines


def _title(sides: Sides) -> str:
    text = f"{sides.before} → {sides.after}"
    return f"{text} (scenario “{sides.scenario}”)" if sides.scenario else text


def to_text(diff: Diff, sides: Sides, limit: int = 50, metrics: Metrics | None = None) -> str:
    """A terminal report (rich markup; user strings escaped)."""
    with paused_gc():
        return _to_text(diff, sides, limit, metrics)


def _to_text(diff: Diff, sides: Sides, limit: int, metrics: Metrics | None) -> str:
    metrics = metrics or measure(diff)
    lines = [f"[bold]{escape(_title(sides))}[/]", f"{_summary(diff)}", ""]
    width = max(len(label) for label in LABELS.values())
    lines.append(f"[dim]{'':<{width}}  {'before':>10}  {'after':>10}  {'change':>8}[/]")
    for name in ROWS:
        x, y = metrics.rows[name]
        lines.append(f"{LABELS[name]:<{width}}  {_fmt(x):>10}  {_fmt(y):>10}  {_signed(x, y):>8}")
    marks = {ChangeKind.ADDED: "[green]+[/]", ChangeKind.REMOVED: "[red]-[/]"}
    for kind, items, more in _groups(diff, limit, RICH):
        lines += ["", f"[bold]{HEADINGS[kind]}[/] [dim]({len(items) + more:,}, {kind})[/]"]
        lines += [f"  {marks.get(kind, '•')} {item}" for item in items]
        if more:
            lines.append(f"  [dim]… and {more:,} more (--limit, or --format json for all)[/]")
    spans = _span_rows(diff, metrics, RICH)
    if spans:
        lines += ["", "[bold]Spans of control that changed most[/]"]
        lines += [f"  {n}: {x} → {y} ({d})" for n, x, y, d in spans]
    lines += ["", "[bold]How posts were matched[/]"]
    lines += [f"  {escape(line)}" for line in _match_lines(diff)] or ["  (no posts on both sides)"]
    if diff.notes:
        lines += ["", "[bold]What could not be compared[/]"]
        lines += [f"  {escape(note)}" for note in diff.notes]
    return "\n".join(lines)


def md_escape(text: str) -> str:
    r"""Make a user string inert in Markdown (``*``, ``_``, ``|``, brackets ...).

    >>> md_escape("R&D | *Ops* [x]")
    'R&D \\| \\*Ops\\* \\[x\\]'
    """
    out = []
    for ch in text:
        out.append("\\" + ch if ch in "\\`*_[]<>|" else ch)
    return "".join(out)


def to_markdown(diff: Diff, sides: Sides, limit: int = 50, metrics: Metrics | None = None) -> str:
    """A report a planner pastes into a document."""
    with paused_gc():
        return _to_markdown(diff, sides, limit, metrics)


def _to_markdown(diff: Diff, sides: Sides, limit: int, metrics: Metrics | None) -> str:
    metrics = metrics or measure(diff)
    e: Callable[[str], str] = md_escape
    lines = [f"# Comparing structures: {e(_title(sides))}", "", f"{_summary(diff)}.", ""]
    lines += ["| | before | after | change |", "|---|---:|---:|---:|"]
    for name in ROWS:
        x, y = metrics.rows[name]
        lines.append(f"| {LABELS[name]} | {_fmt(x)} | {_fmt(y)} | {_signed(x, y)} |")
    for kind, items, more in _groups(diff, limit, MARKDOWN):
        lines += ["", f"## {HEADINGS[kind]} ({len(items) + more:,})", ""]
        lines += [f"- {item}" for item in items]
        if more:
            lines.append(f"- … and {more:,} more")
    spans = _span_rows(diff, metrics, MARKDOWN)
    if spans:
        lines += ["", "## Spans of control that changed most", ""]
        lines += ["| post | before | after | change |", "|---|---:|---:|---:|"]
        lines += [f"| {n} | {x} | {y} | {d} |" for n, x, y, d in spans]
    lines += ["", "## How posts were matched", ""]
    lines += [f"- {e(line)}" for line in _match_lines(diff)]
    if diff.notes:
        lines += ["", "## What could not be compared", ""]
        lines += [f"- {e(note)}" for note in diff.notes]
    return "\n".join(lines) + "\n"
