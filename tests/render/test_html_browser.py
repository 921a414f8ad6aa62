"""The interactive HTML chart in a real headless Chromium: what a reader does with it.

Each test opens a chart that ``orgmodel render -o x.html`` wrote from the
sample data (or from a hostile org file) and uses it as a reader would --
typing in the search box, clicking a team's toggle, the Focus button, the
export buttons -- then checks what the page shows. Skipped, with the reason,
only where no Chromium can run (see :mod:`orgmodel.render.browser`).
"""

from __future__ import annotations

import json
import struct
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from orgmodel.names.lookup import find
from orgmodel.render import ChartOptions, write
from orgmodel.render.browser import chromium, close, new_page, open_chart, why_no_browser
from orgmodel.sources.load import load_graph
from tests.conftest import ROOT
from tests.render.conftest import SVG, hostile_org, text_of

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

NO_BROWSER = why_no_browser()
pytestmark = pytest.mark.skipif(NO_BROWSER is not None, reason=f"browser tests: {NO_BROWSER}")

COO = "hps-coo"
TRANSPORT = "hps-director-transportation"
SUPERINTENDENT = "hps-superintendent"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as running:
        yield running


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All of data/ as one HTML chart, assistants beside their principals."""
    path = tmp_path_factory.mktemp("html") / "sample.html"
    write(path, load_graph([ROOT / "data"]), ChartOptions(max_posts=50_000, assistants=True))
    return path


@pytest.fixture
def page(browser: Browser, sample: Path) -> Iterator[Page]:
    page = open_chart(browser, sample)
    yield page
    close(page)


def opening(path: Path) -> list[str]:
    """The ids a chart's file says to show first: its tops and the teams it opens."""
    text = path.read_text(encoding="utf-8")
    start = text.index('<script type="application/json" id="org-data">')
    data = json.loads(text[text.index(">", start) + 1 : text.index("</script>", start)])
    nodes, opened = data["nodes"], set(data["open"])
    ids: list[str] = nodes["id"]
    return [ids[i] for i, sup in enumerate(nodes["parent"]) if sup < 0 or sup in opened]


def on_chart(page: Page) -> list[str]:
    """The ids of the boxes on the chart (laid out, whether or not in the window)."""
    ids: list[str] = page.evaluate(
        "window.orgchart.shown().map(i => JSON.parse("
        "document.getElementById('org-data').textContent).nodes.id[i])"
    )
    return ids


def index(page: Page, ident: str) -> int:
    found: int = page.evaluate("id => window.orgchart.indexOf(id)", ident)
    assert found >= 0, ident
    return found


def box(page: Page, ident: str) -> Any:
    """The drawn box of a post (its ``<g>``)."""
    return page.locator(f'#viewport g.box[data-i="{index(page, ident)}"]')


def test_the_chart_loads_with_its_top_levels_and_asks_for_nothing(
    browser: Browser, sample: Path
) -> None:
    requests: list[str] = []
    errors: list[str] = []
    page = new_page(browser)
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(sample.as_uri())
    page.wait_for_function("document.documentElement.dataset.ready === '1'")
    assert errors == []
    assert requests == [sample.as_uri()]  # the file itself, nothing from any network
    assert page.title() == "Organization chart"
    assert sorted(on_chart(page)) == sorted(opening(sample))
    assert page.locator("#viewport g.box").count() > 0
    assert "Superintendent of Schools" in (page.locator("#viewport").text_content() or "")
    assert "boxes shown" in page.locator("#status").inner_text()
    close(page)


def test_search_finds_posts_by_title_holder_and_id_and_opens_them(page: Page) -> None:
    search = page.locator("#q")
    search.fill("okonkwo")  # a holder's name, any case
    page.wait_for_selector("#results li[data-i]")
    assert "Chief Assistant City Clerk" in page.locator("#results").inner_text()
    search.fill(COO)  # an id: the exact match first
    page.wait_for_function("document.querySelector('#results li[data-i]')?.textContent"
                           ".includes('Chief Operating Officer')")  # fmt: skip
    search.fill("director of transportation")
    page.wait_for_function(
        "document.querySelector('#results li[data-i]')?.textContent.includes('Transportation')"
    )
    search.press("Enter")
    page.wait_for_function(f"window.orgchart.selected() === window.orgchart.indexOf('{TRANSPORT}')")
    assert TRANSPORT in on_chart(page)  # its team was folded: the search opened it
    assert page.evaluate("location.hash") == f"#{TRANSPORT}"
    assert box(page, TRANSPORT).is_visible()
    search.fill("no such post anywhere")
    page.wait_for_function("document.querySelector('#results').textContent.includes('no post')")


