"""A real headless Chromium to look at the HTML chart, driven by Playwright.

The browser tests, ``benchmarks/html_open.py`` and the screenshots that
``make diagrams`` takes all open the chart through here. The browser is the
system's (Debian's ``chromium``, which ``make test`` installs when it runs as
root), never one Playwright downloads: set ``ORGMODEL_CHROMIUM`` to use
another binary. Playwright is a development dependency (``pip install -e
'.[dev]'``), imported only when a browser is started; :func:`why_no_browser`
says, in one line, why no browser can run here.

>>> os.environ["ORGMODEL_CHROMIUM"] = "/no/such/browser"
>>> find_chromium() is None and "ORGMODEL_CHROMIUM" in (why_no_browser() or "")
True
>>> del os.environ["ORGMODEL_CHROMIUM"]
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

__all__ = [
    "LAUNCH_ARGS", "chromium", "close", "find_chromium", "new_page", "open_chart", "why_no_browser",
]  # fmt: skip

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
INSTALL = "install it with 'apt-get install chromium' (make test does so when run as root)"


def find_chromium() -> str | None:
    """The Chromium binary to drive: ``$ORGMODEL_CHROMIUM``, else the first one on the PATH."""
    given = os.environ.get("ORGMODEL_CHROMIUM")
    if given:
        return given if Path(given).exists() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def why_no_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if find_spec("playwright") is None:
        return "the Python package 'playwright' is not installed (pip install -e '.[dev]')"
    given = os.environ.get("ORGMODEL_CHROMIUM")
    if given and find_chromium() is None:
        return f"ORGMODEL_CHROMIUM names {given!r}, which does not exist"
    if find_chromium() is None:
        return f"no Chromium on this machine: {INSTALL}, or set ORGMODEL_CHROMIUM"
    return None


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium, closed on exit.

    Playwright starts it on a fresh temporary profile (its own ``--user-data-dir``,
    removed afterwards), with :data:`LAUNCH_ARGS`.
    """
    from playwright.sync_api import sync_playwright

    binary = find_chromium()
    assert binary is not None, why_no_browser()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=binary, args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser: Browser, *, bypass_csp: bool = True) -> Page:
    """A page in a context of its own (closed with :func:`close`).

    ``bypass_csp`` lets Playwright's waits run their predicates in the page, which the
    chart's Content-Security-Policy (no ``eval``) would refuse; a test of the policy
    itself opens a page without it.
    """
    context = browser.new_context(
        accept_downloads=True, bypass_csp=bypass_csp, viewport={"width": 1400, "height": 850}
    )
    return context.new_page()


def close(page: Page) -> None:
    """Close a page of :func:`new_page` and its context."""
    page.context.close()


def open_chart(browser: Browser, path: Path, fragment: str = "") -> Page:
    """A new page showing the chart at ``path`` (``#fragment``), once its script is ready."""
    page = new_page(browser)
    page.goto(path.resolve().as_uri() + (f"#{fragment}" if fragment else ""))
    page.wait_for_function("document.documentElement.dataset.ready === '1'", timeout=30_000)
    return page
