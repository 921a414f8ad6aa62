"""Query commands on awkward data: markup in titles, reporting cycles, many tops, a closed pipe."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import Orgmodel
from tests.conftest import ROOT

# Titles rich would read as markup: a closing tag with no opening one (a MarkupError
# traceback before), a bracketed word (dropped), a style tag (applied, text lost) and an
# emoji code (turned into an emoji).
MARKUP = (
    "id,title,manager\n1,Directrice [/b] générale,\n2,部長 [acting],1\n3,Adjoint [red]x,1\n"
    "4,Head :warning: of Ops,1\n"
)
TITLES = ("Directrice [/b] générale", "部長 [acting]", "Adjoint [red]x", "Head :warning: of Ops")

# 1 and 2 report to each other; 3 hangs under the loop; 4 and 5 are a sound tree.
LOOP = "id,title,manager\n1,Boss,2\n2,Deputy,1\n3,Analyst,2\n4,Mayor,\n5,Clerk,4\n"


def _write(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return name


@pytest.mark.parametrize(
    "args",
    [
        ["show"],
        ["chain", "4"],
        ["chain", "4", "--all"],
        ["reports", "1"],
        ["common", "2", "3"],
        ["path", "2", "4"],
        ["oversees", "4"],
    ],
)
def test_titles_that_look_like_markup_print_as_written(
    orgmodel: Orgmodel, tmp_path: Path, args: list[str]
) -> None:
    source = _write(tmp_path, "markup.csv", MARKUP)
    result = orgmodel(*args, "-s", source, cwd=tmp_path)
    assert result.code == 0, result.stderr
    printed = [t for t in TITLES if t.split()[0] in result.stdout]
    assert printed, result.stdout
    for title in printed:  # a title printed at all is printed whole
        assert title in result.stdout, (title, result.stdout)


def test_common_names_both_posts_whole(orgmodel: Orgmodel, tmp_path: Path) -> None:
    result = orgmodel("common", "2", "3", "-s", _write(tmp_path, "m.csv", MARKUP), cwd=tmp_path)
    assert "1 level(s) above 部長 [acting]" in result.stdout
    assert "1 level(s) above Adjoint [red]x" in result.stdout


def test_reports_table_title_with_a_closing_tag(orgmodel: Orgmodel, tmp_path: Path) -> None:
    result = orgmodel("reports", "1", "-s", _write(tmp_path, "m.csv", MARKUP), cwd=tmp_path)
    assert result.code == 0 and "Traceback" not in result.stderr
    assert "3 report(s) of Directrice [/b] générale" in result.stdout


# ---------------------------------------------------------------- reporting cycles


def test_show_says_how_many_posts_sit_in_cycles(orgmodel: Orgmodel, tmp_path: Path) -> None:
    result = orgmodel("show", "-s", _write(tmp_path, "loop.csv", LOOP), cwd=tmp_path)
    assert result.code == 0
    assert "Mayor" in result.stdout and "Clerk" in result.stdout
    assert (
        "3 posts sit in or under reporting cycles and are not shown; "
        "run 'orgmodel validate' to see the cycles"
    ) in result.stdout


def test_show_of_a_graph_that_is_all_cycle_is_not_silent(
    orgmodel: Orgmodel, tmp_path: Path
) -> None:
    source = _write(tmp_path, "loop.csv", "id,title,manager\n1,Boss,2\n2,Deputy,1\n")
    result = orgmodel("show", "-s", source, cwd=tmp_path)
    assert "2 posts sit in or under reporting cycles" in result.stdout
    data = json.loads(orgmodel("show", "-s", source, "-f", "json", cwd=tmp_path).stdout)
    assert data["posts"] == [] and data["in_reporting_cycles"] == 2


def test_show_from_a_post_in_a_cycle_ends_where_the_loop_closes(
    orgmodel: Orgmodel, tmp_path: Path
) -> None:
    result = orgmodel("show", "--root", "2", "-s", _write(tmp_path, "l.csv", LOOP), cwd=tmp_path)
    assert result.code == 0
    assert "↻ back to Deputy (reporting cycle)" in result.stdout
    assert result.stdout.count("Deputy") == 2  # once as the top, once where the loop closes


def test_chain_shows_where_the_loop_closes(orgmodel: Orgmodel, tmp_path: Path) -> None:
    source = _write(tmp_path, "loop.csv", LOOP)
    result = orgmodel("chain", "3", "-s", source, cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert [line.strip().split(" —")[0] for line in lines] == [
        "Analyst",
        "↑ Deputy",
        "↑ Boss",
        "↻ back to Deputy (reporting cycle) (loop.csv:2)",
    ]
    assert "top post" not in result.stdout
    data = json.loads(orgmodel("chain", "3", "-s", source, "-f", "json", cwd=tmp_path).stdout)
    assert data["loops_back_to"] == "2"
    top = json.loads(orgmodel("chain", "5", "-s", source, "-f", "json", cwd=tmp_path).stdout)
    assert top["loops_back_to"] is None


def test_chain_of_a_department_says_it_is_not_in_the_chain_of_command(
    orgmodel: Orgmodel,
) -> None:
    result = orgmodel("chain", "Facilities Department")
    assert result.code == 0
    assert "no post reports to it" in result.stdout and "top post" not in result.stdout


def test_show_root_on_a_department_is_a_usage_error(orgmodel: Orgmodel) -> None:
    result = orgmodel("show", "--root", "Facilities Department")
    assert result.code == 2
    assert "a department no post reports to" in result.stderr
    assert "'Director of Facilities'" in result.stderr  # its head, the post to name instead


# ---------------------------------------------------------------- --limit and JSON


def _tops(n: int) -> str:
    return "id,title,manager\n" + "".join(f"{i},Clerk {i},\n" for i in range(n))


def test_limit_counts_top_posts_and_says_what_it_left_out(
    orgmodel: Orgmodel, tmp_path: Path
) -> None:
    source = _write(tmp_path, "tops.csv", _tops(30))
    result = orgmodel("show", "--limit", "10", "-s", source, cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert len(lines) == 11, result.stdout
    assert lines[-1] == "20 posts not shown, 20 of them top posts (use --depth/--limit/--root)"


def test_json_honours_limit_and_units(orgmodel: Orgmodel) -> None:
    args = ("show", "--root", "Hartford Public Schools: COO", "-f", "json", "-q")
    full = json.loads(orgmodel(*args).stdout)
    cut = json.loads(orgmodel(*args, "--limit", "3", "--units").stdout)
    assert full["not_shown"] == 0 and len(full["posts"]) == full["shown"] == 27
    assert "heads" not in full["posts"][0]
    coo = cut["posts"][0]
    assert len(cut["posts"]) == cut["shown"] == 3 and cut["not_shown"] == 24
    assert [p["reports_to"] for p in cut["posts"]] == [None, "hps-coo", "hps-coo"]
    assert coo["not_shown"] == 24
    assert [u["id"] for u in coo["heads"]][:2] == ["hps-operations", "hps-enrollment"]


def test_a_very_deep_chain_prints_without_recursion(orgmodel: Orgmodel, tmp_path: Path) -> None:
    n = 1500  # beyond Python's default recursion limit of 1,000
    rows = "".join(f"{i},Level {i},{i - 1 if i else ''}\n" for i in range(n))
    source = _write(tmp_path, "deep.csv", "id,title,manager\n" + rows)
    args = ("show", "-s", source, "--limit", "5000")
    data = json.loads(orgmodel(*args, "-f", "json", cwd=tmp_path).stdout)
    assert data["shown"] == n and data["not_shown"] == 0
    assert [p["level"] for p in data["posts"]] == list(range(n))
    assert [p["reports_to"] for p in data["posts"][:3]] == [None, "0", "1"]
    text = orgmodel(*args, "--depth", "1200", cwd=tmp_path)
    assert text.code == 0 and "Level 1200" in text.stdout and "Level 1201" not in text.stdout
    assert "299 posts not shown" in text.stdout


# ---------------------------------------------------------------- names


def test_ambiguity_reports_how_many_posts_match(orgmodel: Orgmodel, tmp_path: Path) -> None:
    rows = "1,Director,\n" + "".join(f"{i},Analyst,1\n" for i in range(2, 22))
    source = _write(tmp_path, "many.csv", "id,title,manager\n" + rows)
    result = orgmodel("chain", "Analyst", "-s", source, cwd=tmp_path)
    assert result.code == 2
    assert "'Analyst' matches 20 posts:" in result.stderr and "; and 8 more." in result.stderr


def test_two_organizations_of_one_name_are_not_picked_silently(
    orgmodel: Orgmodel, tmp_path: Path
) -> None:
    org = tmp_path / "twins.yaml"
    org.write_text(
        "organizations:\n"
        "  - {id: sw-koeln, name: Städtische Werke, posts: [{id: gf-k, title: Geschäftsführer}]}\n"
        "  - {id: sw-bonn, name: Städtische Werke, posts: [{id: gf-b, title: Geschäftsführer}]}\n",
        encoding="utf-8",
    )
    result = orgmodel("chain", "Städtische Werke: Geschäftsführer", "-s", org.name, cwd=tmp_path)
    assert result.code == 2
    assert "matches 2 organizations" in result.stderr
    assert "[id sw-koeln]" in result.stderr and "[id sw-bonn]" in result.stderr
    by_id = orgmodel("chain", "sw-bonn: Geschäftsführer", "-s", org.name, cwd=tmp_path)
    assert by_id.code == 0 and "[gf-b]" in by_id.stdout


# ---------------------------------------------------------------- a closed pipe


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_closed_pipe_stops_quietly_with_141(fmt: str) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "orgmodel", "show", "--limit", "100000", "-f", fmt],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before the first line (as `| head -0` would)
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert stderr == ""


def test_stats_in_a_pipe_pads_no_line(orgmodel: Orgmodel) -> None:
    """The widest-spans line is long; no other line is padded out to its width."""
    run = orgmodel("stats")
    lines = run.stdout.splitlines()
    assert run.code == 0 and lines[0].startswith(" posts ")
    assert all(line == line.rstrip() for line in lines)
    assert max(len(line) for line in lines[:-1]) < 70 < len(lines[-1])
    cells = [re.match(r" (\S.*?)  +(\S)", line) for line in lines]
    assert [c.group(1) for c in cells if c][:3] == ["posts", "units", "organizations"]
    assert len({c.start(2) for c in cells if c}) == 1 and all(cells)  # values in one column