def test_a_toggle_opens_a_team_and_closes_it(page: Page) -> None:
    page.evaluate(f"location.hash = '{COO}'")
    page.wait_for_function(f"window.orgchart.selected() === window.orgchart.indexOf('{COO}')")
    coo = index(page, COO)
    if page.evaluate(f"window.orgchart.isOpen({coo})"):  # start closed
        box(page, COO).locator(".toggle").click()
    assert TRANSPORT not in on_chart(page)
    box(page, COO).locator(".toggle").click()
    assert page.evaluate(f"window.orgchart.isOpen({coo})")
    assert TRANSPORT in on_chart(page)
    assert box(page, TRANSPORT).is_visible()
    box(page, COO).locator(".toggle").click()
    assert TRANSPORT not in on_chart(page)
    assert COO in on_chart(page)


def test_open_all_and_close_all(page: Page) -> None:
    page.get_by_role("button", name="Open all").click()
    assert len(on_chart(page)) == page.evaluate(
        "JSON.parse(document.getElementById('org-data').textContent).nodes.id.length"
    )
    page.get_by_role("button", name="Close all").click()
    tops = page.evaluate(
        "JSON.parse(document.getElementById('org-data').textContent).nodes.parent"
        ".filter(p => p < 0).length"
    )
    assert len(on_chart(page)) == tops


def test_focus_hides_everything_above_and_beside_a_post(page: Page) -> None:
    page.evaluate(f"location.hash = '{TRANSPORT}'")
    page.wait_for_function(f"window.orgchart.selected() === window.orgchart.indexOf('{TRANSPORT}')")
    page.locator("#panel").get_by_role("button", name="Focus").click()
    shown = set(on_chart(page))
    assert {TRANSPORT, COO, SUPERINTENDENT} <= shown  # the chain of command stays
    assert "hps-director-facilities" not in shown  # a sibling: hidden
    assert "hps-general-counsel" not in shown  # beside an ancestor: hidden
    assert "100418" not in shown  # another organization: hidden
    assert "hps-transportation-operations-manager" in shown  # its own team: open
    assert page.locator("#unfocus").is_visible()
    page.locator("#unfocus").click()
    again = set(on_chart(page))
    assert "hps-director-facilities" in again and "hps-general-counsel" in again
    assert page.evaluate("window.orgchart.focus()") == -1


def test_selecting_a_post_draws_its_chain_of_command(page: Page) -> None:
    page.evaluate(f"location.hash = '{TRANSPORT}'")
    page.wait_for_function(f"window.orgchart.selected() === window.orgchart.indexOf('{TRANSPORT}')")
    chain = {page.evaluate(f"window.orgchart.indexOf('{i}')") for i in (TRANSPORT, COO)}
    assert chain <= set(page.evaluate("window.orgchart.chain()"))
    assert "box post vacant chain selected" in box(page, TRANSPORT).get_attribute("class")
    assert "chain" in box(page, SUPERINTENDENT).get_attribute("class")
    assert page.locator("path.links.chain").get_attribute("d")  # the red line up is drawn
    panel = page.locator("#panel").inner_text()
    assert "Chief Operating Officer" in panel and "Superintendent of Schools" in panel
    page.locator("#chain-on").uncheck()
    assert page.evaluate("window.orgchart.chain()") == []
    assert "chain" not in box(page, COO).get_attribute("class")


def test_zoom_and_fit(page: Page) -> None:
    before = page.evaluate("window.orgchart.view.k")
    page.get_by_role("button", name="+", exact=True).click()
    assert page.evaluate("window.orgchart.view.k") == pytest.approx(before * 1.25)
    page.mouse.move(700, 400)
    page.mouse.wheel(0, 400)  # scrolling down zooms out
    assert page.evaluate("window.orgchart.view.k") < before * 1.25
    page.get_by_role("button", name="Fit").click()
    inside = page.evaluate(
        """() => { const r = document.getElementById('chart').getBoundingClientRect();
        return [...document.querySelectorAll('#viewport g.box .frame')].every(f => {
          const b = f.getBoundingClientRect();
          return b.left >= r.left - 1 && b.right <= r.right + 1 && b.top >= r.top - 1
            && b.bottom <= r.bottom + 1; }); }"""
    )
    assert inside


