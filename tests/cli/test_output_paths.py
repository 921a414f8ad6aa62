"""Every command that writes a file: an output path that cannot be written is a clean error.

A file where a folder should be (``-o taken.yaml/out.svg``) gave a
``FileExistsError`` traceback and exit 1 -- which scripts read as "answered
no". It is a usage error now: one line naming the path, exit 2, nothing written.
An org file asked for under another ending is refused before any work.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Orgmodel
from tests.conftest import ROOT

HPS = str(ROOT / "data/hartford-public-schools.yaml")
PLAN = str(ROOT / "data/proposals/hps-operations-2026.yaml")
POSTINGS = str(ROOT / "data/postings")
CSV = str(ROOT / "data/minneapolis-city-clerk.csv")


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "-s", HPS, "-o", "{bad}/org.graphml", "-q"],
        ["convert", "-s", CSV, "-o", "ok.yaml", "--save-map", "{bad}/map.toml", "-q"],
        ["render", "-s", HPS, "-o", "{bad}/chart.mmd", "-q"],
        ["ingest", POSTINGS, "-o", "{bad}/postings.yaml", "-q"],
        ["apply", HPS, PLAN, "-o", "{bad}/proposed.yaml", "-q"],
        ["diff", HPS, PLAN, "-o", "{bad}/changes.dot", "-q"],
    ],
    ids=["convert -o", "convert --save-map", "render -o", "ingest -o", "apply -o", "diff -o"],
)
def test_an_unwritable_output_is_one_line_and_exit_2(
    orgmodel: Orgmodel, tmp_path: Path, args: list[str]
) -> None:
    taken = tmp_path / "taken.yaml"
    taken.write_text("a file, not a folder\n")
    result = orgmodel(*(a.format(bad=taken.name) for a in args), cwd=tmp_path)
    assert result.code == 2, result
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: taken.yaml/")
    assert ": cannot write: taken.yaml is a file, not a folder" in result.stderr
    assert taken.read_text() == "a file, not a folder\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    "args",
    [
        ["ingest", "no-such-folder", "-o", "org.txt"],
        ["apply", "no-such-base.yaml", "no-such-plan.yaml", "-o", "proposed.csv"],
    ],
)
def test_an_org_file_under_another_ending_is_refused_before_any_work(
    orgmodel: Orgmodel, tmp_path: Path, args: list[str]
) -> None:
    result = orgmodel(*args, cwd=tmp_path)
    assert result.code == 2
    # the inputs do not exist: the output was checked first
    assert "an org file is written as .yaml, .yml or .json" in result.stderr
    assert "not found" not in result.stderr
    assert list(tmp_path.iterdir()) == []
