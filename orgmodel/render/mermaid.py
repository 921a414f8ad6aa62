"""Mermaid output: the same chart as a ``flowchart`` for Markdown pages and wikis.

GitHub, GitLab, Notion and most wikis draw Mermaid blocks themselves, so a
``.mmd`` chart can live in a README. It shows the same boxes and lines as
the Graphviz chart (:func:`orgmodel.render.selection.select` chose them);
only the layout is Mermaid's.

User text is escaped for Mermaid: inside a quoted label, ``#code;`` is
Mermaid's own character reference, so every character that could end the
label, open a tag or start a reference (``" # & < > \\ ` { } [ ] |``)
becomes one, and the label cannot break out of its quotes.

>>> escape('R&D "Lab" <b>#1</b>')
'R#38;D #34;Lab#34; #60;b#62;#35;1#60;/b#62;'
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from orgmodel.render.chart import Box, Chart, LineStyle
from orgmodel.render.labels import box_text, clean, shorten
from orgmodel.render.options import ChartOptions
from orgmodel.render.themes import Theme, get

__all__ = ["escape", "source"]

_SPECIAL = '"#&<>\\`{}[]|'
_TABLE = str.maketrans({ch: f"#{ord(ch)};" for ch in _SPECIAL})


def escape(text: str) -> str:
    """Text for inside a quoted Mermaid label."""
    return text.translate(_TABLE)


def _lines(lines: Iterable[str]) -> str:
    return "<br/>".join(escape(line) for line in lines)


def _label(box: Box, theme: Theme) -> str:
    text = box_text(box, theme)
    parts = []
    if text.header:
        parts.append(f"<small>{_lines(text.header)}</small>")
    parts.append(f"<b>{_lines(text.title)}</b>")
    if text.holder is None:
        parts.append("<i>Vacant</i>")
    elif text.holder:
        parts.append(_lines(text.holder))
    if text.detail:
        parts.append(f"<small>{_lines(text.detail)}</small>")
    if text.more:
        parts.append(f"<small>{escape(text.more)}</small>")
    return "<br/>".join(parts)


def _classes(box: Box) -> str:
    if box.highlighted:
        return "highlight"
    if box.inferred:
        return "inferred"
    return "vacant" if box.vacant else str(box.kind)


def source(chart: Chart, options: ChartOptions) -> str:
    """The Mermaid text of ``chart``."""
    theme = get(options.theme)
    title = shorten(clean(chart.title), 120)
    if chart.date:
        title += f" · {clean(chart.date)}"
    out = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "---"]
    out.append(f"flowchart {options.direction}")
    counts = f"{chart.shown_posts} posts shown of {chart.total_posts}"
    out.append(f"  %% {counts}")
    for key, box in chart.boxes.items():
        out.append(f'  {key}["{_label(box, theme)}"]')
    grey: list[int] = []
    red: list[int] = []
    for i, line in enumerate(chart.lines):
        arrow = "-.->" if line.style is LineStyle.SECONDARY else "---" if line.tree else "-->"
        out.append(f"  {line.sup} {arrow} {line.sub}")
        if line.highlighted:
            red.append(i)
        elif line.inferred:
            grey.append(i)
    out += _styles(chart, theme)
    if grey:
        out.append(f"  linkStyle {','.join(map(str, grey))} stroke:{theme.inferred}")
    if red:
        out.append(
            f"  linkStyle {','.join(map(str, red))} stroke:{theme.highlight},stroke-width:3px"
        )
    return "\n".join(out) + "\n"


def _styles(chart: Chart, theme: Theme) -> list[str]:
    defs = {
        "post": f"fill:{theme.box_fill},stroke:{theme.box_border},color:{theme.text}",
        "vacant": f"fill:{theme.box_fill},stroke:{theme.box_border},color:{theme.text}",
        "body": f"fill:{theme.body_fill},stroke:{theme.box_border},color:{theme.text}",
        "more": f"fill:{theme.more_fill},stroke:{theme.more_border},stroke-dasharray:4 3,"
        f"color:{theme.muted}",
        "inferred": f"fill:{theme.box_fill},stroke:{theme.inferred},stroke-dasharray:4 3,"
        f"color:{theme.inferred}",
        "highlight": f"fill:{theme.highlight_fill},stroke:{theme.highlight},stroke-width:3px,"
        f"color:{theme.text}",
    }
    members: dict[str, list[str]] = {}
    for key, box in chart.boxes.items():
        members.setdefault(_classes(box), []).append(key)
    out = []
    for name, style in defs.items():
        if name in members:
            out.append(f"  classDef {name} {style}")
            out.append(f"  class {','.join(members[name])} {name}")
    return out
