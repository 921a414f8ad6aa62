"""``orgmodel render`` as a user meets it: files, summaries, clean errors."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.inprocess import Run, invoke


def _run(*args: str) -> Run:
    """``orgmodel`` in this process, in the repository's folder."""
    return invoke(*args, cwd=ROOT)


def test_render_writes_the_chart_and_says_what_it_holds(tmp_path: Path) -> None:
    out = tmp_path / "org.mmd"
    result = _run("render", "-q", "--org", "HPS", "--max-posts", "10", "-o", str(out))
    assert result.returncode == 0, result.stderr
    # the board, the superintendent and their 6 reports; then the two one-person teams
    assert f"wrote {out} (mermaid): 9 of 53 posts" in result.stdout
    assert "'+N more' hold 44" in result.stdout
    assert "Superintendent of Schools" in out.read_text()


def test_title_date_direction_and_theme_reach_the_dot(tmp_path: Path) -> None:
    out = tmp_path / "org.dot"
    args = ["--root", "HPS: COO", "--title", "Ops <2026>", "--date", "1 July 2026",
            "--direction", "lr", "--theme", "dark"]  # fmt: skip
    result = _run("render", "-q", *args, "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert "Ops &lt;2026&gt;" in text and "1 July 2026" in text
    assert "rankdir=LR" in text and "#1b1f24" in text


def test_no_date_leaves_it_off_and_default_is_today(tmp_path: Path) -> None:
    import datetime

    a, b = tmp_path / "a.dot", tmp_path / "b.dot"
    _run("render", "-q", "--root", "HPS: COO", "-o", str(a))
    _run("render", "-q", "--root", "HPS: COO", "--no-date", "-o", str(b))
    assert datetime.date.today().isoformat() in a.read_text()
    assert datetime.date.today().isoformat() not in b.read_text()


def _clean_error(result: Run, *parts: str) -> None:
    assert result.returncode == 2
    stderr = result.stderr
    assert "Traceback" not in stderr
    for part in parts:
        assert part in stderr, stderr


def test_errors_are_one_paragraph(tmp_path: Path) -> None:
    _clean_error(
        _run("render", "-q", "-o", str(tmp_path / "x.jpg")), "cannot tell the chart format"
    )
    _clean_error(
        _run("render", "-q", "--root", "Superintendant", "-o", str(tmp_path / "x.svg")),
        "did you mean",
    )
    _clean_error(
        _run("render", "-q", "--org", "Atlantis", "-o", str(tmp_path / "x.svg")), "Atlantis"
    )
    _clean_error(
        _run("render", "-q", "--theme", "neon", "-o", str(tmp_path / "x.svg")),
        "'neon' is not one of 'default', 'mono', 'dark'",
    )
    _clean_error(
        _run("render", "-q", "--direction", "up", "-o", str(tmp_path / "x.svg")),
        "'up' is not one of 'tb', 'lr'",
    )
    _clean_error(
        _run(
            "render",
            "-q",
            "--root",
            "HPS: COO",
            "--highlight",
            "hfd-mayor",
            "-o",
            str(tmp_path / "x.svg"),
        ),
        "not under the chart's top posts",
    )
    assert not list(tmp_path.iterdir())


def test_root_in_a_reporting_cycle_draws_it_once_and_says_so(tmp_path: Path) -> None:
    source = tmp_path / "loop.csv"
    source.write_text("id,title,manager\n1,City Manager,2\n2,Deputy,1\n3,Analyst,2\n4,Mayor,\n")
    out = tmp_path / "loop.mmd"
    result = _run("render", "-s", str(source), "--root", "1", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"wrote {out} (mermaid): 3 of 3 posts" in result.stdout
    assert "the top post sits in a reporting cycle" in result.stdout
    lines = [line.strip() for line in out.read_text().splitlines() if " --" in line]
    assert lines == ["p0 --- p1", "p1 --- p2", "p1 --> p0"]  # the last one closes the cycle
