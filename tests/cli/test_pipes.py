"""``-`` is standard input and output everywhere, and nothing renames over a pipe or device.

Before, ``convert -o -`` wrote a file called ``-``, ``-s -`` said "file not
found", and ``-o /dev/stdout`` run as root replaced the /dev/stdout symlink
with a regular file (every write was a rename).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import yaml

from tests.cli.conftest import Orgmodel
from tests.conftest import ROOT

HPS = str(ROOT / "data/hartford-public-schools.yaml")
PLAN = ROOT / "data/proposals/hps-operations-2026.yaml"
CSV = ROOT / "data/minneapolis-city-clerk.csv"
POSTING = ROOT / "data/postings/hps-chief-operating-officer.md"


class _Piped(io.TextIOWrapper):
    """Standard input fed from bytes, as a shell pipe gives it (not a terminal)."""

    def isatty(self) -> bool:
        return False


@pytest.fixture
def pipe_in(monkeypatch: pytest.MonkeyPatch) -> object:
    def feed(data: bytes | str) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        monkeypatch.setattr(sys, "stdin", _Piped(io.BytesIO(raw), encoding="utf-8"))

    return feed


def test_convert_to_stdout_writes_no_file_and_reports_on_stderr(
    orgmodel: Orgmodel, tmp_path: Path
) -> None:
    result = orgmodel("convert", "-s", str(CSV), "-o", "-", "--to", "csv", "-q", cwd=tmp_path)
    assert result.code == 0, result
    assert result.stdout.startswith("ID,Title,Name,")
    assert len(result.stdout.splitlines()) == 24  # the header and 23 posts, nothing else
    assert "wrote standard output (csv): 23 posts" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_stdout_needs_a_format(orgmodel: Orgmodel, tmp_path: Path) -> None:
    result = orgmodel("convert", "-s", str(CSV), "-o", "-", cwd=tmp_path)
    assert result.code == 2
    assert "name it with --to (yaml, json, csv," in result.stderr
    result = orgmodel("render", "-s", str(CSV), "-o", "-", cwd=tmp_path)
    assert result.code == 2
    assert "name it with --to (svg, png, pdf, dot, mermaid, html)" in result.stderr


def test_a_conversion_piped_into_another_command_loses_nothing(
    orgmodel: Orgmodel, pipe_in: object, tmp_path: Path
) -> None:
    converted = orgmodel("convert", "-s", HPS, "-o", "-", "--to", "yaml", "-q", cwd=tmp_path)
    assert converted.code == 0
    direct = orgmodel("stats", "-s", HPS, "-q", "--format", "json", cwd=tmp_path)
    pipe_in(converted.stdout)  # type: ignore[operator]
    piped = orgmodel("stats", "-s", "-", "-q", "--format", "json", cwd=tmp_path)
    assert piped.code == 0, piped
    assert piped.stdout == direct.stdout


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("id,title,manager\n1,Mayor,\n2,City Clerk,1\n", None),
        ("id;title;manager\n1;Mayor;\n2;City Clerk;1\n", None),
        (
            '[{"id": "1", "name": "Mayor"}, {"id": "2", "name": "City Clerk", "parentId": "1"}]',
            None,
        ),
        (
            "# a comment first\norganizations:\n  - name: City\n    posts:\n"
            "      - {id: '1', title: Mayor}\n"
            "      - {id: '2', title: City Clerk, reports_to: '1'}\n",
            None,
        ),
        ("id|title|manager\n1|Mayor|\n2|City Clerk|1\n", "table"),
    ],
    ids=["csv", "semicolons", "d3 json", "yaml", "forced table"],
)
def test_sources_are_read_from_stdin_by_what_they_hold(
    orgmodel: Orgmodel, pipe_in: object, tmp_path: Path, text: str, fmt: str | None
) -> None:
    pipe_in(text)  # type: ignore[operator]
    args = ["chain", "City Clerk", "-s", "-"] + (["--input-format", fmt] if fmt else [])
    result = orgmodel(*args, cwd=tmp_path)
    assert result.code == 0, result
    assert result.stdout.splitlines()[1].lstrip().startswith("↑ Mayor")
    assert "(<stdin>:" in result.stdout  # provenance names standard input, not a temp file


def test_a_bad_record_on_stdin_is_named_by_line(
    orgmodel: Orgmodel, pipe_in: object, tmp_path: Path
) -> None:
    pipe_in("organizations:\n  - name: X\n    posts:\n      - id: a\n")  # type: ignore[operator]
    result = orgmodel("stats", "-s", "-", cwd=tmp_path)
    assert result.code == 2
    assert result.stderr.startswith("error: <stdin>:4: does not fit the org file schema")


def test_stdin_is_read_once_and_never_from_a_terminal(
    orgmodel: Orgmodel, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    result = orgmodel("stats", "-s", "-", "-s", "-", cwd=tmp_path)
    assert result.code == 2 and "named twice" in result.stderr

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    result = orgmodel("stats", "-s", "-", cwd=tmp_path)
    assert result.code == 2 and "nothing is piped in" in result.stderr


def test_render_to_stdout(orgmodel: Orgmodel, tmp_path: Path) -> None:
    result = orgmodel(
        "render", "-s", str(CSV), "-o", "-", "--to", "mermaid", "--no-date", cwd=tmp_path
    )
    assert result.code == 0, result
    assert "flowchart TB" in result.stdout
    assert "wrote standard output (mermaid)" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_apply_reads_its_scenario_from_stdin_and_ingest_writes_to_stdout(
    orgmodel: Orgmodel, pipe_in: object, tmp_path: Path
) -> None:
    pipe_in(PLAN.read_text())  # type: ignore[operator]
    result = orgmodel("apply", HPS, "-", "-o", "-", "-q", cwd=tmp_path)
    assert result.code == 0, result
    proposed = yaml.safe_load(result.stdout)
    ids = {p["id"] for o in proposed["organizations"] for p in o.get("posts", [])}
    assert "hps-cio" in ids
    result = orgmodel("ingest", str(ROOT / "data/postings"), "-o", "-", "-q", cwd=tmp_path)
    assert result.code == 0, result
    assert yaml.safe_load(result.stdout)["orgmodel"] == 1
    assert "-> standard output" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_extract_reads_a_posting_from_stdin(
    orgmodel: Orgmodel, pipe_in: object, tmp_path: Path
) -> None:
    pipe_in(POSTING.read_bytes())  # type: ignore[operator]
    result = orgmodel("extract", "-", cwd=tmp_path)
    assert result.code == 0, result
    assert result.stdout.splitlines()[:2] == ["<stdin>", "  title: Chief Operating Officer"]


def test_the_diff_chart_cannot_share_stdout_with_the_report(
    orgmodel: Orgmodel, tmp_path: Path
) -> None:
    result = orgmodel("diff", HPS, str(PLAN), "-o", "-", cwd=tmp_path)
    assert result.code == 2
    assert "the report goes to standard output" in result.stderr
