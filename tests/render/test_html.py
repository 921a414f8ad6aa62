"""The HTML page itself: one file, nothing fetched, the licence along, user text inert."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from orgmodel.errors import UsageError
from orgmodel.render import ChartOptions, draw
from orgmodel.render.html import VENDORED, asset, source
from orgmodel.render.selection import select
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT
from tests.render.conftest import HOSTILE_TITLES, hostile_org


def _page(paths: list[Path], **options: object) -> str:
    chosen = ChartOptions(max_posts=50_000, **options)  # type: ignore[arg-type]
    return draw(load_graph(paths), chosen, "html").content.decode("utf-8")


def _data(page: str) -> dict[str, object]:
    start = page.index('<script type="application/json" id="org-data">')
    data: dict[str, object] = json.loads(
        page[page.index(">", start) + 1 : page.index("</script>", start)]
    )
    return data


def test_one_file_that_fetches_nothing() -> None:
    page = _page([ROOT / "data"])
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(
        r"<script[^>]+src=|<link\b|<img\b|@import|url\(\s*['\"]?(https?:)?//", page
    )
    assert "sourceMappingURL" not in page  # no source map for developer tools to fetch
    assert page.count("<script") == 3  # the data, the layout library, our script


def test_the_vendored_library_travels_with_its_licence() -> None:
    script, licence, version = VENDORED
    page = _page([ROOT / "data/minneapolis-city-clerk.csv"])
    assert f"d3-flextree {version}" in page
    assert asset(f"vendor/{licence}").splitlines()[0].strip() in page
    assert asset(f"vendor/{script}").startswith("!function")


def test_user_text_cannot_break_out(tmp_path: Path) -> None:
    page = _page([hostile_org(tmp_path)])
    data_block = page[page.index('id="org-data">') : page.index("</script>")]
    assert "<" not in data_block.partition(">")[2]  # no tag, no </script> in the data
    titles = _data(page)["nodes"]["title"]  # type: ignore[index]
    assert "<b>Bold</b> & <i>Co</i> &amp; &#60;" in titles
    assert '"]; evil [label="pwned" shape=star' in titles
    assert "Line break and return" in titles  # one line, as every chart shows it
    assert all("\x00" not in t for t in titles)
    assert len(titles) == len(HOSTILE_TITLES) + 1
    assert "<title>Org &lt;&amp;&gt; &quot;Q&quot;</title>" in page


def test_theme_colours_reach_the_page_and_its_exports() -> None:
    page = _page([ROOT / "data/minneapolis-city-clerk.csv"], theme="dark")
    style = page[page.index('<style id="chart-style">') :]
    assert "#262c36" in style  # the dark theme's box fill, in the stylesheet exports carry
    assert "$" not in style.partition("</style>")[0]


def test_the_chart_is_drawn_top_down_only() -> None:
    graph = load_graph([ROOT / "data/minneapolis-city-clerk.csv"])
    with pytest.raises(UsageError, match="top-down"):
        source(select(graph, ChartOptions(direction="LR")), ChartOptions(direction="LR"))


def test_the_assistant_switch_shows_only_where_there_are_assistants() -> None:
    switch = 'title="Assistant posts sit beside their principal rather than in the team"'
    clerk = _page([ROOT / "data/minneapolis-city-clerk.csv"])  # an Executive Assistant
    assert f"{switch}>" in clerk
    hartford = _page([ROOT / "data/city-of-hartford.yaml"])  # an Assistant Corporation Counsel
    assert f"{switch} hidden>" in hartford
