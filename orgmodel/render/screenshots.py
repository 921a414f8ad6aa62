"""Screenshots of the interactive chart of ``data/``, for ``diagrams/`` and the docs.

``make diagrams`` writes ``diagrams/org-chart.html`` (all of ``data/``,
assistants beside their principals) and photographs it in a headless
Chromium as a reader uses it: as it opens, searching, focused on one post
with its chain of command, with an assistant beside a principal. Without a
browser it says why and takes none (the HTML file is still written: a test
compares it with a fresh render).

>>> [shot.name for shot in SHOTS]
['html-overview', 'html-search', 'html-focus', 'html-assistant']
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from orgmodel.graph import OrgGraph
from orgmodel.render import HTML_MAX_POSTS, ChartOptions, Drawing, draw

if TYPE_CHECKING:
    from playwright.sync_api import Page

__all__ = ["HTML_SAMPLE", "SHOTS", "Shot", "html_options", "take"]

HTML_SAMPLE = "org-chart.html"
"""The interactive chart of ``data/`` in ``diagrams/``."""


@dataclass(frozen=True)
class Shot:
    """One screenshot: what the reader does first, and what the picture shows."""

    name: str
    caption: str
    fragment: str = ""
    search: str = ""
    click: tuple[str, ...] = ()
    """Buttons of the side panel or toolbar to press, by their text, in order."""
    zoom_in: int = 0


SHOTS = [
    Shot("html-overview", "The chart of data/ as it opens: the top levels of five organizations"),
    Shot(
        "html-search",
        "Searching 'transport': posts matched by title, holder or id",
        search="transport",
    ),
    Shot(
        "html-focus",
        "#hps-director-transportation, focused: its chain of command in red, "
        "everything above and beside it folded away",
        fragment="hps-director-transportation",
        click=("Focus",),
    ),
    Shot(
        "html-assistant",
        "The City Clerk of Minneapolis with the Executive Assistant beside the trunk",
        fragment="100418",
        click=("Open all below",),
        zoom_in=1,
    ),
]


def html_options() -> ChartOptions:
    """The options of ``diagrams/org-chart.html``."""
    return ChartOptions(max_posts=HTML_MAX_POSTS, assistants=True)


def _act(page: Page, shot: Shot) -> None:
    if shot.search:
        page.locator("#q").fill(shot.search)
        page.wait_for_selector("#results li[data-i]")
    for label in shot.click:
        page.get_by_role("button", name=label, exact=True).first.click()
    for _ in range(shot.zoom_in):
        page.get_by_role("button", name="+", exact=True).click()
    page.wait_for_timeout(100)  # the frame after the last draw


def take(folder: Path, graph: OrgGraph) -> list[Path]:
    """Write the HTML chart into ``folder`` and photograph it (none without a browser)."""
    from orgmodel.fileio import atomic_write
    from orgmodel.render.browser import chromium, close, open_chart, why_no_browser

    drawing: Drawing = draw(graph, html_options(), "html")
    page_path = folder / HTML_SAMPLE
    atomic_write(page_path, drawing.content)
    written = [page_path]
    reason = why_no_browser()
    if reason is not None:
        print(f"no screenshots of {HTML_SAMPLE}: {reason}")
        return written
    with chromium() as browser:
        for shot in SHOTS:
            page = open_chart(browser, page_path, shot.fragment)
            try:
                _act(page, shot)
                png = page.screenshot(type="png")
            finally:
                close(page)
            path = folder / f"{shot.name}.png"
            atomic_write(path, png)
            written.append(path)
    return written
