"""``orgmodel render`` with awkward paths and data: brackets, cycles, units, twin organizations."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Orgmodel
from tests.conftest import ROOT

LOOP = "id,title,manager\n1,Boss,2\n2,Deputy,1\n3,Analyst,2\n4,Mayor,\n5,Clerk,4\n"


def test_a_path_and_titles_with_brackets(orgmodel: Orgmodel, tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text(
        "id,title,manager\n1,Directrice [/b] générale,\n2,部長 [acting],1\n"
    )
    result = orgmodel("render", "-s", "m.csv", "-o", "a[/b].mmd", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("wrote a[/b].mmd (mermaid): 2 of 2 posts")
    chart = (tmp_path / "a[/b].mmd").read_text(encoding="utf-8")
    assert "générale" in chart and "部長" in chart


def test_posts_in_cycles_are_counted_not_lost(orgmodel: Orgmodel, tmp_path: Path) -> None:
    (tmp_path / "loop.csv").write_text(LOOP)
    result = orgmodel("render", "-s", "loop.csv", "-o", "c.mmd", cwd=tmp_path)
    assert result.code == 0
    assert "2 of 2 posts" in result.stdout
    assert (
        "3 posts sit in or under reporting cycles and are not on the chart; "
        "run 'orgmodel validate' to see the cycles"
    ) in result.stdout


def test_a_chart_of_nothing_but_a_cycle_says_so(orgmodel: Orgmodel, tmp_path: Path) -> None:
    (tmp_path / "loop.csv").write_text("id,title,manager,organization\n1,Boss,2,X\n2,Deputy,1,X\n")
    for extra in ([], ["--org", "X"]):
        result = orgmodel("render", "-s", "loop.csv", "-o", "c.mmd", *extra, cwd=tmp_path)
        assert result.code == 2
        assert "nothing to draw: all 2 posts sit in or under reporting cycles" in result.stderr
    assert not (tmp_path / "c.mmd").exists()


def test_a_department_as_root_is_refused(orgmodel: Orgmodel, tmp_path: Path) -> None:
    out = tmp_path / "x.mmd"
    result = orgmodel("render", "-q", "--root", "Facilities Department", "-o", str(out))
    assert result.code == 2 and "a department no post reports to" in result.stderr
    assert not out.exists()


def test_two_organizations_of_one_name_are_not_picked_silently(
    orgmodel: Orgmodel, tmp_path: Path
) -> None:
    (tmp_path / "twins.yaml").write_text(
        "organizations:\n"
        "  - {id: a, name: Städtische Werke, posts: [{id: p, title: Geschäftsführer}]}\n"
        "  - {id: b, name: Städtische Werke, posts: [{id: q, title: Geschäftsführer}]}\n",
        encoding="utf-8",
    )
    args = ("render", "-s", "twins.yaml", "-o", "t.mmd")
    result = orgmodel(*args, "--org", "Städtische Werke", cwd=tmp_path)
    assert result.code == 2 and "matches 2 organizations" in result.stderr
    chosen = orgmodel(*args, "--org", "b", cwd=tmp_path)
    assert chosen.code == 0 and "1 of 1 posts" in chosen.stdout


def test_an_html_chart_holds_fifty_thousand_posts_unless_told(
    orgmodel: Orgmodel, tmp_path: Path
) -> None:
    result = orgmodel("render", "-q", "-o", str(tmp_path / "org.html"))
    assert result.code == 0, result.stderr
    assert result.stdout.startswith(f"wrote {tmp_path / 'org.html'} (html): 120 of 120 posts")
    page = (tmp_path / "org.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    small = orgmodel("render", "-q", "--max-posts", "10", "-o", str(tmp_path / "small.html"))
    assert "7 of 120 posts; 5 '+N more' hold 113" in small.stdout  # folded as .svg folds
    folded = orgmodel("render", "-q", "-o", str(tmp_path / "org.svg"))
    assert "59 of 120 posts" in folded.stdout  # the static chart keeps its page-sized default


def test_assistants_beside_their_principal(orgmodel: Orgmodel, tmp_path: Path) -> None:
    clerk = str(ROOT / "data/minneapolis-city-clerk.csv")
    result = orgmodel("render", "-q", "-s", clerk, "--assistants", "-o", "a.dot", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert "_a0" in (tmp_path / "a.dot").read_text()
    bad = orgmodel("render", "-q", "-s", clerk, "--assistants", "--assistant-pattern", "(",
                   "-o", "b.dot", cwd=tmp_path)  # fmt: skip
    assert bad.code == 2 and "not a regular expression" in bad.stderr
    assert not (tmp_path / "b.dot").exists()
    lr = orgmodel("render", "-q", "-s", clerk, "--direction", "LR", "-o", "c.html", cwd=tmp_path)
    assert lr.code == 2 and "top-down" in lr.stderr and not (tmp_path / "c.html").exists()
