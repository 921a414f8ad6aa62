r"""User text made safe and short enough for a box: cleaning, wrapping, escaping.

Titles and names come from files people wrote, so they may hold anything:
quotes, ``<b>``, ``&amp;``, braces, backslashes (Graphviz reads ``\N`` in a
label as "the node's name", even inside HTML-like labels), newlines, control
characters, or a paragraph pasted into a title cell. Every piece of user
text goes through :func:`clean` (one line, printable), :func:`wrap` (a few
short lines, "…" past them) and then one escaper for the output at hand:

* :func:`html` for Graphviz HTML-like labels -- ``& < > " '`` become
  character references, so the text can neither close the label nor start a
  tag; a backslash becomes ``&#92;`` and an invisible word joiner, because
  ``dot`` decodes references *before* it expands ``\N`` and ``\G``;
* :func:`dot_string` for a quoted DOT attribute (a tooltip, a plain label):
  backslashes doubled and quotes escaped by the ``graphviz`` package.

>>> html('R&D <b>"Lead"</b> \\N')
'R&amp;D &lt;b&gt;&quot;Lead&quot;&lt;/b&gt; &#92;&#8288;N'
>>> wrap("Deputy Superintendent for Administration and Finance", 24, 3)
['Deputy Superintendent', 'for Administration and', 'Finance']
>>> clean("Chief\n\tOperating\x00 Officer ")
'Chief Operating Officer'
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from dataclasses import dataclass

from graphviz import escape as gv_escape
from graphviz.quoting import quote

from orgmodel.render.chart import Box, BoxKind, Chart
from orgmodel.render.themes import Theme

__all__ = [
    "BoxText", "box_text", "clean", "counts_text", "dot_string", "html", "more_text", "one_line",
    "shorten", "wrap",
]  # fmt: skip

_SPACE = re.compile(r"\s+")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_HTML = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\\": "&#92;&#8288;"}
)
ELLIPSIS = "…"


def one_line(text: str) -> str:
    r"""One line of printable text: whitespace runs become one space, controls go.

    Control characters, lone surrogates and Unicode non-characters are dropped:
    XML (SVG) cannot carry them and Graphviz would stop on them. The HTML chart
    shows text so (its script escapes it as it draws); the Graphviz charts need
    :func:`clean` on top.

    >>> one_line("Chief\n\tOperating\x00 Officer & co ")
    'Chief Operating Officer & co'
    """
    kept = text
    if not text.isprintable():  # the common case skips the walk
        kept = "".join(
            ch
            for ch in text
            if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cs", "Cn", "Co")
        )
    return _SPACE.sub(" ", kept).strip()


def clean(text: str) -> str:
    """:func:`one_line`, and safe from Graphviz's SVG writer.

    An ``&`` that starts something shaped like a character reference
    (``&amp;``, ``&bogus;``) gets an invisible word joiner after it: Graphviz's
    SVG writer copies such text unescaped, which would show ``&amp;`` as "&"
    and make ``&bogus;`` an undefined entity that no XML parser accepts.

    >>> clean("R&D &amp; co") == "R&D &\u2060amp; co"
    True
    """
    return _ENTITY.sub("&\u2060", one_line(text))


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, ending in "…" when cut.

    >>> shorten("Metro-Hartford Information Services", 20)
    'Metro-Hartford Info…'
    """
    return text if len(text) <= width else text[: max(width - 1, 1)].rstrip() + ELLIPSIS


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """``text`` cleaned and wrapped to lines of ``width``; past ``max_lines``, "…"."""
    lines = textwrap.wrap(clean(text), width, break_long_words=True, break_on_hyphens=True)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = shorten(lines[-1] + " " + ELLIPSIS, width)
        if not lines[-1].endswith(ELLIPSIS):
            lines[-1] = lines[-1][: width - 1] + ELLIPSIS
    return lines or [""]


def html(text: str) -> str:
    """Text for an HTML-like label: markup characters and backslashes as references."""
    return text.translate(_HTML)


def dot_string(text: str) -> str:
    r"""A quoted DOT string holding ``text`` literally (no ``\N``, no escaped quote).

    >>> print(dot_string('say "hi" \\'))
    "say \"hi\" \\"
    """
    return str(quote(gv_escape(text)))


@dataclass(frozen=True)
class BoxText:
    """The lines of one box, cleaned, wrapped and cut, not yet escaped.

    ``holder`` is None for a vacant post; ``more`` is the "+N more" line of
    a post whose team is folded away.
    """

    header: list[str]
    title: list[str]
    holder: list[str] | None
    detail: list[str]
    more: str | None
    notes: tuple[str, ...] = ()


def more_text(reports: int, posts: int) -> str:
    """``+7 more`` -- and how many posts they hold when that says more.

    >>> more_text(7, 7), more_text(3, 1204)
    ('+7 more', '+3 more · 1,204 posts')
    """
    text = f"+{reports:,} more"
    if posts != reports:
        text += f" · {posts:,} post{'s' if posts != 1 else ''}"
    return text


def counts_text(chart: Chart) -> str:
    """What a chart's title line says it shows: posts drawn, and what the "+N more" hold.

    >>> counts_text(Chart("t", shown_posts=59, total_posts=119, hidden_posts=60))
    '59 posts of 119; “+N more” hold the other 60'
    """
    shown = f"{chart.shown_posts:,} post{'s' if chart.shown_posts != 1 else ''}"
    if not chart.hidden_posts:
        return shown
    return f"{shown} of {chart.total_posts:,}; “+N more” hold the other {chart.hidden_posts:,}"


def box_text(box: Box, theme: Theme) -> BoxText:
    """What a box says, fitted to the theme's widths (the same for DOT and Mermaid)."""
    if box.kind is BoxKind.MORE:
        count, _, held = more_text(box.more_reports, box.more_posts).partition(" · ")
        detail = [clean(box.detail)] if box.detail else []  # "top posts" for the top fold
        return BoxText([], [count], [held] if held else [], detail, None)
    width = theme.line_chars
    header = wrap(box.header, width, 2) if box.header else []
    title = wrap(box.title, theme.title_chars, theme.title_lines)
    more = more_text(box.more_reports, box.more_posts) if box.folded else None
    if box.kind is BoxKind.BODY:
        kind = [clean(box.detail).upper()] if box.detail else []
        return BoxText(kind or header, title, [], [], more)
    holder = [shorten(clean(box.holder), width)] if box.holder else None
    detail = wrap(box.detail, width + 4, 2) if box.detail else []
    notes = tuple(line for note in box.notes for line in wrap(note, width + 4, 2))
    return BoxText(header, title, holder, detail, more, notes)