def _download(page: Page, button: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=button, exact=True).click()
    path = info.value.path()
    assert path is not None
    return Path(path).read_bytes()


def test_export_svg_and_png_of_the_open_chart(page: Page) -> None:
    page.evaluate(f"location.hash = '{TRANSPORT}'")
    page.wait_for_function(f"window.orgchart.selected() === window.orgchart.indexOf('{TRANSPORT}')")
    svg = ET.fromstring(_download(page, "SVG"))
    boxes = [g for g in svg.iter(f"{SVG}g") if "box" in (g.get("class") or "").split()]
    assert len(boxes) == len(on_chart(page))  # the whole open chart, each box once
    texts = [text_of(g) for g in boxes]
    assert any("Director of Transportation" in t for t in texts)
    assert svg.find(f"{SVG}style") is not None  # the look travels with the file
    assert not [g for g in svg.iter(f"{SVG}g") if "toggle" in (g.get("class") or "")]
    png = _download(page, "PNG")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    assert width > 500 and height > 200
    page.locator("#whole").uncheck()  # just what the window shows
    view = ET.fromstring(_download(page, "SVG"))
    shown = [g for g in view.iter(f"{SVG}g") if "box" in (g.get("class") or "").split()]
    assert 0 < len(shown) < len(boxes)
    window = page.evaluate("document.getElementById('chart').getBoundingClientRect().width")
    assert abs(int(view.get("width") or 0) - window) <= 1  # the window's size


def test_a_fragment_opens_that_post(browser: Browser, sample: Path) -> None:
    page = open_chart(browser, sample, TRANSPORT)
    assert page.evaluate("window.orgchart.selected()") == index(page, TRANSPORT)
    assert box(page, TRANSPORT).is_visible()
    assert "Director of Transportation" in page.locator("#panel").inner_text()
    page.evaluate("location.hash = '100418'")
    page.wait_for_function("window.orgchart.selected() === window.orgchart.indexOf('100418')")
    page.evaluate("location.hash = 'nobody-here'")
    page.wait_for_function("document.getElementById('say').textContent.includes('nobody-here')")
    close(page)


def test_assistants_sit_beside_their_principal_and_the_toggle_moves_them(page: Page) -> None:
    page.evaluate(f"location.hash = '{SUPERINTENDENT}'")
    page.wait_for_function(
        f"window.orgchart.selected() === window.orgchart.indexOf('{SUPERINTENDENT}')"
    )
    assistant = box(page, "hps-exec-assistant-superintendent")
    head = box(page, SUPERINTENDENT).locator(".frame").bounding_box()
    aside = assistant.locator(".frame").bounding_box()
    team = box(page, "hps-chief-of-staff").locator(".frame").bounding_box()
    assert head and aside and team
    assert "aside" in (assistant.get_attribute("class") or "")
    assert head["y"] + head["height"] < aside["y"] < team["y"]  # between the post and its team
    page.locator("#beside").uncheck()
    aside = assistant.locator(".frame").bounding_box()
    team = box(page, "hps-chief-of-staff").locator(".frame").bounding_box()
    assert aside and team and aside["y"] >= team["y"]  # back in the team, below the bar
    assert "aside" not in (assistant.get_attribute("class") or "")


