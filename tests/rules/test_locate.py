"""Lines for posting spans: front matter counted, converted HTML left as a span."""

from __future__ import annotations

from pathlib import Path

from orgmodel.records import Prov
from orgmodel.rules.locate import Locator


def test_a_span_after_front_matter_is_on_its_file_line(tmp_path: Path) -> None:
    text = "---\ntitle: Clerk\n---\n\n# Clerk\n\nReports To: City Clerk\n"
    path = tmp_path / "clerk.md"
    path.write_text(text)
    body = text.split("---\n", 2)[2]
    start = body.index("Reports To")
    assert Locator().line(Prov(str(path), start=start, end=start + 10)) == 7


def test_no_line_for_html_or_a_missing_file(tmp_path: Path) -> None:
    page = tmp_path / "clerk.html"
    page.write_text("<html><body><h1>Clerk</h1><p>Reports To: City Clerk</p></body></html>")
    assert Locator().line(Prov(str(page), start=6, end=16)) is None
    assert Locator().line(Prov(str(tmp_path / "gone.md"), start=0, end=5)) is None
    assert Locator().line(Prov("org.yaml", line=4)) == 4
