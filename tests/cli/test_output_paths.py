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


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["convert", "-s", "org.yaml", "-s", "missing.csv", "-o", "org.yaml"],
            "-o org.yaml is one of the sources; write elsewhere (convert would replace it",
        ),
        (["convert", "-s", "./link.yaml", "-o", "org.yaml"], "is one of the sources"),
        (["convert", "-s", "org.csv#2024", "-o", "org.csv"], "-o org.csv is one of the sources"),
        (["convert", "-s", ".", "-o", "./org.yaml"], "sources (read from the folder .)"),
        (["convert", "-o", "org.yaml"], "-o org.yaml is one of the sources"),  # orgmodel.toml's
        (["apply", "org.yaml", "plan.yaml", "-o", "org.yaml"], "-o org.yaml is the BASE;"),
        (["apply", ".", "plan.yaml", "-o", "org.yaml"], "is the BASE (read from the folder .)"),
        (["apply", "org.yaml", "plan.yaml", "-o", "plan.yaml"], "-o plan.yaml is the SCENARIO;"),
    ],
    ids=[
        "convert",
        "symlink",
        "snapshot",
        "folder",
        "settings",
        "apply base",
        "apply base folder",
        "apply scenario",
    ],
)
def test_an_output_that_is_an_input_is_refused_before_any_work(
    orgmodel: Orgmodel, tmp_path: Path, args: list[str], says: str
) -> None:
    files = {
        "org.yaml": "# our own notes on the structure\n" + Path(HPS).read_text(encoding="utf-8"),
        "plan.yaml": Path(PLAN).read_text(encoding="utf-8"),
        "org.csv": "id,title,manager,as_of\n1,Mayor,,2024\n",
        "orgmodel.toml": 'sources = ["org.yaml"]\n',
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to("org.yaml")
    result = orgmodel(*args, "-q", cwd=tmp_path)
    assert result.code == 2, result
    assert result.stderr.startswith("error: ") and says in result.stderr, result.stderr
    assert "not found" not in result.stderr  # refused before the sources were read
    for name, text in files.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*files, "link.yaml"])


def test_an_output_beside_the_inputs_is_written(orgmodel: Orgmodel, tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(Path(HPS).read_text(encoding="utf-8"), encoding="utf-8")
    result = orgmodel("convert", "-s", "org.yaml", "-o", "copy.yaml", "-q", cwd=tmp_path)
    assert result.code == 0, result
    assert (tmp_path / "copy.yaml").is_file()