def test_hostile_titles_are_text_not_markup(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    write(path, load_graph([hostile_org(tmp_path)]), ChartOptions(max_posts=100))
    errors: list[str] = []
    page = new_page(browser)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("document.documentElement.dataset.ready === '1'")
    page.get_by_role("button", name="Open all").click()
    assert errors == []
    assert (
        page.locator("#viewport script, #viewport b, #viewport font, #viewport table").count() == 0
    )
    text = page.locator("#viewport").text_content() or ""
    assert "<b>Bold</b> & <i>Co</i> &amp; &#60;" in text  # shown as typed
    assert "Unit <script>alert(1)</script>" in text
    page.locator("#q").fill('"]; evil')
    page.wait_for_selector("#results li[data-i]")
    assert 'evil [label="pwned"' in page.locator("#results").inner_text()
    close(page)


def test_a_folded_chart_says_what_is_not_in_the_file(browser: Browser, tmp_path: Path) -> None:
    graph = load_graph([ROOT / "data"])
    path = tmp_path / "folded.html"
    root = find(graph, "Hartford Public Schools: Superintendent of Schools")
    write(path, graph, ChartOptions(roots=(root,), max_posts=4))  # 3 of its reports
    page = open_chart(browser, path)
    page.get_by_role("button", name="Open all").click()
    page.get_by_role("button", name="+", exact=True).click()
    more = page.locator("#viewport g.box.more")  # the reports left out: "+4 more"
    assert more.count() == 1
    assert f"+{graph.span(root) - 3} more" in (more.text_content() or "")
    assert more.locator(".toggle").count() == 0  # nothing to open: not in the file
    assert "not in this file" in (more.locator("title").text_content() or "")
    folded = page.locator("#viewport g.box", has=page.locator("text.m"))  # teams left out
    assert folded.count() >= 1
    assert folded.first.locator(".toggle").count() == 0
    close(page)


def test_the_page_may_not_reach_any_network(browser: Browser, sample: Path) -> None:
    """The Content-Security-Policy refuses a request before it leaves the browser."""
    page = new_page(browser, bypass_csp=False)
    try:
        page.goto(sample.as_uri())
        refused = page.evaluate(
            """async () => {
              const seen = [], away = 'http://127.0.0.1:9/';
              document.addEventListener('securitypolicyviolation',
                                        e => seen.push(e.violatedDirective));
              await fetch(away).catch(() => null);
              await new Promise(r => { const i = new Image(); i.onerror = r; i.src = away; });
              await new Promise(r => setTimeout(r, 50));
              return seen; }"""
        )
        ready = page.evaluate("document.documentElement.dataset.ready")
        assert ready == "1"  # the chart's own scripts ran under the policy
        assert {d.split(" ")[0] for d in refused} >= {"connect-src", "img-src"}
    finally:
        close(page)


def test_a_big_org_opens_lazily_and_open_all_stops_in_time(
    browser: Browser, tmp_path: Path
) -> None:
    """6,061 posts: the page opens a screenful; "Open all" stops short of 5,000 boxes."""
    rows = ["id,title,manager", "ceo,Chief Executive,"]
    for m in range(60):
        rows.append(f"m{m},Manager {m},ceo")
        rows += [f"m{m}s{s},Specialist {m}.{s},m{m}" for s in range(100)]
    (tmp_path / "big.csv").write_text("\n".join(rows) + "\n")
    path = tmp_path / "big.html"
    write(path, load_graph([tmp_path / "big.csv"]), ChartOptions(max_posts=50_000))
    page = open_chart(browser, path)
    assert len(on_chart(page)) == 61  # the chief and the 60 managers: their teams are closed
    page.get_by_role("button", name="Open all").click()
    assert len(on_chart(page)) == 61  # all 6,000 specialists would pass 5,000 boxes
    assert "one by one" in page.locator("#say").inner_text()
    page.locator("#q").fill("m7s99")
    page.wait_for_selector("#results li[data-i]")
    page.locator("#q").press("Enter")
    page.wait_for_function("window.orgchart.selected() === window.orgchart.indexOf('m7s99')")
    assert len(on_chart(page)) == 161  # Manager 7's team, opened to show the post
    close(page)


def test_only_boxes_near_the_window_are_in_the_page_and_far_out_without_text(page: Page) -> None:
    page.get_by_role("button", name="Open all").click()
    everything = len(on_chart(page))
    in_page = page.locator("#viewport g.box")
    assert in_page.count() == everything  # fitted: all of it near the window
    far = page.evaluate("window.orgchart.view.k") < 0.3
    assert (page.locator("#viewport g.box text").count() == 0) == far  # no text when far out
    for _ in range(12):  # close in on the middle
        page.get_by_role("button", name="+", exact=True).click()
    page.wait_for_timeout(50)
    assert 0 < in_page.count() < everything
    assert page.locator("#viewport g.box text").count() > 0
