"""The look of a chart: fonts, colours, box width, how text wraps.

A theme is data, so a new one is a few lines in :data:`THEMES`; ``get``
fails loudly on an unknown name and lists the known ones, the way the rule
registry does.

>>> get("mono").line
'#000000'
>>> get("neon")
Traceback (most recent call last):
...
orgmodel.errors.UsageError: no theme 'neon'; themes are: default, mono, dark
"""

from __future__ import annotations

from dataclasses import dataclass

from orgmodel.errors import UsageError

__all__ = ["THEMES", "Theme", "get"]


@dataclass(frozen=True)
class Theme:
    """Colours are ``#rrggbb``; sizes are points; widths of text are characters."""

    name: str
    description: str
    font: str = "Helvetica,Arial,sans-serif"
    size: float = 11.0
    small: float = 9.0
    title_size: float = 18.0
    background: str = "#ffffff"
    text: str = "#1f2933"
    muted: str = "#52606d"
    box_fill: str = "#f5f8fc"
    box_border: str = "#486581"
    header_fill: str = "#243b53"
    header_text: str = "#ffffff"
    vacant: str = "#b44d12"
    body_fill: str = "#fcefc7"
    more_fill: str = "#ffffff"
    more_border: str = "#9fb3c8"
    line: str = "#486581"
    secondary: str = "#7c5e10"
    inferred: str = "#9aa5b1"
    inferred_fill: str = "#e4e7eb"
    highlight: str = "#d64545"
    highlight_fill: str = "#ffeeee"
    box_width: int = 150
    title_chars: int = 26
    title_lines: int = 3
    line_chars: int = 30


THEMES: dict[str, Theme] = {
    t.name: t
    for t in (
        Theme("default", "navy unit bands on pale boxes; vacancies in amber"),
        Theme(
            "mono",
            "black and white for printing and photocopying",
            text="#000000",
            muted="#333333",
            box_fill="#ffffff",
            box_border="#000000",
            header_fill="#e0e0e0",
            header_text="#000000",
            vacant="#000000",
            body_fill="#f0f0f0",
            more_border="#666666",
            line="#000000",
            secondary="#000000",
            inferred="#888888",
            inferred_fill="#eeeeee",
            highlight="#000000",
            highlight_fill="#d9d9d9",
        ),
        Theme(
            "dark",
            "light text on a dark page, for slides and dark wikis",
            background="#1b1f24",
            text="#e6edf3",
            muted="#9da7b3",
            box_fill="#262c36",
            box_border="#6e7f96",
            header_fill="#3b5b8c",
            header_text="#ffffff",
            vacant="#f0a35e",
            body_fill="#3d3420",
            more_fill="#1b1f24",
            more_border="#6e7f96",
            line="#8b9bb4",
            secondary="#e3b341",
            inferred="#5c6672",
            inferred_fill="#2d333b",
            highlight="#ff7b72",
            highlight_fill="#4a2626",
        ),
    )
}


def get(name: str) -> Theme:
    """The theme called ``name`` (UsageError listing the themes if none)."""
    try:
        return THEMES[name]
    except KeyError:
        raise UsageError(f"no theme {name!r}; themes are: {', '.join(THEMES)}") from None
